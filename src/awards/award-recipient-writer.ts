import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor } from '../audit/actor';
import { AuditService } from '../audit/audit.service';
import { newId } from '../common/ids';
import { Conference } from '../conferences/conference.entity';
import { CreateAwardRecipientDto } from './award-decision.dto';
import { AwardDecision } from './award-decision.entity';
import { AwardDecisionsRepository } from './award-decisions.repository';
import { AwardForm } from './award-form.entity';
import { AwardRecipient } from './award-recipient.entity';
import {
  loadReferences,
  prefixed,
  recipientKey,
  RecipientFields,
  recipientProblems,
  referenceProblems,
  refuseIfAny,
} from './award-recipient-rules';

const INSERT_CHUNK = 200;

/** A recipient's fields from a request body: absent optional fields are null. */
export function fieldsOf(dto: CreateAwardRecipientDto): RecipientFields {
  return {
    kind: dto.kind,
    name: dto.name ?? null,
    title: dto.title ?? null,
    organization: dto.organization ?? null,
    administrativeUnitCode: dto.administrativeUnitCode ?? null,
    achievement: dto.achievement ?? null,
    agendaItemId: dto.agendaItemId ?? null,
    bridgePointId: dto.bridgePointId ?? null,
    presenterName: dto.presenterName ?? null,
  };
}

/** What the audit trail keeps of a recipient. */
export const recipientAuditView = (r: RecipientFields & { position: number }) => ({
  kind: r.kind,
  name: r.name,
  title: r.title,
  organization: r.organization,
  administrativeUnitCode: r.administrativeUnitCode,
  achievement: r.achievement,
  position: r.position,
  agendaItemId: r.agendaItemId,
  bridgePointId: r.bridgePointId,
  presenterName: r.presenterName,
});

/** Adds recipients to a decision, on the caller's transaction, after checking every one of them. */
@Injectable()
export class AwardRecipientWriter {
  constructor(
    private readonly repository: AwardDecisionsRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * Checks all recipients first (a 400 lists every problem, fields prefixed with `prefix` and
   * the index), then inserts them all; those without a position follow the decision's last one.
   */
  async add(
    m: EntityManager,
    conference: Conference,
    decision: AwardDecision,
    form: AwardForm,
    dtos: CreateAwardRecipientDto[],
    prefix: string,
    actor: Actor,
  ): Promise<AwardRecipient[]> {
    const fields = dtos.map(fieldsOf);
    const refs = await loadReferences(m, conference, fields);
    refuseIfAny(
      fields.flatMap((f, i) =>
        prefixed(prefix ? `${prefix}${i}.` : '', [...recipientProblems(f, form), ...referenceProblems(f, refs)]),
      ),
    );
    let next = await this.repository.nextPosition(m, decision.id);
    const rows = fields.map((f, i): AwardRecipient => {
      const position = dtos[i].position ?? next++;
      if (dtos[i].position !== undefined) next = Math.max(next, position + 1);
      return m.create(AwardRecipient, {
        ...f,
        id: newId(),
        decisionId: decision.id,
        conferenceId: conference.id,
        position,
        searchKey: recipientKey(f),
        version: 1,
      });
    });
    await this.insert(m, rows);
    await this.audit.record(
      m,
      actor,
      ...rows.map((r) => ({
        conferenceId: conference.id,
        entityType: 'award_recipient' as const,
        entityId: r.id,
        action: 'create',
        after: { decisionId: decision.id, ...recipientAuditView(r) },
      })),
    );
    return rows;
  }

  async insert(m: EntityManager, rows: AwardRecipient[]): Promise<void> {
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) await m.insert(AwardRecipient, rows.slice(i, i + INSERT_CHUNK));
  }
}
