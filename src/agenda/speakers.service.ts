import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { User } from '../auth/user.entity';
import { conflict, notFound } from '../common/errors';
import { assertVersion } from '../common/find-or-fail';
import { newId } from '../common/ids';
import { Page, PageQueryDto, pageOf, skipOf } from '../common/pagination';
import { containsPattern, personSearchKey } from '../common/text';
import { TransactionRunner } from '../database/transaction-runner';
import { AgendaItemSpeaker } from './agenda-item-speaker.entity';
import { AgendaItemRepository } from './agenda-item.repository';
import {
  CreateSpeakerDto,
  SpeakerAgendaItemResponseDto,
  SpeakerListQueryDto,
  SpeakerResponseDto,
  toSpeakerResponse,
  UpdateSpeakerDto,
} from './speaker.dto';
import { Speaker } from './speaker.entity';
import { versionedUpdate } from '../database/versioned-update';

/** The speaker directory (báo cáo viên), shared by every conference. */
@Injectable()
export class SpeakersService {
  constructor(
    @InjectRepository(Speaker) private readonly speakers: Repository<Speaker>,
    private readonly agenda: AgendaItemRepository,
    private readonly tx: TransactionRunner,
  ) {}

  async list(query: SpeakerListQueryDto): Promise<Page<SpeakerResponseDto>> {
    const qb = this.speakers
      .createQueryBuilder('s')
      .orderBy('s.searchKey', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .skip(skipOf(query))
      .take(query.pageSize);
    if (query.q?.trim()) qb.where("s.searchKey LIKE :q ESCAPE '\\'", { q: containsPattern(query.q) });
    return pageOf(query, await qb.getManyAndCount(), toSpeakerResponse);
  }

  async get(id: string): Promise<SpeakerResponseDto> {
    return toSpeakerResponse(await this.speakerOrFail(this.speakers.manager, id));
  }

  async create(dto: CreateSpeakerDto): Promise<SpeakerResponseDto> {
    const speaker = await this.tx.transaction(async (m) => {
      const fields = {
        fullName: dto.fullName,
        title: dto.title ?? null,
        organization: dto.organization ?? null,
        email: dto.email ?? null,
        phone: dto.phone ?? null,
        bio: dto.bio ?? null,
      };
      const id = newId();
      await m.insert(Speaker, { id, ...fields, searchKey: personSearchKey(fields), version: 1 });
      return m.findOneByOrFail(Speaker, { id });
    });
    return toSpeakerResponse(speaker);
  }

  async update(id: string, dto: UpdateSpeakerDto): Promise<SpeakerResponseDto> {
    const speaker = await this.tx.transaction(async (m) => {
      const current = await this.speakerOrFail(m, id);
      assertVersion(current, dto.version);
      const given: Partial<Speaker> = {
        ...(dto.fullName !== undefined && { fullName: dto.fullName }),
        ...(dto.title !== undefined && { title: dto.title }),
        ...(dto.organization !== undefined && { organization: dto.organization }),
        ...(dto.email !== undefined && { email: dto.email }),
        ...(dto.phone !== undefined && { phone: dto.phone }),
        ...(dto.bio !== undefined && { bio: dto.bio }),
      };
      const next = { ...current, ...given };
      await versionedUpdate(m, Speaker, { id, version: dto.version }, { ...given, searchKey: personSearchKey(next) });
      return m.findOneByOrFail(Speaker, { id });
    });
    return toSpeakerResponse(speaker);
  }

  /** Removes a speaker who is on no agenda item; one who is would leave holes in programmes, so 409. */
  async remove(id: string): Promise<void> {
    await this.tx.transaction(async (m) => {
      await this.speakerOrFail(m, id);
      const items = await m.countBy(AgendaItemSpeaker, { speakerId: id });
      if (items > 0) {
        throw conflict(
          'id',
          'speaker_in_use',
          `Báo cáo viên đang có tên trong ${items} mục chương trình; hãy gỡ khỏi các mục đó trước khi xóa.`,
        );
      }
      await m.delete(Speaker, { id });
    });
  }

  /** The speaker's agenda across the conferences the user can see, by start. */
  async agendaOf(id: string, query: PageQueryDto, user: User): Promise<Page<SpeakerAgendaItemResponseDto>> {
    await this.speakerOrFail(this.speakers.manager, id);
    const found = await this.agenda.pageForSpeaker(id, query, user);
    const conferences = await this.agenda.conferencesById(found[0].map((item) => item.conferenceId));
    return pageOf(query, found, (item) => {
      const conference = conferences.get(item.conferenceId)!;
      return {
        id: item.id,
        conferenceId: item.conferenceId,
        conferenceTitle: conference.title,
        conferenceStatus: conference.status,
        startsAt: item.startsAt.toISOString(),
        endsAt: item.endsAt.toISOString(),
        title: item.title,
        kind: item.kind,
      };
    });
  }

  private async speakerOrFail(m: EntityManager, id: string): Promise<Speaker> {
    const found = await m.findOneBy(Speaker, { id });
    if (!found) throw notFound('id', 'speaker_not_found', `Không tìm thấy báo cáo viên ${id}.`);
    return found;
  }
}
