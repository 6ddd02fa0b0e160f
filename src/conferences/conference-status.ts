import { NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
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
