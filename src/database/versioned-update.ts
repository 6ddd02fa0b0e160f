import { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { assertVersion } from '../common/find-or-fail';

type Versioned = ObjectLiteral & { id: string; version: number };

/**
 * Writes `changes` to the row only if it still has the version read, and bumps the version in the
 * same statement, so the check and the write are one atomic step (optimistic locking). A row
 * changed since answers 409 `stale_version` (assertVersion). Bridge points use a prepared form of
 * the same step (BridgePointsService), being written by the thousand at once.
 */
export async function versionedUpdate<E extends Versioned>(
  m: EntityManager,
  entity: EntityTarget<E>,
  read: { id: string; version: number },
  changes: QueryDeepPartialEntity<E>,
): Promise<void> {
  const where = { id: read.id, version: read.version } as FindOptionsWhere<E>;
  const result = await m.update(entity, where, { ...changes, version: read.version + 1 } as QueryDeepPartialEntity<E>);
  if (result.affected !== 1) assertVersion(await m.findOneByOrFail(entity, { id: read.id } as FindOptionsWhere<E>), read.version);
}
