import ICAL from 'ical.js';
import { readdirSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { MailComposer } from '../../src/mail/mail-composer';
import { MailDispatcher } from '../../src/mail/mail-dispatcher';
import { OutboxMessage } from '../../src/outbox/outbox-message.entity';
import { Reminders } from '../../src/mail/reminders';
import { Attendee } from '../../src/attendees/attendee.entity';
import { aConference } from '../factories';
import { startAnotherInstance, startApp, TestApp } from '../harness';
import { ReceivedMail, SmtpSink } from '../smtp-sink';

const bearer = { type: 'bearer' as const };

/** The text/calendar part of a received mail, parsed by ical.js (the engine Thunderbird uses). */
function calendarOf(mail: ReceivedMail) {
  const part = mail.parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  if (!part) throw new Error(`no text/calendar part in mail to ${mail.to}`);
  const text = part.content.toString('utf8');
  const vcalendar = new ICAL.Component(ICAL.parse(text));
  const vevent = vcalendar.getFirstSubcomponent('vevent')!;
  return { text, vcalendar, vevent, event: new ICAL.Event(vevent) };
}

describe('invitations by email, through the outbox, to a real SMTP server', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let dispatcher: MailDispatcher;

  const setUp = async (people: { fullName: string; email?: string }[]) => {
    const c = (
      await t.http
        .post('/api/conferences')
        .auth(t.adminToken, bearer)
        .send(aConference({ startsAt: '2026-12-15T09:00:00+07:00', endsAt: '2026-12-15T11:30:00+07:00' }))
        .expect(201)
    ).body;
    const point = (
      await t.http
        .post(`/api/conferences/${c.id}/bridge-points`)
        .auth(t.adminToken, bearer)
        .send({ name: 'Điểm cầu Trung ương', level: 'central', isMain: true, address: 'Số 1 Hùng Vương, Ba Đình, Hà Nội' })
        .expect(201)
    ).body;
    await t.http
      .post(`/api/conferences/${c.id}/agenda-items`)
      .auth(t.adminToken, bearer)
      .send({ startsAt: '2026-12-15T09:10:00+07:00', endsAt: '2026-12-15T09:40:00+07:00', title: 'Báo cáo sơ kết', kind: 'report' })
      .expect(201);
    await t.http.post(`/api/conferences/${c.id}/publish`).auth(t.adminToken, bearer).send({}).expect(200);
    const attendees = [];
    for (const p of people) {
      attendees.push((await t.http.post(`/api/conferences/${c.id}/attendees`).auth(t.adminToken, bearer).send({ bridgePointId: point.id, ...p }).expect(201)).body);
    }
    return { id: c.id as string, point, attendees };
  };
  const invite = (id: string, body: object = { scope: 'all' }) =>
    t.http.post(`/api/conferences/${id}/invitations`).auth(t.adminToken, bearer).send(body);

  beforeAll(async () => {
    smtp = new SmtpSink();
    await smtp.start();
    t = await startApp({ SMTP_URL: smtp.url, MAIL_RATE_PER_SECOND: '0' });
    dispatcher = t.app.get(MailDispatcher);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const attendeeOf = async (id: string, attendeeId: string) =>
    (await t.http.get(`/api/conferences/${id}/attendees/${attendeeId}`).auth(t.adminToken, bearer).expect(200)).body;
  /** The RSVP token of the link a mail carries. */
  const rsvpTokenIn = (mail: ReceivedMail) => /\/rsvp\/([\w-]{40,})/.exec(mail.parsed.text!)![1];

  it('marks a delegate invited when the invitation is sent, not when it is queued, and leaves an answer alone', async () => {
    const { id, attendees } = await setUp([
      { fullName: 'Hoàng Văn Tư', email: 'tu@tinh.gov.vn' },
      { fullName: 'Không có địa chỉ' },
      { fullName: 'Đã trả lời', email: 'da.tra.loi@tinh.gov.vn' },
    ]);
    const [tu, noEmail, answered] = attendees;
    expect(attendees.map((a) => a.status)).toEqual(['added', 'added', 'added']);
    const link = (await t.http.post(`/api/conferences/${id}/attendees/${answered.id}/links`).auth(t.adminToken, bearer).send({}).expect(201)).body;
    await t.http.post(`/api/public/rsvp/${link.token}/accept`).expect(200);
    await invite(id).expect(202);
    expect((await attendeeOf(id, tu.id)).status).toBe('added');
    await dispatcher.drain();
    expect(smtp.to('tu@tinh.gov.vn')).toHaveLength(1);
    expect(await attendeeOf(id, tu.id)).toMatchObject({ status: 'invited', version: tu.version + 1 });
    expect((await attendeeOf(id, noEmail.id)).status).toBe('added');
    expect((await attendeeOf(id, answered.id)).status).toBe('accepted');
    const added = (await t.http.get(`/api/conferences/${id}/attendees?status=added`).auth(t.adminToken, bearer).expect(200)).body;
    expect(added.items.map((a: { id: string }) => a.id)).toEqual([noEmail.id]);
  });

  it('reminds, before the start, those invited before the reminder time, once, and not those who just got their invitation', async () => {
    const startsAt = new Date(Date.now() + 2 * 3600_000);
    const c = (
      await t.http
        .post('/api/conferences')
        .auth(t.adminToken, bearer)
        .send(aConference({ startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3 * 3600_000).toISOString() }))
        .expect(201)
    ).body;
    const point = (await t.http.post(`/api/conferences/${c.id}/bridge-points`).auth(t.adminToken, bearer).send({ name: 'Điểm cầu Trung ương', level: 'central', isMain: true }).expect(201)).body;
    await t.http.post(`/api/conferences/${c.id}/publish`).auth(t.adminToken, bearer).send({}).expect(200);
    const add = async (fullName: string, email: string) =>
      (await t.http.post(`/api/conferences/${c.id}/attendees`).auth(t.adminToken, bearer).send({ bridgePointId: point.id, fullName, email }).expect(201)).body;
    const early = await add('Mời từ tuần trước', 'moi.som@tinh.gov.vn');
    await add('Vừa được mời', 'vua.moi@tinh.gov.vn');
    await invite(c.id).expect(202);
    await dispatcher.drain();
    const reminders = t.app.get(Reminders);
    // Both were invited minutes ago, inside the 24 hours before the start: the invitation says it all.
    expect(await reminders.queueDue()).toBe(0);
    // One of them was invited three days ago.
    await t.app.get(DataSource).getRepository(Attendee).update({ id: early.id }, { invitedAt: new Date(Date.now() - 3 * 86_400_000) });
    expect(await reminders.queueDue()).toBe(1);
    expect(await reminders.queueDue()).toBe(0);
    await dispatcher.drain();
    expect(smtp.to('moi.som@tinh.gov.vn')).toHaveLength(2);
    expect(smtp.to('vua.moi@tinh.gov.vn')).toHaveLength(1);
  });

  it('refuses, in Vietnamese with a code, invitations to a draft, resending a mail still waiting, and a mail of another conference', async () => {
    const draft = (await t.http.post('/api/conferences').auth(t.adminToken, bearer).send(aConference()).expect(201)).body;
    const early = await invite(draft.id).expect(409);
    expect(early.body.details).toEqual([
      { field: 'status', code: 'not_published', message: 'Hội nghị còn là bản nháp; hãy công bố hội nghị trước khi gửi giấy mời.' },
    ]);
    const missing = await invite('00000000-0000-4000-8000-000000000000').expect(404);
    expect(missing.body.details).toEqual([{ field: 'id', code: 'conference_not_found', message: 'Không tìm thấy hội nghị.' }]);

    const { id } = await setUp([{ fullName: 'Phạm Thị Chờ', email: 'cho.gui@tinh.gov.vn' }]);
    await invite(id).expect(202);
    const [waiting] = (await t.http.get(`/api/conferences/${id}/deliveries`).auth(t.adminToken, bearer).expect(200)).body.items;
    expect(waiting.status).toBe('pending');
    const again = await t.http.post(`/api/conferences/${id}/deliveries/${waiting.id}/resend`).auth(t.adminToken, bearer).expect(409);
    expect(again.body.details).toEqual([{ field: 'status', code: 'delivery_in_progress', message: 'Thư này đang chờ gửi; chưa thể gửi lại.' }]);
    const elsewhere = await t.http.get(`/api/conferences/${draft.id}/deliveries/${waiting.id}`).auth(t.adminToken, bearer).expect(404);
    expect(elsewhere.body.details).toEqual([
      { field: 'deliveryId', code: 'delivery_not_found', message: `Không tìm thấy thư ${waiting.id} trong hội nghị này.` },
    ]);
    await dispatcher.drain();
    expect(smtp.to('cho.gui@tinh.gov.vn')).toHaveLength(1);
  });

  it('sends a substitute their own invitation, code and link, and the person replaced a cancellation of theirs', async () => {
    const { id, attendees } = await setUp([{ fullName: 'Trần Văn Bình', email: 'binh@tinh.gov.vn' }]);
    const [binh] = attendees;
    await invite(id).expect(202);
    await dispatcher.drain();
    const [invitation] = smtp.to('binh@tinh.gov.vn');
    const substitute = (
      await t.http.post(`/api/public/rsvp/${rsvpTokenIn(invitation)}/substitute`).send({ fullName: 'Lê Thị Mai', email: 'mai@tinh.gov.vn' }).expect(200)
    ).body;
    expect(substitute).toMatchObject({ substituteForId: binh.id, status: 'accepted' });
    await dispatcher.drain();

    // The substitute: an invitation at their own address, with their own code and RSVP link.
    const toMai = smtp.to('mai@tinh.gov.vn');
    expect(toMai).toHaveLength(1);
    expect(toMai[0].parsed.text).toContain('Kính gửi đồng chí Lê Thị Mai');
    expect(toMai[0].parsed.text).toContain(`Mã điểm danh: ${substitute.code}`);
    const request = calendarOf(toMai[0]);
    expect(request.vcalendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(request.vevent.getFirstProperty('attendee')!.getFirstValue()).toMatch(/^mailto:mai@tinh\.gov\.vn$/i);
    const view = (await t.http.get(`/api/public/rsvp/${rsvpTokenIn(toMai[0])}`).expect(200)).body;
    expect(view.attendee).toMatchObject({ id: substitute.id, fullName: 'Lê Thị Mai', code: substitute.code });

    // The person replaced: a cancellation of their own invitation (same UID), naming them, without the substitute's code.
    const toBinh = smtp.to('binh@tinh.gov.vn');
    expect(toBinh).toHaveLength(2);
    const cancel = calendarOf(toBinh[1]);
    expect(cancel.vcalendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(cancel.event.uid).toBe(calendarOf(invitation).event.uid);
    expect(cancel.vevent.getFirstProperty('attendee')!.getFirstValue()).toMatch(/^mailto:binh@tinh\.gov\.vn$/i);
    expect(toBinh[1].raw).not.toContain(substitute.code);

    // Resending the replaced person's invitation sends them nothing more (and never the substitute's code).
    const deliveries = (await t.http.get(`/api/conferences/${id}/deliveries?attendeeId=${binh.id}&kind=invitation`).auth(t.adminToken, bearer).expect(200)).body;
    await t.http.post(`/api/conferences/${id}/deliveries/${deliveries.items[0].id}/resend`).auth(t.adminToken, bearer).expect(202);
    await dispatcher.drain();
    expect(smtp.to('binh@tinh.gov.vn')).toHaveLength(2);
    // Inviting everyone again reaches the substitute's address only once.
    await invite(id).expect(202);
    await dispatcher.drain();
    expect(smtp.to('mai@tinh.gov.vn')).toHaveLength(1);
  });

  it('sends each invitee one giấy mời with a METHOD:REQUEST calendar invitation that ical.js reads', async () => {
    const { id, attendees } = await setUp([
      { fullName: 'Nguyễn Thị Hồng Nhung', email: 'nhung@tinh.gov.vn' },
      { fullName: 'Trần Đức Thắng', email: 'thang@tinh.gov.vn' },
      { fullName: 'Không có email' },
    ]);
    const queued = await invite(id).expect(202);
    expect(queued.body).toEqual({ queued: 2, alreadyQueued: 0, withoutEmail: 1 });
    await dispatcher.drain();
    const [mail] = smtp.to('nhung@tinh.gov.vn');
    expect(smtp.to('nhung@tinh.gov.vn')).toHaveLength(1);
    expect(mail.parsed.subject).toBe(`Giấy mời: ${aConference().title}`);
    expect(mail.parsed.text).toContain('Kính gửi đồng chí Nguyễn Thị Hồng Nhung');
    expect(mail.parsed.text).toContain('từ 09:00 đến 11:30, thứ Ba, ngày 15/12/2026');
    expect(mail.parsed.text).toContain(`Mã điểm danh: ${attendees[0].code}`);
    expect(mail.parsed.text).toMatch(/Xác nhận tham dự: http:\/\/localhost:\d+\/rsvp\/[\w-]{40,}/);
    expect(mail.parsed.html).toContain('<html lang="vi">');
    expect(mail.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);

    const { vcalendar, vevent, event } = calendarOf(mail);
    expect(vcalendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.uid).toBe(`${id}@localhost`);
    expect(event.sequence).toBe(0);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-15T02:00:00.000Z');
    expect(event.location).toContain('Số 1 Hùng Vương');
    const attendee = vevent.getFirstProperty('attendee')!;
    expect(attendee.getFirstValue()).toMatch(/^mailto:nhung@tinh\.gov\.vn$/i); // URI schemes are case-insensitive
    expect(attendee.getParameter('cn')).toBe('Nguyễn Thị Hồng Nhung');
    expect(attendee.getParameter('rsvp')).toBe('TRUE');
    expect(attendee.getParameter('partstat')).toBe('NEEDS-ACTION');
    expect(vevent.getFirstPropertyValue('organizer')).toMatch(/^mailto:hoinghi@hoinghi\.local$/i);

    // The subscription link in the mail opens the person's feed.
    const feed = /Theo dõi lịch hội nghị: webcal:\/\/[^/]+(\/\S+)/.exec(mail.parsed.text!)![1];
    const ics = await t.http.get(feed).expect(200);
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    expect(ics.text).toContain(`UID:${id}@localhost`);

    // Queueing again sends nothing more.
    expect((await invite(id).expect(202)).body).toMatchObject({ queued: 0, alreadyQueued: 2 });
    expect((await invite(id, { scope: 'not_invited' }).expect(202)).body.queued).toBe(0);
    await dispatcher.drain();
    expect(smtp.to('nhung@tinh.gov.vn')).toHaveLength(1);
  });

  it('sends an update with a higher SEQUENCE when the time changes, and a CANCEL when the conference is cancelled', async () => {
    const { id } = await setUp([{ fullName: 'Lê Văn Tám', email: 'tam@xa.gov.vn' }]);
    await invite(id).expect(202);
    await dispatcher.drain();
    const current = (await t.http.get(`/api/conferences/${id}`).auth(t.adminToken, bearer)).body;
    await t.http.patch(`/api/conferences/${id}`).auth(t.adminToken, bearer).send({ version: current.version, startsAt: '2026-12-16T09:00:00+07:00' }).expect(200);
    await dispatcher.drain();
    const [first, update] = smtp.to('tam@xa.gov.vn');
    expect(update.parsed.subject).toMatch(/^Thay đổi thông tin: /);
    const updated = calendarOf(update);
    expect(updated.event.uid).toBe(calendarOf(first).event.uid);
    expect(updated.event.sequence).toBe(1);
    expect(updated.event.startDate.toJSDate().toISOString()).toBe('2026-12-16T02:00:00.000Z');

    await t.http.post(`/api/conferences/${id}/cancel`).auth(t.adminToken, bearer).send({ reason: 'Thay đổi kế hoạch' }).expect(200);
    await dispatcher.drain();
    const cancel = smtp.to('tam@xa.gov.vn')[2];
    expect(cancel.parsed.subject).toMatch(/^Thông báo hủy: /);
    expect(cancel.raw).toMatch(/method=CANCEL/i);
    const cancelled = calendarOf(cancel);
    expect(cancelled.vcalendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(cancelled.event.uid).toBe(updated.event.uid);
    expect(cancelled.event.sequence).toBe(2);
    expect(cancelled.vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(smtp.to('tam@xa.gov.vn')).toHaveLength(3);
  });

  it('delivers every invitation exactly once while the server refuses mail for a while', async () => {
    const people = Array.from({ length: 12 }, (_, i) => ({ fullName: `Đại biểu ${i}`, email: `db${i}@retry.gov.vn` }));
    const { id } = await setUp(people);
    smtp.refuseNext = 8;
    await invite(id).expect(202);
    for (let round = 0; round < 20 && people.some((p) => smtp.to(p.email).length === 0); round++) {
      await dispatcher.drain();
      await new Promise((resolve) => setTimeout(resolve, 120));
    }
    for (const p of people) expect(smtp.to(p.email)).toHaveLength(1);
    const log = await t.http.get(`/api/conferences/${id}/deliveries?pageSize=50`).auth(t.adminToken, bearer).expect(200);
    expect(log.body.items.every((d: { status: string }) => d.status === 'sent')).toBe(true);
    const retried = log.body.items.filter((d: { attempts: number }) => d.attempts > 1);
    expect(retried.length).toBeGreaterThan(0);
    const detail = await t.http.get(`/api/conferences/${id}/deliveries/${retried[0].id}`).auth(t.adminToken, bearer).expect(200);
    expect(detail.body.log.map((a: { outcome: string }) => a.outcome)).toEqual([...Array(detail.body.attempts - 1).fill('failed'), 'sent']);
    expect(detail.body.log[0].error).toMatch(/451/);
  });

  it('reports a bad address on its own delivery and sends the rest', async () => {
    smtp.rejectAddresses.add('khong-ton-tai@tinh.gov.vn');
    const { id } = await setUp([
      { fullName: 'Sai địa chỉ', email: 'khong-ton-tai@tinh.gov.vn' },
      { fullName: 'Đúng địa chỉ', email: 'dung@tinh.gov.vn' },
    ]);
    await invite(id).expect(202);
    await dispatcher.drain();
    expect(smtp.to('dung@tinh.gov.vn')).toHaveLength(1);
    const failed = await t.http.get(`/api/conferences/${id}/deliveries?status=failed`).auth(t.adminToken, bearer).expect(200);
    expect(failed.body.items).toEqual([expect.objectContaining({ recipient: 'khong-ton-tai@tinh.gov.vn', attempts: 1, lastError: expect.stringMatching(/550/) })]);
    // An organizer fixes nothing on the server side, so a resend fails again, on its own.
    await t.http.post(`/api/conferences/${id}/deliveries/${failed.body.items[0].id}/resend`).auth(t.adminToken, bearer).expect(202);
    await dispatcher.drain();
    expect(smtp.to('dung@tinh.gov.vn')).toHaveLength(1);
  });

  it('sends the rest of a batch when one chunk of it cannot be composed, and that chunk on a later try', async () => {
    const people = Array.from({ length: 45 }, (_, i) => ({ fullName: `Chuyên viên ${i}`, email: `cv${i}@compose.gov.vn` }));
    const { id } = await setUp(people);
    await invite(id).expect(202);
    const composer = t.app.get(MailComposer);
    const real = composer.composeAll.bind(composer);
    let calls = 0;
    const spy = jest.spyOn(composer, 'composeAll').mockImplementation((rows) => (++calls === 2 ? Promise.reject(new Error('database is locked')) : real(rows)));
    try {
      await dispatcher.runOnce();
    } finally {
      spy.mockRestore();
    }
    // Composed 20 at a time: the second 20 failed, the first 20 and the last 5 went out.
    expect(people.filter((p) => smtp.to(p.email).length === 1)).toHaveLength(25);
    const waiting = await t.http.get(`/api/conferences/${id}/deliveries?status=pending&pageSize=50`).auth(t.adminToken, bearer).expect(200);
    expect(waiting.body.items).toHaveLength(20);
    expect(waiting.body.items.every((d: { attempts: number; lastError: string }) => d.attempts === 1 && /database is locked/.test(d.lastError))).toBe(true);
    // Due now rather than after the retry back-off.
    await t.app.get(DataSource).getRepository(OutboxMessage).update({ conferenceId: id, status: 'pending' }, { nextAttemptAt: new Date(0) });
    await dispatcher.drain();
    for (const p of people) expect(smtp.to(p.email)).toHaveLength(1);
  });

  it('stopped in the middle and started again, loses nothing and sends nothing twice', async () => {
    const people = Array.from({ length: 120 }, (_, i) => ({ fullName: `Cán bộ ${i}`, email: `cb${i}@stop.gov.vn` }));
    const { id } = await setUp(people);
    await invite(id).expect(202);
    await dispatcher.runOnce();
    await dispatcher.stop();
    const sentBefore = people.filter((p) => smtp.to(p.email).length > 0).length;
    expect(sentBefore).toBeGreaterThan(0);
    expect(sentBefore).toBeLessThan(people.length);
    await dispatcher.drain();
    for (const p of people) expect(smtp.to(p.email)).toHaveLength(1);
  });

  it('emails a bridge point its confirmation link when links are issued', async () => {
    const { id } = await setUp([]);
    const point = (
      await t.http
        .post(`/api/conferences/${id}/bridge-points`)
        .auth(t.adminToken, bearer)
        .send({ administrativeUnitCode: '24', contactName: 'Phạm Thu Trang', contactEmail: 'kythuat@bacninh.gov.vn' })
        .expect(201)
    ).body;
    await t.http.post(`/api/conferences/${id}/bridge-points/${point.id}/links`).auth(t.adminToken, bearer).send({}).expect(201);
    await dispatcher.drain();
    const [mail] = smtp.to('kythuat@bacninh.gov.vn');
    expect(mail.parsed.subject).toBe(`Xác nhận điểm cầu: ${aConference().title}`);
    const url = /Trang xác nhận: (\S+)/.exec(mail.parsed.text!)![1];
    const token = url.split('/').pop()!;
    const view = await t.http.get(`/api/public/bridge-points/${token}`).expect(200);
    expect(view.body.bridgePoint.id).toBe(point.id);
  });

  // Several instances share one database only on PostgreSQL (DESIGN.md); SQLite is one process's file.
  if (process.env.DATABASE_URL) {
    it('two app instances sending the same conference deliver each email once', async () => {
      const people = Array.from({ length: 150 }, (_, i) => ({ fullName: `Đại biểu ${i}`, email: `hai${i}@instances.gov.vn` }));
      const { id } = await setUp(people);
      await invite(id).expect(202);
      const other = await startAnotherInstance();
      try {
        const second = other.get(MailDispatcher);
        await Promise.all([dispatcher.drain(), second.drain(), dispatcher.drain(), second.drain()]);
      } finally {
        await other.close();
      }
      for (const p of people) expect(smtp.to(p.email)).toHaveLength(1);
    });
  }

  it('keeps the tokens it mails nowhere in the database', async () => {
    const { id } = await setUp([{ fullName: 'Vũ Thị Lan', email: 'lan@token.gov.vn' }]);
    await invite(id).expect(202);
    await dispatcher.drain();
    const token = /\/rsvp\/([\w-]+)/.exec(smtp.to('lan@token.gov.vn')[0].parsed.text!)![1];
    const db = t.app.get(DataSource);
    for (const table of ['outbox_messages', 'signed_links', 'delivery_attempts', 'audit_entries']) {
      const rows = await db.query(`SELECT * FROM ${table}`);
      expect({ table, leaked: JSON.stringify(rows).includes(token) }).toEqual({ table, leaked: false });
    }
    await t.http.get(`/api/public/rsvp/${token}`).expect(200);
  });
});

describe('with no SMTP server configured', () => {
  it('writes each mail as an .eml file under MAIL_DIR', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hoi-nghi-mail-'));
    const t = await startApp({ MAIL_DIR: dir, SMTP_URL: '' });
    try {
      const c = (await t.http.post('/api/conferences').auth(t.adminToken, bearer).send(aConference()).expect(201)).body;
      const point = (await t.http.post(`/api/conferences/${c.id}/bridge-points`).auth(t.adminToken, bearer).send({ name: 'Hội trường', level: 'central', isMain: true }).expect(201)).body;
      await t.http.post(`/api/conferences/${c.id}/publish`).auth(t.adminToken, bearer).send({}).expect(200);
      await t.http.post(`/api/conferences/${c.id}/attendees`).auth(t.adminToken, bearer).send({ bridgePointId: point.id, fullName: 'Hoàng Văn Em', email: 'em@so.gov.vn' }).expect(201);
      await t.http.post(`/api/conferences/${c.id}/invitations`).auth(t.adminToken, bearer).send({ scope: 'all' }).expect(202);
      await t.app.get(MailDispatcher).drain();
      const files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
      expect(files).toHaveLength(1);
      const eml = readFileSync(join(dir, files[0]), 'utf8');
      expect(eml).toMatch(/^To: =\?UTF-8\?.*<em@so\.gov\.vn>/m);
      expect(eml).toMatch(/method=REQUEST/);
    } finally {
      await t.close();
    }
  });
});

describe('while the mail server cannot be reached', () => {
  it('pauses, keeps every mail pending without spending its attempts, and delivers each once when the server is back', async () => {
    const smtp = new SmtpSink();
    await smtp.start();
    const port = smtp.port;
    await smtp.stop();
    const t = await startApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_RATE_PER_SECOND: '0' });
    const dispatcher = t.app.get(MailDispatcher);
    try {
      const c = (await t.http.post('/api/conferences').auth(t.adminToken, bearer).send(aConference({ startsAt: '2026-12-16T09:00:00+07:00', endsAt: '2026-12-16T11:00:00+07:00' })).expect(201)).body;
      const point = (await t.http.post(`/api/conferences/${c.id}/bridge-points`).auth(t.adminToken, bearer).send({ name: 'Hội trường', level: 'central', isMain: true }).expect(201)).body;
      await t.http.post(`/api/conferences/${c.id}/publish`).auth(t.adminToken, bearer).send({}).expect(200);
      const people = Array.from({ length: 30 }, (_, i) => ({ fullName: `Đại biểu ${i}`, email: `dv${i}@mat-ket-noi.gov.vn` }));
      for (const p of people) await t.http.post(`/api/conferences/${c.id}/attendees`).auth(t.adminToken, bearer).send({ bridgePointId: point.id, ...p }).expect(201);
      await t.http.post(`/api/conferences/${c.id}/invitations`).auth(t.adminToken, bearer).send({ scope: 'all' }).expect(202);

      // Many tries against the closed port: far more than MAIL_MAX_ATTEMPTS (8) if each counted.
      for (let i = 0; i < 12; i++) {
        await dispatcher.drain();
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      const waiting = await t.http.get(`/api/conferences/${c.id}/deliveries?pageSize=100`).auth(t.adminToken, bearer).expect(200);
      expect(waiting.body.items).toHaveLength(30);
      expect(waiting.body.items.every((d: { status: string; attempts: number }) => d.status === 'pending' && d.attempts === 0)).toBe(true);
      const detail = await t.http.get(`/api/conferences/${c.id}/deliveries/${waiting.body.items[0].id}`).auth(t.adminToken, bearer);
      expect(detail.body.log.length).toBeLessThanOrEqual(2);

      await smtp.start(port);
      for (let round = 0; round < 60 && people.some((p) => smtp.to(p.email).length === 0); round++) {
        await dispatcher.drain();
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      for (const p of people) expect(smtp.to(p.email)).toHaveLength(1);
      const sent = await t.http.get(`/api/conferences/${c.id}/deliveries?status=sent&pageSize=100`).auth(t.adminToken, bearer).expect(200);
      expect(sent.body.total).toBe(30);
      expect(sent.body.items.every((d: { attempts: number }) => d.attempts === 1)).toBe(true);
    } finally {
      await t.close();
      await smtp.stop().catch(() => undefined);
    }
  });
});
