import { Page } from 'playwright-core';
import { AppConfig } from '../../src/config/app-config';
import { aConference, aMainPoint } from '../factories';
import { launchBrowser, TestBrowser } from '../browser';
import { startApp, TestApp } from '../harness';

const bearer = { type: 'bearer' as const };
const ORGANIZER = { email: 'man-hinh@bantochuc.gov.vn', password: 'mat-khau-man-hinh' };
const TITLE = 'Chuyên đề 1: Công tác dân vận chính quyền';

/** An instant `minutes` from now, on the minute, as ISO 8601 with an offset. */
const fromNow = (minutes: number) => new Date(Math.floor(Date.now() / 60_000) * 60_000 + minutes * 60_000).toISOString().replace('.000Z', '+00:00');

/** Self check-in in the hall: the session's screen shows a rotating QR code; a delegate's phone scans it. */
describe('hall screen and QR check-in', () => {
  let t: TestApp;
  let browser: TestBrowser;
  let base: string;
  let conferenceId: string;
  let itemId: string;
  let otherItemId: string;
  let attendeeId: string;
  let rsvpToken: string;

  const api = (path: string) => `/api/conferences/${conferenceId}${path}`;
  const post = (path: string, body: object = {}) => t.http.post(api(path)).auth(t.adminToken, bearer).send(body);
  const currentCode = async (item = itemId) => (await t.http.get(api(`/agenda-items/${item}/check-in-code`)).auth(t.adminToken, bearer).expect(200)).body;
  const markOf = async () =>
    (await t.http.get(api(`/agenda-items/${itemId}/attendance`)).auth(t.adminToken, bearer).expect(200)).body.items.find(
      (i: { attendeeId: string }) => i.attendeeId === attendeeId,
    );
  const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  beforeAll(async () => {
    t = await startApp();
    await t.app.listen(0, '127.0.0.1');
    base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    await t.http.post('/api/users').auth(t.adminToken, bearer).send({ ...ORGANIZER, fullName: 'Cán bộ màn hình hội trường', role: 'organizer' }).expect(201);
    conferenceId = (await t.http.post('/api/conferences').auth(t.adminToken, bearer).send(aConference({ kind: 'training', startsAt: fromNow(-5), endsAt: fromNow(180) })).expect(201)).body.id;
    const main = (await post('/bridge-points', aMainPoint()).expect(201)).body;
    itemId = (await post('/agenda-items', { startsAt: fromNow(-2), endsAt: fromNow(60), kind: 'presentation', title: TITLE, attendanceRequired: true }).expect(201)).body.id;
    otherItemId = (await post('/agenda-items', { startsAt: fromNow(60), endsAt: fromNow(120), kind: 'presentation', title: 'Chuyên đề 2: Dân vận khéo', attendanceRequired: true }).expect(201)).body.id;
    attendeeId = (await post('/attendees', { bridgePointId: main.id, fullName: 'Nguyễn Văn An', email: 'an@example.vn' }).expect(201)).body.id;
    await post('/publish').expect(200);
    rsvpToken = (await post(`/attendees/${attendeeId}/links`).expect(201)).body.token;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('serves the QR code of the check-in page of the current code as SVG, to organizers but not viewers', async () => {
    const res = await t.http.get(api(`/agenda-items/${itemId}/check-in-code.svg`)).auth(t.adminToken, bearer).buffer(true).parse((r, done) => {
      let text = '';
      r.on('data', (chunk: Buffer) => (text += chunk.toString()));
      r.on('end', () => done(null, text));
    }).expect(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(res.body).toMatch(/^<svg /);
    expect(res.body).toContain('<path');
    await t.http.get(api(`/agenda-items/${itemId}/check-in-code.svg`)).expect(401);
    await t.http.get(api(`/agenda-items/${itemId}/check-in-code.svg`)).auth(await t.userWithRole('viewer'), bearer).expect(403);
  });

  it('signs staff in on the screen and shows the session, its code, its QR code and the check-in address, on a 360 px phone too', async () => {
    const page = await browser.newPage();
    const before = (await currentCode()).code;
    await page.goto(`${base}/sessions/${itemId}/screen`);
    await page.getByLabel('Email').fill(ORGANIZER.email);
    await page.getByLabel('Mật khẩu').fill(ORGANIZER.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.locator('#screen-qr:visible').waitFor({ timeout: 10000 });
    await expect(page.locator('#screen-title').textContent()).resolves.toBe(TITLE);
    const shown = (await page.locator('#screen-code').textContent())!;
    // The code may have turned over since the screen read it: then the screen shows the one before.
    expect([before, (await currentCode()).code]).toContain(shown);
    await expect(page.locator('#screen-url').textContent()).resolves.toBe(`${t.app.get(AppConfig).publicBaseUrl}/s/${itemId}/${shown}`);
    await expect(page.locator('#screen-left').textContent()).resolves.toMatch(/^Mã đổi sau \d+ giây$/);
    expect(await page.locator('#screen-qr').getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await noHorizontalScroll(page)).toBe(true);
    await browser.screenshot(page, 'session-screen');
    // Not yet open: the other session's screen says when its roll call opens.
    await page.goto(`${base}/sessions/${otherItemId}/screen`);
    await page.locator('#closed:visible').waitFor({ timeout: 10000 });
    expect(await page.locator('#closed').textContent()).toMatch(/^Điểm danh chưa mở\. Mã sẽ hiện lúc .+\.$/);
    expect(await page.locator('#open').isHidden()).toBe(true);
    await page.close();
  });

  it('answers a page saying so for an unknown session', async () => {
    const res = await t.http.get('/sessions/00000000-0000-4000-8000-000000000000/screen').expect(404);
    expect(res.text).toContain('<html lang="vi">');
  });

  it('tells a phone that never opened an invitation to open it once, and marks nothing', async () => {
    const phone = await launchBrowser();
    try {
      const page = await phone.newPage({ width: 360, height: 740 });
      await page.goto(`${base}/s/${itemId}/${(await currentCode()).code}`);
      await expect(page.locator('#scan-status').textContent()).resolves.toBe('Điện thoại này chưa có thư mời của bạn.');
      expect(await page.locator('#scan-hint').textContent()).toContain('Hãy mở một lần đường dẫn trong thư mời');
      expect(await noHorizontalScroll(page)).toBe(true);
      expect(await markOf()).toMatchObject({ status: null });
    } finally {
      await phone.close();
    }
  });

  it('checks in the delegate whose RSVP page the phone opened; a second scan changes nothing; a wrong or another session code is refused', async () => {
    const page = await browser.newPage({ width: 360, height: 740 });
    await page.goto(`${base}/rsvp/${rsvpToken}`);
    await expect(page.evaluate(() => localStorage.getItem('hoinghi_rsvp'))).resolves.toBe(rsvpToken);

    await page.goto(`${base}/s/${itemId}/ZZZZZZ`);
    await page.locator('#scan-status.alert').waitFor();
    await expect(page.locator('#scan-status').textContent()).resolves.toBe('Mã không đúng. Hãy quét lại mã QR đang hiển thị trên màn hình hội trường.');

    await page.goto(`${base}/s/${itemId}/${(await currentCode(otherItemId)).code}`);
    await page.locator('#scan-status.alert').waitFor();
    await expect(page.locator('#scan-status').textContent()).resolves.toContain('Mã này là của buổi "Chuyên đề 2: Dân vận khéo"');
    expect(await markOf()).toMatchObject({ status: null });

    const code = (await currentCode()).code;
    await page.goto(`${base}/s/${itemId}/${code}`);
    await page.locator('#scan-status.alert').waitFor();
    await expect(page.locator('#scan-status').textContent()).resolves.toMatch(/^Nguyễn Văn An: đã điểm danh: có mặt, lúc \d\d:\d\d\.$/);
    await expect(page.locator('#scan-rsvp-link').getAttribute('href')).resolves.toBe(`/rsvp/${rsvpToken}`);
    expect(await noHorizontalScroll(page)).toBe(true);
    await browser.screenshot(page, 'session-check-in');
    const mark = await markOf();
    expect(mark).toMatchObject({ status: 'present', method: 'self_code' });

    await page.goto(`${base}/s/${itemId}/${code}`);
    await page.locator('#scan-status.alert').waitFor();
    await expect(page.locator('#scan-status').textContent()).resolves.toContain('bạn đã được điểm danh buổi này trước đó (có mặt');
    expect(await markOf()).toEqual(mark);
    await page.close();
  });
});
