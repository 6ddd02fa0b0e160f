import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { columnValue, entityRows } from '../common/entity-rows';
import { forUpdateClause } from '../database/row-lock';
import { TransactionRunner } from '../database/transaction-runner';
import { Attendee } from './attendee.entity';

/**
 * The attendees' hot statements, each a fixed text prepared once on SQLite: the check-in path and
 * the invitation path run them by the thousand at once.
 */
@Injectable()
export class AttendeeRepository {
  constructor(private readonly tx: TransactionRunner) {}

  /** One attendee of the conference (null when none), its row locked on PostgreSQL when `lock`. */
  async rowOf(m: EntityManager, conferenceId: string, attendeeId: string, lock = false): Promise<Attendee | null> {
    const table = entityRows(m, Attendee);
    const locked = lock ? forUpdateClause(m) : '';
    const { rows } = await this.tx.sql(m, `SELECT ${table.columns} FROM ${table.table} WHERE id = $1 AND conference_id = $2${locked}`, [
      attendeeId,
      conferenceId,
    ]);
    return rows.length > 0 ? table.hydrate(rows[0]) : null;
  }

  /**
   * Records the first check-in: answers false when the attendee was already checked in (only the
   * first of any number arriving at once matches `checked_in_at IS NULL`).
   */
  async markCheckedIn(m: EntityManager, attendeeId: string, at: Date, by: string): Promise<boolean> {
    const { affected } = await this.tx.sql(
      m,
      "UPDATE attendees SET checked_in_at = $1, checked_in_by = $2, status = 'attended', version = version + 1, " +
        'updated_at = CURRENT_TIMESTAMP WHERE id = $3 AND checked_in_at IS NULL',
      [columnValue(m, Attendee, 'checkedInAt', at), by, attendeeId],
    );
    return affected === 1;
  }

  /** An `added` attendee becomes `invited` (an answer already given stays). */
  async markInvited(m: EntityManager, attendeeId: string): Promise<void> {
    await this.tx.sql(
      m,
      "UPDATE attendees SET status = 'invited', version = version + 1, updated_at = CURRENT_TIMESTAMP WHERE id = $1 AND status = 'added'",
      [attendeeId],
    );
  }
}
