import { NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EntityRows } from '../common/entity-rows';
import { TransactionRunner } from '../database/transaction-runner';
import { assertOpen } from './conference-lifecycle';
import { ConferenceStatus } from './conference.entity';

/**
 * The conference exists (404 otherwise) and is still open (409 otherwise): one light prepared
 * query, without loading the whole conference, for the write paths that run thousands of times at once.
 */
export async function assertConferenceOpen(tx: TransactionRunner, m: EntityManager, conferenceId: string): Promise<void> {
  const { rows } = await tx.sql(m, 'SELECT status FROM conferences WHERE id = $1', [conferenceId]);
  const row = rows[0] as { status: ConferenceStatus } | undefined;
  if (!row) throw new NotFoundException(`conference ${conferenceId} not found`);
  assertOpen({ id: conferenceId, status: row.status });
}

/**
 * A row of one of an open conference's tables (a bridge point, an attendee) read together with
 * the conference's status in one prepared statement: 404 and 409 for the conference as
 * `assertConferenceOpen`, null when the row is not the conference's. `lock` locks the row on
 * PostgreSQL (SQLite writes run one at a time anyway).
 */
export async function rowOfOpenConference<T>(
  tx: TransactionRunner,
  m: EntityManager,
  table: EntityRows<T>,
  conferenceId: string,
  id: string,
  lock: boolean,
): Promise<T | null> {
  const forUpdate = lock && m.connection.options.type === 'postgres' ? ' FOR UPDATE' : '';
  const { rows } = await tx.sql(
    m,
    // SQLite numbers parameters in the order they first appear: $1 comes first.
    `SELECT ${table.columns}, (SELECT status FROM conferences WHERE id = $1) AS conference_status ` +
      `FROM ${table.table} WHERE conference_id = $1 AND id = $2${forUpdate}`,
    [conferenceId, id],
  );
  if (rows.length === 0) {
    // Which is missing, or closed: the conference is answered for first.
    await assertConferenceOpen(tx, m, conferenceId);
    return null;
  }
  assertOpen({ id: conferenceId, status: rows[0].conference_status as ConferenceStatus });
  return table.hydrate(rows[0]);
}
