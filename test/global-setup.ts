import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { newRunDir, adminQuery, saveTemplateInfo, TemplateInfo, withDatabase } from './test-databases';

/** Builds the migrated, seeded template database that every e2e file copies. */
export default async function globalSetup(): Promise<void> {
  process.env.NODE_ENV = 'test';
  const dir = newRunDir();
  const postgresUrl = process.env.DATABASE_URL;
  let info: TemplateInfo;
  if (postgresUrl) {
    const template = `hn_test_${Date.now().toString(36)}`;
    await adminQuery(postgresUrl, `CREATE DATABASE "${template}"`);
    process.env.DATABASE_URL = withDatabase(postgresUrl, template);
    info = { kind: 'postgres', dir, postgresUrl, postgresTemplate: template };
  } else {
    process.env.SQLITE_PATH = join(dir, 'template.sqlite');
    info = { kind: 'sqlite', dir, sqliteTemplate: process.env.SQLITE_PATH };
  }
  // Loaded only now, so that configuration is read with the template's settings.
  const { AppModule } = await import('../src/app.module');
  const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
  await app.init();
  await app.close();
  if (postgresUrl) process.env.DATABASE_URL = postgresUrl;
  else delete process.env.SQLITE_PATH;
  saveTemplateInfo(info);
}
