import { copyFileSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * Migrate once, copy per file: global setup builds one migrated and seeded template database;
 * each e2e file gets its own copy (a file copy on SQLite, CREATE DATABASE … TEMPLATE on
 * PostgreSQL), so files run in parallel on fresh data without migrating again.
 */
export interface TemplateInfo {
  kind: 'sqlite' | 'postgres';
  dir: string;
  sqliteTemplate?: string;
  postgresUrl?: string;
  postgresTemplate?: string;
}

const INFO_FILE = join(tmpdir(), `hoi-nghi-test-template-${process.ppid}-${process.pid}.json`);
export const infoFileEnv = 'HOI_NGHI_TEST_TEMPLATE';

export function saveTemplateInfo(info: TemplateInfo): void {
  writeFileSync(INFO_FILE, JSON.stringify(info));
  process.env[infoFileEnv] = INFO_FILE;
}

export function loadTemplateInfo(): TemplateInfo {
  const file = process.env[infoFileEnv];
  if (!file) throw new Error('e2e template database missing: run the e2e suite through jest (global setup)');
  return JSON.parse(readFileSync(file, 'utf8')) as TemplateInfo;
}

export function removeTemplateInfo(): void {
  const file = process.env[infoFileEnv];
  if (file) rmSync(file, { force: true });
}

export const newRunDir = (): string => {
  const dir = join(tmpdir(), `hoi-nghi-test-${Date.now()}-${randomBytes(3).toString('hex')}`);
  mkdirSync(dir, { recursive: true });
  return dir;
};

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database for one test file: its connection settings as environment variables. */
export async function cloneTemplate(info: TemplateInfo): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  const suffix = randomBytes(4).toString('hex');
  if (info.kind === 'sqlite') {
    const path = join(info.dir, `db-${suffix}.sqlite`);
    copyFileSync(info.sqliteTemplate!, path);
    return { env: { SQLITE_PATH: path }, drop: async () => rmSync(path, { force: true }) };
  }
  const name = `${info.postgresTemplate}_${suffix}`;
  // Two copies started at the same instant can collide on the template; retry briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(info.postgresUrl!, `CREATE DATABASE "${name}" TEMPLATE "${info.postgresTemplate}"`);
      break;
    } catch (error) {
      if (attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    }
  }
  return {
    env: { DATABASE_URL: withDatabase(info.postgresUrl!, name) },
    drop: () => adminQuery(info.postgresUrl!, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
