import { HttpException, Injectable } from '@nestjs/common';
import { EntityManager, QueryFailedError } from 'typeorm';
import { userActor } from '../audit/actor';
import { AuditService } from '../audit/audit.service';
import { User } from '../auth/user.entity';
import { scopeOf, whereInScope } from '../bridge-points/bridge-point-scope';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { badField, conferenceNotFound, conflict, notFound } from '../common/errors';
import { assertVersion } from '../common/find-or-fail';
import { newId } from '../common/ids';
import { Page, PageQueryDto, skipOf } from '../common/pagination';
import { Conference } from '../conferences/conference.entity';
import { ConferencesService } from '../conferences/conferences.service';
import { TransactionRunner } from '../database/transaction-runner';
import {
  AwardDecisionResponseDto,
  CreateAwardDecisionDto,
  toAwardDecisionResponse,
  toAwardRecipientResponse,
  UpdateAwardDecisionDto,
} from './award-decision.dto';
import { AwardDecision } from './award-decision.entity';
import { AwardDecisionsRepository, DecisionWithForm } from './award-decisions.repository';
import { AwardForm } from './award-form.entity';
import { compareRecipients } from './award-order';
import { AwardRecipient } from './award-recipient.entity';
import { kindLabel, prefixed, recipientKindsOf, refuseIfAny } from './award-recipient-rules';
import { AwardRecipientWriter } from './award-recipient-writer';
import { parseDecisionNumber } from './decision-number';

