import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock';
import { RegistrationRequest } from '../../src/attendees/registration-request.entity';
import { MailDispatcher } from '../../src/mail/mail-dispatcher';
import { OutboxMessage } from '../../src/outbox/outbox-message.entity';
import { aConference } from '../factories';
import { startApp, TestApp } from '../harness';
import { ReceivedMail, SmtpSink } from '../smtp-sink';

const bearer = { type: 'bearer' as const };
const HOUR = 3600_000;

/** The token of the confirmation link a mail carries, or null. */
const confirmationTokenIn = (mail: ReceivedMail) => /\/registration\/confirm\/([\w-]{40,})/.exec(mail.parsed.text!)?.[1] ?? null;

describe('self-registration, confirmed by mail, and the waiting list', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let dispatcher: MailDispatcher;
  let db: DataSource;
  const person = (n: number, bridgePointId: string) => ({ bridgePointId, fullName: `Cán bộ ${n}`, email: `canbo${n}.${Math.random().toString(36).slice(2)}@xa.gov.vn` });

  /** A published conference open for registration, with two points (one with 1 place) and `capacity` in all. */
  const openConference = async (capacity: number | null, registration: Record<string, unknown> = {}) => {
    const c = (
      await t.http
        .post('/api/conferences')
        .auth(t.adminToken, bearer)
        .send(aConference({ kind: 'training', registration: { enabled: true, capacity, ...registration } }))
        .expect(201)
    ).body;
    const main = (await t.http.post(`/api/conferences/${c.id}/bridge-points`).auth(t.adminToken, bearer).send({ name: 'Hội trường chính', level: 'central', isMain: true }).expect(201)).body;
    const small = (await t.http.post(`/api/conferences/${c.id}/bridge-points`).auth(t.adminToken, bearer).send({ name: 'Phòng nhỏ', level: 'other', capacity: 1 }).expect(201)).body;
    await t.http.post(`/api/conferences/${c.id}/publish`).auth(t.adminToken, bearer).send({}).expect(200);
    return { id: c.id as string, main: main.id as string, small: small.id as string };
  };
  const register = (id: string, body: object) => t.http.post(`/api/public/conferences/${id}/registration`).send(body);
  const confirm = (token: string) => t.http.post(`/api/public/registration-confirmations/${token}`);
  /** Registers, sends the mail, and answers the token of the link it carries. */
  const linkFor = async (id: string, body: { email: string }) => {
    await register(id, body).expect(202);
    await dispatcher.drain();
    const token = smtp.to(body.email).map(confirmationTokenIn).filter(Boolean).pop();
    if (!token) throw new Error(`no confirmation link was mailed to ${body.email}`);
    return token;
  };
  const registerAndConfirm = async (id: string, body: { email: string }) => confirm(await linkFor(id, body)).expect(200);
  const attendeesOf = async (id: string) => (await t.http.get(`/api/conferences/${id}/attendees`).auth(t.adminToken, bearer).expect(200)).body;

  beforeAll(async () => {
    smtp = new SmtpSink();
    await smtp.start();
    t = await startApp({ SMTP_URL: smtp.url, MAIL_RATE_PER_SECOND: '0', REGISTRATION_RATE_LIMIT: '100000' });
    dispatcher = t.app.get(MailDispatcher);
    db = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });
  afterEach(() => jest.restoreAllMocks());

  it('registers within capacity on confirmation, then puts people on the waiting list in order', async () => {
    const c = await openConference(2);
    const a = await registerAndConfirm(c.id, person(1, c.main));
    expect(a.body).toMatchObject({ status: 'registered', waitlistPosition: null, code: expect.any(String), conferenceId: c.id });
    await registerAndConfirm(c.id, person(2, c.main));
    const w1 = await registerAndConfirm(c.id, person(3, c.main));
    const w2 = await registerAndConfirm(c.id, person(4, c.main));
    expect([w1.body.status, w1.body.waitlistPosition, w2.body.waitlistPosition]).toEqual(['waitlisted', 1, 2]);
    const info = await t.http.get(`/api/public/conferences/${c.id}/registration`).expect(200);
    expect(info.body).toMatchObject({ open: true, placesLeft: 0 });

    // A registered person declines: the first on the list moves in, the second keeps waiting.
    await t.http
      .patch(`/api/conferences/${c.id}/attendees/${a.body.attendeeId}`)
      .auth(t.adminToken, bearer)
      .send({ version: 1, status: 'cancelled' })
      .expect(200);
    const first = await t.http.get(`/api/conferences/${c.id}/attendees/${w1.body.attendeeId}`).auth(t.adminToken, bearer).expect(200);
    const second = await t.http.get(`/api/conferences/${c.id}/attendees/${w2.body.attendeeId}`).auth(t.adminToken, bearer).expect(200);
    expect([first.body.status, first.body.waitlistPosition]).toEqual(['registered', null]);
    expect(second.body.status).toBe('waitlisted');

    // Removing someone frees a place too.
    await t.http.delete(`/api/conferences/${c.id}/attendees/${first.body.id}`).auth(t.adminToken, bearer).expect(204);
    const promoted = await t.http.get(`/api/conferences/${c.id}/attendees/${w2.body.attendeeId}`).auth(t.adminToken, bearer).expect(200);
    expect(promoted.body.status).toBe('registered');
  });

  it("honours a bridge point's own capacity", async () => {
    const c = await openConference(null);
    await registerAndConfirm(c.id, person(1, c.small));
    const second = await registerAndConfirm(c.id, person(2, c.small));
    expect(second.body.status).toBe('waitlisted');
    const elsewhere = await registerAndConfirm(c.id, person(3, c.main));
    expect(elsewhere.body.status).toBe('registered');
    const info = await t.http.get(`/api/public/conferences/${c.id}/registration`).expect(200);
    expect(info.body.bridgePoints.find((p: { id: string }) => p.id === c.small).placesLeft).toBe(0);
  });

  it('never oversells the last places when many confirm at once', async () => {
    const c = await openConference(5);
    const people = Array.from({ length: 20 }, (_, i) => person(100 + i, c.main));
    const posted = await Promise.all(people.map((p) => register(c.id, p)));
    expect(posted.map((r) => r.status).every((s) => s === 202)).toBe(true);
    await dispatcher.drain();
    const tokens = people.map((p) => confirmationTokenIn(smtp.to(p.email)[0])!);
    const res = await Promise.all(tokens.map((token) => confirm(token)));
    expect(res.map((r) => r.status).every((s) => s === 200)).toBe(true);
    expect(res.filter((r) => r.body.status === 'registered')).toHaveLength(5);
    const positions = res.filter((r) => r.body.status === 'waitlisted').map((r) => r.body.waitlistPosition).sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
  });

  it('refuses when registration is not yet open or closed, with a message in Vietnamese', async () => {
    const closed = await openConference(10, { closesAt: '2020-01-01T00:00:00+07:00' });
    const res = await register(closed.id, person(1, closed.main)).expect(403);
    expect(res.body.message).toBe('Đã hết thời gian đăng ký.');
    expect(res.body.details).toEqual([{ field: 'registration', code: 'registration_closed', message: 'Đã hết thời gian đăng ký.' }]);
    const later = await openConference(10, { opensAt: '2099-01-01T00:00:00+07:00' });
    expect((await register(later.id, person(1, later.main)).expect(403)).body.message).toBe('Chưa đến thời gian mở đăng ký.');
  });

  it('refuses a confirmation once registration has closed, and registers nobody', async () => {
    const closesAt = new Date(Date.now() + HOUR).toISOString();
    const c = await openConference(10, { closesAt });
    const token = await linkFor(c.id, person(1, c.main));
    const later = Date.now() + 2 * HOUR;
    jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(later));
    const res = await confirm(token).expect(403);
    expect(res.body.details).toEqual([{ field: 'registration', code: 'registration_closed', message: 'Đã hết thời gian đăng ký.' }]);
    expect((await attendeesOf(c.id)).total).toBe(0);
  });

  it('answers 404 for the registration of a conference that does not take registrations, to read or to post', async () => {
    const off = await openConference(10, { enabled: false });
    const notEnabled = [{ field: 'registration', code: 'registration_not_enabled', message: 'Hội nghị này không mở đăng ký trực tuyến.' }];
    expect((await t.http.get(`/api/public/conferences/${off.id}/registration`).expect(404)).body.details).toEqual(notEnabled);
    expect((await register(off.id, person(1, off.main)).expect(404)).body.details).toEqual(notEnabled);
  });

  it('refuses a point of another conference and a missing email', async () => {
    const c = await openConference(10);
    const other = await openConference(10);
    const wrong = await register(c.id, person(2, other.main)).expect(400);
    expect(wrong.body.details).toEqual([{ field: 'bridgePointId', code: 'bridge_point_not_found', message: 'Điểm cầu không thuộc hội nghị này.' }]);
    const noEmail = await register(c.id, { bridgePointId: c.main, fullName: 'Không email' }).expect(400);
    expect(noEmail.body.details.map((d: { field: string }) => d.field)).toContain('email');
  });

  it('does not show a draft conference', async () => {
    const c = (await t.http.post('/api/conferences').auth(t.adminToken, bearer).send(aConference({ registration: { enabled: true } })).expect(201)).body;
    const res = await t.http.get(`/api/public/conferences/${c.id}/registration`).expect(404);
    expect(res.body.details).toEqual([{ field: 'id', code: 'conference_not_found', message: 'Không tìm thấy hội nghị.' }]);
  });

  it('answers a new and an already registered address exactly the same, and tells the registered one by mail', async () => {
    const c = await openConference(10);
    const known = person(1, c.main);
    const registered = await registerAndConfirm(c.id, known);
    const before = (await attendeesOf(c.id)).total;

    const again = await register(c.id, { ...known, fullName: 'Người khác', email: known.email.toUpperCase() });
    const fresh = await register(c.id, person(2, c.main));
    expect([again.status, again.body]).toEqual([fresh.status, fresh.body]);
    expect(again.status).toBe(202);
    expect(again.body).toEqual({ status: 'pending_confirmation', message: expect.stringContaining('Vui lòng mở thư') });
    expect(again.headers['content-type']).toBe(fresh.headers['content-type']);
    expect((await attendeesOf(c.id)).total).toBe(before);

    await dispatcher.drain();
    const [confirmation, notice] = smtp.to(known.email);
    expect(confirmationTokenIn(confirmation)).not.toBeNull();
    expect(notice.parsed.subject).toBe('Đăng ký tham dự: Hội nghị toàn quốc sơ kết công tác dân vận 6 tháng đầu năm 2025');
    expect(notice.parsed.text).toContain(`Kính gửi đồng chí ${known.fullName},`);
    expect(notice.parsed.text).toContain('Địa chỉ này đã có trong danh sách đại biểu của hội nghị, nên không cần đăng ký lại.');
    expect(confirmationTokenIn(notice)).toBeNull();
    // Their own invitation page, which answers for the attendee they are.
    const rsvpToken = /\/rsvp\/([\w-]{40,})/.exec(notice.parsed.text!)![1];
    const view = await t.http.get(`/api/public/rsvp/${rsvpToken}`).expect(200);
    expect(view.body.attendee.id).toBe(registered.body.attendeeId);
  });

  it('mails a link to confirm, in Vietnamese, and takes no place before it is opened', async () => {
    const c = await openConference(1);
    const p = { ...person(1, c.main), fullName: 'Nguyễn Thị Lan' };
    await register(c.id, p).expect(202);
    const info = await t.http.get(`/api/public/conferences/${c.id}/registration`).expect(200);
    expect(info.body.placesLeft).toBe(1);
    expect((await attendeesOf(c.id)).total).toBe(0);

    await dispatcher.drain();
    const [mail] = smtp.to(p.email);
    expect(mail.parsed.subject).toBe('Xác nhận đăng ký tham dự: Hội nghị toàn quốc sơ kết công tác dân vận 6 tháng đầu năm 2025');
    expect(mail.parsed.text).toContain('Kính gửi đồng chí Nguyễn Thị Lan,');
    expect(mail.parsed.text).toContain('Để hoàn tất đăng ký, đồng chí vui lòng mở đường dẫn dưới đây và bấm nút “Xác nhận đăng ký”.');
    expect(mail.parsed.text).toContain('Điểm cầu: Hội trường chính');
    expect(mail.parsed.text).toMatch(/Hiệu lực đến: .+/);
    expect(mail.parsed.text).toContain('Đăng ký chỉ được ghi nhận, và chỉ giữ chỗ, sau khi đồng chí xác nhận.');
    expect(mail.parsed.html).toContain('/registration/confirm/');
    const token = confirmationTokenIn(mail)!;

    // Only the token's hash is stored, and the outbox never held the token.
    const stored = await db.getRepository(RegistrationRequest).findOneByOrFail({ email: p.email });
    expect(stored.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    const outbox = await db.getRepository(OutboxMessage).findBy({ recipient: p.email });
    expect(outbox).toHaveLength(1);
    expect(JSON.stringify(outbox)).not.toContain(token);

    // Someone else takes the only place meanwhile: places go to confirmations, not to requests.
    await registerAndConfirm(c.id, person(2, c.main));
    expect((await confirm(token).expect(200)).body.status).toBe('waitlisted');
  });

  it('sends one address at most three confirmation mails an hour, answering every post the same', async () => {
    const c = await openConference(10);
    const p = person(1, c.main);
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await register(c.id, p).expect(202)).body);
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    await dispatcher.drain();
    expect(smtp.to(p.email)).toHaveLength(3);
  });

  it('creates the attendee once, however often and however fast the link is confirmed', async () => {
    const c = await openConference(10);
    const token = await linkFor(c.id, person(1, c.main));
    const [one, two] = await Promise.all([confirm(token), confirm(token)]);
    expect([one.status, two.status]).toEqual([200, 200]);
    const third = await confirm(token).expect(200);
    expect(new Set([one.body.attendeeId, two.body.attendeeId, third.body.attendeeId]).size).toBe(1);
    expect(third.body).toEqual(one.body);
    expect((await attendeesOf(c.id)).total).toBe(1);
  });

  it('answers 410 for an expired link, 404 for an unknown one, in Vietnamese with a code', async () => {
    const c = await openConference(10);
    const token = await linkFor(c.id, person(1, c.main));
    const later = Date.now() + 49 * HOUR;
    jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(later));
    const expired = await confirm(token).expect(410);
    expect(expired.body.details).toEqual([
      { field: 'token', code: 'expired', message: 'Liên kết xác nhận đăng ký đã hết hạn. Vui lòng đăng ký lại để nhận liên kết mới.' },
    ]);
    jest.restoreAllMocks();
    const unknown = [{ field: 'token', code: 'unknown', message: 'Liên kết không hợp lệ.' }];
    expect((await confirm('A'.repeat(43)).expect(404)).body.details).toEqual(unknown);
    expect((await confirm('ngan').expect(404)).body.details).toEqual(unknown);
    expect((await attendeesOf(c.id)).total).toBe(0);
  });

  it('keeps a confirmed link answering its attendee after the link would have expired', async () => {
    const c = await openConference(10);
    const token = await linkFor(c.id, person(1, c.main));
    const first = await confirm(token).expect(200);
    const later = Date.now() + 49 * HOUR;
    jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(later));
    expect((await confirm(token).expect(200)).body.attendeeId).toBe(first.body.attendeeId);
  });

  it('registers nobody twice when the address was put on the list between the request and its confirmation', async () => {
    const c = await openConference(10);
    const p = person(1, c.main);
    const token = await linkFor(c.id, p);
    await t.http.post(`/api/conferences/${c.id}/attendees`).auth(t.adminToken, bearer).send({ bridgePointId: c.main, fullName: p.fullName, email: p.email }).expect(201);
    const res = await confirm(token).expect(409);
    expect(res.body.details).toEqual([
      { field: 'email', code: 'email_in_use', message: 'Địa chỉ email này đã có trong danh sách đại biểu của hội nghị; không cần xác nhận lại.' },
    ]);
    expect((await attendeesOf(c.id)).total).toBe(1);
  });

  describe('the page the link opens', () => {
    it('shows a button and changes nothing when it is only fetched (mail scanners), then confirms on the click', async () => {
      const c = await openConference(10);
      const token = await linkFor(c.id, person(1, c.main));
      const shown = await t.http.get(`/registration/confirm/${token}`).expect(200);
      expect(shown.headers['content-type']).toContain('text/html');
      expect(shown.headers['cache-control']).toBe('no-store');
      expect(shown.text).toContain(`<form method="post" action="/registration/confirm/${token}">`);
      expect(shown.text).toContain('Xác nhận đăng ký</button>');
      expect((await attendeesOf(c.id)).total).toBe(0);

      const done = await t.http.post(`/registration/confirm/${token}`).type('form').send('').expect(200);
      expect(done.text).toContain('Đăng ký của đồng chí đã được ghi nhận.');
      const [attendee] = (await attendeesOf(c.id)).items;
      expect(done.text).toContain(attendee.code);
      const again = await t.http.post(`/registration/confirm/${token}`).type('form').send('').expect(200);
      expect(again.text).toContain('Đăng ký của đồng chí đã được xác nhận trước đó.');
      expect((await attendeesOf(c.id)).total).toBe(1);
    });

    it('says in Vietnamese when the link is unknown or expired, or registration has closed', async () => {
      const unknown = await t.http.post(`/registration/confirm/${'B'.repeat(43)}`).type('form').send('').expect(404);
      expect(unknown.text).toContain('Liên kết không hợp lệ');
      const c = await openConference(10, { closesAt: new Date(Date.now() + HOUR).toISOString() });
      const token = await linkFor(c.id, person(1, c.main));
      const later = Date.now() + 2 * HOUR;
      jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(later));
      const closed = await t.http.post(`/registration/confirm/${token}`).type('form').send('').expect(403);
      expect(closed.text).toContain('Đã hết thời gian đăng ký.');
      const muchLater = Date.now() + 49 * HOUR;
      jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(muchLater));
      const expired = await t.http.post(`/registration/confirm/${token}`).type('form').send('').expect(410);
      expect(expired.text).toContain('Liên kết xác nhận đăng ký đã hết hạn.');
    });
  });
});

