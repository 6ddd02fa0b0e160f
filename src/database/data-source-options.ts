import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import sqlite3 from 'sqlite3';
import { DataSourceOptions, getMetadataArgsStorage } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { migrations } from './migration-list';

/**
 * Entities declare UTC instants as `timestamptz`; SQLite has no such type, so there they are
 * stored as TypeORM's `datetime` (UTC text). Done once here rather than per entity.
 */
function adaptColumnTypes(type: 'postgres' | 'sqlite'): void {
  for (const column of getMetadataArgsStorage().columns) {
    const options = column.options as { type?: unknown };
    if (type === 'sqlite' && options.type === 'timestamptz') options.type = 'datetime';
    if (type === 'postgres' && options.type === 'datetime') options.type = 'timestamptz';
  }
}

/**
 * TypeORM opens every SQLite transaction with a deferred `BEGIN`, which takes the write lock at
 * the first write. With an API and a worker process on one file, a transaction that read first
 * then finds the other process committed meanwhile and fails at once (SQLITE_BUSY, no wait): the
 * busy timeout only helps a transaction that asks for the lock up front. Within one process the
 * transaction runner already serializes writes, so nothing waits longer than before.
 */
class ImmediateTransactions extends sqlite3.Database {
  override all(sql: string, ...rest: unknown[]): this {
    const text = sql === 'BEGIN TRANSACTION' ? 'BEGIN IMMEDIATE TRANSACTION' : sql;
    return sqlite3.Database.prototype.all.apply(this, [text, ...rest] as never) as this;
  }
}

/** sqlite3 with a no-op verbose() and transactions that take the write lock as they begin. */
function sqliteDriver(): typeof sqlite3 {
  const driver = Object.assign(Object.create(sqlite3) as object, { Database: ImmediateTransactions }) as typeof sqlite3;
  // TypeORM calls sqlite3.verbose(), which captures a stack trace and formats every argument of
  // every query; a driver whose verbose() is a no-op keeps queries cheap.
  driver.verbose = (() => driver) as typeof sqlite3.verbose;
  return driver;
}

export function dataSourceOptions(config: AppConfig): DataSourceOptions {
  adaptColumnTypes(config.database.type);
  const common = {
    namingStrategy: new SnakeNamingStrategy(),
    migrations,
    migrationsRun: true,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    logging: false,
  };
  if (config.database.type === 'postgres') {
    return { ...common, type: 'postgres', url: config.database.url, extra: { max: 20 } };
  }
  mkdirSync(dirname(config.database.path), { recursive: true });
  return {
    ...common,
    type: 'sqlite',
    driver: sqliteDriver(),
    database: config.database.path,
    enableWAL: true,
    busyTimeout: 10_000,
  };
}
