import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { errorLanguageProblems } from './error-language';
import { cloneTemplate, loadTemplateInfo } from './test-databases';

export const ADMIN = { email: 'admin@hoinghi.local', password: 'HoiNghi@2025' };

export interface TestApp {
  app: NestFastifyApplication;
  http: TestAgent;
  /** A bearer token of the seeded admin. */
  adminToken: string;
  login(email: string, password: string): Promise<string>;
  /** Creates a user with `role` through the API and returns its token. */
  userWithRole(role: 'admin' | 'organizer' | 'operator' | 'viewer', extra?: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

let userCounter = 0;

/** A second app instance on the same database as the last `startApp` (for multi-instance tests on PostgreSQL). */
export async function startAnotherInstance(): Promise<NestFastifyApplication> {
  const { createApp } = await import('../src/app');
  const app = await createApp();
  await app.init();
  return app;
}

/** Boots the real app on a fresh copy of the migrated, seeded template database. */
export async function startApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await cloneTemplate(loadTemplateInfo());
  Object.assign(process.env, database.env, env);
  const { createApp } = await import('../src/app');
  const app = await createApp();
  await app.init();
  const errors = checkErrorAnswers(app);
  await app.getHttpAdapter().getInstance().ready();
  const http = request(app.getHttpServer());

  const login = async (email: string, password: string) => {
    const res = await http.post('/api/auth/login').send({ email, password });
    if (res.status !== 200) throw new Error(`login ${email} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body.accessToken as string;
  };
  const adminToken = await login(ADMIN.email, ADMIN.password);

  return {
    app,
    http,
    adminToken,
    login,
    async userWithRole(role, extra = {}) {
      const email = `${role}${++userCounter}-${Date.now()}@test.hoinghi.local`;
      const password = 'mat-khau-du-dai';
      const res = await http
        .post('/api/users')
        .auth(adminToken, { type: 'bearer' })
        .send({ email, password, fullName: `Người dùng ${role}`, role, ...extra });
      if (res.status !== 201) throw new Error(`creating ${role} answered ${res.status}: ${JSON.stringify(res.body)}`);
      return login(email, password);
    },
    async close() {
      await app.close();
      await database.drop();
      errors.verify();
    },
  };
}

/**
 * Watches every JSON error the app answers while a test runs; `verify` (at close) fails the
 * test file if one of them lacks the envelope's Vietnamese message or a detail's code.
 */
function checkErrorAnswers(app: NestFastifyApplication): { verify(): void } {
  const problems = new Set<string>();
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply, payload) => {
      const type = String(reply.getHeader('content-type') ?? '');
      if (reply.statusCode >= 400 && type.startsWith('application/json') && typeof payload === 'string') {
        let body: unknown;
        try {
          body = JSON.parse(payload);
        } catch {
          body = payload;
        }
        for (const problem of errorLanguageProblems(reply.statusCode, body)) problems.add(`${request.method} ${request.url.split('?')[0]} → ${problem}`);
      }
      return payload;
    });
  return {
    verify() {
      if (problems.size === 0) return;
      const list = [...problems].slice(0, 40).join('\n  ');
      if (process.env.ERROR_LANGUAGE_CHECK === 'warn') console.warn(`error answers not in the envelope's Vietnamese with codes:\n  ${list}`);
      else throw new Error(`error answers not in the envelope's Vietnamese with codes:\n  ${list}`);
    },
  };
}