/** Award decisions (quyết định khen thưởng) of a conference, each with its recipients. */
@Injectable()
export class AwardDecisionsService {
  constructor(
    private readonly repository: AwardDecisionsRepository,
    private readonly conferences: ConferencesService,
    private readonly writer: AwardRecipientWriter,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /**
   * Every decision of a conference in award-list order (authority's rank, signing date, number),
   * each with its award form's name, its heading and its recipients in order of presentation.
   * Three queries. For the minutes and the award list; callers check access themselves.
   */
  async listForConference(conferenceId: string, m?: EntityManager): Promise<AwardDecisionResponseDto[]> {
    const decisions = await this.repository.decisionsOf(conferenceId, m);
    return this.withRecipients(decisions, null, m);
  }

  /** GET …/award-decisions: an operator sees only recipients presented at their points, and decisions that have some. */
  async list(conferenceId: string, query: PageQueryDto, user: User): Promise<Page<AwardDecisionResponseDto>> {
    await this.conferences.findVisible(conferenceId, user);
    const visible = await this.visiblePoints(conferenceId, user);
    if (!visible) {
      const decisions = await this.repository.decisionsOf(conferenceId);
      const page = decisions.slice(skipOf(query), skipOf(query) + query.pageSize);
      return { items: await this.withRecipients(page, null), total: decisions.length, page: query.page, pageSize: query.pageSize };
    }
    // An operator's decisions are those with a recipient at their points: known only once recipients are read.
    const responses = await this.visibleForConference(conferenceId, user, visible);
    return {
      items: responses.slice(skipOf(query), skipOf(query) + query.pageSize),
      total: responses.length,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** Every decision with the recipients the user may see (an operator: those presented at their points). */
  async visibleForConference(
    conferenceId: string,
    user: User,
    known?: Set<string> | null,
  ): Promise<AwardDecisionResponseDto[]> {
    const visible = known === undefined ? await this.visiblePoints(conferenceId, user) : known;
    const decisions = await this.withRecipients(await this.repository.decisionsOf(conferenceId), visible);
    return visible ? decisions.filter((d) => d.recipients.length > 0) : decisions;
  }

  async get(conferenceId: string, decisionId: string, user: User): Promise<AwardDecisionResponseDto> {
    await this.conferences.findVisible(conferenceId, user);
    const visible = await this.visiblePoints(conferenceId, user);
    const decision = await this.decisionOrFail(this.repository.manager, conferenceId, decisionId);
    const [response] = await this.withRecipients(await this.repository.withForms([decision]), visible);
    if (visible && response.recipients.length === 0) throw decisionNotFound(decisionId);
    return response;
  }

  async create(conferenceId: string, dto: CreateAwardDecisionDto, user: User): Promise<AwardDecisionResponseDto> {
    const actor = userActor(user);
    return this.tx.transaction(async (m) => {
      const conference = await this.writableConference(m, conferenceId);
      const form = await formOrFail(m, dto.awardFormCode);
      const number = parseDecisionNumber(dto.number)!;
      await this.assertNumberFree(m, conferenceId, number.key, null);
      const decision: AwardDecision = m.create(AwardDecision, {
        id: newId(),
        conferenceId,
        number: number.number,
        numberKey: number.key,
        signedAt: dto.signedAt,
        issuingAuthority: dto.issuingAuthority ?? form.issuingAuthority,
        signerName: dto.signerName ?? null,
        signerTitle: dto.signerTitle ?? null,
        awardFormCode: form.code,
        version: 1,
      });
      await insertDecision(m, decision);
      await this.audit.record(m, actor, {
        conferenceId,
        entityType: 'award_decision',
        entityId: decision.id,
        action: 'create',
        after: auditView(decision),
      });
      if (dto.recipients?.length) {
        await this.writer.add(m, conference, decision, form, dto.recipients, 'recipients.', actor);
      }
      return this.reload(m, decision);
    });
  }

  async update(conferenceId: string, decisionId: string, dto: UpdateAwardDecisionDto, user: User): Promise<AwardDecisionResponseDto> {
    return this.tx.transaction(async (m) => {
      await this.writableConference(m, conferenceId);
      const current = await this.decisionOrFail(m, conferenceId, decisionId);
      assertVersion(current, dto.version);
      const changes: Partial<AwardDecision> = {};
      if (dto.number !== undefined) {
        const number = parseDecisionNumber(dto.number)!;
        if (number.key !== current.numberKey) await this.assertNumberFree(m, conferenceId, number.key, decisionId);
        Object.assign(changes, { number: number.number, numberKey: number.key });
      }
      if (dto.awardFormCode !== undefined && dto.awardFormCode !== current.awardFormCode) {
        const form = await formOrFail(m, dto.awardFormCode);
        await assertKindsAllowed(m, decisionId, form);
        changes.awardFormCode = form.code;
      }
      if (dto.signedAt !== undefined) changes.signedAt = dto.signedAt;
      if (dto.issuingAuthority !== undefined) changes.issuingAuthority = dto.issuingAuthority;
      if (dto.signerName !== undefined) changes.signerName = dto.signerName;
      if (dto.signerTitle !== undefined) changes.signerTitle = dto.signerTitle;
      const result = await m.update(AwardDecision, { id: decisionId, version: dto.version }, { ...changes, version: dto.version + 1 });
      if (result.affected !== 1) {
        assertVersion(await m.findOneByOrFail(AwardDecision, { id: decisionId }), dto.version);
      }
      const updated = await m.findOneByOrFail(AwardDecision, { id: decisionId });
      await this.audit.record(m, userActor(user), {
        conferenceId,
        entityType: 'award_decision',
        entityId: decisionId,
        action: 'update',
        before: auditView(current),
        after: auditView(updated),
      });
      return this.reload(m, updated);
    });
  }

  /** Deletes a decision and its recipients. */
  async remove(conferenceId: string, decisionId: string, user: User): Promise<void> {
    await this.tx.transaction(async (m) => {
      await this.writableConference(m, conferenceId);
      const current = await this.decisionOrFail(m, conferenceId, decisionId);
      const recipients = await m.count(AwardRecipient, { where: { decisionId } });
      await m.delete(AwardRecipient, { decisionId });
      await m.delete(AwardDecision, { id: decisionId });
      await this.audit.record(m, userActor(user), {
        conferenceId,
        entityType: 'award_decision',
        entityId: decisionId,
        action: 'delete',
        before: { ...auditView(current), recipients },
      });
    });
  }

  /** The conference, locked for the transaction, or 404; awards of a cancelled conference are frozen (409). */
  async writableConference(m: EntityManager, conferenceId: string): Promise<Conference> {
    const conference = await this.repository.lockConference(m, conferenceId);
    if (!conference) throw conferenceNotFound();
    // Decisions are often entered after the ceremony, for the minutes: a completed conference still takes them.
    if (conference.status === 'cancelled') {
      throw conflict('status', 'conference_cancelled', `Hội nghị ${conferenceId} đã bị hủy; không thể thay đổi khen thưởng của hội nghị nữa.`);
    }
    return conference;
  }

  async decisionOrFail(m: EntityManager, conferenceId: string, decisionId: string): Promise<AwardDecision> {
    const decision = await m.findOneBy(AwardDecision, { id: decisionId, conferenceId });
    if (!decision) throw decisionNotFound(decisionId);
    return decision;
  }

  /** The decision as answered after a write, read on the writing transaction. */
  async reload(m: EntityManager, decision: AwardDecision): Promise<AwardDecisionResponseDto> {
    const [response] = await this.withRecipients(await this.repository.withForms([decision], m), null, m);
    return response;
  }

  /** Ids of the conference's bridge points an operator may see; null for everyone else. */
  async visiblePoints(conferenceId: string, user: User): Promise<Set<string> | null> {
    const m = this.repository.manager;
    const scope = await scopeOf(m, user);
    if (!scope) return null;
    const qb = m.createQueryBuilder(BridgePoint, 'bp').select('bp.id', 'id').where('bp.conferenceId = :conferenceId', { conferenceId });
    const rows = await whereInScope(qb, 'bp', scope).getRawMany<{ id: string }>();
    return new Set(rows.map((r) => r.id));
  }

  private async withRecipients(
    decisions: DecisionWithForm[],
    visible: Set<string> | null,
    m: EntityManager = this.repository.manager,
  ): Promise<AwardDecisionResponseDto[]> {
    const rows = await this.repository.recipientsOf(decisions.map((d) => d.decision.id), m);
    const byDecision = new Map(decisions.map((d) => [d.decision.id, [] as typeof rows]));
    for (const row of rows) {
      if (visible && !(row.recipient.bridgePointId && visible.has(row.recipient.bridgePointId))) continue;
      byDecision.get(row.recipient.decisionId)?.push(row);
    }
    return decisions.map(({ decision, form }) => {
      const recipients = byDecision
        .get(decision.id)!
        .sort((a, b) => compareRecipients(a.recipient, b.recipient))
        .map((row) => toAwardRecipientResponse(row.recipient, row.bridgePointName));
      return toAwardDecisionResponse(decision, form?.name ?? decision.awardFormCode, recipients, form?.issuingAuthority);
    });
  }

  private async assertNumberFree(m: EntityManager, conferenceId: string, numberKey: string, exceptId: string | null): Promise<void> {
    const existing = await m.findOneBy(AwardDecision, { conferenceId, numberKey });
    if (existing && existing.id !== exceptId) throw numberTaken(existing.number);
  }
}

const decisionNotFound = (decisionId: string): HttpException =>
  notFound('decisionId', 'award_decision_not_found', `Không tìm thấy quyết định khen thưởng ${decisionId} trong hội nghị này.`);

const numberTaken = (number: string): HttpException =>
  conflict('number', 'decision_number_taken', `Quyết định số ${number} đã được ghi nhận trong hội nghị này.`);

/** The award form, or a 400 naming awardFormCode. */
export async function formOrFail(m: EntityManager, code: string): Promise<AwardForm> {
  const form = await m.findOneBy(AwardForm, { code });
  if (!form) throw badField('awardFormCode', 'award_form_not_found', `Không có hình thức khen thưởng mã ${code}; xem danh mục tại GET /api/award-forms.`);
  return form;
}

/** A new form must take every kind of recipient the decision already has. */
async function assertKindsAllowed(m: EntityManager, decisionId: string, form: AwardForm): Promise<void> {
  const allowed = recipientKindsOf(form);
  const kinds = await m
    .createQueryBuilder(AwardRecipient, 'r')
    .select('DISTINCT r.kind', 'kind')
    .where('r.decisionId = :decisionId', { decisionId })
    .getRawMany<{ kind: string }>();
  const refused = kinds.map((k) => k.kind).filter((k) => !allowed.includes(k as never));
  if (refused.length > 0) {
    refuseIfAny(
      prefixed('', [
        {
          field: 'awardFormCode',
          code: 'award_form_kind_mismatch',
          message: `${form.name} không dành cho ${refused.map(kindLabel).join(' hoặc ')}, trong khi quyết định này đã có người được khen là ${refused.map(kindLabel).join(' và ')}.`,
        },
      ]),
    );
  }
}

/** Inserts a decision; a concurrent insert of the same number answers 409 like the check before it. */
async function insertDecision(m: EntityManager, decision: AwardDecision): Promise<void> {
  try {
    await m.insert(AwardDecision, decision);
  } catch (error) {
    if (error instanceof QueryFailedError && /uq_award_decisions_number|award_decisions\.conference_id/.test(String((error.driverError as { constraint?: string; message?: string }).constraint ?? error.message))) {
      throw numberTaken(decision.number);
    }
    throw error;
  }
}

const auditView = (d: AwardDecision) => ({
  number: d.number,
  signedAt: d.signedAt,
  issuingAuthority: d.issuingAuthority,
  signerName: d.signerName,
  signerTitle: d.signerTitle,
  awardFormCode: d.awardFormCode,
});
