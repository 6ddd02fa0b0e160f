import { join } from 'node:path';
import { Page } from 'playwright-core';
import { aConference, aMainPoint } from '../factories';
import { launchBrowser, TestBrowser } from '../browser';
import { ADMIN, startApp, TestApp } from '../harness';
import { SHOTS } from '../console-screens';

const bearer = { type: 'bearer' as const };
const PASSWORD = 'mat-khau-du-dai';

/** The value of a named cookie among Set-Cookie headers. */
const cookieFrom = (headers: Record<string, unknown>, name: string): string | undefined => {
  const all = ([] as string[]).concat((headers['set-cookie'] as string[] | string | undefined) ?? []);
  const found = all.find((c) => c.startsWith(`${name}=`));
  return found ? decodeURIComponent(found.slice(name.length + 1).split(';')[0]) : undefined;
};
const csrfIn = (text: string): string => /name="_csrf" value="([^"]+)"/.exec(text)![1];

/**
 * The organizer console in chromium, as an organizer, a viewer and an operator: sign-in by
 * cookie, the conference list and its forms over the API's own services, CSRF tokens and roles.
 */
describe('organizer console', () => {
  let t: TestApp;
  let browser: TestBrowser;
  let base: string;
  let page: Page;
  const users: Record<'organizer' | 'viewer' | 'operator', string> = { organizer: '', viewer: '', operator: '' };
  let operatorConferenceId: string;
  let createdId: string;
  let cloneId: string;

  const form = (path: string, fields: Record<string, string>, cookie?: string) => {
    const req = t.http.post(path).type('form');
    if (cookie) void req.set('cookie', cookie);
    return req.send(new URLSearchParams(fields).toString());
  };

  /** Signs in through the form with supertest; returns the session cookie's value. */
  const signInHttp = async (email: string, password = PASSWORD): Promise<string> => {
    const shown = await t.http.get('/console/login').expect(200);
    const pre = cookieFrom(shown.headers, 'hn_console_pre')!;
    const res = await form('/console/login', { _csrf: csrfIn(shown.text), email, password }, `hn_console_pre=${pre}`).expect(303);
    return cookieFrom(res.headers, 'hn_console')!;
  };

  const signIn = async (email: string, password = PASSWORD) => {
    await browser.context.clearCookies();
    await page.goto(`${base}/console/login`);
    await page.fill('#dn-email', email);
    await page.fill('#dn-password', password);
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Đăng nhập")')]);
  };

  /** Screenshots of the screen at 1280 px and at 360 px, checking there is no horizontal scroll at 360. */
  const shoot = async (name: string) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: join(SHOTS, `console-${name}.png`), fullPage: true });
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(SHOTS, `console-${name}-360.png`), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  };

  const flash = () => page.locator('.alert.ok').innerText();

  beforeAll(async () => {
    t = await startApp();
    await t.app.listen(0, '127.0.0.1');
    base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    operatorConferenceId = (
      await t.http.post('/api/conferences').auth(t.adminToken, bearer).send(aConference({ title: 'Hội nghị tập huấn công tác dân vận tỉnh Bắc Ninh', kind: 'training' })).expect(201)
    ).body.id;
    const point = (
      await t.http.post(`/api/conferences/${operatorConferenceId}/bridge-points`).auth(t.adminToken, bearer).send(aMainPoint({ name: 'Điểm cầu tỉnh Bắc Ninh', level: 'provincial' })).expect(201)
    ).body;
    for (const role of ['organizer', 'viewer', 'operator'] as const) {
      const email = `${role}-console@test.hoinghi.local`;
      await t.http
        .post('/api/users')
        .auth(t.adminToken, bearer)
        .send({ email, password: PASSWORD, fullName: `Trần Thị ${role === 'organizer' ? 'Tổ Chức' : role === 'viewer' ? 'Theo Dõi' : 'Điểm Cầu'}`, role, ...(role === 'operator' && { bridgePointIds: [point.id] }) })
        .expect(201);
      users[role] = email;
    }
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  describe('as an organizer', () => {
    it('sends a page asked for without a session to the sign-in form, and back to it after signing in', async () => {
      await page.goto(`${base}/console/conferences/new`);
      expect(new URL(page.url()).pathname).toBe('/console/login');
      expect(new URL(page.url()).searchParams.get('next')).toBe('/console/conferences/new');
      await shoot('login');
      // Keyboard alone: the first Tab reaches the skip link, after it the first field.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Bỏ qua, đến nội dung chính');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('dn-email');
      await page.fill('#dn-email', users.organizer);
      await page.fill('#dn-password', 'sai-mat-khau-roi');
      await Promise.all([page.waitForNavigation(), page.click('button:has-text("Đăng nhập")')]);
      expect(await page.locator('.alert.error').innerText()).toContain('Email hoặc mật khẩu không đúng.');

      await page.fill('#dn-password', PASSWORD);
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      expect(new URL(page.url()).pathname).toBe('/console/conferences/new');
      const session = (await browser.context.cookies()).find((c) => c.name === 'hn_console')!;
      expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/console', secure: false });
    });

    it('creates a conference: the errors come back beside their fields, and once corrected it is saved', async () => {
      await page.fill('#hn-title', 'Hội nghị sơ kết công tác dân vận 6 tháng đầu năm 2026');
      await page.selectOption('#hn-kind', 'review');
      await page.fill('#hn-startsAt', '15/07/2026 08:00');
      await page.fill('#hn-endsAt', '31/06/2026 11:30');
      await page.fill('#hn-onlineUrl', 'hop.example.vn/dan-van');
      await page.fill('#hn-chairName', 'Trần Văn Minh');
      await Promise.all([page.waitForNavigation(), page.click('button:has-text("Tạo hội nghị")')]);
      // One error from the page (a day that does not exist), one from the API's DTO (the URL), each beside its field.
      expect(await page.locator('#hn-endsAt-loi').innerText()).toContain('Thời gian kết thúc phải là một ngày giờ có thật');
      expect(await page.locator('#hn-onlineUrl-loi').innerText()).toContain('Đường dẫn họp trực tuyến phải là địa chỉ web bắt đầu bằng http:// hoặc https://');
      expect(await page.locator('#hn-onlineUrl').getAttribute('aria-invalid')).toBe('true');
      expect(await page.inputValue('#hn-title')).toBe('Hội nghị sơ kết công tác dân vận 6 tháng đầu năm 2026');
      await shoot('form-errors');

      // Ends before it starts: the service's own refusal, beside the end time.
      await page.fill('#hn-endsAt', '15/07/2026 07:00');
      await page.fill('#hn-onlineUrl', 'https://hop.example.vn/dan-van-2026');
      await Promise.all([page.waitForNavigation(), page.click('button:has-text("Tạo hội nghị")')]);
      expect(await page.locator('#hn-endsAt-loi').innerText()).toBe('Giờ kết thúc của hội nghị phải sau giờ bắt đầu.');
      expect(await page.locator('#hn-onlineUrl-loi').count()).toBe(0);

      await page.fill('#hn-endsAt', '15/07/2026 11:30');
      await Promise.all([page.waitForNavigation(), page.click('button:has-text("Tạo hội nghị")')]);
      expect(page.url()).toMatch(/\/console\/conferences\/[0-9a-f-]{36}\?xong=create$/);
      expect(await flash()).toBe('Đã tạo hội nghị (bản nháp).');
      createdId = /conferences\/([0-9a-f-]{36})/.exec(page.url())![1];
      const saved = (await t.http.get(`/api/conferences/${createdId}`).auth(t.adminToken, bearer).expect(200)).body;
      expect(saved).toMatchObject({ status: 'draft', startsAt: '2026-07-15T01:00:00.000Z', endsAt: '2026-07-15T04:30:00.000Z', chairName: 'Trần Văn Minh' });
      expect(await page.locator('.facts').innerText()).toContain('từ 08:00 đến 11:30, thứ Tư, ngày 15/7/2026');
      await shoot('overview');
    });

    it('edits it, showing the times on its own clock, and refuses an edit made on a stale copy', async () => {
      await Promise.all([page.waitForNavigation(), page.click('a:has-text("Sửa thông tin")')]);
      expect(await page.inputValue('#hn-startsAt')).toBe('15/07/2026 08:00');
      expect(await page.inputValue('#hn-endsAt')).toBe('15/07/2026 11:30');
      await page.fill('#hn-venue', 'Hội trường Ban Dân vận Trung ương, Hà Nội');
      await page.fill('#hn-startsAt', '16/07/2026 08:00');
      await page.fill('#hn-endsAt', '16/07/2026 11:00');
      await shoot('edit');
      // Someone else changes it meanwhile: the console's version is stale.
      const current = (await t.http.get(`/api/conferences/${createdId}`).auth(t.adminToken, bearer).expect(200)).body;
      await t.http.patch(`/api/conferences/${createdId}`).auth(t.adminToken, bearer).send({ version: current.version, chairTitle: 'Trưởng Ban' }).expect(200);
      await Promise.all([page.waitForNavigation(), page.click('button:has-text("Lưu thay đổi")')]);
      expect(await page.locator('.alert.error').innerText()).toContain('vừa được người khác cập nhật');

      await page.goto(`${base}/console/conferences/${createdId}/edit`);
      expect(await page.inputValue('#hn-chairTitle')).toBe('Trưởng Ban');
      await page.fill('#hn-venue', 'Hội trường Ban Dân vận Trung ương, Hà Nội');
      await page.fill('#hn-startsAt', '16/07/2026 08:00');
      await page.fill('#hn-endsAt', '16/07/2026 11:00');
      await page.fill('#hn-description', '');
      await Promise.all([page.waitForNavigation(), page.click('button:has-text("Lưu thay đổi")')]);
      expect(await flash()).toBe('Đã lưu thay đổi.');
      expect(await page.locator('.facts').innerText()).toContain('Hội trường Ban Dân vận Trung ương, Hà Nội');
      expect(await page.locator('.facts').innerText()).toContain('từ 08:00 đến 11:00, thứ Năm, ngày 16/7/2026');
    });

    it('publishes it once it has a main bridge point (refused before, with the reason)', async () => {
      await Promise.all([page.waitForNavigation(), page.click('button:has-text("Công bố hội nghị")')]);
      expect(await page.locator('.alert.error').innerText()).toContain('chưa có điểm cầu chính');
      await t.http.post(`/api/conferences/${createdId}/bridge-points`).auth(t.adminToken, bearer).send(aMainPoint()).expect(201);
      await page.goto(`${base}/console/conferences/${createdId}`);
      await Promise.all([page.waitForNavigation(), page.click('button:has-text("Công bố hội nghị")')]);
      expect(await flash()).toBe('Đã công bố hội nghị.');
      expect(await page.locator('.facts .badge').innerText()).toBe('Đã công bố');
      expect(await page.locator('.stats').innerText()).toMatch(/1\s*điểm cầu/);
    });

    it('clones it to a new date, with the error beside the start time first', async () => {
      await page.fill('#clone-startsAt', '20/8/2026');
      await Promise.all([page.waitForNavigation(), page.click('button:has-text("Sao chép hội nghị")')]);
      expect(await page.locator('#clone-startsAt-loi').innerText()).toContain('ví dụ 15/07/2025 08:00');
      await page.fill('#clone-startsAt', '20/08/2026 08:00');
      await page.fill('#clone-title', 'Hội nghị sơ kết công tác dân vận (họp lại)');
      await Promise.all([page.waitForNavigation(), page.click('button:has-text("Sao chép hội nghị")')]);
      expect(await flash()).toContain('Đã tạo bản sao');
      cloneId = /conferences\/([0-9a-f-]{36})/.exec(page.url())![1];
      expect(cloneId).not.toBe(createdId);
      expect(await page.locator('h1').innerText()).toBe('Hội nghị sơ kết công tác dân vận (họp lại)');
      expect(await page.locator('.facts').innerText()).toContain('từ 08:00 đến 11:00, thứ Năm, ngày 20/8/2026');
      expect(await page.locator('.facts .badge').innerText()).toBe('Bản nháp');
      expect(await page.locator('.stats').innerText()).toMatch(/1\s*điểm cầu/);
    });

    it('cancels the original with a reason, which it then shows (an empty reason is refused beside the field)', async () => {
      await page.goto(`${base}/console/conferences/${createdId}`);
      await Promise.all([page.waitForNavigation(), page.click('button:has-text("Hủy hội nghị")')]);
      expect(await page.locator('#cancel-reason-loi').innerText()).toBe('Lý do hủy không được để trống.');
      await shoot('cancel-error');
      await page.fill('#cancel-reason', 'Hoãn do thay đổi lịch công tác của lãnh đạo');
      await Promise.all([page.waitForNavigation(), page.click('button:has-text("Hủy hội nghị")')]);
      expect(await flash()).toContain('Đã hủy hội nghị');
      const facts = await page.locator('.facts').innerText();
      expect(facts).toContain('Đã hủy');
      expect(facts).toContain('Hoãn do thay đổi lịch công tác của lãnh đạo');
      // Cancelled: read-only, so no edit link, no cancel form; cloning stays.
      expect(await page.locator('a:has-text("Sửa thông tin")').count()).toBe(0);
      expect(await page.locator('form[action$="/cancel"]').count()).toBe(0);
      expect(await page.locator('form[action$="/clone"]').count()).toBe(1);
    });

    it('lists the conferences, found by title without diacritics and filtered by state', async () => {
      await page.goto(`${base}/console`);
      expect(await page.locator('.results li').count()).toBe(3);
      await shoot('list');
      await page.fill('#tim-q', 'so ket cong tac dan van');
      await Promise.all([page.waitForNavigation(), page.click('button:has-text("Tìm")')]);
      expect(await page.locator('.results h2').allInnerTexts()).toEqual([
        'Hội nghị sơ kết công tác dân vận (họp lại)',
        'Hội nghị sơ kết công tác dân vận 6 tháng đầu năm 2026',
      ]);
      await page.selectOption('#tim-status', 'cancelled');
      await Promise.all([page.waitForNavigation(), page.click('button:has-text("Tìm")')]);
      expect(await page.locator('.results h2').allInnerTexts()).toEqual(['Hội nghị sơ kết công tác dân vận 6 tháng đầu năm 2026']);
      expect(new URL(page.url()).search).toBe('?q=so+ket+cong+tac+dan+van&status=cancelled');
      await shoot('search');
      await page.fill('#tim-q', 'bac ninh');
      await page.selectOption('#tim-status', '');
      await Promise.all([page.waitForNavigation(), page.click('button:has-text("Tìm")')]);
      expect(await page.locator('.results h2').allInnerTexts()).toEqual(['Hội nghị tập huấn công tác dân vận tỉnh Bắc Ninh']);
    });

    it('pages through a long list', async () => {
      for (let i = 1; i <= 20; i++) {
        await t.http.post('/api/conferences').auth(t.adminToken, bearer).send(aConference({ title: `Hội nghị chuyên đề số ${i}`, kind: 'thematic' })).expect(201);
      }
      await page.goto(`${base}/console?q=chuyen+de`);
      expect(await page.locator('.results li').count()).toBe(20);
      expect(await page.locator('.pager').count()).toBe(0);
      await page.goto(`${base}/console`);
      expect(await page.locator('.pager').innerText()).toContain('Trang 1/2');
      await Promise.all([page.waitForNavigation(), page.click('a:has-text("Trang sau")')]);
      expect(await page.locator('.results li').count()).toBe(3);
      expect(await page.locator('p[role=status]').innerText()).toContain('Hiển thị 21–23 trên tổng số 23 hội nghị.');
    });

    it('refuses a form posted without its CSRF token, or with another session’s, with a Vietnamese 403 page', async () => {
      const session = await signInHttp(users.organizer);
      const fields = { title: 'Hội nghị giả mạo', kind: 'review', format: 'online', startsAt: '15/07/2026 08:00', endsAt: '15/07/2026 11:00', timezone: 'Asia/Ho_Chi_Minh' };
      const refused = await form('/console/conferences', fields, `hn_console=${session}`).expect(403);
      expect(refused.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(refused.text).toContain('Biểu mẫu không hợp lệ');
      const otherSession = await signInHttp(users.viewer);
      const otherCsrf = csrfIn((await t.http.get('/console').set('cookie', `hn_console=${otherSession}`).expect(200)).text);
      await form('/console/conferences', { ...fields, _csrf: otherCsrf }, `hn_console=${session}`).expect(403);
      await form(`/console/conferences/${cloneId}/publish`, { version: '1' }, `hn_console=${session}`).expect(403);
      // The sign-in form too: without the pre-session cookie its token means nothing.
      const shown = await t.http.get('/console/login').expect(200);
      await form('/console/login', { _csrf: csrfIn(shown.text), email: users.organizer, password: PASSWORD }).expect(403);
      const list = (await t.http.get('/api/conferences?q=gia+mao').auth(t.adminToken, bearer).expect(200)).body;
      expect(list.total).toBe(0);
    });

    it("counts console sign-in attempts with the API's, and says so on the form once they are spent", async () => {
      const shown = await t.http.get('/console/login').expect(200);
      const cookie = `hn_console_pre=${cookieFrom(shown.headers, 'hn_console_pre')}`;
      const attempt = { _csrf: csrfIn(shown.text), email: 'doan-mat-khau@test.hoinghi.local', password: 'sai-mat-khau' };
      // LOGIN_RATE_LIMIT is 20 in the tests: 10 here and 10 through the API spend it.
      for (let i = 0; i < 10; i++) await form('/console/login', attempt, cookie).expect(401);
      for (let i = 0; i < 10; i++) await t.http.post('/api/auth/login').send({ email: attempt.email, password: attempt.password }).expect(401);
      const refused = await form('/console/login', attempt, cookie).expect(429);
      expect(refused.text).toContain('Có quá nhiều lượt đăng nhập');
      expect(refused.text).toContain('value="doan-mat-khau@test.hoinghi.local"');
      await t.http.post('/api/auth/login').send({ email: attempt.email, password: attempt.password }).expect(429);
    });

    it('ends the session on sign-out: the old cookie leads back to the sign-in page', async () => {
      await page.goto(`${base}/console`);
      const before = (await browser.context.cookies()).find((c) => c.name === 'hn_console')!.value;
      await Promise.all([page.waitForNavigation(), page.click('button:has-text("Đăng xuất")')]);
      expect(new URL(page.url()).pathname).toBe('/console/login');
      expect(await page.locator('.alert.info').innerText()).toBe('Bạn đã đăng xuất.');
      expect((await browser.context.cookies()).find((c) => c.name === 'hn_console')).toBeUndefined();
      const replayed = await t.http.get('/console').set('cookie', `hn_console=${before}`).expect(303);
      expect(replayed.headers.location).toBe('/console/login');
      // The same token is the API's: it is over there too.
      await t.http.get('/api/auth/me').auth(before, bearer).expect(401);
    });

    it("ends a console session when the account's password is changed", async () => {
      const session = await signInHttp(users.viewer);
      await t.http.get('/console').set('cookie', `hn_console=${session}`).expect(200);
      const id = (await t.http.get('/api/users').auth(t.adminToken, bearer).expect(200)).body.items.find((u: { email: string }) => u.email === users.viewer).id;
      const user = (await t.http.get(`/api/users/${id}`).auth(t.adminToken, bearer).expect(200)).body;
      await t.http.patch(`/api/users/${id}`).auth(t.adminToken, bearer).send({ version: user.version, password: 'mat-khau-moi-du-dai' }).expect(200);
      await t.http.patch(`/api/users/${id}`).auth(t.adminToken, bearer).send({ version: user.version + 1, password: PASSWORD }).expect(200);
      await t.http.get('/console').set('cookie', `hn_console=${session}`).expect(303);
    });
  });

  describe('as a viewer', () => {
    it('shows the conferences without any form, and refuses a post with 403', async () => {
      await signIn(users.viewer);
      expect(new URL(page.url()).pathname).toBe('/console');
      expect(await page.locator('a:has-text("Tạo hội nghị mới")').count()).toBe(0);
      await page.goto(`${base}/console/conferences/${cloneId}`);
      expect(await page.locator('h1').innerText()).toBe('Hội nghị sơ kết công tác dân vận (họp lại)');
      expect(await page.locator('form[method=post]').evaluateAll((forms) => forms.map((f) => f.getAttribute('action')))).toEqual(['/console/logout']);
      expect(await page.locator('a:has-text("Sửa thông tin")').count()).toBe(0);
      await shoot('viewer');

      const session = await signInHttp(users.viewer);
      const csrf = csrfIn((await t.http.get('/console').set('cookie', `hn_console=${session}`).expect(200)).text);
      const refused = await form(`/console/conferences/${cloneId}/publish`, { _csrf: csrf, version: '1' }, `hn_console=${session}`).expect(403);
      expect(refused.text).toContain('Không có quyền');
      expect(refused.text).toContain('người xem');
      await t.http.get(`/console/conferences/${cloneId}/edit`).set('cookie', `hn_console=${session}`).expect(403);
      await page.goto(`${base}/console/conferences/${cloneId}/edit`);
      expect(await page.locator('h1').innerText()).toBe('Không có quyền');
      await shoot('forbidden');
      expect((await t.http.get(`/api/conferences/${cloneId}`).auth(t.adminToken, bearer).expect(200)).body.status).toBe('draft');
    });
  });

  describe('as an operator', () => {
    it('is sent to the page of their own bridge points', async () => {
      await signIn(users.operator);
      expect(new URL(page.url()).pathname).toBe('/console/points');
      expect(await page.locator('h2').allInnerTexts()).toEqual(['Hội nghị tập huấn công tác dân vận tỉnh Bắc Ninh']);
      expect(await page.locator('.results h3').allInnerTexts()).toEqual(['Điểm cầu tỉnh Bắc Ninh']);
      await shoot('operator');
      await page.goto(`${base}/console/conferences/${operatorConferenceId}`);
      expect(new URL(page.url()).pathname).toBe('/console/points');
      await page.goto(`${base}/console`);
      expect(new URL(page.url()).pathname).toBe('/console/points');
    });
  });

  it('signs the demo admin in and answers an unknown conference with a Vietnamese 404 page', async () => {
    const session = await signInHttp(ADMIN.email, ADMIN.password);
    const missing = await t.http.get('/console/conferences/00000000-0000-4000-8000-000000000000').set('cookie', `hn_console=${session}`).expect(404);
    expect(missing.text).toContain('Không tìm thấy hội nghị.');
    await t.http.get('/console/conferences/khong-phai-uuid').set('cookie', `hn_console=${session}`).expect(404);
  });
});
