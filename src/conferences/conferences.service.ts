import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { userActor } from '../audit/actor';
import { AuditEntryResponse, AuditService } from '../audit/audit.service';
import { User } from '../auth/user.entity';
import { assertVersion } from '../common/find-or-fail';
import { newId } from '../common/ids';
import { Page, PageQueryDto, pageOf, skipOf } from '../common/pagination';
import { containsPattern, searchKey } from '../common/text';
import { sqlInstant } from '../database/sql-instant';
import { TransactionRunner } from '../database/transaction-runner';
import { Clock } from '../common/clock';
import { badField, conferenceNotFound, conflict } from '../common/errors';
import { vnDateTime } from '../common/vietnamese-time';
import { AttendanceWindow } from './attendance-window';
import { ConferenceCalendarSteps } from './conference-calendar-steps';
import { ConferenceCloneSteps } from './conference-clone-steps';
import { ConferenceMoveSteps } from './conference-move-steps';
import { ConferencePoints } from './conference-points';
import { ConferenceRemovalSteps } from './conference-removal-steps';
import { Conference } from './conference.entity';
import { ConferenceRepository } from './conference.repository';
import { assertOpen, nextStatus, STATUS_WORDS, Transition } from './conference-lifecycle';
import {
  CancelConferenceDto,
  CloneConferenceDto,
  ConferenceListQueryDto,
  ConferenceResponseDto,
  CreateConferenceDto,
  DEFAULT_COMPLETION_RULE,
  DEFAULT_REGISTRATION,
  toConferenceResponse,
  TimedTransitionDto,
  TransitionDto,
  UpdateConferenceDto,
} from './conference.dto';
import { forUpdate } from '../database/row-lock';
import { versionedUpdate } from '../database/versioned-update';

/** Fields whose change makes calendars need an update (iCalendar SEQUENCE). */
const CALENDAR_FIELDS = ['startsAt', 'endsAt', 'venue', 'onlineUrl', 'timezone'] as const;

function assertWindow(startsAt: Date, endsAt: Date): void {
  if (endsAt.getTime() <= startsAt.getTime()) {
    throw badField('endsAt', 'ends_before_start', 'Giờ kết thúc của hội nghị phải sau giờ bắt đầu.');
  }
}

@Injectable()
export class ConferencesService {
  constructor(
    @InjectRepository(Conference) private readonly conferences: Repository<Conference>,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly reader: ConferenceRepository,
    private readonly window: AttendanceWindow,
    private readonly clock: Clock,
    private readonly cloneSteps: ConferenceCloneSteps,
    private readonly removalSteps: ConferenceRemovalSteps,
    private readonly moveSteps: ConferenceMoveSteps,
    private readonly calendarSteps: ConferenceCalendarSteps,
    private readonly points: ConferencePoints,
  ) {}

  async create(dto: CreateConferenceDto, user: User): Promise<ConferenceResponseDto> {
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    assertWindow(startsAt, endsAt);
    const conference = await this.tx.transaction(async (m) => {
      const created = m.create(Conference, {
        id: newId(),
        title: dto.title,
        searchKey: searchKey(dto.title),
        kind: dto.kind,
        format: dto.format,
        status: 'draft',
        description: dto.description ?? null,
        hostOrganization: dto.hostOrganization ?? null,
        startsAt,
        endsAt,
        timezone: dto.timezone ?? 'Asia/Ho_Chi_Minh',
        venue: dto.venue ?? null,
        onlineUrl: dto.onlineUrl ?? null,
        chairName: dto.chairName ?? null,
        chairTitle: dto.chairTitle ?? null,
        cancelReason: null,
        registration: { ...DEFAULT_REGISTRATION, ...dto.registration },
        completionRule: { ...DEFAULT_COMPLETION_RULE, ...dto.completionRule },
        clonedFromId: null,
        createdBy: user.id,
        version: 1,
        sequence: 0,
      });
      await m.insert(Conference, created);
      await this.audit.record(m, userActor(user), {
        conferenceId: created.id,
        entityType: 'conference',
        entityId: created.id,
        action: 'create',
        after: toConferenceResponse({ ...created, createdAt: this.clock.now(), updatedAt: this.clock.now() }),
      });
      return m.findOneByOrFail(Conference, { id: created.id });
    });
    return toConferenceResponse(conference);
  }

