import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { Database as SqliteDatabase, OPEN_READONLY } from 'sqlite3';

export interface DatabaseLocation {
  kind: 'sqlite' | 'postgres';
  env: Record<string, string>;
}

/** Every table's rows, read straight from the database (not through the app). */
export async function readTables(db: DatabaseLocation): Promise<Map<string, string[]>> {
  const tables = new Map<string, string[]>();
  if (db.kind === 'postgres') {
    const client = new Client({ connectionString: db.env.DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string }>(
        "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
      );
      for (const { name } of rows) {
        const result = await client.query<{ row: string }>(`SELECT t::text AS row FROM "${name}" t ORDER BY 1`);
        tables.set(name, result.rows.map((r) => r.row));
      }
    } finally {
      await client.end();
    }
    return tables;
  }
  const sqlite = await new Promise<SqliteDatabase>((resolve, reject) => {
    const handle: SqliteDatabase = new SqliteDatabase(db.env.SQLITE_PATH, OPEN_READONLY, (error) => (error ? reject(error) : resolve(handle)));
  });
  const all = <T>(sql: string) =>
    new Promise<T[]>((resolve, reject) => sqlite.all(sql, (error, rows) => (error ? reject(error) : resolve(rows as T[]))));
  try {
    const names = await all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1");
    for (const { name } of names) {
      const rows = await all<Record<string, unknown>>(`SELECT * FROM "${name}"`);
      tables.set(name, rows.map((r) => JSON.stringify(r)).sort());
    }
  } finally {
    await new Promise<void>((resolve) => sqlite.close(() => resolve()));
  }
  return tables;
}

/**
 * Tables of counters, not records: on PostgreSQL every login attempt, even one refused, counts in `rate_limits`;
 * every download of a material through a link, a read, is logged in `material_downloads`.
 */
const COUNTERS = new Set(['rate_limits', 'material_downloads']);

/** One SHA-256 per table of records: equal digests mean equal data. */
export async function digestTables(db: DatabaseLocation): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  for (const [name, rows] of await readTables(db)) {
    if (COUNTERS.has(name)) continue;
    digests[name] = `${rows.length}:${createHash('sha256').update(rows.join('\n')).digest('hex')}`;
  }
  return digests;
}
