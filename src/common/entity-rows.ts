import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

export interface EntityRows<T> {
  /** `"id", "title", …`: every column of the entity, for a hand-written SELECT. */
  columns: string;
  table: string;
  /** The entity from a row of such a SELECT, values converted by the driver as the ORM does. */
  hydrate(row: Record<string, unknown>): T;
  /** `INSERT INTO table (every column) VALUES ($1, …)`, for `insertValues` of a whole entity. */
  insert: string;
  /** An entity's values in `insert`'s order, converted by the driver as the ORM stores them. */
  insertValues(entity: { [K in keyof T]: unknown }): unknown[];
}

const cache = new WeakMap<object, EntityRows<unknown>>();

/**
 * What a hot path needs to read an entity with a fixed SQL text instead of a query the ORM
 * builds and hydrates on every call.
 */
export function entityRows<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>): EntityRows<T> {
  const metadata = manager.connection.getMetadata(target);
  const known = cache.get(metadata);
  if (known) return known as EntityRows<T>;
  const driver = manager.connection.driver;
  const columns: ColumnMetadata[] = metadata.columns;
  const names = columns.map((c) => driver.escape(c.databaseName)).join(', ');
  const table = driver.escape(metadata.tableName);
  const rows: EntityRows<T> = {
    columns: names,
    table,
    hydrate(row) {
      const entity = metadata.create() as Record<string, unknown>;
      for (const column of columns) entity[column.propertyName] = driver.prepareHydratedValue(row[column.databaseName], column);
      return entity as T;
    },
    insert: `INSERT INTO ${table} (${names}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
    insertValues(entity) {
      return columns.map((column) => driver.preparePersistentValue(column.getEntityValue(entity), column));
    },
  };
  cache.set(metadata, rows as EntityRows<unknown>);
  return rows;
}

/** A value as the driver stores it in `property`'s column (dates as SQLite's text, for one). */
export function columnValue<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  property: keyof T & string,
  value: unknown,
): unknown {
  return manager.connection.driver.preparePersistentValue(value, columnOf(manager, target, property));
}

/** A raw value read from `property`'s column, converted as the ORM would hydrate it (SQLite's date text to a Date, for one). */
export function hydratedValue<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  property: keyof T & string,
  raw: unknown,
): unknown {
  return manager.connection.driver.prepareHydratedValue(raw, columnOf(manager, target, property));
}

function columnOf<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, property: string): ColumnMetadata {
  const column = manager.connection.getMetadata(target).findColumnWithPropertyName(property);
  if (!column) throw new Error(`no column for ${property}`);
  return column;
}
