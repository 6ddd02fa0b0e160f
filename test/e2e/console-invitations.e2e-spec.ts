import { MailDispatcher } from '../../src/mail/mail-dispatcher';
import { aConference, aMainPoint } from '../factories';
import { bearer, closeWorld, consoleWorld, ConsoleWorld, go, postForm, shoot, signIn, signInHttp } from '../console-screens';
import { SmtpSink } from '../smtp-sink';

/**
 * The console's invitation screen in chromium, against a real SMTP server: the counts, sending
 * to those not invited yet, the sending's progress on a page that reloads itself, the delivery
 * log with the failures first and a resend button on each.
 */
describe('console: invitations', () => {
  let w: ConsoleWorld;
  let smtp: SmtpSink;
  let id: string;
  const url = () => `${w.base}/console/conferences/${id}/invitations`;

  beforeAll(async () => {
    smtp = new SmtpSink();
    await smtp.start();
    smtp.rejectAddresses.add('khong-ton-tai@bacninh.gov.vn');
    process.env.SMTP_URL = smtp.url;
    process.env.MAIL_RATE_PER_SECOND = '0';
    w = await consoleWorld('giay-moi');
    id = (await w.t.http.post('/api/conferences').auth(w.t.adminToken, bearer).send(aConference({ title: 'Hội nghị sơ kết công tác dân vận', startsAt: '2026-12-15T09:00:00+07:00', endsAt: '2026-12-15T11:30:00+07:00' })).expect(201)).body.id;
    const point = (await w.t.http.post(`/api/conferences/${id}/bridge-points`).auth(w.t.adminToken, bearer).send(aMainPoint()).expect(201)).body;
    for (const [fullName, email] of [
      ['Nguyễn Văn An', 'an@bacninh.gov.vn'],
      ['Trần Thị Bình', 'binh@bacninh.gov.vn'],
      ['Lê Văn Sai', 'khong-ton-tai@bacninh.gov.vn'],
      ['Phạm Văn Không Thư', undefined],
    ]) {
      await w.t.http.post(`/api/conferences/${id}/attendees`).auth(w.t.adminToken, bearer).send({ bridgePointId: point.id, fullName, ...(email && { email }) }).expect(201);
    }
  });
  afterAll(async () => {
    await closeWorld(w);
    await smtp.stop();
    delete process.env.SMTP_URL;
    delete process.env.MAIL_RATE_PER_SECOND;
  });

  it('asks for the conference to be published before it sends anything', async () => {
    await signIn(w, w.users.organizer);
    await w.page.goto(`${w.base}/console/conferences/${id}`);
    await go(w.page, `.sections a[href="/console/conferences/${id}/invitations"]`);
    expect(await w.page.locator('.alert.info').innerText()).toContain('Hội nghị còn là bản nháp');
    expect(await w.page.locator('button:has-text("chưa được mời")').count()).toBe(0);
  });

  it('sends to those not invited yet, shows the progress until the dispatcher is done, and lists the failures first with a resend button', async () => {
    await w.t.http.post(`/api/conferences/${id}/publish`).auth(w.t.adminToken, bearer).send({}).expect(200);
    await w.page.goto(url());
    const stats = await w.page.locator('.stats').innerText();
    expect(stats).toMatch(/4\s*đại biểu tham dự/);
    expect(stats).toMatch(/3\s*chưa được mời/);
    expect(await w.page.locator('main').innerText()).toContain('1 đại biểu chưa có email');
    await shoot(w, 'invitations-send');
    await go(w.page, 'button:has-text("Gửi cho 3 người chưa được mời")');
    expect(new URL(w.page.url()).pathname).toBe(`/console/conferences/${id}/invitations/progress`);
    expect(await w.page.locator('.alert.ok').innerText()).toBe('Đã đưa 3 giấy mời vào hàng gửi; 0 người đã có giấy mời của lần cập nhật này nên không gửi lại; 1 người chưa có email.');
    expect(await w.page.locator('meta[http-equiv=refresh]').getAttribute('content')).toBe('3');
    expect(await w.page.locator('progress').getAttribute('value')).toBe('0');
    await shoot(w, 'invitations-progress');

    await w.t.app.get(MailDispatcher).drain();
    await w.page.waitForFunction(() => document.getElementById('tinh-trang')?.textContent === 'Đã xử lý xong mọi giấy mời.', null, { timeout: 15_000 });
    expect(await w.page.locator('meta[http-equiv=refresh]').count()).toBe(0);
    expect(smtp.to('an@bacninh.gov.vn')).toHaveLength(1);

    await go(w.page, 'a:has-text("Về trang giấy mời")');
    expect(await w.page.locator('.stats').innerText()).toMatch(/0\s*chưa được mời/);
    const first = await w.page.locator('table.stack tbody tr').first().innerText();
    expect(first).toContain('khong-ton-tai@bacninh.gov.vn');
    expect(first).toContain('Gửi lỗi');
    expect(await w.page.locator('table.stack button:has-text("Gửi lại")').count()).toBe(1);
    await shoot(w, 'invitations');

    await w.page.selectOption('#loc-status', 'sent');
    await go(w.page, 'button:has-text("Lọc")');
    expect(await w.page.locator('table.stack tbody tr').count()).toBe(2);
    await w.page.selectOption('#loc-status', 'failed');
    await go(w.page, 'button:has-text("Lọc")');
    await go(w.page, 'table.stack button:has-text("Gửi lại")');
    expect(await w.page.locator('.alert.ok').innerText()).toBe('Đã đưa thư vào hàng gửi lại.');
    const log = await w.t.http.get(`/api/conferences/${id}/deliveries?status=pending`).auth(w.t.adminToken, bearer).expect(200);
    expect(log.body.items.map((d: { recipient: string }) => d.recipient)).toEqual(['khong-ton-tai@bacninh.gov.vn']);
    // Still waiting to go: a second resend is refused with the service's reason, on the page.
    const session = `hn_console=${await signInHttp(w, w.users.organizer)}`;
    const csrf = /name="_csrf" value="([^"]+)"/.exec((await w.t.http.get(`/console/conferences/${id}/invitations`).set('cookie', session).expect(200)).text)![1];
    const refused = await postForm(w, `/console/conferences/${id}/deliveries/${log.body.items[0].id}/resend`, { _csrf: csrf }, session).expect(409);
    expect(refused.text).toContain('đang chờ gửi; chưa thể gửi lại');
  });

  it('keeps a viewer out (the delivery log is for organizers, as in the API) and refuses posts without a CSRF token', async () => {
    const viewer = `hn_console=${await signInHttp(w, w.users.viewer)}`;
    const page = await w.t.http.get(`/console/conferences/${id}/invitations`).set('cookie', viewer).expect(403);
    expect(page.text).toContain('Không có quyền');
    const organizer = `hn_console=${await signInHttp(w, w.users.organizer)}`;
    const before = smtp.received.length;
    await postForm(w, `/console/conferences/${id}/invitations`, { scope: 'all' }, organizer).expect(403);
    const viewerCsrf = /name="_csrf" value="([^"]+)"/.exec((await w.t.http.get('/console').set('cookie', viewer).expect(200)).text)![1];
    await postForm(w, `/console/conferences/${id}/invitations`, { _csrf: viewerCsrf, scope: 'all' }, viewer).expect(403);
    const pending = await w.t.http.get(`/api/conferences/${id}/deliveries?status=pending&kind=invitation`).auth(w.t.adminToken, bearer).expect(200);
    expect(pending.body.total).toBe(1);
    expect(smtp.received.length).toBe(before);
  });
});
