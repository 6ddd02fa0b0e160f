import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { userActor } from '../audit/actor';
import { AuditService } from '../audit/audit.service';
import { User } from '../auth/user.entity';
import { assertVersion } from '../common/find-or-fail';
import { newId } from '../common/ids';
import { Page, PageQueryDto, pageOf } from '../common/pagination';
import { Conference } from '../conferences/conference.entity';
import { assertOpen } from '../conferences/conference-lifecycle';
import { ConferencePoints, pointNotOfConference } from '../conferences/conference-points';
import { ConferencesService } from '../conferences/conferences.service';
import { TransactionRunner } from '../database/transaction-runner';
import { AgendaItemRecords } from './agenda-item-records';
import { AgendaItemResponseDto, CreateAgendaItemDto, toAgendaItemResponse, UpdateAgendaItemDto } from './agenda-item.dto';
import { AgendaItem } from './agenda-item.entity';
import { AgendaItemRepository } from './agenda-item.repository';
import { assertNoOverlap, assertWithinConference } from './agenda-overlap';
import { Speaker } from './speaker.entity';
import { badField, conferenceNotFound, conflict } from '../common/errors';
import { versionedUpdate } from '../database/versioned-update';
import { agendaItemNotFound } from './agenda-errors';

/** A conference's programme (chương trình): items in time order, one at a time in each place. */
@Injectable()
export class AgendaItemsService {
  constructor(
    private readonly agenda: AgendaItemRepository,
    private readonly conferences: ConferencesService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly records: AgendaItemRecords,
    private readonly points: ConferencePoints,
  ) {}

  async list(conferenceId: string, query: PageQueryDto, user: User): Promise<Page<AgendaItemResponseDto>> {
    await this.conferences.findVisible(conferenceId, user);
    const found = await this.agenda.listForConference(conferenceId, query);
    const speakers = await this.agenda.speakerIdsByItem(found[0].map((item) => item.id));
    return pageOf(query, found, (item) => toAgendaItemResponse(item, speakers.get(item.id) ?? []));
  }

  async create(conferenceId: string, dto: CreateAgendaItemDto, user: User): Promise<AgendaItemResponseDto> {
    return this.tx.transaction(async (m) => {
      const conference = await this.openConference(m, conferenceId);
      const speakerIds = dto.speakerIds ?? [];
      const item = {
        id: newId(),
        conferenceId,
        startsAt: new Date(dto.startsAt),
        endsAt: new Date(dto.endsAt),
        title: dto.title,
        kind: dto.kind ?? 'presentation',
        description: dto.description ?? null,
        bridgePointId: dto.bridgePointId ?? null,
        position: dto.position ?? (await this.agenda.nextPosition(m, conferenceId)),
        attendanceRequired: dto.attendanceRequired ?? false,
        version: 1,
      };
      await this.assertSchedulable(m, conference, item, speakerIds);
      await m.insert(AgendaItem, item);
      await this.agenda.replaceSpeakers(m, item.id, speakerIds);
      const created = toAgendaItemResponse(await m.findOneByOrFail(AgendaItem, { id: item.id }), speakerIds);
      await this.audit.record(m, userActor(user), {
        conferenceId,
        entityType: 'agenda_item',
        entityId: item.id,
        action: 'create',
        after: created,
      });
      return created;
    });
  }

