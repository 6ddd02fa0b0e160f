import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Actor, userActor } from '../audit/actor';
import { AuditService } from '../audit/audit.service';
import { User } from '../auth/user.entity';
import { Clock } from '../common/clock';
import { badField, conferenceNotFound } from '../common/errors';
import { assertVersion } from '../common/find-or-fail';
import { newId } from '../common/ids';
import { Page, PageQueryDto, pageOf, skipOf } from '../common/pagination';
import { Conference } from '../conferences/conference.entity';
import { ConferencesService } from '../conferences/conferences.service';
import { TransactionRunner } from '../database/transaction-runner';
import { ActionItem } from './action-item.entity';
import { formatDocumentNumber } from './document-number';
import { MinutesAwardsReader } from './minutes-awards.reader';
import { actionItemLine, draftSections, DraftOptions } from './minutes-draft';
import { assertMinutesStage, minutesExist, minutesIn, noMinutes } from './minutes-errors';
import { minutesContentHash } from './minutes-hash';
import { MinutesRevision, RevisionReason } from './minutes-revision.entity';
import { MinutesSections } from './minutes-sections';
import { toSectionsPatch } from './minutes-sections.dto';
import { MinutesSourceRepository } from './minutes-source.repository';
import {
  ApproveMinutesDto,
  DraftMinutesDto,
  MinutesResponseDto,
  MinutesRevisionResponseDto,
  ReopenMinutesDto,
  toMinutesResponse,
  toRevisionResponse,
  UpdateMinutesDto,
} from './minutes.dto';
import { Minutes } from './minutes.entity';
import { forUpdate } from '../database/row-lock';
import { versionedUpdate } from '../database/versioned-update';

/**
 * Minutes (biên bản): drafted once from the conference's data, edited while a draft (each save
 * a revision), approved (sealed by the hash of their content), reopened only by an admin with a
 * reason, which starts a new revision chain.
 */
