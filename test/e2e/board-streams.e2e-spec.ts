import { createHmac } from 'node:crypto';
import { aConference, aMainPoint } from '../factories';
import { startApp, TestApp } from '../harness';

const bearer = { type: 'bearer' as const };
const JWT_SECRET = 'test-secret-that-is-long-enough-0123456789'; // config/test.env

/** An HS256 token as the app signs one, with a chosen expiry. */
function tokenFor(sub: string, expiresInSeconds: number): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub, role: 'viewer', tv: 0, iat: now, exp: now + expiresInSeconds })}`;
  return `${unsigned}.${createHmac('sha256', JWT_SECRET).update(unsigned).digest('base64url')}`;
}

/**
 * The live status-board stream holds a connection for as long as the page is open: a user may
 * hold a few, and each ends with the session that opened it.
 */
describe('board streams', () => {
  let t: TestApp;
  let base: string;
  let conferenceId: string;

  beforeAll(async () => {
    t = await startApp({ BOARD_HEARTBEAT_SECONDS: '1', BOARD_STREAMS_PER_USER: '2' });
    await t.app.listen(0, '127.0.0.1');
    base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    conferenceId = (await t.http.post('/api/conferences').auth(t.adminToken, bearer).send(aConference()).expect(201)).body.id;
    await t.http.post(`/api/conferences/${conferenceId}/bridge-points`).auth(t.adminToken, bearer).send(aMainPoint()).expect(201);
  });
  afterAll(() => t.close());

  async function aViewer(): Promise<{ id: string; email: string; password: string; version: number; token: string }> {
    const email = `xem-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@x.vn`;
    const password = 'mat-khau-nguoi-xem';
    const res = await t.http.post('/api/users').auth(t.adminToken, bearer).send({ email, password, fullName: 'Người Xem', role: 'viewer' }).expect(201);
    return { id: res.body.id, email, password, version: res.body.version, token: await t.login(email, password) };
  }

  /** Opens a stream; `ended(ms)` answers whether the server ended it within `ms`. */
  async function open(token: string) {
    const aborter = new AbortController();
    const res = await fetch(`${base}/api/conferences/${conferenceId}/board/events`, { headers: { authorization: `Bearer ${token}` }, signal: aborter.signal });
    let done = false;
    const reading =
      res.status === 200
        ? (async () => {
            const reader = res.body!.getReader();
            try {
              while (!(await reader.read()).done);
            } catch {
              // aborted by the test
            }
            done = true;
          })()
        : Promise.resolve();
    return {
      status: res.status,
      body: res.status === 200 ? null : await res.json(),
      async ended(ms: number): Promise<boolean> {
        await Promise.race([reading, new Promise((r) => setTimeout(r, ms))]);
        return done;
      },
      close: () => aborter.abort(),
    };
  }

  it('lets one user hold BOARD_STREAMS_PER_USER streams, refuses one more with 429, and frees a place when one closes', async () => {
    const viewer = await aViewer();
    const first = await open(viewer.token);
    const second = await open(viewer.token);
    expect([first.status, second.status]).toEqual([200, 200]);
    const third = await open(viewer.token);
    expect(third.status).toBe(429);
    expect(third.body.details).toEqual([
      { field: 'request', code: 'too_many_streams', message: 'Tài khoản này đang mở 2 bảng theo dõi trực tiếp, tối đa 2; hãy đóng bớt cửa sổ rồi thử lại.' },
    ]);
    const someoneElse = await open((await aViewer()).token);
    expect(someoneElse.status).toBe(200);

    first.close();
    await new Promise((r) => setTimeout(r, 300));
    const again = await open(viewer.token);
    expect(again.status).toBe(200);
    for (const s of [second, someoneElse, again]) s.close();
  });

  it('ends a stream at the next heartbeat after its user signs out, and keeps the others', async () => {
    const viewer = await aViewer();
    const other = await aViewer();
    const mine = await open(viewer.token);
    const theirs = await open(other.token);
    expect(await mine.ended(1500)).toBe(false);
    await t.http.post('/api/auth/logout').auth(viewer.token, bearer).expect(204);
    expect(await mine.ended(3000)).toBe(true);
    expect(await theirs.ended(1500)).toBe(false);
    theirs.close();
  });

  it('ends a stream when its user is deactivated', async () => {
    const viewer = await aViewer();
    const stream = await open(viewer.token);
    await t.http.patch(`/api/users/${viewer.id}`).auth(t.adminToken, bearer).send({ version: viewer.version, active: false }).expect(200);
    expect(await stream.ended(3000)).toBe(true);
  });

  it('ends a stream when its user no longer has a role that sees the board', async () => {
    const viewer = await aViewer();
    const stream = await open(viewer.token);
    await t.http.patch(`/api/users/${viewer.id}`).auth(t.adminToken, bearer).send({ version: viewer.version, role: 'operator', administrativeUnitCode: '24' }).expect(200);
    expect(await stream.ended(3000)).toBe(true);
  });

  it('ends a stream when its token expires', async () => {
    const viewer = await aViewer();
    const stream = await open(tokenFor(viewer.id, 2));
    expect(stream.status).toBe(200);
    expect(await stream.ended(1000)).toBe(false);
    expect(await stream.ended(4000)).toBe(true);
  });
});
