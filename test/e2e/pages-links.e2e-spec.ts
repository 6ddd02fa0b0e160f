import { Page } from 'playwright-core';
import { Clock } from '../../src/common/clock';
import { aConference, aMainPoint } from '../factories';
import { launchBrowser, TestBrowser } from '../browser';
import { startApp, TestApp } from '../harness';

const bearer = { type: 'bearer' as const };
const TITLE = 'Hội nghị toàn quốc sơ kết công tác dân vận 6 tháng đầu năm 2025';
const NAUGHTY = 'Điểm cầu <b>"Thử"</b> & xã Đất Mũi';

/** The pages a signed link opens: bridge-point confirmation and RSVP, over HTTP and in chromium. */
describe('pages opened from an email link', () => {
  let t: TestApp;
  let browser: TestBrowser;
  let base: string;
  let conferenceId: string;

  const api = (path: string) => `/api/conferences/${conferenceId}${path}`;
  const newPoint = async (body: Record<string, unknown>) =>
    (await t.http.post(api('/bridge-points')).auth(t.adminToken, bearer).send(body).expect(201)).body as { id: string; name: string };
  const pointLink = async (pointId: string, body: Record<string, unknown> = {}) =>
    (await t.http.post(api(`/bridge-points/${pointId}/links`)).auth(t.adminToken, bearer).send({ sendEmail: false, ...body }).expect(201)).body
      .token as string;
  const point = async (pointId: string) => (await t.http.get(api(`/bridge-points/${pointId}`)).auth(t.adminToken, bearer).expect(200)).body;
  const newAttendee = async (pointId: string, body: Record<string, unknown> = {}) =>
    (await t.http.post(api('/attendees')).auth(t.adminToken, bearer).send({ bridgePointId: pointId, fullName: 'Nguyễn Văn Hùng', ...body }).expect(201))
      .body as { id: string; code: string; fullName: string };
  const rsvpLink = async (attendeeId: string) =>
    (await t.http.post(api(`/attendees/${attendeeId}/links`)).auth(t.adminToken, bearer).send({}).expect(201)).body.token as string;
  const attendee = async (attendeeId: string) => (await t.http.get(api(`/attendees/${attendeeId}`)).auth(t.adminToken, bearer).expect(200)).body;
  const form = (path: string, fields: Record<string, string>) => t.http.post(path).type('form').send(new URLSearchParams(fields).toString());
  const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  beforeAll(async () => {
    t = await startApp();
    await t.app.listen(0, '127.0.0.1');
    base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    conferenceId = (await t.http.post('/api/conferences').auth(t.adminToken, bearer).send(aConference()).expect(201)).body.id;
    await newPoint(aMainPoint());
    await t.http
      .post(api('/agenda-items'))
      .auth(t.adminToken, bearer)
      .send({ startsAt: '2025-07-15T08:30:00+07:00', endsAt: '2025-07-15T09:15:00+07:00', title: 'Báo cáo sơ kết công tác dân vận', kind: 'report' })
      .expect(201);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  describe('bridge-point confirmation page', () => {
    it('shows the conference in its time zone, its online link, agenda and the point, escaped, in Vietnamese, never cached', async () => {
      const p = await newPoint({ name: NAUGHTY, level: 'commune' });
      const res = await t.http.get(`/bridge-points/confirm/${await pointLink(p.id)}`).expect(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.text).toContain('<html lang="vi">');
      expect(res.text).toContain(TITLE);
      expect(res.text).toContain('từ 08:00 đến 11:30, thứ Ba, ngày 15/7/2025 (GMT+7)');
      expect(res.text).toContain('href="https://hop.example.vn/dan-van-2025"');
      expect(res.text).toContain('08:30–09:15');
      expect(res.text).toContain('Báo cáo sơ kết công tác dân vận');
      expect(res.text).toContain('Điểm cầu &lt;b&gt;&quot;Thử&quot;&lt;/b&gt; &amp; xã Đất Mũi');
      expect(res.text).not.toContain('<b>"Thử"</b>');
      expect(res.text).toContain('Chưa xác nhận');
    });

    it('confirms with the chair, expected attendees and technical contact through the form (clicked in chromium)', async () => {
      const p = await newPoint({ name: 'Điểm cầu tỉnh Bắc Ninh', level: 'provincial' });
      const token = await pointLink(p.id);
      const page = await browser.newPage();
      await page.goto(`${base}/bridge-points/confirm/${token}`);
      await page.getByLabel('Họ tên người chủ trì tại điểm cầu').fill('Nguyễn Văn An');
      await page.getByLabel('Chức vụ người chủ trì').fill('Phó Bí thư Thường trực Tỉnh ủy');
      await page.getByLabel('Số đại biểu dự kiến').fill('60');
      await page.getByLabel('Họ tên cán bộ kỹ thuật').fill('Trần Thị Bình');
      await page.getByLabel('Số điện thoại').fill('0912 345 678');
      await page.getByLabel('Email').fill('kythuat@bacninh.gov.vn');
      await page.getByRole('button', { name: 'Xác nhận tham dự' }).click();
      await page.waitForURL(/\?xong=confirm$/);
      await expectText(page, 'Đã ghi nhận xác nhận tham dự của điểm cầu.');
      await browser.screenshot(page, 'confirm-confirmed');
      expect(await point(p.id)).toMatchObject({
        confirmationStatus: 'confirmed',
        chairName: 'Nguyễn Văn An',
        chairTitle: 'Phó Bí thư Thường trực Tỉnh ủy',
        expectedAttendees: 60,
        contactName: 'Trần Thị Bình',
        contactPhone: '+84912345678',
        contactEmail: 'kythuat@bacninh.gov.vn',
      });
      // Once confirmed the decline form gives way to a note: the rule needs an organizer to reopen.
      expect(await page.locator('form[action$="/decline"]').count()).toBe(0);
      await expectText(page, 'Nếu không thể tham dự nữa, vui lòng liên hệ Ban Tổ chức.');
      await page.close();
    });

    it('shows Vietnamese messages next to the wrong fields and keeps what was typed (bad input through the form)', async () => {
      const p = await newPoint({ name: 'Điểm cầu tỉnh Lào Cai', level: 'provincial' });
      const page = await browser.newPage();
      const response = await page.goto(`${base}/bridge-points/confirm/${await pointLink(p.id)}`);
      expect(response!.status()).toBe(200);
      await page.getByLabel('Số đại biểu dự kiến').fill('mười');
      await page.getByLabel('Họ tên cán bộ kỹ thuật').fill('Lê Văn Cường');
      await page.getByLabel('Số điện thoại').fill('12345');
      await page.getByLabel('Email').fill('khong-phai-email');
      const [answer] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Xác nhận tham dự' }).click()]);
      expect(answer.status()).toBe(400);
      const messageBeside = (id: string) =>
        page.evaluate((fieldId) => {
          const field = document.getElementById(fieldId)!;
          const message = document.getElementById(`${fieldId}-loi`);
          return {
            sameField: !!message && field.closest('.field') === message.closest('.field'),
            text: message?.textContent ?? null,
            described: field.getAttribute('aria-describedby')?.includes(`${fieldId}-loi`) ?? false,
            invalid: field.getAttribute('aria-invalid'),
          };
        }, id);
      expect(await messageBeside('xn-chairName')).toEqual({ sameField: true, text: 'Vui lòng nhập họ tên người chủ trì.', described: true, invalid: 'true' });
      expect(await messageBeside('xn-expectedAttendees')).toMatchObject({ sameField: true, text: 'Số đại biểu dự kiến phải là một số nguyên, ví dụ 45.' });
      expect(await messageBeside('xn-contactPhone')).toMatchObject({
        sameField: true,
        text: 'Số điện thoại cán bộ kỹ thuật không đúng dạng số điện thoại Việt Nam, ví dụ 0912 345 678.',
      });
      expect(await messageBeside('xn-contactEmail')).toMatchObject({ sameField: true, text: 'Email cán bộ kỹ thuật không đúng dạng địa chỉ email, ví dụ ten@coquan.gov.vn.' });
      expect(await page.getByLabel('Số đại biểu dự kiến').inputValue()).toBe('mười');
      expect(await page.getByLabel('Họ tên cán bộ kỹ thuật').inputValue()).toBe('Lê Văn Cường');
      await expectText(page, 'Thông tin chưa hợp lệ, vui lòng sửa:');
      await browser.screenshot(page, 'confirm-validation');
      expect((await point(p.id)).confirmationStatus).toBe('pending');
      await page.close();
    });

    it('declines with a reason through the form, and then offers no confirmation without an organizer', async () => {
      const p = await newPoint({ name: 'Điểm cầu tỉnh Cao Bằng', level: 'provincial' });
      const page = await browser.newPage();
      await page.goto(`${base}/bridge-points/confirm/${await pointLink(p.id)}`);
      await page.getByRole('button', { name: 'Báo không tham dự' }).click();
      await expectText(page, 'Vui lòng nhập lý do không tham dự.');
      await page.getByLabel('Lý do không tham dự').fill('Trùng lịch kỳ họp Hội đồng nhân dân tỉnh');
      await page.getByRole('button', { name: 'Báo không tham dự' }).click();
      await page.waitForURL(/\?xong=decline$/);
      await expectText(page, 'Đã ghi nhận: điểm cầu không tham dự hội nghị.');
      await expectText(page, 'Lý do: Trùng lịch kỳ họp Hội đồng nhân dân tỉnh');
      expect(await point(p.id)).toMatchObject({ confirmationStatus: 'declined', declineReason: 'Trùng lịch kỳ họp Hội đồng nhân dân tỉnh' });
      expect(await page.locator('form[action$="/confirm"]').count()).toBe(0);
      await browser.screenshot(page, 'confirm-declined');
      await page.close();
    });

    it('reports a failed connection test with a note and the actual attendance, the latter with the keyboard only', async () => {
      const p = await newPoint({ name: 'Điểm cầu tỉnh Điện Biên', level: 'provincial' });
      const page = await browser.newPage();
      await page.goto(`${base}/bridge-points/confirm/${await pointLink(p.id)}`);
      await page.getByLabel('Lỗi: không kết nối được').check();
      await page.getByLabel('Ghi chú').fill('Mất tiếng từ phút thứ 5');
      await page.getByRole('button', { name: 'Gửi kết quả kiểm tra' }).click();
      await page.waitForURL(/\?xong=connection-check$/);
      expect((await point(p.id)).connectionStatus).toBe('failed');
      const history = (await t.http.get(api(`/bridge-points/${p.id}/connection-checks`)).auth(t.adminToken, bearer).expect(200)).body;
      expect(history[0]).toMatchObject({ result: 'failed', note: 'Mất tiếng từ phút thứ 5' });
      // The page lists the point's checks, with their notes.
      await expectText(page, 'Các lần kiểm tra kết nối');
      await expectText(page, 'Mất tiếng từ phút thứ 5');

      // Keyboard only: the skip link comes first, then Tab through to the attendance field and Enter.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Bỏ qua, đến nội dung chính');
      for (let i = 0; i < 60 && (await page.evaluate(() => document.activeElement?.id)) !== 'sl-actualAttendees'; i++) await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('sl-actualAttendees');
      await page.keyboard.type('37');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\?xong=attendance$/);
      expect((await point(p.id)).actualAttendees).toBe(37);
      await page.close();
    });

    it.each([
      ['decline', { reason: '   ' }, 'Vui lòng nhập lý do không tham dự.'],
      ['decline', { reason: 'x'.repeat(1001) }, 'Lý do không tham dự dài quá 1000 ký tự.'],
      ['connection-check', {}, 'Vui lòng chọn kết quả kiểm tra.'],
      ['connection-check', { result: 'rat-tot' }, 'Vui lòng chọn kết quả kiểm tra.'],
      ['attendance', { actualAttendees: '' }, 'Vui lòng nhập số đại biểu thực tế.'],
      ['attendance', { actualAttendees: '12,5' }, 'Số đại biểu thực tế phải là một số nguyên, ví dụ 45.'],
      ['attendance', { actualAttendees: '-1' }, 'Số đại biểu thực tế không được nhỏ hơn 0.'],
      ['attendance', { actualAttendees: '200000' }, 'Số đại biểu thực tế không được lớn hơn 100.000.'],
      ['confirm', { chairName: 'A', expectedAttendees: '10', contactName: 'B', contactPhone: '0912345678', contactEmail: 'a@' }, 'Email cán bộ kỹ thuật không đúng dạng địa chỉ email, ví dụ ten@coquan.gov.vn.'],
      ['confirm', { chairName: 'x'.repeat(201), expectedAttendees: '10', contactName: 'B', contactPhone: '0912345678' }, 'Họ tên người chủ trì dài quá 200 ký tự.'],
    ])('answers 400 with the message beside the field for %s %j', async (action, fields, message) => {
      const p = await newPoint({ name: `Điểm cầu kiểm tra ${action} ${Math.random()}`, level: 'other' });
      const res = await form(`/bridge-points/confirm/${await pointLink(p.id)}/${action}`, fields as Record<string, string>).expect(400);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.text).toContain(`class="error" id="`);
      expect(res.text).toContain(message);
      expect(await point(p.id)).toMatchObject({ confirmationStatus: 'pending', connectionStatus: 'untested', actualAttendees: null });
    });

    it.each([
      ['confirm', { chairName: 'Nguyễn\u0000Văn An', expectedAttendees: '10', contactName: 'B', contactPhone: '0912345678' }, 'U+0000'],
      ['decline', { reason: 'Trùng lịch\u0007 họp' }, 'U+0007'],
    ])('refuses a control character sent through the %s form with a page that names it, and writes nothing', async (action, fields, character) => {
      const p = await newPoint({ name: `Điểm cầu ký tự điều khiển ${action} ${Math.random()}`, level: 'other' });
      const res = await form(`/bridge-points/confirm/${await pointLink(p.id)}/${action}`, fields as Record<string, string>).expect(400);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.text).toContain(`chứa ký tự điều khiển (${character}); chỉ được dùng dấu tab và xuống dòng.`);
      expect(await point(p.id)).toMatchObject({ confirmationStatus: 'pending', chairName: null, declineReason: null });
    });

    it('answers 409 with a Vietnamese explanation when the state no longer allows the action (a stale page)', async () => {
      const p = await newPoint({ name: 'Điểm cầu tỉnh Hà Giang', level: 'provincial' });
      const token = await pointLink(p.id);
      await form(`/bridge-points/confirm/${token}/confirm`, { chairName: 'A', expectedAttendees: '10', contactName: 'B', contactPhone: '0912345678' }).expect(303);
      const res = await form(`/bridge-points/confirm/${token}/decline`, { reason: 'Đổi ý' }).expect(409);
      expect(res.text).toContain('Trạng thái xác nhận của điểm cầu vừa thay đổi.');
      expect((await point(p.id)).confirmationStatus).toBe('confirmed');
    });

    it('shows a cancelled conference read-only and answers 409 with a Vietnamese message to a form sent anyway', async () => {
      const id = (await t.http.post('/api/conferences').auth(t.adminToken, bearer).send(aConference({ title: 'Hội nghị sẽ hủy' })).expect(201)).body.id;
      const p = (await t.http.post(`/api/conferences/${id}/bridge-points`).auth(t.adminToken, bearer).send(aMainPoint()).expect(201)).body;
      const token = (await t.http.post(`/api/conferences/${id}/bridge-points/${p.id}/links`).auth(t.adminToken, bearer).send({ sendEmail: false }).expect(201)).body.token;
      await t.http.post(`/api/conferences/${id}/cancel`).auth(t.adminToken, bearer).send({ reason: 'Thay đổi kế hoạch' }).expect(200);
      const page = await t.http.get(`/bridge-points/confirm/${token}`).expect(200);
      expect(page.text).toContain('Hội nghị đã bị hủy; thông tin dưới đây chỉ để xem.');
      expect(page.text).not.toContain('<form');
      const res = await form(`/bridge-points/confirm/${token}/attendance`, { actualAttendees: '10' }).expect(409);
      expect(res.text).toContain('Hội nghị đã hủy; không thể thay đổi nữa.');
    });

    it('redirects after a successful post (Post/Redirect/Get) and ignores an unknown flash name', async () => {
      const p = await newPoint({ name: 'Điểm cầu tỉnh Sơn La', level: 'provincial' });
      const token = await pointLink(p.id);
      const res = await form(`/bridge-points/confirm/${token}/attendance`, { actualAttendees: '1.200' }).expect(303);
      expect(res.headers.location).toBe(`/bridge-points/confirm/${token}?xong=attendance`);
      expect((await point(p.id)).actualAttendees).toBe(1200);
      const page = await t.http.get(`/bridge-points/confirm/${token}?xong=<script>`).expect(200);
      expect(page.text).not.toContain('<script>');
      expect(page.text).not.toContain('Đã ghi nhận');
    });
  });

  describe('links that no longer open', () => {
    it.each(['/bridge-points/confirm/', '/rsvp/'])('%s answers 404 with a Vietnamese page for an unknown or malformed token', async (prefix) => {
      for (const token of ['khong-co-lien-ket-nay-123456', 'x', '%3Cscript%3E']) {
        const res = await t.http.get(`${prefix}${token}`).expect(404);
        expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(res.text).toContain('Liên kết không hợp lệ');
        expect(res.text).toContain('<html lang="vi">');
        expect(res.text).not.toContain('statusCode');
      }
    });

    it('answers 410 for a revoked link, on the page and on its forms, and shows it in chromium', async () => {
      const p = await newPoint({ name: 'Điểm cầu tỉnh Lai Châu', level: 'provincial' });
      const token = await pointLink(p.id);
      await t.http.delete(api(`/bridge-points/${p.id}/links`)).auth(t.adminToken, bearer).expect(200);
      const res = await t.http.get(`/bridge-points/confirm/${token}`).expect(410);
      expect(res.text).toContain('Liên kết đã bị thu hồi');
      expect(res.text).toContain('Vui lòng liên hệ Ban Tổ chức để nhận liên kết mới.');
      await form(`/bridge-points/confirm/${token}/confirm`, { chairName: 'A', expectedAttendees: '1', contactName: 'B', contactPhone: '0912345678' }).expect(410);
      await form(`/bridge-points/confirm/${token}/decline`, { reason: '' }).expect(410);
      expect((await point(p.id)).confirmationStatus).toBe('pending');
      const page = await browser.newPage({ width: 360, height: 740 });
      const response = await page.goto(`${base}/bridge-points/confirm/${token}`);
      expect(response!.status()).toBe(410);
      await expectText(page, 'Liên kết đã bị thu hồi');
      expect(await noHorizontalScroll(page)).toBe(true);
      await browser.screenshot(page, 'link-revoked-360');
      await page.close();
    });

    it('answers 410 for an expired link, for the confirmation and the RSVP page', async () => {
      const p = await newPoint({ name: 'Điểm cầu tỉnh Tuyên Quang', level: 'provincial' });
      const a = await newAttendee(p.id, { fullName: 'Phạm Thị Dung' });
      const expiresAt = Date.now() + 60_000;
      const soon = new Date(expiresAt).toISOString();
      const pointToken = await pointLink(p.id, { expiresAt: soon });
      const rsvp = (await t.http.post(api(`/attendees/${a.id}/links`)).auth(t.adminToken, bearer).send({ expiresAt: soon }).expect(201)).body.token;
      await t.http.get(`/rsvp/${rsvp}`).expect(200);
      // Expiry is read from the injected clock: a minute later without waiting one.
      const clock = jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(expiresAt + 1));
      try {
        for (const path of [`/bridge-points/confirm/${pointToken}`, `/rsvp/${rsvp}`, `/rsvp/${rsvp}/invite.ics`]) {
          const res = await t.http.get(path).expect(410);
          expect(res.text).toContain('Liên kết đã hết hạn');
        }
        await form(`/rsvp/${rsvp}/accept`, {}).expect(410);
        // Unchanged: on the list, never sent an invitation (added).
        expect((await attendee(a.id)).status).toBe('added');
        const page = await browser.newPage();
        const response = await page.goto(`${base}/rsvp/${rsvp}`);
        expect(response!.status()).toBe(410);
        await browser.screenshot(page, 'link-expired');
        await page.close();
      } finally {
        clock.mockRestore();
      }
    });

    it('keeps refusing form bodies on the JSON API (415)', async () => {
      const p = await newPoint({ name: 'Điểm cầu tỉnh Yên Bái', level: 'provincial' });
      const res = await form(`/api/public/bridge-points/${await pointLink(p.id)}/decline`, { reason: 'x' }).expect(415);
      expect(res.body.details[0].field).toBe('content-type');
    });
  });

  describe('RSVP page', () => {
    let pointId: string;
    beforeAll(async () => {
      pointId = (await newPoint({ name: 'Điểm cầu tỉnh Thái Nguyên', level: 'provincial', address: 'Số 6 đường Nha Trang, Thái Nguyên' })).id;
    });

    it('shows the invitation, the attendee code and its QR code, and the calendar links', async () => {
      const a = await newAttendee(pointId, { fullName: 'Hoàng <i>Văn</i> Em', email: 'em@thainguyen.gov.vn', title: 'Trưởng ban' });
      const res = await t.http.get(`/rsvp/${await rsvpLink(a.id)}`).expect(200);
      expect(res.text).toContain(TITLE);
      expect(res.text).toContain('Hoàng &lt;i&gt;Văn&lt;/i&gt; Em');
      expect(res.text).toContain(`id="ma-dai-bieu">${a.code}</p>`);
      expect(res.text).toMatch(/<svg class="qr" role="img" aria-label="Mã QR của mã đại biểu [A-Z0-9]+"/);
      expect(res.text).toContain('Chưa trả lời');
      // The programme, as the bridge-point page shows it.
      expect(res.text).toContain('08:30–09:15');
      expect(res.text).toContain('Báo cáo sơ kết công tác dân vận');
      const google = new URL(/href="(https:\/\/calendar\.google\.com[^"]+)"/.exec(res.text)![1].replace(/&amp;/g, '&'));
      expect(google.searchParams.get('action')).toBe('TEMPLATE');
      expect(google.searchParams.get('text')).toBe(TITLE);
      expect(google.searchParams.get('dates')).toBe('20250715T010000Z/20250715T043000Z');
      expect(google.searchParams.get('location')).toBe('Điểm cầu tỉnh Thái Nguyên, Số 6 đường Nha Trang, Thái Nguyên');
      expect(google.searchParams.get('details')).toContain(`Mã đại biểu (điểm danh): ${a.code}`);
      expect(google.searchParams.get('details')).toContain('Tham dự trực tuyến: https://hop.example.vn/dan-van-2025');
    });

    it('downloads the invitation .ics (same event as the email) by clicking its link', async () => {
      const a = await newAttendee(pointId, { fullName: 'Vũ Thị Giang', email: 'giang@thainguyen.gov.vn' });
      const token = await rsvpLink(a.id);
      const res = await t.http.get(`/rsvp/${token}/invite.ics`).expect(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8; method=REQUEST');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="giay-moi-hoi-nghi-toan-quoc-so-ket/);
      const page = await browser.newPage();
      await page.goto(`${base}/rsvp/${token}`);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải tệp lịch (.ics)' }).click()]);
      const chunks: Buffer[] = [];
      for await (const chunk of (await download.createReadStream())!) chunks.push(chunk as Buffer);
      const ics = Buffer.concat(chunks).toString('utf8');
      expect(ics).toContain('BEGIN:VCALENDAR');
      expect(ics).toContain('METHOD:REQUEST');
      expect(ics).toContain('DTSTART:20250715T010000Z');
      expect(ics.replace(/\r\n /g, '')).toContain(`SUMMARY:${TITLE}`);
      expect(ics.replace(/\r\n /g, '')).toContain(`Mã đại biểu (điểm danh): ${a.code}`);
      await page.close();
      const noEmail = await newAttendee(pointId, { fullName: 'Không Có Email' });
      const plain = await t.http.get(`/rsvp/${await rsvpLink(noEmail.id)}/invite.ics`).expect(200);
      expect(plain.headers['content-type']).toBe('text/calendar; charset=utf-8; method=PUBLISH');
    });

    it('issues a webcal subscription link on request and shows it once it is live and the attendee’s own', async () => {
      const a = await newAttendee(pointId, { fullName: 'Đỗ Văn Hải', email: 'hai@thainguyen.gov.vn' });
      const token = await rsvpLink(a.id);
      const issued = await form(`/rsvp/${token}/calendar-feed`, {}).expect(303);
      const location = new URL(issued.headers.location, base);
      expect(location.pathname).toBe(`/rsvp/${token}`);
      const feedToken = location.searchParams.get('lich')!;
      const page = await t.http.get(`${location.pathname}${location.search}`).expect(200);
      const webcal = /href="(webcal:\/\/[^"]+)"/.exec(page.text)![1];
      expect(webcal).toMatch(new RegExp(`^webcal://[^/]+/api/public/calendar/${feedToken}\\.ics$`));
      const feed = await t.http.get(`/api/public/calendar/${feedToken}.ics`).expect(200);
      expect(feed.text).toContain('BEGIN:VCALENDAR');
      // Another attendee's feed token in the address is not shown on this page.
      const other = await newAttendee(pointId, { fullName: 'Người khác', email: 'khac@thainguyen.gov.vn' });
      const otherToken = new URL((await form(`/rsvp/${await rsvpLink(other.id)}/calendar-feed`, {}).expect(303)).headers.location, base).searchParams.get('lich');
      const foreign = await t.http.get(`/rsvp/${token}?lich=${otherToken}`).expect(200);
      expect(foreign.text).not.toContain('webcal://');
      expect((await t.http.get(`/rsvp/${token}?lich=khong-hop-le`).expect(200)).text).not.toContain('webcal://');
    });

    it('sends a substitute through the form (clicked in chromium): the substitute is a delegate of their own, with a new code', async () => {
      const a = await newAttendee(pointId, { fullName: 'Ngô Văn Khoa', email: 'khoa@thainguyen.gov.vn' });
      const page = await browser.newPage();
      await page.goto(`${base}/rsvp/${await rsvpLink(a.id)}`);
      await page.getByText('Cử người đi thay').click();
      await page.getByRole('button', { name: 'Gửi thông tin người đi thay' }).click();
      await expectText(page, 'Vui lòng nhập họ tên người đi thay.');
      await page.getByLabel('Họ tên người đi thay').fill('Lý Thị Mai');
      await page.getByLabel('Chức vụ').fill('Phó Trưởng ban');
      await page.getByLabel('Số điện thoại').fill('0987 654 321');
      await page.getByRole('button', { name: 'Gửi thông tin người đi thay' }).click();
      await page.waitForURL(/\?xong=substitute$/);
      await expectText(page, 'Đã ghi nhận người đi thay.');
      await expectText(page, 'Lý Thị Mai');
      // The person replaced stays on record as who they are; the substitute is a new attendee.
      expect(await attendee(a.id)).toMatchObject({ fullName: 'Ngô Văn Khoa', status: 'substituted' });
      const list = (await t.http.get(api(`/attendees?q=ly%20thi%20mai`)).auth(t.adminToken, bearer).expect(200)).body.items;
      expect(list).toHaveLength(1);
      const substitute = list[0];
      expect(substitute).toMatchObject({ fullName: 'Lý Thị Mai', title: 'Phó Trưởng ban', phone: '+84987654321', status: 'accepted', substituteForId: a.id });
      expect(substitute.code).not.toBe(a.code);
      // The page shows the substitute's code (the replaced person's no longer checks anyone in), and no calendar.
      expect(await page.locator('#ma-dai-bieu').textContent()).toBe(substitute.code);
      expect(await page.getByText('Tải tệp lịch (.ics)').count()).toBe(0);
      await browser.screenshot(page, 'rsvp-substitute');
      await page.close();
    });

    it('accepts and declines with a reason, and refuses bad input with messages beside the fields', async () => {
      const a = await newAttendee(pointId, { fullName: 'Bùi Văn Lâm', email: 'lam@thainguyen.gov.vn' });
      const b = await newAttendee(pointId, { fullName: 'Trịnh Thị Nga', email: 'nga@thainguyen.gov.vn' });
      const token = await rsvpLink(a.id);
      expect((await form(`/rsvp/${token}/accept`, {}).expect(303)).headers.location).toBe(`/rsvp/${token}?xong=accept`);
      expect((await attendee(a.id)).status).toBe('accepted');
      const empty = await form(`/rsvp/${token}/decline`, { reason: '' }).expect(400);
      expect(empty.text).toContain('Vui lòng nhập lý do vắng mặt.');
      await form(`/rsvp/${token}/decline`, { reason: 'Bận công tác đột xuất' }).expect(303);
      expect(await attendee(a.id)).toMatchObject({ status: 'declined', declineReason: 'Bận công tác đột xuất' });
      // Declined: no check-in code, no QR, nothing to add to a calendar; the answer can still change.
      const declinedPage = (await t.http.get(`/rsvp/${token}`).expect(200)).text;
      expect(declinedPage).not.toContain('id="ma-dai-bieu"');
      expect(declinedPage).not.toContain('class="qr"');
      expect(declinedPage).not.toContain('invite.ics');
      expect(declinedPage).not.toContain('calendar.google.com');
      expect(declinedPage).toContain(`action="/rsvp/${token}/accept"`);
      const taken = await form(`/rsvp/${token}/substitute`, { fullName: 'Người thay', email: 'NGA@thainguyen.gov.vn' }).expect(409);
      expect(taken.text).toContain('Email này đã có trong danh sách đại biểu của hội nghị');
      const bad = await form(`/rsvp/${token}/substitute`, { fullName: 'Người thay', email: 'khong-phai-email', phone: '123' }).expect(400);
      expect(bad.text).toContain('Email không đúng dạng địa chỉ email');
      expect(bad.text).toContain('Số điện thoại không đúng dạng số điện thoại Việt Nam');
      expect((await attendee(a.id)).fullName).toBe('Bùi Văn Lâm');
      expect((await attendee(b.id)).status).toBe('added');
    });

    it('offers no answer once the person has checked in, and answers 409 to one sent anyway', async () => {
      const a = await newAttendee(pointId, { fullName: 'Cao Văn Phúc', email: 'phuc@thainguyen.gov.vn' });
      const token = await rsvpLink(a.id);
      await t.http.post(api(`/attendees/${a.id}/check-in`)).auth(t.adminToken, bearer).send({}).expect(200);
      const page = await t.http.get(`/rsvp/${token}`).expect(200);
      expect(page.text).toContain('Bạn đã điểm danh tại hội nghị.');
      expect(page.text).not.toContain(`action="/rsvp/${token}/accept"`);
      const res = await form(`/rsvp/${token}/decline`, { reason: 'Muộn' }).expect(409);
      expect(res.text).toContain('Cao Văn Phúc đã điểm danh; không thể trả lời lời mời nữa.');
      expect((await attendee(a.id)).status).toBe('attended');
    });

    it('fits a 360 px phone without horizontal scrolling, and is answered with the keyboard only', async () => {
      const a = await newAttendee(pointId, { fullName: 'Đặng Thị Oanh Kiều Phương Thảo Nguyễn', email: 'oanh@thainguyen.gov.vn', organization: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Thái Nguyên' });
      const page = await browser.newPage({ width: 360, height: 740 });
      await page.goto(`${base}/rsvp/${await rsvpLink(a.id)}`);
      expect(await noHorizontalScroll(page)).toBe(true);
      await browser.screenshot(page, 'rsvp-360');
      for (let i = 0; i < 40 && (await page.evaluate(() => document.activeElement?.textContent)) !== 'Nhận lời tham dự'; i++) await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Nhận lời tham dự');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\?xong=accept$/);
      expect((await attendee(a.id)).status).toBe('accepted');
      expect(await noHorizontalScroll(page)).toBe(true);

      const p = await newPoint({ name: 'Điểm cầu xã Đất Mũi, tỉnh Cà Mau (điểm cầu có tên rất dài để thử xuống dòng)', level: 'commune' });
      await page.goto(`${base}/bridge-points/confirm/${await pointLink(p.id)}`);
      expect(await noHorizontalScroll(page)).toBe(true);
      await page.getByRole('button', { name: 'Xác nhận tham dự' }).click();
      expect(await noHorizontalScroll(page)).toBe(true);
      await browser.screenshot(page, 'confirm-360-validation');
      await page.close();
    });
  });
});

async function expectText(page: Page, text: string): Promise<void> {
  await page.getByText(text, { exact: false }).first().waitFor({ state: 'visible', timeout: 5000 });
}
