import { startApp, TestApp, ADMIN } from '../harness';

describe('foundation: health, docs, login, access', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('answers /health with the database up, without a token', async () => {
    const res = await t.http.get('/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.info.database.status).toBe('up');
  });

  it('serves the OpenAPI document at /docs-json and the UI at /docs', async () => {
    const json = await t.http.get('/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/administrative-units', '/api/users', '/api/award-forms']),
    );
    const ui = await t.http.get('/docs').redirects(1).expect(200);
    expect(ui.text).toContain('swagger');
  });

  it('logs in with the seeded admin and reads who it is', async () => {
    const login = await t.http.post('/api/auth/login').send(ADMIN).expect(200);
    expect(login.body).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresAt: expect.any(String) });
    const me = await t.http.get('/api/auth/me').auth(login.body.accessToken, { type: 'bearer' }).expect(200);
    expect(me.body).toMatchObject({ email: ADMIN.email, role: 'admin' });
    expect(me.body).not.toHaveProperty('passwordHash');
  });

  it('accepts the email in any case', async () => {
    await t.http.post('/api/auth/login').send({ ...ADMIN, email: ADMIN.email.toUpperCase() }).expect(200);
  });

  it('answers the same 401 for a wrong password and an unknown user', async () => {
    const wrong = await t.http.post('/api/auth/login').send({ ...ADMIN, password: 'sai-mat-khau' }).expect(401);
    const unknown = await t.http.post('/api/auth/login').send({ email: 'nobody@x.vn', password: 'sai-mat-khau' }).expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Email hoặc mật khẩu không đúng.',
      details: [{ field: 'body', code: 'invalid_credentials', message: 'Email hoặc mật khẩu không đúng.' }],
    });
  });

  it('throttles repeated logins for one account with 429', async () => {
    const attempt = () => t.http.post('/api/auth/login').send({ email: 'brute@x.vn', password: 'guess-guess' });
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await attempt()).status);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses[20]).toBe(429);
    const last = await attempt();
    const tooMany = 'Có quá nhiều lượt đăng nhập từ địa chỉ này hoặc vào tài khoản này. Vui lòng thử lại sau ít phút.';
    expect(last.body).toMatchObject({ statusCode: 429, message: tooMany, details: [{ field: 'email', code: 'too_many_logins', message: tooMany }] });
    // Another account from the same address is not locked out.
    await t.http.post('/api/auth/login').send(ADMIN).expect(200);
  });

  it('refuses every API route without a token, and with a forged one', async () => {
    const none = await t.http.get('/api/administrative-units').expect(401);
    expect(none.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    await t.http.get('/api/award-forms').auth('not.a.jwt', { type: 'bearer' }).expect(401);
    const forged =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ4In0.qV0h4sQq6Wl3qgZk7m1nOqj5i7Zb0xX0e0mS2pQW2mU';
    await t.http.get('/api/award-forms').auth(forged, { type: 'bearer' }).expect(401);
  });

  it('answers 403 when the role does not allow the route', async () => {
    const viewer = await t.userWithRole('viewer');
    const res = await t.http.get('/api/users').auth(viewer, { type: 'bearer' }).expect(403);
    const message = 'Thao tác này dành cho vai trò quản trị hệ thống; tài khoản của bạn có vai trò người xem.';
    expect(res.body).toMatchObject({ statusCode: 403, message, details: [expect.objectContaining({ code: 'role_not_allowed', message })] });
    await t.http.get('/api/award-forms').auth(viewer, { type: 'bearer' }).expect(200);
  });

  it('sends security headers and a request id, reusing the caller’s', async () => {
    const res = await t.http.get('/health').set('x-request-id', 'req-123').expect(200);
    expect(res.headers['x-request-id']).toBe('req-123');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    const fresh = await t.http.get('/health').expect(200);
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unknown route with the 404 envelope', async () => {
    const res = await t.http.get('/api/nothing-here').auth(t.adminToken, { type: 'bearer' }).expect(404);
    expect(res.body).toMatchObject({
      statusCode: 404,
      error: 'Not Found',
      details: [{ field: 'path', code: 'route_not_found', message: 'Không có địa chỉ này trong API.' }],
    });
  });

  it('lists the seeded award forms, highest first', async () => {
    const res = await t.http.get('/api/award-forms').auth(t.adminToken, { type: 'bearer' }).expect(200);
    const names = res.body.map((f: { name: string }) => f.name);
    expect(names).toEqual(
      expect.arrayContaining(['Bằng khen của Thủ tướng Chính phủ', 'Bằng khen của Chủ tịch UBND tỉnh', 'Cờ thi đua của Chính phủ']),
    );
    expect(names[0]).toBe('Huân chương Lao động hạng Nhất');
    const pm = res.body.find((f: { code: string }) => f.code === 'bang-khen-thu-tuong-chinh-phu');
    expect(pm).toMatchObject({ decisionSuffix: 'TTg', recipientKinds: ['individual', 'collective'], level: 'state' });
  });
});
