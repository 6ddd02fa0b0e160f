import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EntityRows, hydratedValue } from '../common/entity-rows';
import { conferenceNotFound } from '../common/errors';
import { forUpdateClause } from '../database/row-lock';
import { TransactionRunner } from '../database/transaction-runner';
import { assertOpen } from './conference-lifecycle';
import { Conference, ConferenceStatus } from './conference.entity';

/** The part of a conference the hot write paths check: its state and when it starts. */
export interface ConferenceState {
  id: string;
  status: ConferenceStatus;
  startsAt: Date;
  timezone: string;
}

// $n are numbered parameters on both databases (TransactionRunner.sql sends them to SQLite as ?n).
const STATE_COLUMNS =
  '(SELECT status FROM conferences WHERE id = $1) AS conference_status, ' +
  '(SELECT starts_at FROM conferences WHERE id = $1) AS conference_starts_at, ' +
  '(SELECT timezone FROM conferences WHERE id = $1) AS conference_timezone';

function stateOf(m: EntityManager, conferenceId: string, row: Record<string, unknown>): ConferenceState {
  return {
    id: conferenceId,
    status: row.conference_status as ConferenceStatus,
    startsAt: hydratedValue(m, Conference, 'startsAt', row.conference_starts_at) as Date,
    timezone: row.conference_timezone as string,
  };
}

/**
 * The conference state the hot write paths check, each read with one light prepared statement
 * (without loading the whole conference): they run thousands of times at once.
 */
@Injectable()
export class ConferenceStateRepository {
  constructor(private readonly tx: TransactionRunner) {}

  /** The conference exists (404 otherwise) and is still open (409 otherwise). */
  async assertOpen(m: EntityManager, conferenceId: string): Promise<ConferenceState> {
    const { rows } = await this.tx.sql(m, `SELECT ${STATE_COLUMNS}`, [conferenceId]);
    const row = rows[0];
    if (!row || row.conference_status === null || row.conference_status === undefined) {
      throw conferenceNotFound();
    }
    const state = stateOf(m, conferenceId, row);
    assertOpen(state);
    return state;
  }

  /**
   * A row of one of an open conference's tables (a bridge point, an attendee) read together with
   * the conference's state in one prepared statement: 404 and 409 for the conference as
   * `assertOpen`, a null row when it is not the conference's. `lock` locks the row on
   * PostgreSQL (SQLite writes run one at a time anyway).
   */
  async rowOfOpenConference<T>(
    m: EntityManager,
    table: EntityRows<T>,
    conferenceId: string,
    id: string,
    lock: boolean,
  ): Promise<{ row: T | null; conference: ConferenceState }> {
    const forUpdate = lock ? forUpdateClause(m) : '';
    const { rows } = await this.tx.sql(
      m,
      `SELECT ${table.columns}, ${STATE_COLUMNS} FROM ${table.table} WHERE conference_id = $1 AND id = $2${forUpdate}`,
      [conferenceId, id],
    );
    if (rows.length === 0) {
      // Which is missing, or closed: the conference is answered for first.
      return { row: null, conference: await this.assertOpen(m, conferenceId) };
    }
    const conference = stateOf(m, conferenceId, rows[0]);
    assertOpen(conference);
    return { row: table.hydrate(rows[0]), conference };
  }
}
