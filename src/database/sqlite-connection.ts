import { DataSource } from 'typeorm';

/** What the app needs of a node-sqlite3 statement: run with parameters, again and again. */
export interface SqliteStatement {
  all(params: unknown[], callback: (error: Error | null, rows: Record<string, unknown>[]) => void): void;
  run(params: unknown[], callback: (this: { changes: number }, error: Error | null) => void): void;
  finalize(callback: () => void): void;
}

/** What the app needs of the node-sqlite3 database object: preparing a statement. */
export interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
}

/**
 * The node-sqlite3 database under a DataSource's SQLite driver (its one connection: the app has
 * one for reads and one for transactions, see write-connection.ts), for preparing statements on
 * it (TransactionRunner.sql).
 *
 * The one place that reaches into TypeORM's internals: the driver keeps the database object in
 * `databaseConnection`, which TypeORM does not document. If an upgrade renames or hides it, this
 * throws, naming this file, instead of the app quietly losing its prepared statements;
 * `sqlite-connection.spec.ts` checks it against the installed TypeORM.
 */
export function sqliteConnectionOf(dataSource: DataSource): SqliteConnection {
  const connection = (dataSource.driver as unknown as { databaseConnection?: unknown }).databaseConnection;
  if (!connection || typeof (connection as SqliteConnection).prepare !== 'function') {
    throw new Error(
      "TypeORM's SQLite driver no longer exposes its node-sqlite3 database as `databaseConnection` " +
        '(a TypeORM upgrade?): update src/database/sqlite-connection.ts.',
    );
  }
  return connection as SqliteConnection;
}