  async update(conferenceId: string, itemId: string, dto: UpdateAgendaItemDto, user: User): Promise<AgendaItemResponseDto> {
    return this.tx.transaction(async (m) => {
      const conference = await this.openConference(m, conferenceId);
      const current = await this.itemOrFail(m, conferenceId, itemId);
      assertVersion(current, dto.version);
      const currentSpeakerIds = (await this.agenda.speakerIdsByItem([itemId], m)).get(itemId) ?? [];
      const changes: Partial<AgendaItem> = {
        ...(dto.startsAt !== undefined && { startsAt: new Date(dto.startsAt) }),
        ...(dto.endsAt !== undefined && { endsAt: new Date(dto.endsAt) }),
        ...(dto.title !== undefined && { title: dto.title }),
        ...(dto.kind !== undefined && { kind: dto.kind }),
        ...(dto.description !== undefined && { description: dto.description }),
        ...(dto.bridgePointId !== undefined && { bridgePointId: dto.bridgePointId }),
        ...(dto.position !== undefined && { position: dto.position }),
        ...(dto.attendanceRequired !== undefined && { attendanceRequired: dto.attendanceRequired }),
      };
      const next = { ...current, ...changes };
      const speakerIds = dto.speakerIds ?? currentSpeakerIds;
      await this.assertSchedulable(m, conference, next, speakerIds);
      await versionedUpdate(m, AgendaItem, { id: itemId, version: dto.version }, changes);
      if (dto.speakerIds) await this.agenda.replaceSpeakers(m, itemId, speakerIds);
      const updated = toAgendaItemResponse(await m.findOneByOrFail(AgendaItem, { id: itemId }), speakerIds);
      await this.audit.record(m, userActor(user), {
        conferenceId,
        entityType: 'agenda_item',
        entityId: itemId,
        action: 'update',
        before: toAgendaItemResponse(current, currentSpeakerIds),
        after: updated,
      });
      return updated;
    });
  }

  /**
   * Removes the item with its speaker list. Records other modules keep against it (a session's
   * attendance) go with it only when `force` says so (409 naming them otherwise), and the audit
   * entry counts them.
   */
  async remove(conferenceId: string, itemId: string, user: User, force = false): Promise<void> {
    await this.tx.transaction(async (m) => {
      await this.openConference(m, conferenceId);
      const current = await this.itemOrFail(m, conferenceId, itemId);
      const records = await this.records.of(m, itemId);
      if (records.length > 0 && !force) {
        const [first, ...more] = records;
        throw conflict('itemId', first.code, `${[first, ...more].map((r) => r.message).join(' ')} Nếu vẫn muốn xóa mục "${current.title}" cùng các dữ liệu đó, hãy xác nhận xóa (force=true).`);
      }
      const speakerIds = (await this.agenda.speakerIdsByItem([itemId], m)).get(itemId) ?? [];
      await this.agenda.replaceSpeakers(m, itemId, []);
      await m.delete(AgendaItem, { id: itemId });
      await this.audit.record(m, userActor(user), {
        conferenceId,
        entityType: 'agenda_item',
        entityId: itemId,
        action: 'delete',
        // A delete's entry keeps the whole item (no after), with what went with it.
        before: {
          ...toAgendaItemResponse(current, speakerIds),
          ...(records.length > 0 && { deletedWithIt: Object.fromEntries(records.map((r) => [r.name, r.count])) }),
        },
      });
    });
  }

  /** The conference, locked, or 404; 409 when it is completed or cancelled. */
  private async openConference(m: EntityManager, conferenceId: string): Promise<Conference> {
    const conference = await this.agenda.lockConference(m, conferenceId);
    if (!conference) throw conferenceNotFound();
    assertOpen(conference);
    return conference;
  }

  private async itemOrFail(m: EntityManager, conferenceId: string, itemId: string): Promise<AgendaItem> {
    const item = await m.findOneBy(AgendaItem, { id: itemId, conferenceId });
    if (!item) throw agendaItemNotFound(itemId);
    return item;
  }

  /** Every rule an item must meet to be in the programme: 400 for bad references and times, 409 for a collision. */
  private async assertSchedulable(
    m: EntityManager,
    conference: Conference,
    item: Pick<AgendaItem, 'id' | 'startsAt' | 'endsAt' | 'bridgePointId'>,
    speakerIds: string[],
  ): Promise<void> {
    const { bridgePointId } = item;
    if (bridgePointId !== null && !(await this.points.has(m, conference.id, bridgePointId))) {
      throw pointNotOfConference(bridgePointId);
    }
    if (speakerIds.length > 0) {
      const found = await m.find(Speaker, { select: { id: true }, where: { id: In(speakerIds) } });
      const known = new Set(found.map((s) => s.id));
      const unknown = speakerIds.filter((id) => !known.has(id));
      if (unknown.length > 0) {
        throw badField('speakerIds', 'speaker_not_found', `Không tìm thấy báo cáo viên trong danh bạ: ${unknown.join(', ')}.`);
      }
    }
    assertWithinConference(item, conference);
    assertNoOverlap(item, await this.agenda.itemsAtPlace(m, conference.id, item.bridgePointId), conference);
  }
}
