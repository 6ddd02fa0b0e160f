import { DataSource } from 'typeorm';

/** Nest token of the DataSource that transactions write through (TransactionRunner). */
export const WRITE_DATA_SOURCE = 'WRITE_DATA_SOURCE';

/**
 * The connection writes go through, apart from the one reads use, on SQLite.
 *
 * TypeORM opens a single connection per SQLite DataSource. With reads and writes on one
 * connection, a read from one request issued while another request's transaction is open sees
 * that transaction's uncommitted rows, which may yet be rolled back (and the group commit keeps
 * transactions open for a whole group). A second connection to the same file, in WAL mode, gives
 * every read outside a transaction the last committed state, as PostgreSQL's pool does, and
 * reads no longer wait behind writes. Reads made inside a transaction go through its manager
 * and see its writes, on both databases.
 *
 * On PostgreSQL the pool already isolates transactions: the one DataSource serves both. An
 * in-memory SQLite database cannot be opened twice (a second connection would be another,
 * empty database), so it keeps one connection too.
 */
export async function openWriteDataSource(main: DataSource): Promise<DataSource> {
  const options = main.options;
  if (options.type !== 'sqlite' || options.database === ':memory:') return main;
  // The same entities, naming and driver (transactions that BEGIN IMMEDIATE); the schema is the main one's, migrated already.
  return new DataSource({ ...options, name: 'writes', migrations: [], migrationsRun: false, synchronize: false }).initialize();
}
