import { EntityManager } from 'typeorm';

/*
 * Locking a row for the rest of the transaction: on PostgreSQL with SELECT … FOR UPDATE; SQLite
 * runs writes one at a time (one writer for the whole file), so there it needs nothing.
 */

const onPostgres = (m: EntityManager) => m.connection.options.type === 'postgres';

/** Find options that lock the rows found (`m.findOne(Entity, { where, ...forUpdate(m) })`). */
export const forUpdate = (m: EntityManager) => (onPostgres(m) ? { lock: { mode: 'pessimistic_write' as const } } : {});

/** The clause to end a raw SELECT with to lock what it reads: ` FOR UPDATE`, or nothing on SQLite. */
export const forUpdateClause = (m: EntityManager): string => (onPostgres(m) ? ' FOR UPDATE' : '');
