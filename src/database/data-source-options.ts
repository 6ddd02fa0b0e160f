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
    // TypeORM calls sqlite3.verbose(), which captures a stack trace and formats every argument of
    // every query; handing it a driver whose verbose() is a no-op keeps queries cheap.
    driver: Object.assign(Object.create(sqlite3) as typeof sqlite3, { verbose: () => sqlite3 }),
    database: config.database.path,
    enableWAL: true,
    busyTimeout: 10_000,
  };
}
