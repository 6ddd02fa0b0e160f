import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { userActor } from '../audit/actor';
import { AuditService } from '../audit/audit.service';
import { User } from '../auth/user.entity';
import { notFound } from '../common/errors';
import { assertVersion } from '../common/find-or-fail';
import { TransactionRunner } from '../database/transaction-runner';
import {
  AwardRecipientBatchDto,
  AwardRecipientResponseDto,
  CreateAwardRecipientDto,
  UpdateAwardRecipientDto,
} from './award-decision.dto';
import { AwardDecisionsService, formOrFail } from './award-decisions.service';
import { AwardDecision } from './award-decision.entity';
import { AwardRecipient } from './award-recipient.entity';
import { loadReferences, recipientKey, RecipientFields, recipientProblems, referenceProblems, refuseIfAny } from './award-recipient-rules';
import { AwardRecipientWriter, recipientAuditView } from './award-recipient-writer';

const RECIPIENT_FIELDS = [
  'kind',
  'name',
  'title',
  'organization',
  'administrativeUnitCode',
  'achievement',
  'agendaItemId',
  'bridgePointId',
  'presenterName',
] as const;

/** Recipients (người/tập thể được khen) of one decision: add one or many, change, remove. */
@Injectable()
export class AwardRecipientsService {
  constructor(
    private readonly decisions: AwardDecisionsService,
    private readonly writer: AwardRecipientWriter,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /** One recipient, or `{ items }`: all are added or, if any is refused, none. */
  async add(
    conferenceId: string,
    decisionId: string,
    dtos: CreateAwardRecipientDto[],
    batch: boolean,
    user: User,
  ): Promise<AwardRecipientResponseDto[]> {
    return this.tx.transaction(async (m) => {
      const conference = await this.decisions.writableConference(m, conferenceId);
      const decision = await this.decisions.decisionOrFail(m, conferenceId, decisionId);
      const form = await formOrFail(m, decision.awardFormCode);
      const rows = await this.writer.add(m, conference, decision, form, dtos, batch ? 'items.' : '', userActor(user));
      return this.responses(m, decision, new Set(rows.map((r) => r.id)));
    });
  }

  async update(
    conferenceId: string,
    decisionId: string,
    recipientId: string,
    dto: UpdateAwardRecipientDto,
    user: User,
  ): Promise<AwardRecipientResponseDto> {
    return this.tx.transaction(async (m) => {
      const conference = await this.decisions.writableConference(m, conferenceId);
      const decision = await this.decisions.decisionOrFail(m, conferenceId, decisionId);
      const current = await recipientOrFail(m, decisionId, recipientId);
      assertVersion(current, dto.version);
      const changes: Partial<AwardRecipient> = {};
      for (const field of RECIPIENT_FIELDS) {
        if (dto[field] !== undefined) Object.assign(changes, { [field]: dto[field] });
      }
      if (dto.position !== undefined) changes.position = dto.position;
      const next: RecipientFields = { ...current, ...changes };
      const form = await formOrFail(m, decision.awardFormCode);
      refuseIfAny([...recipientProblems(next, form), ...referenceProblems(next, await loadReferences(m, conference, [next]))]);
      changes.searchKey = recipientKey(next);
      const result = await m.update(AwardRecipient, { id: recipientId, version: dto.version }, { ...changes, version: dto.version + 1 });
      if (result.affected !== 1) {
        assertVersion(await m.findOneByOrFail(AwardRecipient, { id: recipientId }), dto.version);
      }
      const updated = await m.findOneByOrFail(AwardRecipient, { id: recipientId });
      await this.audit.record(m, userActor(user), {
        conferenceId,
        entityType: 'award_recipient',
        entityId: recipientId,
        action: 'update',
        before: recipientAuditView(current),
        after: recipientAuditView(updated),
      });
      const [response] = await this.responses(m, decision, new Set([recipientId]));
      return response;
    });
  }

  async remove(conferenceId: string, decisionId: string, recipientId: string, user: User): Promise<void> {
    await this.tx.transaction(async (m) => {
      await this.decisions.writableConference(m, conferenceId);
      await this.decisions.decisionOrFail(m, conferenceId, decisionId);
      const current = await recipientOrFail(m, decisionId, recipientId);
      await m.delete(AwardRecipient, { id: recipientId });
      await this.audit.record(m, userActor(user), {
        conferenceId,
        entityType: 'award_recipient',
        entityId: recipientId,
        action: 'delete',
        before: { decisionId, ...recipientAuditView(current) },
      });
    });
  }

  private async responses(m: EntityManager, decision: AwardDecision, ids: Set<string>): Promise<AwardRecipientResponseDto[]> {
    const response = await this.decisions.reload(m, decision);
    return response.recipients.filter((r) => ids.has(r.id));
  }
}

async function recipientOrFail(m: EntityManager, decisionId: string, recipientId: string): Promise<AwardRecipient> {
  const recipient = await m.findOneBy(AwardRecipient, { id: recipientId, decisionId });
  if (!recipient) {
    throw notFound('recipientId', 'award_recipient_not_found', `Không tìm thấy người được khen thưởng ${recipientId} trong quyết định này.`);
  }
  return recipient;
}

/** A POST body of one recipient or `{ items: [...] }`. */
export const isBatch = (body: unknown): body is AwardRecipientBatchDto =>
  typeof body === 'object' && body !== null && !Array.isArray(body) && 'items' in body;
