import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { ADMIN, startApp, TestApp } from '../harness';
import { cloneTemplate, loadTemplateInfo } from '../test-databases';


const login = (t: TestApp, email: string, from?: string) => {
  const req = t.http.post('/api/auth/login');
  if (from) void req.set('x-forwarded-for', from);
  return req.send({ email, password: 'doan-mat-khau-sai' });
};

/**
 * A login flood costs the server a password hash per attempt: limited per address and account,
 * per address over all accounts, and in how many hashes run at once.
 */
describe('login limits', () => {
  describe('behind a trusted proxy', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startApp({ TRUST_PROXY: '127.0.0.1', LOGIN_ADDRESS_RATE_LIMIT: '30', LOGIN_RATE_LIMIT: '20' });
    });
    afterAll(() => t.close());

    it('limits one client address over many accounts, and lets another address sign in', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 35; i++) statuses.push((await login(t, `khach${i}@x.vn`, '203.0.113.5')).status);
      expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(30).every((s) => s === 429)).toBe(true);

      const refused = await login(t, 'khac@x.vn', '203.0.113.5').expect(429);
      expect(refused.body.details).toEqual([expect.objectContaining({ field: 'email', code: 'too_many_logins' })]);
      await t.http.post('/api/auth/login').set('x-forwarded-for', '203.0.113.6').send(ADMIN).expect(200);
    });

    it('counts the client named by the proxy, not the proxy, for one account', async () => {
      for (let i = 0; i < 20; i++) await login(t, 'mot-tai-khoan@x.vn', '198.51.100.7').expect(401);
      await login(t, 'mot-tai-khoan@x.vn', '198.51.100.7').expect(429);
      await login(t, 'mot-tai-khoan@x.vn', '198.51.100.8').expect(401);
    });
  });

  describe('without a trusted proxy (the default)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startApp({ TRUST_PROXY: 'false', LOGIN_ADDRESS_RATE_LIMIT: '30', LOGIN_RATE_LIMIT: '20' });
    });
    afterAll(() => t.close());

    it('ignores X-Forwarded-For, so a client cannot pick a new address for each attempt', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 32; i++) statuses.push((await login(t, `x${i}@x.vn`, `203.0.113.${i}`)).status);
      expect(statuses.slice(30)).toEqual([429, 429]);
    });
  });

  describe('password checks at once', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startApp({ TRUST_PROXY: 'true', PASSWORD_CHECKS_CONCURRENT: '1', PASSWORD_CHECKS_QUEUED: '2' });
    });
    afterAll(() => t.close());

    it('refuses logins beyond the running and waiting checks with 429 at once, and answers the rest', async () => {
      const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => login(t, `dong-thoi${i}@x.vn`, `192.0.2.${i + 1}`)));
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 401).length).toBeGreaterThanOrEqual(3);
      const busy = answers.filter((a) => a.status === 429);
      expect(busy.length).toBeGreaterThan(0);
      expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
      expect(busy[0].body.details).toEqual([
        { field: 'request', code: 'login_busy', message: 'Hệ thống đang bận xử lý nhiều lượt đăng nhập. Vui lòng thử lại sau vài giây.' },
      ]);
      // Once the flood has passed, signing in works again.
      await t.http.post('/api/auth/login').send(ADMIN).expect(200);
    });
  });

  describe('with REDIS_URL pointing at nothing', () => {
    let app: NestFastifyApplication;
    let drop: () => Promise<void>;
    beforeAll(async () => {
      // Not the harness's startApp: it signs the admin in while starting, which needs the counters.
      const database = await cloneTemplate(loadTemplateInfo());
      drop = database.drop;
      Object.assign(process.env, database.env, { REDIS_URL: 'redis://127.0.0.1:9/0' });
      const { createApp } = await import('../../src/app');
      app = await createApp();
      await app.init();
      await app.getHttpAdapter().getInstance().ready();
    });
    afterAll(async () => {
      await app?.close();
      await drop?.();
    });

    it('refuses a login it cannot count with 503 at once, instead of letting it through or hanging', async () => {
      const started = Date.now();
      const res = await request(app.getHttpServer()).post('/api/auth/login').send(ADMIN).expect(503);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'request', code: 'rate_limit_unavailable' })]);
      // Routes without a limit keep answering.
      await request(app.getHttpServer()).get('/health').expect(200);
    });
  });
});
