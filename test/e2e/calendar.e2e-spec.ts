import ICAL from 'ical.js';
import { Clock } from '../../src/common/clock';
import { aConference, aMainPoint } from '../factories';
import { startApp, TestApp } from '../harness';

const bearer = { type: 'bearer' as const };
const BASE = 'https://hoinghi.example.vn';
const MISSING = '00000000-0000-4000-8000-000000000000';

/** Parses with ical.js (Thunderbird's engine). */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return {
    method: calendar.getFirstPropertyValue('method'),
    events: calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)),
  };
}
/** The unfolded content lines named `name`, as written. */
const lines = (text: string, name: string) =>
  text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((line) => line.startsWith(`${name}:`) || line.startsWith(`${name};`));
const startOf = (event: ICAL.Event) => event.startDate.toJSDate().toISOString();

interface Conference {
  id: string;
  sequence: number;
  version: number;
}

describe('calendar (.ics)', () => {
  let t: TestApp;
  let conferenceId: string;
  let mainPointId: string;
  let bacNinhId: string;
  let hung: { id: string; email: string };
  const conference = (id = conferenceId) => `/api/conferences/${id}`;
  const getConference = async (id = conferenceId): Promise<Conference> =>
    (await t.http.get(conference(id)).auth(t.adminToken, bearer).expect(200)).body;
  const newConference = async (overrides: Record<string, unknown> = {}) => {
    const id = (await t.http.post('/api/conferences').auth(t.adminToken, bearer).send(aConference(overrides)).expect(201)).body.id as string;
    const mainId = (await t.http.post(`${conference(id)}/bridge-points`).auth(t.adminToken, bearer).send(aMainPoint()).expect(201)).body.id as string;
    return { id, mainId };
  };
  const publish = (id: string) => t.http.post(`${conference(id)}/publish`).auth(t.adminToken, bearer).send({}).expect(200);
  const addAttendee = async (id: string, body: Record<string, unknown>) =>
    (await t.http.post(`${conference(id)}/attendees`).auth(t.adminToken, bearer).send(body).expect(201)).body;
  const invite = (attendeeId: string, token = t.adminToken, id = conferenceId, query = '') =>
    t.http.get(`${conference(id)}/attendees/${attendeeId}/invite.ics${query}`).auth(token, bearer);
  const feedLink = async (attendeeId: string, id = conferenceId, body: Record<string, unknown> = {}) =>
    (await t.http.post(`${conference(id)}/attendees/${attendeeId}/calendar-link`).auth(t.adminToken, bearer).send(body).expect(201)).body;
  const feedPath = (url: string) => new URL(url).pathname;

  beforeAll(async () => {
    t = await startApp({ PUBLIC_BASE_URL: BASE });
    ({ id: conferenceId, mainId: mainPointId } = await newConference({
      startsAt: '2025-07-15T09:00:00+07:00',
      endsAt: '2025-07-15T11:30:00+07:00',
    }));
    bacNinhId = (
      await t.http
        .post(`${conference()}/bridge-points`)
        .auth(t.adminToken, bearer)
        .send({ name: 'Điểm cầu tỉnh Bắc Ninh', level: 'provincial', address: 'Số 10 Phù Đổng Thiên Vương, tỉnh Bắc Ninh' })
        .expect(201)
    ).body.id;
    const speakerId = (await t.http.post('/api/speakers').auth(t.adminToken, bearer).send({ fullName: 'Nguyễn Thị Hồng Hạnh' }).expect(201)).body.id;
    for (const item of [
      { startsAt: '2025-07-15T09:00:00+07:00', endsAt: '2025-07-15T09:10:00+07:00', title: 'Khai mạc hội nghị', kind: 'opening' },
      {
        startsAt: '2025-07-15T09:10:00+07:00',
        endsAt: '2025-07-15T09:40:00+07:00',
        title: 'Báo cáo sơ kết công tác dân vận 6 tháng đầu năm',
        kind: 'report',
        speakerIds: [speakerId],
      },
      { startsAt: '2025-07-15T09:40:00+07:00', endsAt: '2025-07-15T09:50:00+07:00', title: 'Giải lao', kind: 'break' },
    ]) {
      await t.http.post(`${conference()}/agenda-items`).auth(t.adminToken, bearer).send(item).expect(201);
    }
    hung = await addAttendee(conferenceId, { bridgePointId: bacNinhId, fullName: 'Nguyễn Văn Hùng', email: 'hung.nv@bacninh.gov.vn' });
    await publish(conferenceId);
  });
  afterAll(() => t.close());

  describe('GET /api/conferences/:id/calendar.ics', () => {
    it('gives the conference as METHOD:PUBLISH text/calendar to download, at 02:00Z for 09:00 in Hà Nội', async () => {
      const res = await t.http.get(`${conference()}/calendar.ics`).auth(t.adminToken, bearer).expect(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8; method=PUBLISH');
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="hoi-nghi-toan-quoc-so-ket-cong-tac-dan-van-6-thang-dau-nam-2025.ics"',
      );
      expect(res.text.endsWith('END:VCALENDAR\r\n')).toBe(true);
      const { method, events } = parse(res.text);
      expect(method).toBe('PUBLISH');
      expect(events).toHaveLength(1);
      expect(events[0].uid).toBe(`${conferenceId}@hoinghi.example.vn`);
      expect(lines(res.text, 'DTSTART')).toEqual(['DTSTART:20250715T020000Z']);
      expect(startOf(events[0])).toBe('2025-07-15T02:00:00.000Z');
      expect(events[0].description).toContain('09:10–09:40 Báo cáo sơ kết công tác dân vận 6 tháng đầu năm — Nguyễn Thị Hồng Hạnh');
      expect(events[0].description).toContain('từ 09:00 đến 11:30, thứ Ba, ngày 15/7/2025');
    });

    it('adds the agenda items as their own events with ?agenda=true, and refuses other values', async () => {
      const res = await t.http.get(`${conference()}/calendar.ics?agenda=true`).auth(t.adminToken, bearer).expect(200);
      const { events } = parse(res.text);
      expect(events.map((e) => e.summary)).toEqual([
        'Hội nghị toàn quốc sơ kết công tác dân vận 6 tháng đầu năm 2025',
        'Khai mạc hội nghị',
        'Báo cáo sơ kết công tác dân vận 6 tháng đầu năm',
      ]);
      expect(events.map(startOf)).toEqual(['2025-07-15T02:00:00.000Z', '2025-07-15T02:00:00.000Z', '2025-07-15T02:10:00.000Z']);
      expect(new Set(events.map((e) => e.uid)).size).toBe(3);
      expect(events[2].description).toContain('Trình bày: Nguyễn Thị Hồng Hạnh');
      const without = await t.http.get(`${conference()}/calendar.ics?agenda=false`).auth(t.adminToken, bearer).expect(200);
      expect(parse(without.text).events).toHaveLength(1);
      const bad = await t.http.get(`${conference()}/calendar.ics?agenda=yes`).auth(t.adminToken, bearer).expect(400);
      expect(bad.body.details[0].field).toBe('agenda');
    });

    it('is for any signed-in user who can see the conference', async () => {
      const viewer = await t.userWithRole('viewer');
      await t.http.get(`${conference()}/calendar.ics`).auth(viewer, bearer).expect(200);
      await t.http.get(`${conference()}/calendar.ics`).expect(401);
      const { id: otherId, mainId } = await newConference();
      const operator = await t.userWithRole('operator', { bridgePointIds: [mainId] });
      await t.http.get(`${conference(otherId)}/calendar.ics`).auth(operator, bearer).expect(200);
      await t.http.get(`${conference()}/calendar.ics`).auth(operator, bearer).expect(404);
      await t.http.get(`${conference(MISSING)}/calendar.ics`).auth(t.adminToken, bearer).expect(404);
      await t.http.get('/api/conferences/not-a-uuid/calendar.ics').auth(t.adminToken, bearer).expect(400);
    });
  });

  describe('GET …/attendees/:attendeeId/invite.ics', () => {
    it('is a METHOD:REQUEST for the attendee, at their bridge point, from the MAIL_FROM organizer', async () => {
      const { sequence } = await getConference();
      const res = await invite(hung.id).expect(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8; method=REQUEST');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="giay-moi-hoi-nghi-[a-z0-9-]+\.ics"$/);
      expect(lines(res.text, 'METHOD')).toEqual(['METHOD:REQUEST']);
      expect(lines(res.text, 'SEQUENCE')).toEqual([`SEQUENCE:${sequence}`]);
      expect(lines(res.text, 'DTSTAMP')[0]).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
      expect(lines(res.text, 'ORGANIZER')).toEqual(['ORGANIZER;CN="Ban Tổ chức Hội nghị":mailto:hoinghi@hoinghi.local']);
      const [attendee] = lines(res.text, 'ATTENDEE');
      expect(attendee).toContain(';RSVP=TRUE');
      expect(attendee).toContain(';PARTSTAT=NEEDS-ACTION');
      expect(attendee).toContain(';CN="Nguyễn Văn Hùng"');

      const { method, events } = parse(res.text);
      expect(method).toBe('REQUEST');
      expect(events[0].uid).toBe(`${conferenceId}@hoinghi.example.vn`);
      expect(events[0].sequence).toBe(sequence);
      expect(startOf(events[0])).toBe('2025-07-15T02:00:00.000Z');
      expect(events[0].location).toBe('Số 10 Phù Đổng Thiên Vương, tỉnh Bắc Ninh');
      expect(events[0].organizer).toBe('mailto:hoinghi@hoinghi.local');
      expect(events[0].attendees[0].getParameter('cn')).toBe('Nguyễn Văn Hùng');
      expect(String(events[0].attendees[0].getFirstValue()).toLowerCase()).toBe('mailto:hung.nv@bacninh.gov.vn');
      expect(events[0].description).toContain('Tham dự trực tuyến: https://hop.example.vn/dan-van-2025');
      expect(events[0].description).toContain('09:10–09:40 Báo cáo sơ kết');
      expect(res.text).not.toContain('BEGIN:VALARM');
    });

    it('adds a reminder when asked', async () => {
      const res = await invite(hung.id, t.adminToken, conferenceId, '?alarmMinutes=30').expect(200);
      expect(lines(res.text, 'TRIGGER')).toEqual(['TRIGGER:-PT30M']);
      await invite(hung.id, t.adminToken, conferenceId, '?alarmMinutes=0').expect(400);
    });

    it('is for admins, organizers and the operator of the attendee’s point only', async () => {
      const organizer = await t.userWithRole('organizer');
      await invite(hung.id, organizer).expect(200);
      const own = await t.userWithRole('operator', { bridgePointIds: [bacNinhId] });
      await invite(hung.id, own).expect(200);
      const other = await t.userWithRole('operator', { bridgePointIds: [mainPointId] });
      await invite(hung.id, other).expect(404);
      const viewer = await t.userWithRole('viewer');
      await invite(hung.id, viewer).expect(403);
      await t.http.get(`${conference()}/attendees/${hung.id}/invite.ics`).expect(401);
      const missing = await invite(MISSING).expect(404);
      expect(missing.body.details).toEqual([{ field: 'attendeeId', code: 'attendee_not_found', message: 'Không tìm thấy đại biểu.' }]);
      const { id: otherConference } = await newConference();
      await invite(hung.id, t.adminToken, otherConference).expect(404);
    });

    it('answers 409 for an attendee without an email', async () => {
      const noEmail = await addAttendee(conferenceId, { bridgePointId: bacNinhId, fullName: 'Trần Thị Lan' });
      const res = await invite(noEmail.id).expect(409);
      expect(res.body.details).toEqual([
        { field: 'email', code: 'no_email', message: 'Đại biểu Trần Thị Lan chưa có địa chỉ email; giấy mời lịch (.ics) cần có địa chỉ email của người nhận.' },
      ]);
    });

    it('keeps the UID and raises SEQUENCE when the conference moves', async () => {
      const { id, mainId } = await newConference({ startsAt: '2025-08-01T08:00:00+07:00', endsAt: '2025-08-01T10:00:00+07:00' });
      const a = await addAttendee(id, { bridgePointId: mainId, fullName: 'Phạm Minh Tuấn', email: 'tuan.pm@hanoi.gov.vn' });
      const before = parse((await invite(a.id, t.adminToken, id).expect(200)).text).events[0];
      const { version } = await getConference(id);
      await t.http.patch(conference(id)).auth(t.adminToken, bearer).send({ version, startsAt: '2025-08-01T14:00:00+07:00', endsAt: '2025-08-01T16:00:00+07:00' }).expect(200);
      const after = parse((await invite(a.id, t.adminToken, id).expect(200)).text).events[0];
      expect(after.uid).toBe(before.uid);
      expect(after.sequence).toBe(before.sequence + 1);
      expect(startOf(after)).toBe('2025-08-01T07:00:00.000Z');
      expect(after.description).toContain('từ 14:00 đến 16:00, thứ Sáu, ngày 1/8/2025');
    });

    it('becomes a METHOD:CANCEL one revision up when the attendee is cancelled', async () => {
      const a = await addAttendee(conferenceId, { bridgePointId: bacNinhId, fullName: 'Đỗ Thu Trang', email: 'trang.dt@bacninh.gov.vn' });
      const request = parse((await invite(a.id).expect(200)).text).events[0];
      await t.http.patch(`${conference()}/attendees/${a.id}`).auth(t.adminToken, bearer).send({ version: a.version, status: 'cancelled' }).expect(200);
      const res = await invite(a.id).expect(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8; method=CANCEL');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="huy-hoi-nghi-[a-z0-9-]+\.ics"$/);
      const { method, events } = parse(res.text);
      expect(method).toBe('CANCEL');
      expect(events[0].uid).toBe(request.uid);
      expect(events[0].sequence).toBe(request.sequence + 1);
      // One attendee uninvited, not the event cancelled: RFC 5546 (3.2.5) leaves STATUS out.
      expect(lines(res.text, 'STATUS')).toEqual([]);
    });

    it('becomes a METHOD:CANCEL with the conference’s bumped SEQUENCE when the conference is cancelled', async () => {
      const { id, mainId } = await newConference();
      const a = await addAttendee(id, { bridgePointId: mainId, fullName: 'Vũ Đức Thắng', email: 'thang.vd@hanoi.gov.vn' });
      const request = parse((await invite(a.id, t.adminToken, id).expect(200)).text).events[0];
      await t.http.post(`${conference(id)}/cancel`).auth(t.adminToken, bearer).send({ reason: 'Hoãn theo chỉ đạo của lãnh đạo Ban' }).expect(200);
      const { sequence } = await getConference(id);
      const res = await invite(a.id, t.adminToken, id).expect(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8; method=CANCEL');
      const { method, events } = parse(res.text);
      expect(method).toBe('CANCEL');
      expect(events[0].uid).toBe(request.uid);
      expect(sequence).toBeGreaterThan(request.sequence);
      expect(events[0].sequence).toBe(sequence);
      expect(events[0].component.getFirstPropertyValue('status')).toBe('CANCELLED');
      expect(events[0].description).toContain('Lý do: Hoãn theo chỉ đạo của lãnh đạo Ban');
      expect(events[0].attendees[0].getParameter('cn')).toBe('Vũ Đức Thắng');
    });
  });

  describe('personal feed', () => {
    it('issues a signed link with https and webcal addresses, for admins and organizers only', async () => {
      const link = await feedLink(hung.id);
      expect(link).toEqual({
        attendeeId: hung.id,
        token: expect.stringMatching(/^[A-Za-z0-9_-]{20,100}$/),
        url: `${BASE}/api/public/calendar/${link.token}.ics`,
        webcalUrl: `webcal://hoinghi.example.vn/api/public/calendar/${link.token}.ics`,
        expiresAt: expect.any(String),
      });
      expect(Date.parse(link.expiresAt)).toBeGreaterThan(Date.now() + 300 * 24 * 3600 * 1000);
      const operator = await t.userWithRole('operator', { bridgePointIds: [bacNinhId] });
      await t.http.post(`${conference()}/attendees/${hung.id}/calendar-link`).auth(operator, bearer).send({}).expect(403);
      await t.http.post(`${conference()}/attendees/${MISSING}/calendar-link`).auth(t.adminToken, bearer).send({}).expect(404);
      const past = await t.http
        .post(`${conference()}/attendees/${hung.id}/calendar-link`)
        .auth(t.adminToken, bearer)
        .send({ expiresAt: '2020-01-01T00:00:00Z' })
        .expect(400);
      expect(past.body.details).toEqual([
        { field: 'expiresAt', code: 'expires_in_past', message: 'Thời hạn của liên kết (expiresAt) phải ở tương lai.' },
      ]);
    });

    it('lists every conference the person is invited to and not cancelled from, and follows changes', async () => {
      const email = 'mai.lt@bacninh.gov.vn';
      const first = await newConference({ title: 'Hội nghị tập huấn công tác dân vận', startsAt: '2025-09-10T08:00:00+07:00', endsAt: '2025-09-10T11:00:00+07:00' });
      const second = await newConference({ title: 'Hội nghị chuyên đề dân vận khéo', startsAt: '2025-10-05T14:00:00+07:00', endsAt: '2025-10-05T16:30:00+07:00' });
      const dropped = await newConference({ title: 'Hội nghị đã rút tên' });
      const draft = await newConference({ title: 'Hội nghị còn dự thảo' });
      const mine = await addAttendee(first.id, { bridgePointId: first.mainId, fullName: 'Lê Thị Mai', email });
      await addAttendee(second.id, { bridgePointId: second.mainId, fullName: 'Lê Thị Mai', email: 'Mai.LT@BacNinh.gov.vn' });
      const gone = await addAttendee(dropped.id, { bridgePointId: dropped.mainId, fullName: 'Lê Thị Mai', email });
      await addAttendee(draft.id, { bridgePointId: draft.mainId, fullName: 'Lê Thị Mai', email });
      for (const c of [first, second, dropped]) await publish(c.id);
      await t.http.patch(`${conference(dropped.id)}/attendees/${gone.id}`).auth(t.adminToken, bearer).send({ version: gone.version, status: 'cancelled' }).expect(200);

      const link = await feedLink(mine.id, first.id);
      const res = await t.http.get(feedPath(link.url)).expect(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8; method=PUBLISH');
      expect(res.headers['content-disposition']).toBe('attachment; filename="lich-hoi-nghi.ics"');
      expect(res.headers['cache-control']).toBe('private, no-store');
      const feed = parse(res.text);
      expect(feed.method).toBe('PUBLISH');
      expect(feed.events.map((e) => [e.uid, e.summary, startOf(e), e.location])).toEqual([
        [`${first.id}@hoinghi.example.vn`, 'Hội nghị tập huấn công tác dân vận', '2025-09-10T01:00:00.000Z', 'Số 1 Hùng Vương, Ba Đình, Hà Nội'],
        [`${second.id}@hoinghi.example.vn`, 'Hội nghị chuyên đề dân vận khéo', '2025-10-05T07:00:00.000Z', 'Số 1 Hùng Vương, Ba Đình, Hà Nội'],
      ]);
      expect(lines(res.text, 'X-WR-CALNAME')).toEqual(['X-WR-CALNAME:Lịch hội nghị — Lê Thị Mai']);

      // The organizer moves the first conference and cancels the second: the next fetch shows both.
      const { version } = await getConference(first.id);
      await t.http.patch(conference(first.id)).auth(t.adminToken, bearer).send({ version, startsAt: '2025-09-11T08:00:00+07:00', endsAt: '2025-09-11T11:00:00+07:00' }).expect(200);
      await t.http.post(`${conference(second.id)}/cancel`).auth(t.adminToken, bearer).send({ reason: 'Trùng lịch' }).expect(200);
      const later = await t.http.get(feedPath(link.url)).expect(200);
      const [moved, cancelled] = parse(later.text).events;
      expect(startOf(moved)).toBe('2025-09-11T01:00:00.000Z');
      expect(moved.sequence).toBe(feed.events[0].sequence + 1);
      expect(cancelled.component.getFirstPropertyValue('status')).toBe('CANCELLED');
      expect(cancelled.sequence).toBe(feed.events[1].sequence + 1);
      expect(cancelled.description).toContain('HỘI NGHỊ ĐÃ HỦY. Lý do: Trùng lịch');
    });

    it('answers 404 for an unknown token or another kind of link, 410 for a revoked or expired one', async () => {
      await t.http.get(`/api/public/calendar/${'y'.repeat(43)}.ics`).expect(404);
      await t.http.get('/api/public/calendar/short.ics').expect(404);
      const rsvp = (await t.http.post(`${conference()}/attendees/${hung.id}/links`).auth(t.adminToken, bearer).send({}).expect(201)).body;
      await t.http.get(`/api/public/calendar/${rsvp.token}.ics`).expect(404);
      const link = await feedLink(hung.id);
      await t.http.get(`/api/public/calendar/${link.token}`).expect(404);
      await t.http.get(feedPath(link.url)).expect(200);
      await t.http.delete(`${conference()}/attendees/${hung.id}/links`).auth(t.adminToken, bearer).expect(200);
      const revoked = await t.http.get(feedPath(link.url)).expect(410);
      expect(revoked.body.details).toEqual([
        { field: 'token', code: 'revoked', message: 'Liên kết đã bị thu hồi. Vui lòng liên hệ Ban Tổ chức để nhận liên kết mới.' },
      ]);

      const expiresAt = Date.now() + 60_000;
      const shortLived = await feedLink(hung.id, conferenceId, { expiresAt: new Date(expiresAt).toISOString() });
      await t.http.get(feedPath(shortLived.url)).expect(200);
      // The link's expiry is read from the injected clock: a minute later without waiting one.
      const clock = jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(expiresAt + 1));
      let expired;
      try {
        expired = await t.http.get(feedPath(shortLived.url)).expect(410);
      } finally {
        clock.mockRestore();
      }
      expect(expired.body.details).toEqual([
        { field: 'token', code: 'expired', message: 'Liên kết đã hết hạn. Vui lòng liên hệ Ban Tổ chức để nhận liên kết mới.' },
      ]);
    });
  });
});
