import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { Conference } from '../conferences/conference.entity';
import { AwardDecision } from './award-decision.entity';
import { AwardForm } from './award-form.entity';
import { AwardRecipient } from './award-recipient.entity';
import { compareDecisions } from './award-order';
import { forUpdate } from '../database/row-lock';

/** The part of an award form that heads and orders its decisions. */
export type FormHeading = Pick<AwardForm, 'code' | 'name' | 'level' | 'issuingAuthority'>;

export interface DecisionWithForm {
  decision: AwardDecision;
  /** Null when the form is no longer in the catalogue. */
  form: FormHeading | null;
}

export interface RecipientRow {
  recipient: AwardRecipient;
  bridgePointName: string | null;
}

/** The award queries that read more than one table or take locks. */
@Injectable()
export class AwardDecisionsRepository {
  constructor(@InjectRepository(AwardDecision) private readonly decisions: Repository<AwardDecision>) {}

  get manager(): EntityManager {
    return this.decisions.manager;
  }

  /** Every decision of a conference with its form, in award-list order (two queries; a conference has a few dozen at most). */
  async decisionsOf(conferenceId: string, m: EntityManager = this.manager): Promise<DecisionWithForm[]> {
    const decisions = await m.find(AwardDecision, { where: { conferenceId } });
    return (await this.withForms(decisions, m)).sort(compareDecisions);
  }

  /** These decisions, each with its award form, in one query. */
  async withForms(decisions: AwardDecision[], m: EntityManager = this.manager): Promise<DecisionWithForm[]> {
    const forms = await this.forms(decisions.map((d) => d.awardFormCode), m);
    return decisions.map((decision) => ({ decision, form: forms.get(decision.awardFormCode) ?? null }));
  }

  /** The award forms of these codes, by code. */
  async forms(codes: string[], m: EntityManager = this.manager): Promise<Map<string, FormHeading>> {
    if (codes.length === 0) return new Map();
    const forms = await m.find(AwardForm, {
      select: { code: true, name: true, level: true, issuingAuthority: true },
      where: { code: In([...new Set(codes)]) },
    });
    return new Map(forms.map((f) => [f.code, f]));
  }

  /** The recipients of these decisions with their bridge point's name, in one query. */
  async recipientsOf(decisionIds: string[], m: EntityManager = this.manager): Promise<RecipientRow[]> {
    if (decisionIds.length === 0) return [];
    const { entities, raw } = await m
      .createQueryBuilder(AwardRecipient, 'r')
      .leftJoin(BridgePoint, 'bp', 'bp.id = r.bridgePointId')
      .addSelect('bp.name', 'bridge_point_name')
      .where('r.decisionId IN (:...decisionIds)', { decisionIds })
      .orderBy('r.decisionId', 'ASC')
      .addOrderBy('r.position', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .getRawAndEntities<{ r_id: string; bridge_point_name: string | null }>();
    const names = new Map(raw.map((row) => [row.r_id, row.bridge_point_name]));
    return entities.map((recipient) => ({ recipient, bridgePointName: names.get(recipient.id) ?? null }));
  }

  /** The conference, locked until the transaction ends on PostgreSQL, so award writes of one conference queue. */
  lockConference(m: EntityManager, conferenceId: string): Promise<Conference | null> {
    return m.findOne(Conference, {
      where: { id: conferenceId },
      ...forUpdate(m),
    });
  }

  /** The position after the decision's last recipient. */
  async nextPosition(m: EntityManager, decisionId: string): Promise<number> {
    const row = await m
      .createQueryBuilder(AwardRecipient, 'r')
      .select('MAX(r.position)', 'max')
      .where('r.decisionId = :decisionId', { decisionId })
      .getRawOne<{ max: number | string | null }>();
    return row?.max === null || row?.max === undefined ? 1 : Number(row.max) + 1;
  }
}
