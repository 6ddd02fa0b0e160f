import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { entityRows } from '../common/entity-rows';
import { Page, PageQueryDto, pageOf, skipOf } from '../common/pagination';
import { TransactionRunner } from '../database/transaction-runner';
import { Actor } from './actor';
import { AuditEntry } from './audit-entry.entity';

export interface AuditRecord {
  conferenceId: string | null;
  entityType:
    | 'conference'
    | 'bridge_point'
    | 'agenda_item'
    | 'attendee'
    | 'award_decision'
    | 'award_recipient'
    | 'minutes'
    | 'action_item'
    | 'conclusion_notice'
    | 'session_attendance'
    | 'certificate'
    | 'evaluation_form'
    | 'material';
  entityId: string;
  action: string;
  before?: object | null;
  after?: object | null;
}

export interface AuditEntryResponse {
  id: string;
  entityType: string;
  entityId: string;
  action: string;
  actor: string;
  at: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Only the fields that changed, so an entry reads as "what was changed". */
function changedFields(before: object | null | undefined, after: object | null | undefined) {
  if (!before || !after) return { before: before ?? null, after: after ?? null };
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    const was = (before as Record<string, unknown>)[key];
    const now = (after as Record<string, unknown>)[key];
    if (JSON.stringify(was) !== JSON.stringify(now)) {
      b[key] = was;
      a[key] = now;
    }
  }
  return { before: b, after: a };
}

@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>,
    private readonly clock: Clock,
    private readonly tx: TransactionRunner,
  ) {}

  /** Writes audit entries inside the caller's transaction, so they exist exactly when the change does. */
  async record(manager: EntityManager, actor: Actor, ...records: AuditRecord[]): Promise<void> {
    if (records.length === 0) return;
    const at = this.clock.now();
    const rows = records.map((record) => ({
      id: newId(),
      conferenceId: record.conferenceId,
      entityType: record.entityType,
      entityId: record.entityId,
      action: record.action,
      actor: actor.label,
      actorId: actor.userId,
      at,
      ...changedFields(record.before, record.after),
    }));
    if (rows.length === 1) {
      // One entry per confirmation, report or check-in: a fixed statement, prepared once on
      // SQLite, instead of an insert the ORM builds on every request.
      const table = entityRows(manager, AuditEntry);
      await this.tx.sql(manager, table.insert, table.insertValues(rows[0]));
      return;
    }
    for (let i = 0; i < rows.length; i += 200) {
      await manager.insert(AuditEntry, rows.slice(i, i + 200));
    }
  }

  async listForConference(conferenceId: string, query: PageQueryDto): Promise<Page<AuditEntryResponse>> {
    const found = await this.entries.findAndCount({
      where: { conferenceId },
      order: { at: 'DESC', id: 'ASC' },
      skip: skipOf(query),
      take: query.pageSize,
    });
    return pageOf(query, found, (entry) => ({
      id: entry.id,
      entityType: entry.entityType,
      entityId: entry.entityId,
      action: entry.action,
      actor: entry.actor,
      at: entry.at.toISOString(),
      before: entry.before,
      after: entry.after,
    }));
  }
}
