import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Actor, userActor } from '../audit/actor';
import { AuditService } from '../audit/audit.service';
import { User } from '../auth/user.entity';
import { Clock } from '../common/clock';
import { conferenceNotFound } from '../common/errors';
import { assertVersion } from '../common/find-or-fail';
import { newId } from '../common/ids';
import { Conference } from '../conferences/conference.entity';
import { ConferencesService } from '../conferences/conferences.service';
import { TransactionRunner } from '../database/transaction-runner';
import { todayIn } from './action-item-deadline';
import { draftNotice } from './conclusion-notice-draft';
import { NoticeSections } from './conclusion-notice-sections';
import {
  ConclusionNoticeResponseDto,
  DraftConclusionNoticeDto,
  toNoticeResponse,
  toNoticeSectionsPatch,
  UpdateConclusionNoticeDto,
} from './conclusion-notice.dto';
import { ConclusionNotice } from './conclusion-notice.entity';
import { formatDocumentNumber } from './document-number';
import { minutesIn, noMinutes, noNotice, noticeExists } from './minutes-errors';
import { Minutes } from './minutes.entity';
import { forUpdate } from '../database/row-lock';
import { versionedUpdate } from '../database/versioned-update';

const numberOf = (s: NoticeSections) => formatDocumentNumber(s.header.number, 'TB', s.header.abbreviation);

/** The conclusion notice (thông báo kết luận), drafted from the approved minutes and edited afterwards. */
@Injectable()
export class ConclusionNoticeService {
  constructor(
    @InjectRepository(ConclusionNotice) private readonly notices: Repository<ConclusionNotice>,
    private readonly tx: TransactionRunner,
    private readonly conferences: ConferencesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async draft(conferenceId: string, dto: DraftConclusionNoticeDto, user: User): Promise<ConclusionNoticeResponseDto> {
    await this.conferences.findVisible(conferenceId, user);
    const notice = await this.tx.transaction((m) => this.draftIn(m, conferenceId, dto, userActor(user), user.id));
    return toNoticeResponse(notice);
  }

  /**
   * Drafts the notice inside the caller's transaction (the API's and the demo seeder's), dated
   * `issuedOn` (YYYY-MM-DD; today in the conference's zone unless given).
   */
  async draftIn(
    m: EntityManager,
    conferenceId: string,
    dto: DraftConclusionNoticeDto,
    actor: Actor,
    createdBy: string | null,
    issuedOn?: string,
  ): Promise<ConclusionNotice> {
    const conference = await m.findOne(Conference, { where: { id: conferenceId }, ...forUpdate(m) });
    if (!conference) throw conferenceNotFound();
    const minutes = await m.findOneBy(Minutes, { conferenceId });
    if (!minutes) throw noMinutes(conferenceId);
    if (minutes.status !== 'approved') throw minutesIn(minutes.status, 'lập thông báo kết luận', 'approved');
    if (await m.existsBy(ConclusionNotice, { conferenceId })) {
      throw noticeExists(conferenceId);
    }
    const date = issuedOn ?? todayIn(this.clock.now(), conference.timezone);
    const sections = draftNotice(conference, minutes.sections, date, dto.number ?? null);
    const row = {
      id: newId(),
      conferenceId,
      minutesId: minutes.id,
      number: numberOf(sections),
      sections,
      createdBy,
      version: 1,
    };
    await m.insert(ConclusionNotice, row);
    await this.audit.record(m, actor, {
      conferenceId,
      entityType: 'conclusion_notice',
      entityId: row.id,
      action: 'create',
      after: { number: row.number, minutesHash: minutes.contentHash },
    });
    return m.findOneByOrFail(ConclusionNotice, { id: row.id });
  }

  async get(conferenceId: string, user: User): Promise<ConclusionNoticeResponseDto> {
    await this.conferences.findVisible(conferenceId, user);
    return toNoticeResponse(await this.findOrFail(conferenceId));
  }

  async findOrFail(conferenceId: string): Promise<ConclusionNotice> {
    const found = await this.notices.findOneBy({ conferenceId });
    if (!found) throw noNotice(conferenceId);
    return found;
  }

  async update(conferenceId: string, dto: UpdateConclusionNoticeDto, user: User): Promise<ConclusionNoticeResponseDto> {
    await this.conferences.findVisible(conferenceId, user);
    const notice = await this.tx.transaction(async (m) => {
      const current = await m.findOne(ConclusionNotice, { where: { conferenceId }, ...forUpdate(m) });
      if (!current) throw noNotice(conferenceId);
      assertVersion(current, dto.version);
      const patch = toNoticeSectionsPatch(dto.sections);
      const sections: NoticeSections = { ...current.sections, ...patch };
      const number = numberOf(sections);
      await versionedUpdate(m, ConclusionNotice, current, { sections, number });
      await this.audit.record(m, userActor(user), {
        conferenceId,
        entityType: 'conclusion_notice',
        entityId: current.id,
        action: 'update',
        before: { number: current.number, version: current.version },
        after: { number, version: current.version + 1, sections: Object.keys(patch) },
      });
      return m.findOneByOrFail(ConclusionNotice, { id: current.id });
    });
    return toNoticeResponse(notice);
  }
}