  async list(query: ConferenceListQueryDto, user: User): Promise<Page<ConferenceResponseDto>> {
    const qb = this.conferences
      .createQueryBuilder('c')
      .orderBy('c.startsAt', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .skip(skipOf(query))
      .take(query.pageSize);
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (query.kind) qb.andWhere('c.kind = :kind', { kind: query.kind });
    if (query.format) qb.andWhere('c.format = :format', { format: query.format });
    if (query.from) qb.andWhere('c.startsAt >= :from', { from: sqlInstant(this.conferences.manager, new Date(query.from)) });
    if (query.to) qb.andWhere('c.startsAt < :to', { to: sqlInstant(this.conferences.manager, new Date(query.to)) });
    if (query.q?.trim()) qb.andWhere("c.searchKey LIKE :q ESCAPE '\\'", { q: containsPattern(query.q) });
    await this.points.whereVisible(this.conferences.manager, qb, 'c.id', user);
    return pageOf(query, await qb.getManyAndCount(), toConferenceResponse);
  }

  async get(id: string, user: User): Promise<ConferenceResponseDto> {
    return toConferenceResponse(await this.findVisible(id, user));
  }

  /**
   * Loads a conference the user may see: an operator sees only conferences with one of their points;
   * any other one answers the same 404 as a missing one, so its existence does not leak.
   */
  async findVisible(id: string, user: User): Promise<Conference> {
    const conference = await this.reader.findById(id);
    if (conference && (await this.points.sees(this.conferences.manager, id, user))) return conference;
    throw conferenceNotFound();
  }

  async update(id: string, dto: UpdateConferenceDto, user: User): Promise<ConferenceResponseDto> {
    const conference = await this.tx.transaction(async (m) => {
      const current = await this.lockedOrFail(m, id);
      assertOpen(current);
      assertVersion(current, dto.version);
      const before = toConferenceResponse(current);

      const startsAt = dto.startsAt ? new Date(dto.startsAt) : current.startsAt;
      const shift = startsAt.getTime() - current.startsAt.getTime();
      const endsAt = dto.endsAt ? new Date(dto.endsAt) : new Date(current.endsAt.getTime() + shift);
      assertWindow(startsAt, endsAt);

      const next: Conference = {
        ...current,
        ...(dto.title !== undefined && { title: dto.title, searchKey: searchKey(dto.title) }),
        ...(dto.kind !== undefined && { kind: dto.kind }),
        ...(dto.format !== undefined && { format: dto.format }),
        ...(dto.timezone !== undefined && { timezone: dto.timezone }),
        ...(dto.description !== undefined && { description: dto.description }),
        ...(dto.hostOrganization !== undefined && { hostOrganization: dto.hostOrganization }),
        ...(dto.venue !== undefined && { venue: dto.venue }),
        ...(dto.onlineUrl !== undefined && { onlineUrl: dto.onlineUrl }),
        ...(dto.chairName !== undefined && { chairName: dto.chairName }),
        ...(dto.chairTitle !== undefined && { chairTitle: dto.chairTitle }),
        ...(dto.registration !== undefined && { registration: { ...DEFAULT_REGISTRATION, ...dto.registration } }),
        ...(dto.completionRule !== undefined && { completionRule: { ...DEFAULT_COMPLETION_RULE, ...current.completionRule, ...dto.completionRule } }),
        startsAt,
        endsAt,
      };
      const calendarChanged = CALENDAR_FIELDS.some(
        (f) => JSON.stringify(before[f]) !== JSON.stringify(toConferenceResponse(next)[f]),
      );
      const { id: _id, createdAt: _c, updatedAt: _u, version: _v, ...changes } = next;
      await versionedUpdate(m, Conference, current, {
        ...changes,
        sequence: current.sequence + (calendarChanged ? 1 : 0),
      });
      await this.moveSteps.runAll(m, { conferenceId: id, shiftMs: shift, startsAt, endsAt });
      const updated = await m.findOneByOrFail(Conference, { id });
      // Everyone already invited gets the new time, place or link, in this same transaction.
      if (calendarChanged) await this.calendarSteps.runAll(m, updated, 'update');
      await this.audit.record(m, userActor(user), {
        conferenceId: id,
        entityType: 'conference',
        entityId: id,
        action: 'update',
        before,
        after: toConferenceResponse(updated),
      });
      return updated;
    });
    return toConferenceResponse(conference);
  }

  async remove(id: string, user: User): Promise<void> {
    const afterCommit = await this.tx.transaction(async (m) => {
      const current = await this.lockedOrFail(m, id);
      if (current.status !== 'draft') {
        throw conflict(
          'status',
          'not_a_draft',
          `Hội nghị ${STATUS_WORDS[current.status]}; chỉ xóa được hội nghị còn là bản nháp (hãy hủy hội nghị thay vì xóa).`,
        );
      }
      const cleanUp = await this.removalSteps.prepare(m, id);
      await m.delete(Conference, { id });
      await this.audit.record(m, userActor(user), {
        conferenceId: id,
        entityType: 'conference',
        entityId: id,
        action: 'delete',
        before: toConferenceResponse(current),
      });
      return cleanUp;
    });
    await afterCommit();
  }

  async transition(
    id: string,
    transition: Transition,
    dto: TransitionDto | TimedTransitionDto | CancelConferenceDto,
    user: User,
  ): Promise<ConferenceResponseDto> {
    const force = 'force' in dto && dto.force === true;
    const conference = await this.tx.transaction(async (m) => {
      const current = await this.lockedOrFail(m, id);
      if (dto.version !== undefined) assertVersion(current, dto.version);
      const status = nextStatus(current.status, transition);
      if (transition === 'publish') await this.assertPublishable(m, current);
      if (!force) this.assertOnTime(current, transition);
      const changes: Partial<Conference> = { status };
      if (transition === 'cancel') {
        changes.cancelReason = (dto as CancelConferenceDto).reason;
        // A cancellation is a new calendar revision: clients drop the event only if SEQUENCE grew.
        changes.sequence = current.sequence + 1;
      }
      await versionedUpdate(m, Conference, current, changes);
      const updated = await m.findOneByOrFail(Conference, { id });
      if (transition === 'cancel') {
        await this.calendarSteps.runAll(m, updated, 'cancellation');
      }
      await this.audit.record(m, userActor(user), {
        conferenceId: id,
        entityType: 'conference',
        entityId: id,
        action: transition,
        before: { status: current.status },
        after: { status, ...(changes.cancelReason && { cancelReason: changes.cancelReason }), ...(force && { force: true }) },
      });
      return updated;
    });
    return toConferenceResponse(conference);
  }

  /**
   * A new draft with the same settings, every time shifted so that the conference starts at
   * `startsAt`; the modules built on conferences copy their own rows through ConferenceCloneSteps
   * (bridge points unconfirmed and without attendance, the agenda, the evaluation form).
   */
  async clone(id: string, dto: CloneConferenceDto, user: User): Promise<ConferenceResponseDto> {
    const conference = await this.tx.transaction(async (m) => {
      const source = await m.findOneBy(Conference, { id });
      if (!source) throw conferenceNotFound();
      const startsAt = new Date(dto.startsAt);
      const shift = startsAt.getTime() - source.startsAt.getTime();
      const moved = (d: Date) => new Date(d.getTime() + shift);
      const copy: Conference = {
        ...source,
        id: newId(),
        title: dto.title ?? source.title,
        searchKey: searchKey(dto.title ?? source.title),
        status: 'draft',
        startsAt,
        endsAt: moved(source.endsAt),
        cancelReason: null,
        registration: source.registration
          ? {
              ...source.registration,
              opensAt: source.registration.opensAt ? moved(new Date(source.registration.opensAt)).toISOString() : null,
              closesAt: source.registration.closesAt ? moved(new Date(source.registration.closesAt)).toISOString() : null,
            }
          : null,
        clonedFromId: source.id,
        createdBy: user.id,
        version: 1,
        sequence: 0,
      };
      const { createdAt: _c, updatedAt: _u, ...insertable } = copy;
      await m.insert(Conference, insertable);

      const copied = await this.cloneSteps.runAll({ manager: m, sourceId: source.id, copyId: copy.id, shiftMs: shift, pointIds: new Map(), agendaItemIds: new Map() });
      await this.audit.record(m, userActor(user), {
        conferenceId: copy.id,
        entityType: 'conference',
        entityId: copy.id,
        action: 'clone',
        after: { clonedFromId: source.id, copied },
      });
      return m.findOneByOrFail(Conference, { id: copy.id });
    });
    return toConferenceResponse(conference);
  }

  async auditTrail(id: string, query: PageQueryDto, user: User): Promise<Page<AuditEntryResponse>> {
    await this.findVisible(id, user);
    return this.audit.listForConference(id, query);
  }

  /**
   * A conference starts no earlier than its attendance window opens, and is completed no earlier
   * than it starts: otherwise the record would show an event held before its time.
   */
  private assertOnTime(conference: Conference, transition: Transition): void {
    const now = this.clock.now().getTime();
    const at = (d: Date) => vnDateTime(d, conference.timezone);
    if (transition === 'start' && now < this.window.opensAt(conference).getTime()) {
      throw conflict(
        'startsAt',
        'too_early_to_start',
        `Hội nghị khai mạc lúc ${at(conference.startsAt)}; chỉ bắt đầu được từ ${at(this.window.opensAt(conference))}. ` +
          'Gửi "force": true nếu vẫn muốn bắt đầu sớm.',
      );
    }
    if (transition === 'complete' && now < conference.startsAt.getTime()) {
      throw conflict(
        'startsAt',
        'not_started_yet',
        `Hội nghị khai mạc lúc ${at(conference.startsAt)}; chưa thể kết thúc trước giờ khai mạc. Gửi "force": true nếu vẫn muốn kết thúc.`,
      );
    }
  }

  private async assertPublishable(m: EntityManager, conference: Conference): Promise<void> {
    const mains = await this.points.mainCount(m, conference.id);
    if (mains !== 1) {
      throw conflict(
        'bridgePoints',
        'no_main_bridge_point',
        'Hội nghị chưa có điểm cầu chính; hãy chọn một điểm cầu chính (isMain) trước khi công bố.',
      );
    }
    assertWindow(conference.startsAt, conference.endsAt);
  }

  private async lockedOrFail(m: EntityManager, id: string): Promise<Conference> {
    const found = await m.findOne(Conference, {
      where: { id },
      ...forUpdate(m),
    });
    if (!found) throw conferenceNotFound();
    return found;
  }


}
