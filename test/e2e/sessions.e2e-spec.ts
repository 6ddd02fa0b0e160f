import { ADMIN, startApp, TestApp } from '../harness';

const bearer = { type: 'bearer' as const };

/** Signing out, a new password or a deactivation ends the sessions (tokens) opened before it. */
describe('sessions end', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  async function aUser(): Promise<{ id: string; email: string; password: string; version: number }> {
    const email = `phien-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@x.vn`;
    const password = 'mat-khau-ban-dau-du-dai';
    const res = await t.http.post('/api/users').auth(t.adminToken, bearer).send({ email, password, fullName: 'Lê Văn Phiên', role: 'organizer' }).expect(201);
    return { id: res.body.id, email, password, version: res.body.version };
  }

  const me = (token: string) => t.http.get('/api/auth/me').auth(token, bearer);

  it('on sign-out: every token of the user is refused, other users keep theirs, and signing in again works', async () => {
    const user = await aUser();
    const first = await t.login(user.email, user.password);
    const second = await t.login(user.email, user.password);
    await me(first).expect(200);

    await t.http.post('/api/auth/logout').auth(first, bearer).expect(204);

    for (const token of [first, second]) {
      const res = await me(token).expect(401);
      expect(res.body.details).toEqual([
        {
          field: 'authorization',
          code: 'session_ended',
          message: 'Phiên đăng nhập đã kết thúc (đã đăng xuất, đổi mật khẩu hoặc khóa tài khoản). Vui lòng đăng nhập lại.',
        },
      ]);
    }
    await me(t.adminToken).expect(200);
    await me(await t.login(user.email, user.password)).expect(200);
  });

  it('on a new password: tokens issued before it are refused, the new password signs in', async () => {
    const user = await aUser();
    const before = await t.login(user.email, user.password);
    await t.http.patch(`/api/users/${user.id}`).auth(t.adminToken, bearer).send({ version: user.version, password: 'mat-khau-moi-rat-dai-1' }).expect(200);
    await me(before).expect(401);
    await me(await t.login(user.email, 'mat-khau-moi-rat-dai-1')).expect(200);
  });

  it('on deactivation: tokens are refused, and stay refused after reactivation', async () => {
    const user = await aUser();
    const before = await t.login(user.email, user.password);
    const off = await t.http.patch(`/api/users/${user.id}`).auth(t.adminToken, bearer).send({ version: user.version, active: false }).expect(200);
    await me(before).expect(401);
    await t.http.patch(`/api/users/${user.id}`).auth(t.adminToken, bearer).send({ version: off.body.version, active: true }).expect(200);
    await me(before).expect(401);
    await me(await t.login(user.email, user.password)).expect(200);
  });

  it('not on other changes: a new name keeps the sessions', async () => {
    const user = await aUser();
    const token = await t.login(user.email, user.password);
    await t.http.patch(`/api/users/${user.id}`).auth(t.adminToken, bearer).send({ version: user.version, fullName: 'Lê Văn Đổi Tên' }).expect(200);
    await me(token).expect(200);
  });

  it('sign-out needs a token', async () => {
    await t.http.post('/api/auth/logout').expect(401);
    await t.http.post('/api/auth/login').send(ADMIN).expect(200);
  });

  it.each([
    ['eleven characters', 'mười một ký', 'password_too_short', 'Mật khẩu phải có ít nhất 12 ký tự.'],
    ['only spaces', '              ', 'password_blank', 'Mật khẩu không được chỉ gồm khoảng trắng.'],
    ['a common one', 'Matkhau12345', 'password_common', 'Mật khẩu này quá phổ biến hoặc dễ đoán; vui lòng chọn mật khẩu khác.'],
    ['the demo one', 'HoiNghi@2025', 'password_common', 'Mật khẩu này quá phổ biến hoặc dễ đoán; vui lòng chọn mật khẩu khác.'],
    ['a keyboard run', 'qwertyuiopqwe', 'password_common', 'Mật khẩu này quá phổ biến hoặc dễ đoán; vui lòng chọn mật khẩu khác.'],
  ])('refuses %s as a new password, for a new user and a changed one', async (_name, password, code, message) => {
    const email = `mk-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@x.vn`;
    const created = await t.http.post('/api/users').auth(t.adminToken, bearer).send({ email, password, fullName: 'Người Dùng', role: 'viewer' }).expect(400);
    expect(created.body.details).toEqual([{ field: 'password', code, message }]);
    const user = await aUser();
    const changed = await t.http.patch(`/api/users/${user.id}`).auth(t.adminToken, bearer).send({ version: user.version, password }).expect(400);
    expect(changed.body.details).toEqual([{ field: 'password', code, message }]);
    await t.login(user.email, user.password);
  });
});
