import { NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { assertOpen } from './conference-lifecycle';
import { ConferenceStatus } from './conference.entity';

/**
 * The conference exists (404 otherwise) and is still open (409 otherwise): one light query,
 * without loading the whole conference, for the write paths that run thousands of times at once.
 */
export async function assertConferenceOpen(m: EntityManager, conferenceId: string): Promise<void> {
  const [row]: { status: ConferenceStatus }[] = await m.query('SELECT status FROM conferences WHERE id = $1', [conferenceId]);
  if (!row) throw new NotFoundException(`conference ${conferenceId} not found`);
  assertOpen({ id: conferenceId, status: row.status });
}
