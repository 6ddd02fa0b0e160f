import { EntityManager } from 'typeorm';

/**
 * An instant as a query parameter compared with stored instants. TypeORM converts entity
 * values, not query-builder parameters: SQLite stores UTC text ("2025-07-15 01:00:00.000"),
 * and the sqlite3 driver would bind a Date as a number, so it gets the same text.
 */
export function sqlInstant(manager: EntityManager, date: Date): Date | string {
  return manager.connection.options.type === 'sqlite' ? date.toISOString().replace('T', ' ').replace('Z', '') : date;
}
