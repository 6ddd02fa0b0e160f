import ICAL from 'ical.js';
import { ImapFlow } from 'imapflow';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { CalendarReply } from '../../src/calendar-replies/calendar-reply.entity';
import { CHECKED_KEYWORD } from '../../src/calendar-replies/calendar-reply-reader';
import { garbageReply, gmailReply, outlookReply, plainMail, ReplySpec, thunderbirdReply } from '../calendar-reply-mails';
import { aConference } from '../factories';
import { startAnotherInstance, startApp, TestApp } from '../harness';
import { ImapServer } from '../imap-server';

const bearer = { type: 'bearer' as const };
const PROCESSED = 'Đã xử lý';
const onPostgres = Boolean(process.env.DATABASE_URL);

jest.setTimeout(120_000);

describe('calendar replies read from the organizer mailbox over IMAP (Dovecot)', () => {
  let imap: ImapServer;
  let t: TestApp;

  beforeAll(async () => {
    imap = new ImapServer();
    await imap.start();
    t = await startApp({ IMAP_URL: imap.url, IMAP_POLL_SECONDS: '2', IMAP_PROCESSED_FOLDER: PROCESSED });
  });
  afterAll(async () => {
    await t?.close();
    await imap?.dispose();
  });

  /** Runs `work` on a connection of its own (the server may restart between tests). */
  async function mailbox<T>(work: (client: ImapFlow) => Promise<T>): Promise<T> {
    const client = new ImapFlow({ host: '127.0.0.1', port: imap.port, secure: false, auth: { user: imap.user, pass: imap.password }, logger: false });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.logout().catch(() => client.close());
    }
  }
  const deliver = (...raws: Buffer[]) =>
    mailbox(async (client) => {
      for (const raw of raws) await client.append('INBOX', raw);
    });
  const counts = () =>
    mailbox(async (client) => {
      const inbox = await client.status('INBOX', { messages: true, unseen: true });
      const done = await client.status(PROCESSED, { messages: true, unseen: true });
      if (!inbox || !done) throw new Error('STATUS failed');
      return { inbox: inbox.messages ?? 0, inboxUnseen: inbox.unseen ?? 0, processed: done.messages ?? 0, processedUnseen: done.unseen ?? 0 };
    });

  async function setUp(people: { fullName: string; email: string }[]) {
    const c = (await t.http.post('/api/conferences').auth(t.adminToken, bearer).send(aConference()).expect(201)).body;
    const point = (
      await t.http
        .post(`/api/conferences/${c.id}/bridge-points`)
        .auth(t.adminToken, bearer)
        .send({ name: 'Điểm cầu Trung ương', level: 'central', isMain: true, address: 'Số 1 Hùng Vương, Ba Đình, Hà Nội' })
        .expect(201)
    ).body;
    await t.http.post(`/api/conferences/${c.id}/publish`).auth(t.adminToken, bearer).send({}).expect(200);
    const attendees: { id: string; email: string; fullName: string }[] = [];
    for (const p of people) {
      attendees.push((await t.http.post(`/api/conferences/${c.id}/attendees`).auth(t.adminToken, bearer).send({ bridgePointId: point.id, ...p }).expect(201)).body);
    }
    return { id: c.id as string, title: c.title as string, attendees };
  }

  /** A reply to the invitation the app gives this delegate: its UID and SEQUENCE read from invite.ics. */
  async function replyTo(conferenceId: string, attendee: { id: string; email: string; fullName: string }, overrides: Partial<ReplySpec> = {}) {
    const res = await t.http.get(`/api/conferences/${conferenceId}/attendees/${attendee.id}/invite.ics`).auth(t.adminToken, bearer).expect(200);
    const text = Buffer.isBuffer(res.body) ? res.body.toString('utf8') : res.text;
    const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!;
    const spec: ReplySpec = {
      uid: String(vevent.getFirstPropertyValue('uid')),
      sequence: Number(vevent.getFirstPropertyValue('sequence') ?? 0),
      attendeeEmail: attendee.email,
      attendeeName: attendee.fullName,
      partstat: 'ACCEPTED',
      dtstamp: new Date(),
      summary: 'Hội nghị sơ kết công tác dân vận',
      ...overrides,
    };
    return spec;
  }

  const attendeeOf = async (id: string, attendeeId: string) =>
    (await t.http.get(`/api/conferences/${id}/attendees/${attendeeId}`).auth(t.adminToken, bearer).expect(200)).body;
  const repliesOf = async (id: string) =>
    (await t.http.get(`/api/conferences/${id}/calendar-replies?pageSize=500`).auth(t.adminToken, bearer).expect(200)).body;
  const auditOf = async (id: string) =>
    (await t.http.get(`/api/conferences/${id}/audit?pageSize=500`).auth(t.adminToken, bearer).expect(200)).body.items as {
      actor: string;
      action: string;
      entityId: string;
    }[];
  const recorded = (messageId: string) => t.app.get(DataSource).getRepository(CalendarReply).findOneBy({ messageId });

  async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, ms = 30_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = await read();
      if (done(value)) return value;
      if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${ms} ms`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('applies Accept from Outlook, Decline with a comment from Gmail and Outlook, and records Tentative from Thunderbird', async () => {
    const { id, attendees } = await setUp([
      { fullName: 'Nguyễn Thị Hồng Nhung', email: 'nhung@bacninh.gov.vn' },
      { fullName: 'Trần Đức Thắng', email: 'thang@laocai.gov.vn' },
      { fullName: 'Lê Văn Điệp', email: 'diep@camau.gov.vn' },
      { fullName: 'Phạm Thị Ánh Tuyết', email: 'tuyet@hue.gov.vn' },
    ]);
    const [nhung, thang, diep, tuyet] = attendees;
    await deliver(
      outlookReply(await replyTo(id, nhung, { attendeeEmail: 'Nhung@BacNinh.gov.vn' })),
      gmailReply(await replyTo(id, thang, { partstat: 'DECLINED', comment: 'Trùng lịch tiếp xúc cử tri, xin cử đồng chí Phó ban dự thay.' })),
      outlookReply(await replyTo(id, diep, { partstat: 'DECLINED' }), 'Tôi đi công tác Côn Đảo, xin phép vắng.'),
      thunderbirdReply(await replyTo(id, tuyet, { partstat: 'TENTATIVE' })),
    );

    const page = await until('four replies read', () => repliesOf(id), (p) => p.total === 4);
    expect(page.items.map((r: { outcome: string }) => r.outcome).sort()).toEqual(['applied', 'applied', 'applied', 'tentative']);
    expect(await attendeeOf(id, nhung.id)).toMatchObject({ status: 'accepted' });
    expect(await attendeeOf(id, thang.id)).toMatchObject({ status: 'declined', declineReason: 'Trùng lịch tiếp xúc cử tri, xin cử đồng chí Phó ban dự thay.' });
    expect(await attendeeOf(id, diep.id)).toMatchObject({ status: 'declined', declineReason: 'Tôi đi công tác Côn Đảo, xin phép vắng.' });
    expect((await attendeeOf(id, tuyet.id)).status).not.toMatch(/accepted|declined/);
    const tentative = page.items.find((r: { attendeeId: string }) => r.attendeeId === tuyet.id);
    expect(tentative).toMatchObject({ partstat: 'TENTATIVE', outcome: 'tentative', attendeeName: 'Phạm Thị Ánh Tuyết', attendeeEmail: 'tuyet@hue.gov.vn' });

    const byReply = (await auditOf(id)).filter((e) => e.actor === 'calendar reply');
    expect(byReply.map((e) => `${e.entityId}:${e.action}`).sort()).toEqual(
      [`${nhung.id}:rsvp_accept`, `${thang.id}:rsvp_decline`, `${diep.id}:rsvp_decline`].sort(),
    );
    await until('the inbox emptied into the processed folder, read', counts, (c) => c.inbox === 0 && c.processed >= 4 && c.processedUnseen === 0);
  });

  it('records a forwarded reply, an unknown UID and garbage with the reason, changes nothing, and leaves other mail for people', async () => {
    const { id, attendees } = await setUp([{ fullName: 'Vũ Minh Khoa', email: 'khoa@thaibinh.gov.vn' }]);
    const [khoa] = attendees;
    const before = await attendeeOf(id, khoa.id);
    const forwarded = await replyTo(id, khoa, { attendeeEmail: 'chanh.vp@thaibinh.gov.vn', attendeeName: 'Đỗ Văn Chánh', messageId: '<forwarded-1@thaibinh.gov.vn>' });
    const unknown = { ...(await replyTo(id, khoa)), uid: '00000000-0000-4000-8000-000000000000@hoinghi.local', messageId: '<unknown-uid-1@thaibinh.gov.vn>' };
    const garbage = garbageReply('khoa@thaibinh.gov.vn');
    const question = plainMail('khoa@thaibinh.gov.vn', 'Hỏi về địa điểm hội nghị', 'Xin cho biết phòng họp số mấy.');
    const { processed: processedBefore, inbox: inboxBefore } = await counts();
    await deliver(outlookReply(forwarded), thunderbirdReply(unknown), garbage, question);

    const page = await until('the forwarded reply listed', () => repliesOf(id), (p) => p.total === 1);
    expect(page.items[0]).toMatchObject({ outcome: 'attendee_mismatch', attendeeId: null, attendeeEmail: 'chanh.vp@thaibinh.gov.vn', attendeeName: 'Đỗ Văn Chánh' });
    expect(page.items[0].reason).toContain('chanh.vp@thaibinh.gov.vn');
    await until('the unknown UID recorded', () => recorded('<unknown-uid-1@thaibinh.gov.vn>'), (r) => r !== null);
    expect(await recorded('<unknown-uid-1@thaibinh.gov.vn>')).toMatchObject({ outcome: 'unknown_uid', conferenceId: null });
    const c = await until('three moved, the question left unread in the inbox', counts, (x) => x.processed === processedBefore + 3 && x.inbox === inboxBefore + 1);
    expect(c.inboxUnseen).toBe(inboxBefore + 1);
    const flags = await mailbox(async (client) => {
      const lock = await client.getMailboxLock('INBOX');
      try {
        const last = await client.fetchOne('*', { flags: true });
        return last ? last.flags : undefined;
      } finally {
        lock.release();
      }
    });
    expect([...(flags ?? [])]).toEqual([CHECKED_KEYWORD]);
    const rows = await t.app.get(DataSource).getRepository(CalendarReply).findBy({ fromAddress: 'khoa@thaibinh.gov.vn' });
    expect(rows.map((r) => r.outcome).sort()).toEqual(['not_a_reply', 'unknown_uid', 'unparseable']);
    expect(await attendeeOf(id, khoa.id)).toMatchObject({ status: before.status, version: before.version });
  });

  it('reads a message once, and a reply older than the recorded answer or the latest invitation changes nothing', async () => {
    const { id, attendees } = await setUp([{ fullName: 'Hà Thị Lan', email: 'lan@langson.gov.vn' }]);
    const [lan] = attendees;
    const left = (await counts()).inbox;
    const decline = await replyTo(id, lan, { partstat: 'DECLINED', comment: 'Ốm', messageId: '<once-1@langson.gov.vn>', dtstamp: new Date(Date.now() - 60_000) });
    await deliver(thunderbirdReply(decline));
    await until('the decline applied', () => attendeeOf(id, lan.id), (a) => a.status === 'declined');
    const older = await replyTo(id, lan, { partstat: 'ACCEPTED', dtstamp: new Date(Date.now() - 3_600_000) });
    await deliver(thunderbirdReply({ ...decline, partstat: 'ACCEPTED' }), gmailReply(older));
    const page = await until('the older reply recorded', () => repliesOf(id), (p) => p.total === 2);
    expect(page.items.map((r: { outcome: string }) => r.outcome).sort()).toEqual(['applied', 'stale']);
    await until('both moved away', counts, (c) => c.inbox === left);
    expect(await attendeeOf(id, lan.id)).toMatchObject({ status: 'declined', declineReason: 'Ốm' });

    // The conference moves (SEQUENCE 1): an answer to the invitation before the move is stale, one to the update applies.
    const beforeMove = await replyTo(id, lan, { partstat: 'ACCEPTED', messageId: '<before-move@langson.gov.vn>' });
    const conference = (await t.http.get(`/api/conferences/${id}`).auth(t.adminToken, bearer).expect(200)).body;
    await t.http
      .patch(`/api/conferences/${id}`)
      .auth(t.adminToken, bearer)
      .send({ startsAt: '2025-07-16T08:00:00+07:00', endsAt: '2025-07-16T11:30:00+07:00', version: conference.version })
      .expect(200);
    const afterMove = await replyTo(id, lan, { partstat: 'ACCEPTED', messageId: '<after-move@langson.gov.vn>' });
    expect([beforeMove.sequence, afterMove.sequence]).toEqual([0, 1]);
    await deliver(outlookReply(beforeMove));
    await until('the reply to the old invitation recorded', () => recorded('<before-move@langson.gov.vn>'), (r) => r !== null);
    expect(await recorded('<before-move@langson.gov.vn>')).toMatchObject({ outcome: 'stale', sequence: 0 });
    expect(await attendeeOf(id, lan.id)).toMatchObject({ status: 'declined' });
    await deliver(outlookReply(afterMove));
    await until('the reply to the update applied', () => attendeeOf(id, lan.id), (a) => a.status === 'accepted');
  });

  it('reconnects after the server restarts and reads what arrived meanwhile', async () => {
    const { id, attendees } = await setUp([{ fullName: 'Đinh Công Tráng', email: 'trang@ninhbinh.gov.vn' }]);
    const [trang] = attendees;
    const reply = await replyTo(id, trang, { partstat: 'ACCEPTED' });
    await imap.stop();
    imap.deliverToMaildir(outlookReply(reply));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await imap.start();
    await until('the reply that arrived while the server was down applied', () => attendeeOf(id, trang.id), (a) => a.status === 'accepted');
    expect((await repliesOf(id)).items).toMatchObject([{ outcome: 'applied', attendeeId: trang.id }]);

    // And the connection is live again: a reply after the restart arrives through IDLE.
    const { id: id2, attendees: [hoa] } = await setUp([{ fullName: 'Lò Thị Hoa', email: 'hoa@sonla.gov.vn' }]);
    await deliver(gmailReply(await replyTo(id2, hoa, { partstat: 'DECLINED', comment: 'Đường sạt lở' })));
    await until('the reply after the restart applied', () => attendeeOf(id2, hoa.id), (a) => a.status === 'declined');
  });

  // Several instances share one database only on PostgreSQL (DESIGN.md); SQLite is one process's file.
  if (onPostgres) {
    it('applies each reply once when two instances read the same mailbox', async () => {
      const other: NestFastifyApplication = await startAnotherInstance();
      try {
        const people = Array.from({ length: 8 }, (_, i) => ({ fullName: `Đại biểu số ${i + 1}`, email: `daibieu${i + 1}@haiphong.gov.vn` }));
        const { id, attendees } = await setUp(people);
        const left = (await counts()).inbox;
        const builders = [outlookReply, gmailReply, thunderbirdReply];
        const replies = [];
        for (const [i, a] of attendees.entries()) {
          replies.push(builders[i % 3](await replyTo(id, a, { partstat: i % 2 === 0 ? 'ACCEPTED' : 'DECLINED' })));
        }
        await deliver(...replies);
        await until('every reply applied', () => repliesOf(id), (p) => p.total === attendees.length && p.items.every((r: { outcome: string }) => r.outcome === 'applied'));
        await until('the inbox emptied', counts, (c) => c.inbox === left);
        const byReply = (await auditOf(id)).filter((e) => e.actor === 'calendar reply');
        expect(byReply).toHaveLength(attendees.length);
        expect(new Set(byReply.map((e) => e.entityId)).size).toBe(attendees.length);
      } finally {
        await other.close();
      }
    });
  }

  it('answers the list to viewers and refuses operators', async () => {
    const { id } = await setUp([{ fullName: 'Mai Văn Sơn', email: 'son@hagiang.gov.vn' }]);
    const viewer = await t.userWithRole('viewer');
    await t.http.get(`/api/conferences/${id}/calendar-replies`).auth(viewer, bearer).expect(200);
    const operator = await t.userWithRole('operator');
    await t.http.get(`/api/conferences/${id}/calendar-replies`).auth(operator, bearer).expect(403);
    const missing = await t.http.get('/api/conferences/00000000-0000-4000-8000-000000000000/calendar-replies').auth(t.adminToken, bearer).expect(404);
    expect(missing.body.details[0].code).toBe('conference_not_found');
  });
});