@Injectable()
export class MinutesService {
  constructor(
    @InjectRepository(Minutes) private readonly minutes: Repository<Minutes>,
    @InjectRepository(MinutesRevision) private readonly revisions: Repository<MinutesRevision>,
    private readonly tx: TransactionRunner,
    private readonly conferences: ConferencesService,
    private readonly source: MinutesSourceRepository,
    private readonly awards: MinutesAwardsReader,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async draft(conferenceId: string, dto: DraftMinutesDto, user: User): Promise<MinutesResponseDto> {
    await this.conferences.findVisible(conferenceId, user);
    const created = await this.tx.transaction((m) => this.draftIn(m, conferenceId, dto, userActor(user)));
    return toMinutesResponse(created);
  }

  /** Drafts the minutes inside the caller's transaction (the demo seeder's, or a request's). */
  async draftIn(m: EntityManager, conferenceId: string, options: DraftOptions, actor: Actor): Promise<Minutes> {
    const conference = await m.findOne(Conference, { where: { id: conferenceId }, ...forUpdate(m) });
    if (!conference) throw conferenceNotFound();
    assertMinutesStage(conference, 'lập biên bản');
    if (await m.existsBy(Minutes, { conferenceId })) {
      throw minutesExist(conferenceId);
    }
    // One after the other: a transaction's connection runs one query at a time.
    const source = await this.source.read(m, conference);
    const awards = await this.awards.read(m, conferenceId);
    const sections = draftSections(source, awards, options);
    const row: Omit<Minutes, 'createdAt' | 'updatedAt'> = {
      id: newId(),
      conferenceId,
      status: 'draft',
      number: numberOf(sections),
      sections,
      chain: 1,
      revision: 1,
      contentHash: null,
      approvedAt: null,
      approvedBy: null,
      approvedByName: null,
      createdBy: actor.userId,
      version: 1,
    };
    await m.insert(Minutes, row);
    await this.saveRevision(m, row, 'draft', actor);
    await this.audit.record(m, actor, {
      conferenceId,
      entityType: 'minutes',
      entityId: row.id,
      action: 'create',
      after: { status: 'draft', number: row.number, bridgePoints: sections.bridgePoints.count, proceedings: sections.proceedings.length },
    });
    return m.findOneByOrFail(Minutes, { id: row.id });
  }

  async get(conferenceId: string, user: User): Promise<MinutesResponseDto> {
    await this.conferences.findVisible(conferenceId, user);
    return toMinutesResponse(await this.findOrFail(conferenceId));
  }

  /** The minutes of a conference, or 404 in Vietnamese. */
  async findOrFail(conferenceId: string, m: EntityManager = this.minutes.manager): Promise<Minutes> {
    const found = await m.findOneBy(Minutes, { conferenceId });
    if (!found) throw noMinutes(conferenceId);
    return found;
  }

  async update(conferenceId: string, dto: UpdateMinutesDto, user: User): Promise<MinutesResponseDto> {
    const nothing = (!dto.sections || Object.keys(toSectionsPatch(dto.sections)).length === 0) && !dto.refreshActionItems;
    if (nothing) {
      throw badField('sections', 'nothing_to_change', 'Không có gì để sửa: hãy gửi ít nhất một phần của biên bản (sections) hoặc refreshActionItems: true.');
    }
    await this.conferences.findVisible(conferenceId, user);
    const updated = await this.tx.transaction((m) => this.updateIn(m, conferenceId, dto, userActor(user)));
    return toMinutesResponse(updated);
  }

  /** Replaces the sections given (each whole) and saves a revision; only a draft, only at the version read. */
  async updateIn(m: EntityManager, conferenceId: string, dto: UpdateMinutesDto, actor: Actor): Promise<Minutes> {
    const current = await this.lockedOrFail(m, conferenceId);
    if (current.status !== 'draft') throw minutesIn(current.status, 'sửa biên bản', 'draft');
    assertVersion(current, dto.version);
    const patch = toSectionsPatch(dto.sections ?? {});
    if (dto.refreshActionItems) {
      const items = await m.find(ActionItem, { where: { conferenceId }, order: { position: 'ASC', createdAt: 'ASC', id: 'ASC' } });
      patch.actionItems = items.map(actionItemLine);
    }
    const sections: MinutesSections = { ...current.sections, ...patch };
    const next = { ...current, sections, number: numberOf(sections), revision: current.revision + 1 };
    await versionedUpdate(m, Minutes, current, { sections, number: next.number, revision: next.revision });
    await this.saveRevision(m, next, 'edit', actor);
    await this.audit.record(m, actor, {
      conferenceId,
      entityType: 'minutes',
      entityId: current.id,
      action: 'update',
      before: { revision: current.revision, number: current.number },
      after: { revision: next.revision, number: next.number, sections: Object.keys(patch) },
    });
    return m.findOneByOrFail(Minutes, { id: current.id });
  }

  async approve(conferenceId: string, dto: ApproveMinutesDto, user: User): Promise<MinutesResponseDto> {
    await this.conferences.findVisible(conferenceId, user);
    const approved = await this.tx.transaction((m) =>
      this.approveIn(m, conferenceId, dto.version, userActor(user), user.fullName),
    );
    return toMinutesResponse(approved);
  }

  /** Locks the minutes: stores the SHA-256 of their canonical content, who approved them and when. */
  async approveIn(m: EntityManager, conferenceId: string, version: number, actor: Actor, approverName: string): Promise<Minutes> {
    const current = await this.lockedOrFail(m, conferenceId);
    if (current.status !== 'draft') throw minutesIn(current.status, 'phê duyệt biên bản', 'draft');
    assertVersion(current, version);
    const contentHash = minutesContentHash({ conferenceId, number: current.number, sections: current.sections });
    const approvedAt = this.clock.now();
    await versionedUpdate(m, Minutes, current, {
      status: 'approved',
      contentHash,
      approvedAt,
      approvedBy: actor.userId,
      approvedByName: approverName,
    });
    await this.audit.record(m, actor, {
      conferenceId,
      entityType: 'minutes',
      entityId: current.id,
      action: 'approve',
      before: { status: 'draft' },
      after: { status: 'approved', contentHash, chain: current.chain, revision: current.revision },
    });
    return m.findOneByOrFail(Minutes, { id: current.id });
  }

  /** Admin only: back to draft with a reason (kept in the audit trail), starting a new revision chain. */
  async reopen(conferenceId: string, dto: ReopenMinutesDto, user: User): Promise<MinutesResponseDto> {
    await this.conferences.findVisible(conferenceId, user);
    const reopened = await this.tx.transaction(async (m) => {
      const current = await this.lockedOrFail(m, conferenceId);
      if (current.status !== 'approved') throw minutesIn(current.status, 'mở lại biên bản', 'approved');
      assertVersion(current, dto.version);
      const next = { ...current, chain: current.chain + 1, revision: 1 };
      await versionedUpdate(m, Minutes, current, {
        status: 'draft',
        contentHash: null,
        approvedAt: null,
        approvedBy: null,
        approvedByName: null,
        chain: next.chain,
        revision: 1,
      });
      const actor = userActor(user);
      await this.saveRevision(m, next, 'reopen', actor);
      await this.audit.record(m, actor, {
        conferenceId,
        entityType: 'minutes',
        entityId: current.id,
        action: 'reopen',
        before: { status: 'approved', contentHash: current.contentHash, chain: current.chain },
        after: { status: 'draft', contentHash: null, chain: next.chain, reason: dto.reason },
      });
      return m.findOneByOrFail(Minutes, { id: current.id });
    });
    return toMinutesResponse(reopened);
  }

  async listRevisions(conferenceId: string, query: PageQueryDto, user: User): Promise<Page<MinutesRevisionResponseDto>> {
    await this.conferences.findVisible(conferenceId, user);
    const minutes = await this.findOrFail(conferenceId);
    const found = await this.revisions.findAndCount({
      where: { minutesId: minutes.id },
      order: { chain: 'ASC', revision: 'ASC' },
      skip: skipOf(query),
      take: query.pageSize,
    });
    return pageOf(query, found, toRevisionResponse);
  }

  private async lockedOrFail(m: EntityManager, conferenceId: string): Promise<Minutes> {
    const found = await m.findOne(Minutes, { where: { conferenceId }, ...forUpdate(m) });
    if (!found) throw noMinutes(conferenceId);
    return found;
  }

  private async saveRevision(
    m: EntityManager,
    minutes: Pick<Minutes, 'id' | 'chain' | 'revision' | 'number' | 'sections'>,
    reason: RevisionReason,
    actor: Actor,
  ): Promise<void> {
    await m.insert(MinutesRevision, {
      id: newId(),
      minutesId: minutes.id,
      chain: minutes.chain,
      revision: minutes.revision,
      reason,
      number: minutes.number,
      sections: minutes.sections,
      authorId: actor.userId,
      author: actor.label,
    });
  }

}

const numberOf = (s: MinutesSections) => formatDocumentNumber(s.header.number, 'BB', s.header.abbreviation);
