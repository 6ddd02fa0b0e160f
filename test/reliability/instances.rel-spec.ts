import { randomInt } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import Redis from 'ioredis';
import { aConference, aMainPoint } from '../factories';
import { TEST_JWT_SECRET } from './fixture';
import { ADMIN, ApiClient, RunningApp } from './running-app';

/*
 * Two instances of the built app on one PostgreSQL, behind nothing but their two ports, as a
 * deployment behind a load balancer would run them: they limit logins as one, accept each
 * other's tokens and sign-outs, and a board open on one follows changes made through the other.
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('two instances on one PostgreSQL share one state', () => {
  let app: RunningApp;
  let first: { baseUrl: string; api: ApiClient };
  let second: { baseUrl: string; api: ApiClient };
  const env = { JWT_SECRET: TEST_JWT_SECRET, TRUST_PROXY: 'true', LOGIN_RATE_LIMIT: '10', LOGIN_ADDRESS_RATE_LIMIT: '30', LOG_LEVEL: 'warn' };

  beforeAll(async () => {
    app = await RunningApp.launch({ postgres: true, env });
    first = { baseUrl: app.baseUrl, api: await app.client() };
    second = await app.start(env);
  });
  afterAll(() => app?.stop());

  it('limits a login flood split across both as one: LOGIN_ADDRESS_RATE_LIMIT attempts over both, not each', async () => {
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        fetch(`${i % 2 === 0 ? first.baseUrl : second.baseUrl}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.77' },
          body: JSON.stringify({ email: `lu-lut-${i}@x.vn`, password: 'doan-mat-khau-sai' }),
        }).then(async (res) => {
          const body = (await res.json()) as { details?: { code: string }[] };
          return res.status === 429 ? body.details![0].code : String(res.status);
        }),
      ),
    );
    const count = (answer: string) => answers.filter((a) => a === answer).length;
    // 30 attempts are counted over both instances (one may still be refused while a password check is busy);
    // the other 30 are refused by the limit, whichever instance they reached.
    expect(count('too_many_logins')).toBe(30);
    expect(count('401') + count('login_busy')).toBe(30);
    const refusedFor = await fetch(`${second.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.77' },
      body: JSON.stringify(ADMIN),
    });
    expect(refusedFor.status).toBe(429);
    expect(((await refusedFor.json()) as { details: { code: string }[] }).details[0].code).toBe('too_many_logins');
  });

  it("accepts a token of one instance on the other, and a sign-out through one ends it on the other within 5 s", async () => {
    const signIn = await first.api.expect(200, 'POST', '/api/auth/login', ADMIN);
    const token: string = signIn.body.accessToken;
    const read = (baseUrl: string) => fetch(`${baseUrl}/api/conferences?pageSize=1`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);
    expect(await read(second.baseUrl)).toBe(200);
    expect(
      (await fetch(`${first.baseUrl}/api/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })).status,
    ).toBeLessThan(300);
    const started = performance.now();
    while ((await read(second.baseUrl)) === 200) {
      if (performance.now() - started > 5_000) throw new Error('the other instance still accepts the token 5 s after the sign-out');
      await sleep(100);
    }
    expect(await read(second.baseUrl)).toBe(401);
  });

  it('shows on a board streamed by one instance a confirmation made through the other within 2 s', async () => {
    const api = await app.client(first.baseUrl);
    const conference = await api.expect(201, 'POST', '/api/conferences', aConference({ startsAt: '2030-09-10T08:00:00+07:00', endsAt: '2030-09-10T11:30:00+07:00' }));
    const id: string = conference.body.id;
    const point = await api.expect(201, 'POST', `/api/conferences/${id}/bridge-points`, aMainPoint());
    await api.expect(200, 'POST', `/api/conferences/${id}/publish`, {});

    const aborter = new AbortController();
    const res = await fetch(`${first.baseUrl}/api/conferences/${id}/board/events`, { headers: { authorization: `Bearer ${api.token}` }, signal: aborter.signal });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const nextEvent = async (name: string): Promise<string> => {
      for (;;) {
        const match = new RegExp(`event: ${name}\\ndata: (.*)\\n\\n`).exec(text);
        if (match) {
          text = text.slice(match.index + match[0].length);
          return match[1];
        }
        const chunk = await reader.read();
        if (chunk.done) throw new Error(`the stream ended before a ${name} event`);
        text += decoder.decode(chunk.value, { stream: true });
      }
    };
    try {
      await nextEvent('snapshot');
      const other = await app.client(second.baseUrl);
      const confirmedAt = performance.now();
      await other.expect(200, 'POST', `/api/conferences/${id}/bridge-points/${point.body.id}/confirm`, {});
      const delta = await Promise.race([nextEvent('delta'), sleep(2_000).then(() => null)]);
      const took = performance.now() - confirmedAt;
      expect(delta).not.toBeNull();
      expect(delta).toContain(point.body.id);
      expect(delta).toContain('confirmed');
      console.log(`board on one instance saw a confirmation made through the other after ${took.toFixed(0)} ms`);
    } finally {
      aborter.abort();
    }
  });
});

/** The Redis `.ci/run` starts on 6379 (REDIS_URL); each run uses addresses of its own, nothing is flushed. */
const REDIS_URL = process.env.CI_REDIS_URL ?? 'redis://127.0.0.1:6379/0';

describe('two instances with REDIS_URL', () => {
  let app: RunningApp;
  let redis: Redis;
  const env = { JWT_SECRET: TEST_JWT_SECRET, REDIS_URL, TRUST_PROXY: 'true', LOGIN_ADDRESS_RATE_LIMIT: '20', LOG_LEVEL: 'warn' };

  beforeAll(async () => {
    redis = new Redis(REDIS_URL);
    app = await RunningApp.launch({ postgres: true, env });
  });
  afterAll(async () => {
    await app?.stop();
    redis?.disconnect();
  });

  it('counts logins through either instance together, in Redis', async () => {
    const bases = [app.baseUrl, (await app.start(env)).baseUrl];
    const from = `198.18.${randomInt(256)}.${randomInt(1, 255)}`;
    const keysBefore = await redis.dbsize();
    const answers: string[] = [];
    for (let i = 0; i < 24; i++) {
      const res = await fetch(`${bases[i % 2]}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
        body: JSON.stringify({ email: `redis-${i}@x.vn`, password: 'doan-mat-khau-sai' }),
      });
      const body = (await res.json()) as { details?: { code: string }[] };
      answers.push(res.status === 429 ? body.details![0].code : String(res.status));
    }
    expect(answers.slice(0, 20).every((a) => a === '401')).toBe(true);
    expect(answers.slice(20)).toEqual(['too_many_logins', 'too_many_logins', 'too_many_logins', 'too_many_logins']);
    expect(await redis.dbsize()).toBeGreaterThan(keysBefore);
  });
});
