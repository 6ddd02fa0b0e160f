import { EntityManager } from 'typeorm';

/** Find options that lock the row for the rest of the transaction on PostgreSQL (SQLite runs writes one at a time). */
export const forUpdate = (m: EntityManager) =>
  m.connection.options.type === 'postgres' ? { lock: { mode: 'pessimistic_write' as const } } : {};
