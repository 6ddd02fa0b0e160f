import { QueryRunner, TableColumnOptions, TableIndex } from 'typeorm';

/**
 * Column builders for hand-written migrations, so one migration runs on SQLite and PostgreSQL.
 * Ids are UUID strings made by the app; instants are `timestamptz` on PostgreSQL and
 * TypeORM's UTC `datetime` text on SQLite.
 */
export const isPostgres = (runner: QueryRunner) => runner.connection.options.type === 'postgres';

export const idColumn = (name = 'id'): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '36',
  isPrimary: name === 'id',
});

export const uuidRef = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '36',
  isNullable: nullable,
});

export const text = (name: string, options: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
  name,
  type: 'varchar',
  isNullable: false,
  ...options,
});

export const longText = (name: string, nullable = true): TableColumnOptions => ({
  name,
  type: 'text',
  isNullable: nullable,
});

export const int = (name: string, options: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
  name,
  type: 'integer',
  isNullable: false,
  ...options,
});

export const bool = (name: string, fallback: boolean): TableColumnOptions => ({
  name,
  type: 'boolean',
  isNullable: false,
  default: fallback ? 'true' : 'false',
});

export const instant = (runner: QueryRunner, name: string, nullable = true): TableColumnOptions => ({
  name,
  type: isPostgres(runner) ? 'timestamptz' : 'datetime',
  isNullable: nullable,
});

export const createdAt = (runner: QueryRunner): TableColumnOptions => ({
  name: 'created_at',
  type: isPostgres(runner) ? 'timestamptz' : 'datetime',
  isNullable: false,
  default: 'CURRENT_TIMESTAMP',
});

export const updatedAt = (runner: QueryRunner): TableColumnOptions => ({
  ...createdAt(runner),
  name: 'updated_at',
});

export const version = (): TableColumnOptions => int('version', { default: 1 });

/**
 * Creates a table's indices one after another. TypeORM's `createIndices` runs them at once, and on
 * SQLite one creation can re-read the table while another has half-created its index (the
 * reading of `sql` of an index not yet in sqlite_master failed a migration about one run in two
 * on an in-memory database).
 */
export async function createIndicesInTurn(runner: QueryRunner, table: string, indices: TableIndex[]): Promise<void> {
  for (const index of indices) await runner.createIndex(table, index);
}
