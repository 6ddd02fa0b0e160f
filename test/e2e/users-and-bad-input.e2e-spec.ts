import { DataSource } from 'typeorm';
import { aConference, aMainPoint } from '../factories';
import { startApp, TestApp } from '../harness';

describe('users (admin) and bad input', () => {
  let t: TestApp;
  let db: DataSource;
  const admin = () => ({ type: 'bearer' as const });
  const userCount = async () => Number((await db.query('SELECT COUNT(*) AS n FROM users'))[0].n);
  const newUser = (overrides: Record<string, unknown> = {}) => ({
    email: `u${Math.random().toString(36).slice(2)}@so.vn`,
    password: 'mat-khau-du-dai',
    fullName: 'Trần Thị Bình',
    role: 'organizer',
    ...overrides,
  });

  beforeAll(async () => {
    t = await startApp();
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  it('creates a user, stores the name in NFC and the email lower-case, never returns the hash', async () => {
    const res = await t.http
      .post('/api/users')
      .auth(t.adminToken, admin())
      .send(newUser({ email: 'Ca.Bo@Tinh.VN', fullName: 'Phạm Văn Đức'.normalize('NFD') }))
      .expect(201);
    expect(res.body).toMatchObject({ email: 'ca.bo@tinh.vn', fullName: 'Phạm Văn Đức', role: 'organizer', version: 1, active: true });
    expect(res.body.fullName).toBe('Phạm Văn Đức'.normalize('NFC'));
    expect(res.body).not.toHaveProperty('passwordHash');
    const stored = await db.query("SELECT password_hash FROM users WHERE email = 'ca.bo@tinh.vn'");
    expect(stored[0].password_hash).toMatch(/^scrypt\$/);
    await t.login('CA.BO@tinh.vn', 'mat-khau-du-dai');
  });

  it('answers 409 for an email already used, ignoring case', async () => {
    const body = newUser({ email: 'trung@so.vn' });
    await t.http.post('/api/users').auth(t.adminToken, admin()).send(body).expect(201);
    const before = await userCount();
    const res = await t.http.post('/api/users').auth(t.adminToken, admin()).send({ ...body, email: 'TRUNG@so.vn' }).expect(409);
    expect(res.body.details).toEqual([
      { field: 'email', code: 'email_taken', message: 'Email trung@so.vn đã được dùng cho một tài khoản khác.' },
    ]);
    expect(await userCount()).toBe(before);
  });

  it('scopes an operator to a vn-34 unit and refuses an unknown code', async () => {
    const ok = await t.http
      .post('/api/users')
      .auth(t.adminToken, admin())
      .send(newUser({ role: 'operator', administrativeUnitCode: '24' }))
      .expect(201);
    expect(ok.body.administrativeUnitCode).toBe('24');
    const before = await userCount();
    const bad = await t.http
      .post('/api/users')
      .auth(t.adminToken, admin())
      .send(newUser({ role: 'operator', administrativeUnitCode: '99' }))
      .expect(400);
    expect(bad.body.details).toEqual([
      {
        field: 'administrativeUnitCode',
        code: 'administrative_unit_not_found',
        message: 'Mã 99 không phải là mã tỉnh hoặc xã trong danh mục đơn vị hành chính hiện hành (vn-34).',
      },
    ]);
    const malformed = await t.http
      .post('/api/users')
      .auth(t.adminToken, admin())
      .send(newUser({ role: 'operator', administrativeUnitCode: '2a' }))
      .expect(400);
    expect(malformed.body.details).toEqual([expect.objectContaining({ field: 'administrativeUnitCode', code: 'not_a_unit_code' })]);
    expect(await userCount()).toBe(before);
  });

  it('refuses bridge points that do not exist, naming them', async () => {
    const missing = '00000000-0000-4000-8000-00000000b001';
    const before = await userCount();
    const res = await t.http
      .post('/api/users')
      .auth(t.adminToken, admin())
      .send(newUser({ role: 'operator', bridgePointIds: [missing] }))
      .expect(400);
    expect(res.body.details).toEqual([
      { field: 'bridgePointIds', code: 'bridge_point_not_found', message: `Không tìm thấy điểm cầu: ${missing}.` },
    ]);
    expect(await userCount()).toBe(before);
  });

  it('updates with the version read, and answers 409 to a stale version without changing anything', async () => {
    const created = await t.http.post('/api/users').auth(t.adminToken, admin()).send(newUser()).expect(201);
    const id = created.body.id;
    const first = await t.http.patch(`/api/users/${id}`).auth(t.adminToken, admin()).send({ version: 1, fullName: 'Lê Văn Cường' }).expect(200);
    expect(first.body).toMatchObject({ fullName: 'Lê Văn Cường', version: 2 });
    const stale = await t.http.patch(`/api/users/${id}`).auth(t.adminToken, admin()).send({ version: 1, fullName: 'Ghi đè' }).expect(409);
    expect(stale.body.details).toEqual([{ field: 'version', code: 'stale_version', message: 'Phiên bản hiện tại là 2.' }]);
    const now = await t.http.get(`/api/users/${id}`).auth(t.adminToken, admin()).expect(200);
    expect(now.body).toMatchObject({ fullName: 'Lê Văn Cường', version: 2 });
  });

  it('lets exactly one of two concurrent updates with the same version win', async () => {
    const created = await t.http.post('/api/users').auth(t.adminToken, admin()).send(newUser()).expect(201);
    const patch = (fullName: string) =>
      t.http.patch(`/api/users/${created.body.id}`).auth(t.adminToken, admin()).send({ version: 1, fullName });
    const statuses = (await Promise.all([patch('Một'), patch('Hai'), patch('Ba')])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409]);
  });

  it('locks out a deactivated user at once, token included', async () => {
    const body = newUser({ role: 'viewer' });
    const created = await t.http.post('/api/users').auth(t.adminToken, admin()).send(body).expect(201);
    const token = await t.login(body.email, body.password);
    await t.http.get('/api/auth/me').auth(token, admin()).expect(200);
    await t.http.patch(`/api/users/${created.body.id}`).auth(t.adminToken, admin()).send({ version: 1, active: false }).expect(200);
    await t.http.get('/api/auth/me').auth(token, admin()).expect(401);
    await t.http.post('/api/auth/login').send({ email: body.email, password: body.password }).expect(401);
  });

  it('lists users paginated and filtered by role', async () => {
    const res = await t.http.get('/api/users?role=admin&pageSize=10').auth(t.adminToken, admin()).expect(200);
    expect(res.body).toMatchObject({ page: 1, pageSize: 10 });
    expect(res.body.items.every((u: { role: string }) => u.role === 'admin')).toBe(true);
    expect(res.body.total).toBeGreaterThanOrEqual(1);
  });

  describe('bad input answers 4xx in the envelope naming the field, and writes nothing', () => {
    const cases: [string, (r: ReturnType<TestApp['http']['post']>) => unknown, number, string][] = [
      ['an unknown field', (r) => r.send({ ...newUser(), isAdmin: true }), 400, 'isAdmin'],
      ['a wrong type', (r) => r.send({ ...newUser(), fullName: 42 }), 400, 'fullName'],
      ['an unknown role', (r) => r.send(newUser({ role: 'root' })), 400, 'role'],
      ['an invalid email', (r) => r.send(newUser({ email: 'not-an-email' })), 400, 'email'],
      ['a short password', (r) => r.send(newUser({ password: 'short' })), 400, 'password'],
      ['a missing field', (r) => r.send({ email: 'x@y.vn', password: 'mat-khau-du-dai', role: 'viewer' }), 400, 'fullName'],
      ['malformed JSON', (r) => r.set('content-type', 'application/json').send('{"email": '), 400, 'body'],
      ['an empty JSON body', (r) => r.set('content-type', 'application/json').send(''), 400, 'body'],
      ['no body at all', (r) => r, 400, 'body'],
      ['a JSON array', (r) => r.send([newUser()]), 400, 'body'],
      ['a JSON string', (r) => r.set('content-type', 'application/json').send('"x"'), 400, 'body'],
      ['a __proto__ key', (r) => r.set('content-type', 'application/json').send('{"__proto__": {"role": "admin"}}'), 400, 'body'],
      ['an oversized body', (r) => r.send({ ...newUser(), fullName: 'x'.repeat(1_100_000) }), 413, 'body'],
      ['a form body', (r) => r.type('form').send('email=a@b.vn'), 415, 'content-type'],
      ['JSON nested 40 levels deep', (r) => r.set('content-type', 'application/json').send('{"a":'.repeat(40) + '1' + '}'.repeat(40)), 400, 'a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a'],
      // Refused from the text before parsing (a megabyte of `[` takes 120 ms to parse), so only the body is named.
      ['JSON nested 3,000 levels deep', (r) => r.set('content-type', 'application/json').send('{"a":'.repeat(3_000) + '1' + '}'.repeat(3_000)), 400, 'body'],
      ['a megabyte less one of [', (r) => r.set('content-type', 'application/json').send('['.repeat(1_048_575)), 400, 'body'],
      ['a lone surrogate in the email', (r) => r.set('content-type', 'application/json').send(JSON.stringify(newUser()).replace('"email":"', '"email":"\\ud800')), 400, 'email'],
      ['a lone surrogate in a field name', (r) => r.set('content-type', 'application/json').send('{"\\udfff": 1}'), 400, 'body'],
    ];

    it.each(cases)('%s', async (_name, build, status, field) => {
      const before = await userCount();
      const res = (await build(t.http.post('/api/users').auth(t.adminToken, admin()))) as { status: number; body: { details: { field: string }[] } };
      expect(res.status).toBe(status);
      expect(res.body).toMatchObject({ statusCode: status, error: expect.any(String), message: expect.any(String) });
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(await userCount()).toBe(before);
    });

    it('takes no body at all for an action whose fields are all optional, but refuses a JSON null or an empty JSON text there', async () => {
      const c = (await t.http.post('/api/conferences').auth(t.adminToken, admin()).send(aConference()).expect(201)).body;
      await t.http.post(`/api/conferences/${c.id}/bridge-points`).auth(t.adminToken, admin()).send(aMainPoint()).expect(201);
      const nullBody = await t.http.post(`/api/conferences/${c.id}/publish`).auth(t.adminToken, admin()).set('content-type', 'application/json').send('null').expect(400);
      expect(nullBody.body.details.map((d: { field: string }) => d.field)).toEqual(['body']);
      await t.http.post(`/api/conferences/${c.id}/publish`).auth(t.adminToken, admin()).set('content-type', 'application/json').send('').expect(400);
      expect((await t.http.get(`/api/conferences/${c.id}`).auth(t.adminToken, admin()).expect(200)).body.status).toBe('draft');
      // As `curl -X POST` sends it: no content type, no body.
      const published = await t.http.post(`/api/conferences/${c.id}/publish`).auth(t.adminToken, admin()).expect(200);
      expect(published.body.status).toBe('published');
    });

    it.each([{ fullName: null }, { role: null }, { active: null }, { password: null }])('a null for a required field on PATCH: %j', async (patch) => {
      const created = await t.http.post('/api/users').auth(t.adminToken, admin()).send(newUser()).expect(201);
      const res = await t.http.patch(`/api/users/${created.body.id}`).auth(t.adminToken, admin()).send({ version: 1, ...patch }).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(Object.keys(patch)[0]);
      const after = await t.http.get(`/api/users/${created.body.id}`).auth(t.adminToken, admin()).expect(200);
      expect(after.body.version).toBe(1);
    });

    it('an id that is not a UUID', async () => {
      const res = await t.http.patch('/api/users/123').auth(t.adminToken, admin()).send({ version: 1 }).expect(400);
      expect(res.body.details).toEqual([{ field: 'id', code: 'not_a_uuid', message: 'Trường "id" phải là mã định danh UUID, ví dụ 3f2b8c1e-5d4a-4b7e-9c1f-2a6d8e0b4c7a.' }]);
      await t.http.get("/api/users/1' OR '1'='1").auth(t.adminToken, admin()).expect(400);
    });

    it('a page number past any safe row offset', async () => {
      const res = await t.http.get('/api/users?page=99999999999999999999').auth(t.adminToken, admin()).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain('page');
      await t.http.get('/api/users?page=1000000').auth(t.adminToken, admin()).expect(200);
    });

    it('a UUID that names no user', async () => {
      const res = await t.http
        .get('/api/users/00000000-0000-4000-8000-000000000000')
        .auth(t.adminToken, admin())
        .expect(404);
      const notFound = { field: 'id', code: 'user_not_found', message: 'Không tìm thấy tài khoản 00000000-0000-4000-8000-000000000000.' };
      expect(res.body).toMatchObject({ message: notFound.message, details: [notFound] });
      const changed = await t.http
        .patch('/api/users/00000000-0000-4000-8000-000000000000')
        .auth(t.adminToken, admin())
        .send({ version: 1, fullName: 'Không ai' })
        .expect(404);
      expect(changed.body.details).toEqual([notFound]);
    });
  });
});