describe('the self-registration limit per client address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ TRUST_PROXY: '127.0.0.1', REGISTRATION_RATE_LIMIT: '3', SMTP_URL: '' });
  });
  afterAll(() => t.close());

  it('answers 429 in Vietnamese past REGISTRATION_RATE_LIMIT posts from one address, and leaves other addresses and logins alone', async () => {
    const c = (
      await t.http.post('/api/conferences').auth(t.adminToken, bearer).send(aConference({ registration: { enabled: true } })).expect(201)
    ).body;
    const point = (await t.http.post(`/api/conferences/${c.id}/bridge-points`).auth(t.adminToken, bearer).send({ name: 'Hội trường chính', level: 'central', isMain: true }).expect(201)).body;
    await t.http.post(`/api/conferences/${c.id}/publish`).auth(t.adminToken, bearer).send({}).expect(200);
    const from = (address: string, n: number) =>
      t.http
        .post(`/api/public/conferences/${c.id}/registration`)
        .set('x-forwarded-for', address)
        .send({ bridgePointId: point.id, fullName: `Cán bộ ${n}`, email: `gioi-han${n}@xa.gov.vn` });
    for (let n = 0; n < 3; n++) await from('203.0.113.9', n).expect(202);
    const refused = await from('203.0.113.9', 3).expect(429);
    const message = 'Có quá nhiều lượt đăng ký từ địa chỉ này. Vui lòng thử lại sau.';
    expect(refused.body).toMatchObject({ statusCode: 429, message, details: [{ field: 'body', code: 'too_many_registrations', message }] });
    // Nothing was recorded for the refused post.
    expect(await t.app.get(DataSource).getRepository(RegistrationRequest).countBy({ email: 'gioi-han3@xa.gov.vn' })).toBe(0);
    await from('198.51.100.4', 4).expect(202);
    // Logins keep their own limits: more than REGISTRATION_RATE_LIMIT of them from the same address go through.
    for (let n = 0; n < 4; n++) {
      await t.http.post('/api/auth/login').set('x-forwarded-for', '203.0.113.9').send({ email: 'admin@hoinghi.local', password: 'HoiNghi@2025' }).expect(200);
    }
  });
});
