import { DataSource } from 'typeorm';
import { aConference } from '../factories';
import { startApp, TestApp } from '../harness';

const bearer = { type: 'bearer' as const };
interface Point {
  id: string;
  administrativeUnitCode: string;
}

describe('attendees (đại biểu)', () => {
  let t: TestApp;
  let db: DataSource;
  let conferenceId: string;
  let bacNinh: Point;
  let hanoi: Point;
  const url = (path = '') => `/api/conferences/${conferenceId}/attendees${path}`;
  const count = async () => Number((await db.query('SELECT COUNT(*) AS n FROM attendees'))[0].n);
  const anAttendee = (overrides: Record<string, unknown> = {}) => ({
    bridgePointId: bacNinh.id,
    fullName: 'Nguyễn Văn Hùng',
    title: 'Trưởng Ban Dân vận Huyện ủy',
    organization: 'Huyện ủy Yên Phong',
    email: `hung.${Math.random().toString(36).slice(2)}@bacninh.gov.vn`,
    phone: '0912 345 678',
    ...overrides,
  });
  const add = async (overrides: Record<string, unknown> = {}) =>
    (await t.http.post(url()).auth(t.adminToken, bearer).send(anAttendee(overrides)).expect(201)).body;
  const summary = async () =>
    (await t.http.get(`/api/conferences/${conferenceId}/bridge-points/summary`).auth(t.adminToken, bearer).expect(200)).body;

  beforeAll(async () => {
    t = await startApp();
    db = t.app.get(DataSource);
    conferenceId = (await t.http.post('/api/conferences').auth(t.adminToken, bearer).send(aConference()).expect(201)).body.id;
    await t.http.post(`/api/conferences/${conferenceId}/bridge-points`).auth(t.adminToken, bearer).send({ administrativeUnitSet: 'vn-34' }).expect(201);
    const points = (await t.http.get(`/api/conferences/${conferenceId}/bridge-points?pageSize=500`).auth(t.adminToken, bearer)).body.items;
    bacNinh = points.find((p: Point) => p.administrativeUnitCode === '24');
    hanoi = points.find((p: Point) => p.administrativeUnitCode === '01');
  });
  afterAll(() => t.close());

  it('registers an attendee with a check-in code, a normalized phone and a lower-case email', async () => {
    const a = await add({ email: 'Hung.NV@BacNinh.gov.vn', phone: '84-912-345-678' });
    expect(a).toMatchObject({
      conferenceId,
      bridgePointId: bacNinh.id,
      fullName: 'Nguyễn Văn Hùng',
      email: 'hung.nv@bacninh.gov.vn',
      phone: '+84912345678',
      role: 'delegate',
      // On the list; invited only once an invitation is sent.
      status: 'added',
      source: 'manual',
      code: expect.stringMatching(/^[2-9A-HJKMNP-Z]{6}$/),
      checkedInAt: null,
      version: 1,
    });
  });

  it('keeps emails unique per conference ignoring case', async () => {
    await add({ email: 'trung.lap@bacninh.gov.vn' });
    const before = await count();
    const res = await t.http.post(url()).auth(t.adminToken, bearer).send(anAttendee({ email: 'TRUNG.LAP@bacninh.gov.vn' })).expect(409);
    expect(res.body.details).toEqual([
      { field: 'email', code: 'email_in_use', message: 'Email trung.lap@bacninh.gov.vn đã có trong danh sách đại biểu của hội nghị này.' },
    ]);
    expect(res.body.message).toBe('Email trung.lap@bacninh.gov.vn đã có trong danh sách đại biểu của hội nghị này.');
    expect(await count()).toBe(before);
  });

  it.each([
    [{ email: 'not-an-email' }, 'email'],
    [{ phone: '12345' }, 'phone'],
    [{ fullName: '  ' }, 'fullName'],
    [{ role: 'vip' }, 'role'],
    [{ status: 'attended' }, 'status'],
    [{ bridgePointId: 'x' }, 'bridgePointId'],
    [{ bridgePointId: '00000000-0000-4000-8000-000000000000' }, 'bridgePointId'],
  ])('refuses %j naming %s, writing nothing', async (overrides, field) => {
    const before = await count();
    const res = await t.http.post(url()).auth(t.adminToken, bearer).send(anAttendee(overrides)).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(await count()).toBe(before);
  });

  it('words a bad phone number and email in Vietnamese, each with its code', async () => {
    const res = await t.http.post(url()).auth(t.adminToken, bearer).send(anAttendee({ email: 'not-an-email', phone: '12345' })).expect(400);
    expect(res.body.details).toEqual(
      expect.arrayContaining([
        { field: 'email', code: 'not_an_email', message: 'Trường "email" không đúng dạng địa chỉ email, ví dụ ten@coquan.gov.vn.' },
        { field: 'phone', code: 'not_a_phone', message: 'Trường "phone" phải là số điện thoại Việt Nam, ví dụ 0912 345 678.' },
      ]),
    );
    expect(res.body.details).toHaveLength(2);
  });

  it('lists with filters and a query ignoring diacritics', async () => {
    await add({ fullName: 'Đặng Thị Thu Hà', organization: 'Hội Liên hiệp Phụ nữ tỉnh', role: 'guest', bridgePointId: hanoi.id });
    const q = async (query: string) => (await t.http.get(url(query)).auth(t.adminToken, bearer).expect(200)).body;
    expect((await q('?q=dang%20thi%20thu%20ha')).items.map((a: { fullName: string }) => a.fullName)).toEqual(['Đặng Thị Thu Hà']);
    expect((await q('?q=lien%20hiep%20phu%20nu')).total).toBe(1);
    expect((await q(`?bridgePointId=${hanoi.id}`)).total).toBe(1);
    expect((await q('?role=guest')).total).toBe(1);
    expect((await q('?status=added&pageSize=1')).items).toHaveLength(1);
    await t.http.get(url('?status=partying')).auth(t.adminToken, bearer).expect(400);
  });

  it('updates with the version read and answers 409 to a stale one', async () => {
    const a = await add();
    const res = await t.http.patch(url(`/${a.id}`)).auth(t.adminToken, bearer).send({ version: 1, title: 'Phó Bí thư Huyện ủy' }).expect(200);
    expect(res.body).toMatchObject({ title: 'Phó Bí thư Huyện ủy', version: 2 });
    await t.http.patch(url(`/${a.id}`)).auth(t.adminToken, bearer).send({ version: 1, title: 'Khác' }).expect(409);
    await t.http.patch(url(`/${a.id}`)).auth(t.adminToken, bearer).send({ version: 2, fullName: null }).expect(400);
  });

  describe('check-in', () => {
    it('checks in once, counts into the bridge point, and answers the first time on a second try', async () => {
      const before = (await summary()).actualAttendees;
      const a = await add();
      const first = await t.http.post(url(`/${a.id}/check-in`)).auth(t.adminToken, bearer).expect(200);
      expect(first.body).toMatchObject({ status: 'attended', alreadyCheckedIn: false, checkedInAt: expect.any(String) });
      const second = await t.http.post(url(`/${a.id}/check-in`)).auth(t.adminToken, bearer).expect(200);
      expect(second.body).toMatchObject({ alreadyCheckedIn: true, checkedInAt: first.body.checkedInAt });
      // The point reported nothing, so its attendance is its check-ins.
      expect((await summary()).actualAttendees).toBe(before + 1);
    });

    describe('attendance has one meaning', () => {
      const pointUrl = (id: string, path = '') => `/api/conferences/${conferenceId}/bridge-points/${id}${path}`;
      const pointOf = async (id: string) => (await t.http.get(pointUrl(id)).auth(t.adminToken, bearer).expect(200)).body;
      const newPoint = async (name: string) =>
        (await t.http.post(`/api/conferences/${conferenceId}/bridge-points`).auth(t.adminToken, bearer).send({ name, level: 'other' }).expect(201)).body;

      it('keeps a reported headcount as the point\'s attendance when a delegate checks in afterwards, returning both figures', async () => {
        const point = await newPoint('Hội trường Huyện ủy Yên Phong');
        await t.http.post(pointUrl(point.id, '/attendance')).auth(t.adminToken, bearer).send({ actualAttendees: 27 }).expect(200);
        const before = await summary();
        const a = await add({ bridgePointId: point.id });
        await t.http.post(url(`/${a.id}/check-in`)).auth(t.adminToken, bearer).expect(200);
        expect(await pointOf(point.id)).toMatchObject({ actualAttendees: 27, reportedAttendees: 27, checkedInAttendees: 1 });
        const after = await summary();
        expect(after.actualAttendees).toBe(before.actualAttendees);
        expect(after.checkedInAttendees).toBe(before.checkedInAttendees + 1);
        expect(after.reportedAttendees).toBe(before.reportedAttendees);
      });

      it('counts check-ins as the attendance of a point that reported nothing, and has no figure before anyone checks in', async () => {
        const point = await newPoint('Hội trường Đảng ủy phường Kinh Bắc');
        expect(await pointOf(point.id)).toMatchObject({ actualAttendees: null, reportedAttendees: null, checkedInAttendees: 0 });
        const a = await add({ bridgePointId: point.id });
        const b = await add({ bridgePointId: point.id });
        await t.http.post(url('/check-in')).auth(t.adminToken, bearer).send({ codes: [a.code, b.code] }).expect(200);
        expect(await pointOf(point.id)).toMatchObject({ actualAttendees: 2, reportedAttendees: null, checkedInAttendees: 2 });
        // A report then stands for the point, check-ins stay counted beside it.
        await t.http.post(pointUrl(point.id, '/attendance')).auth(t.adminToken, bearer).send({ actualAttendees: 40 }).expect(200);
        expect(await pointOf(point.id)).toMatchObject({ actualAttendees: 40, reportedAttendees: 40, checkedInAttendees: 2 });
      });

      it('leaves the point\'s version alone on check-in, so an edit made with the version read before it succeeds', async () => {
        const point = await newPoint('Hội trường Ủy ban MTTQ tỉnh');
        const read = await pointOf(point.id);
        const a = await add({ bridgePointId: point.id });
        const b = await add({ bridgePointId: point.id });
        await t.http.post(url(`/${a.id}/check-in`)).auth(t.adminToken, bearer).expect(200);
        await t.http.post(url('/check-in')).auth(t.adminToken, bearer).send({ codes: [b.code] }).expect(200);
        expect((await pointOf(point.id)).version).toBe(read.version);
        const edited = await t.http.patch(pointUrl(point.id)).auth(t.adminToken, bearer).send({ version: read.version, chairName: 'Nguyễn Văn Quang' }).expect(200);
        expect(edited.body).toMatchObject({ chairName: 'Nguyễn Văn Quang', version: read.version + 1, checkedInAttendees: 2 });
      });

      it('moves a checked-in delegate\'s count with them to another point, and takes it back when they are removed', async () => {
        const from = await newPoint('Hội trường A');
        const to = await newPoint('Hội trường B');
        const a = await add({ bridgePointId: from.id });
        const checkedIn = (await t.http.post(url(`/${a.id}/check-in`)).auth(t.adminToken, bearer).expect(200)).body;
        await t.http.patch(url(`/${a.id}`)).auth(t.adminToken, bearer).send({ version: checkedIn.version, bridgePointId: to.id }).expect(200);
        expect([(await pointOf(from.id)).checkedInAttendees, (await pointOf(to.id)).checkedInAttendees]).toEqual([0, 1]);
        await t.http.delete(url(`/${a.id}`)).auth(t.adminToken, bearer).expect(204);
        expect((await pointOf(to.id)).checkedInAttendees).toBe(0);
      });
    });

    describe('someone who declined', () => {
      const declinedOne = async () => {
        const a = await add();
        const link = (await t.http.post(url(`/${a.id}/links`)).auth(t.adminToken, bearer).send({}).expect(201)).body;
        await t.http.post(`/api/public/rsvp/${link.token}/decline`).send({ reason: 'Đi công tác nước ngoài' }).expect(200);
        return a;
      };

      it('is not checked in silently: 409 with code declined, and nothing changes', async () => {
        const a = await declinedOne();
        const before = await summary();
        const res = await t.http.post(url(`/${a.id}/check-in`)).auth(t.adminToken, bearer).expect(409);
        expect(res.body.details).toEqual([
          { field: 'status', code: 'declined', message: expect.stringContaining('Đi công tác nước ngoài') },
        ]);
        expect((await t.http.get(url(`/${a.id}`)).auth(t.adminToken, bearer).expect(200)).body).toMatchObject({ status: 'declined', checkedInAt: null });
        expect((await summary()).checkedInAttendees).toBe(before.checkedInAttendees);
      });

      it('is listed under declined by a batch check-in, while the others in it are checked in', async () => {
        const a = await declinedOne();
        const b = await add();
        const res = await t.http.post(url('/check-in')).auth(t.adminToken, bearer).send({ codes: [a.code, b.code] }).expect(200);
        expect(res.body.checkedIn.map((r: { id: string }) => r.id)).toEqual([b.id]);
        expect(res.body.declined.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([[a.id, 'declined']]);
      });

      it('is checked in when an organizer forces it, and the audit trail says so', async () => {
        const a = await declinedOne();
        const organizer = await t.userWithRole('organizer');
        const res = await t.http.post(url(`/${a.id}/check-in`)).auth(organizer, bearer).send({ force: true }).expect(200);
        expect(res.body).toMatchObject({ status: 'attended', alreadyCheckedIn: false });
        const c = await declinedOne();
        const batch = await t.http.post(url('/check-in')).auth(organizer, bearer).send({ codes: [c.code], force: true }).expect(200);
        expect(batch.body).toMatchObject({ declined: [], checkedIn: [expect.objectContaining({ id: c.id, status: 'attended' })] });
        const audit = (await t.http.get(`/api/conferences/${conferenceId}/audit?pageSize=500`).auth(t.adminToken, bearer).expect(200)).body.items;
        const forced = audit.filter((e: { action: string }) => e.action === 'check_in_forced').map((e: { entityId: string }) => e.entityId);
        expect(forced).toEqual(expect.arrayContaining([a.id, c.id]));
        await t.http.post(url(`/${a.id}/check-in`)).auth(organizer, bearer).send({ force: 'yes' }).expect(400);
      });

      it('may not be forced in by an operator', async () => {
        const a = await declinedOne();
        const operator = await t.userWithRole('operator', { bridgePointIds: [bacNinh.id] });
        const res = await t.http.post(url(`/${a.id}/check-in`)).auth(operator, bearer).send({ force: true }).expect(403);
        expect(res.body.details[0]).toMatchObject({ field: 'force', code: 'force_not_allowed' });
        await t.http.post(url(`/${a.id}/check-in`)).auth(operator, bearer).expect(409);
      });
    });

    it('checks in a batch of codes, typed loosely, reporting unknown ones', async () => {
      const a = await add();
      const b = await add();
      const res = await t.http
        .post(url('/check-in'))
        .auth(t.adminToken, bearer)
        .send({ codes: [a.code.toLowerCase(), `${b.code.slice(0, 3)}-${b.code.slice(3)}`, 'ZZZZZZ', a.code] })
        .expect(200);
      expect(res.body.checkedIn.map((r: { id: string }) => r.id).sort()).toEqual([a.id, b.id].sort());
      expect(res.body.unknown).toEqual(['ZZZZZZ']);
      const again = await t.http.post(url('/check-in')).auth(t.adminToken, bearer).send({ codes: [a.code] }).expect(200);
      expect(again.body.alreadyCheckedIn.map((r: { id: string }) => r.id)).toEqual([a.id]);
      await t.http.post(url('/check-in')).auth(t.adminToken, bearer).send({ codes: [] }).expect(400);
    });

    it('3,000 check-ins arriving at once lose none and count none twice', async () => {
      const id = (await t.http.post('/api/conferences').auth(t.adminToken, bearer).send(aConference()).expect(201)).body.id;
      const point = (await t.http.post(`/api/conferences/${id}/bridge-points`).auth(t.adminToken, bearer).send({ name: 'Hội trường tỉnh', level: 'provincial' }).expect(201)).body;
      // 1,500 people, each checked in twice at the same moment.
      const people = [];
      for (let i = 0; i < 1500; i++) {
        people.push((await t.http.post(`/api/conferences/${id}/attendees`).auth(t.adminToken, bearer).send({ bridgePointId: point.id, fullName: `Đại biểu ${i}` }).expect(201)).body);
      }
      const statuses: number[] = [];
      const firsts: boolean[] = [];
      const requests = people.flatMap((p) => [p, p]);
      for (let i = 0; i < requests.length; i += 300) {
        const res = await Promise.all(
          requests.slice(i, i + 300).map((p) => t.http.post(`/api/conferences/${id}/attendees/${p.id}/check-in`).auth(t.adminToken, bearer)),
        );
        statuses.push(...res.map((r) => r.status));
        firsts.push(...res.map((r) => r.body.alreadyCheckedIn === false));
      }
      expect(statuses.filter((s) => s !== 200)).toEqual([]);
      expect(firsts.filter(Boolean)).toHaveLength(1500);
      const s = (await t.http.get(`/api/conferences/${id}/bridge-points/summary`).auth(t.adminToken, bearer).expect(200)).body;
      expect(s.actualAttendees).toBe(1500);
    });
  });

  describe('RSVP through a signed link', () => {
    const rsvp = (token: string, action = '') => `/api/public/rsvp/${token}${action}`;
    const linkFor = async (attendeeId: string) =>
      (await t.http.post(url(`/${attendeeId}/links`)).auth(t.adminToken, bearer).send({}).expect(201)).body;

    it('shows the invitation and accepts it', async () => {
      const a = await add();
      const link = await linkFor(a.id);
      expect(link.url).toMatch(/\/rsvp\//);
      const view = await t.http.get(rsvp(link.token)).expect(200);
      expect(view.body).toMatchObject({ attendee: { id: a.id, code: a.code }, bridgePoint: { name: 'Điểm cầu tỉnh Bắc Ninh' } });
      const accepted = await t.http.post(rsvp(link.token, '/accept')).expect(200);
      expect(accepted.body.status).toBe('accepted');
    });

    it('declines with a reason, which is required', async () => {
      const a = await add();
      const link = await linkFor(a.id);
      await t.http.post(rsvp(link.token, '/decline')).send({}).expect(400);
      const declined = await t.http.post(rsvp(link.token, '/decline')).send({ reason: 'Trùng lịch công tác' }).expect(200);
      expect(declined.body).toMatchObject({ status: 'declined', declineReason: 'Trùng lịch công tác' });
    });

    it('sends a substitute who becomes an attendee of their own, the person replaced kept as substituted', async () => {
      const a = await add({ fullName: 'Trần Văn Bình' });
      const link = await linkFor(a.id);
      const res = await t.http
        .post(rsvp(link.token, '/substitute'))
        .send({ fullName: 'Lê Thị Mai', title: 'Phó Trưởng Ban', email: 'Mai.LT@bacninh.gov.vn', phone: '0987 654 321' })
        .expect(200);
      expect(res.body).toMatchObject({
        fullName: 'Lê Thị Mai',
        email: 'mai.lt@bacninh.gov.vn',
        phone: '+84987654321',
        status: 'accepted',
        bridgePointId: a.bridgePointId,
        substituteForId: a.id,
      });
      expect(res.body.id).not.toBe(a.id);
      expect(res.body.code).not.toBe(a.code);
      const original = (await t.http.get(url(`/${a.id}`)).auth(t.adminToken, bearer).expect(200)).body;
      expect(original).toMatchObject({ fullName: 'Trần Văn Bình', email: a.email, code: a.code, status: 'substituted' });
      // The replaced person's link shows who goes instead, and can no longer answer or check in.
      const view = (await t.http.get(rsvp(link.token)).expect(200)).body;
      expect(view).toMatchObject({ attendee: { id: a.id, status: 'substituted' }, substitute: { fullName: 'Lê Thị Mai', code: res.body.code } });
      const answer = await t.http.post(rsvp(link.token, '/accept')).expect(409);
      expect(answer.body.details).toEqual([
        { field: 'status', code: 'cannot_answer', message: 'Trần Văn Bình đã cử người đi thay; không thể trả lời lời mời nữa.' },
      ]);
      const checkIn = await t.http.post(url(`/${a.id}/check-in`)).auth(t.adminToken, bearer).expect(409);
      expect(checkIn.body.details).toEqual([
        { field: 'status', code: 'cannot_check_in', message: `Đại biểu Trần Văn Bình (mã ${a.code}) đã cử người đi thay; người đi thay điểm danh bằng mã của mình.` },
      ]);
      // Their calendar invitation is withdrawn; the substitute's is a request of their own.
      expect((await t.http.get(url(`/${a.id}/invite.ics`)).auth(t.adminToken, bearer).expect(200)).text).toContain('METHOD:CANCEL');
      expect((await t.http.get(url(`/${res.body.id}/invite.ics`)).auth(t.adminToken, bearer).expect(200)).text).toContain('METHOD:REQUEST');
      await t.http.post(url(`/${res.body.id}/check-in`)).auth(t.adminToken, bearer).expect(200);
      const audit = await t.http.get(`/api/conferences/${conferenceId}/audit?pageSize=500`).auth(t.adminToken, bearer).expect(200);
      const entry = audit.body.items.find((e: { action: string; entityId: string }) => e.action === 'substitute' && e.entityId === a.id);
      expect(entry).toMatchObject({
        actor: expect.stringMatching(/^link:/),
        before: { status: 'added' },
        after: { status: 'substituted', substituteId: res.body.id },
      });
    });

    it('refuses a substitute whose email is already invited', async () => {
      const taken = await add();
      const a = await add();
      const link = await linkFor(a.id);
      const res = await t.http.post(rsvp(link.token, '/substitute')).send({ fullName: 'X', email: taken.email }).expect(409);
      expect(res.body.details).toEqual([{ field: 'email', code: 'email_in_use', message: `Email ${taken.email} đã có trong danh sách đại biểu của hội nghị này.` }]);
    });

    it('refuses to issue a link that would already have expired', async () => {
      const a = await add();
      const res = await t.http.post(url(`/${a.id}/links`)).auth(t.adminToken, bearer).send({ expiresAt: '2020-01-01T00:00:00+07:00' }).expect(400);
      expect(res.body.details).toEqual([
        { field: 'expiresAt', code: 'expires_in_past', message: 'Thời hạn của liên kết (expiresAt) phải ở tương lai.' },
      ]);
    });

    it('refuses revoked and unknown links', async () => {
      const a = await add();
      const link = await linkFor(a.id);
      await t.http.delete(url(`/${a.id}/links`)).auth(t.adminToken, bearer).expect(200);
      await t.http.post(rsvp(link.token, '/accept')).expect(410);
      await t.http.get(rsvp('y'.repeat(43))).expect(404);
      const bridgeLink = (await t.http.post(`/api/conferences/${conferenceId}/bridge-points/${bacNinh.id}/links`).auth(t.adminToken, bearer).send({}).expect(201)).body;
      await t.http.get(rsvp(bridgeLink.token)).expect(404);
      // Removing someone from the list revokes their links.
      const removed = await add();
      const removedLink = await linkFor(removed.id);
      await t.http.delete(url(`/${removed.id}`)).auth(t.adminToken, bearer).expect(204);
      const gone = await t.http.get(rsvp(removedLink.token)).expect(410);
      expect(gone.body.details).toEqual([
        { field: 'token', code: 'revoked', message: 'Liên kết đã bị thu hồi. Vui lòng liên hệ Ban Tổ chức để nhận liên kết mới.' },
      ]);
      await t.http.post(rsvp(removedLink.token, '/accept')).expect(410);
    });

    it('refuses an expiry more than 180 days after the conference ends, and takes one inside', async () => {
      const a = await add();
      const conference = (await t.http.get(`/api/conferences/${conferenceId}`).auth(t.adminToken, bearer).expect(200)).body;
      const from = Math.max(Date.parse(conference.endsAt), Date.now());
      const tooLate = new Date(from + 181 * 24 * 3600 * 1000).toISOString();
      const res = await t.http.post(url(`/${a.id}/links`)).auth(t.adminToken, bearer).send({ expiresAt: tooLate }).expect(400);
      expect(res.body.details).toEqual([
        { field: 'expiresAt', code: 'expires_too_late', message: expect.stringMatching(/^Liên kết loại này có hiệu lực tối đa 180 ngày sau khi hội nghị kết thúc \(đến ngày \d{2}\/\d{2}\/\d{4}\)\.$/) },
      ]);
      const inside = new Date(from + 170 * 24 * 3600 * 1000).toISOString();
      const ok = await t.http.post(url(`/${a.id}/links`)).auth(t.adminToken, bearer).send({ expiresAt: inside }).expect(201);
      expect(Date.parse(ok.body.expiresAt)).toBe(Date.parse(inside));
    });

    it('with replace, revokes the live RSVP links of the person and keeps their calendar feed', async () => {
      const a = await add();
      const first = await linkFor(a.id);
      const feed = (await t.http.post(url(`/${a.id}/calendar-link`)).auth(t.adminToken, bearer).send({}).expect(201)).body;
      const kept = (await t.http.post(url(`/${a.id}/links`)).auth(t.adminToken, bearer).send({}).expect(201)).body;
      await t.http.get(rsvp(first.token)).expect(200);
      const replacing = (await t.http.post(url(`/${a.id}/links`)).auth(t.adminToken, bearer).send({ replace: true }).expect(201)).body;
      for (const old of [first, kept]) {
        expect((await t.http.get(rsvp(old.token)).expect(410)).body.details[0].code).toBe('revoked');
      }
      await t.http.get(rsvp(replacing.token)).expect(200);
      await t.http.get(new URL(feed.url).pathname).expect(200);
    });
  });

  describe('operators', () => {
    it('see and change only attendees of their own bridge points', async () => {
      const op = await t.userWithRole('operator', { administrativeUnitCode: '24' });
      const mine = await add();
      const theirs = await add({ bridgePointId: hanoi.id });
      const list = await t.http.get(url('?pageSize=500')).auth(op, bearer).expect(200);
      const ids = list.body.items.map((a: { id: string }) => a.id);
      expect(ids).toContain(mine.id);
      expect(ids).not.toContain(theirs.id);
      await t.http.post(url(`/${mine.id}/check-in`)).auth(op, bearer).expect(200);
      await t.http.post(url(`/${theirs.id}/check-in`)).auth(op, bearer).expect(404);
      const hidden = await t.http.get(url(`/${theirs.id}`)).auth(op, bearer).expect(404);
      expect(hidden.body).toMatchObject({
        message: 'Không tìm thấy đại biểu.',
        details: [{ field: 'attendeeId', code: 'attendee_not_found', message: 'Không tìm thấy đại biểu.' }],
      });
      const elsewhere = await t.http.post(url()).auth(op, bearer).send(anAttendee({ bridgePointId: hanoi.id })).expect(400);
      expect(elsewhere.body.details).toEqual([{ field: 'bridgePointId', code: 'bridge_point_not_found', message: expect.stringContaining(`Điểm cầu ${hanoi.id} không thuộc hội nghị này`) }]);
      const batch = await t.http.post(url('/check-in')).auth(op, bearer).send({ codes: [theirs.code] }).expect(200);
      expect(batch.body.unknown).toEqual([theirs.code]);
      await t.http.post(url(`/${mine.id}/links`)).auth(op, bearer).send({}).expect(403);
    });

    it('find no conference where they have no point: the list, a new delegate and a batch check-in answer 404', async () => {
      const elsewhere = (await t.http.post('/api/conferences').auth(t.adminToken, bearer).send(aConference()).expect(201)).body.id;
      const point = (await t.http.post(`/api/conferences/${elsewhere}/bridge-points`).auth(t.adminToken, bearer).send({ name: 'Điểm cầu khác', level: 'other' }).expect(201)).body;
      const op = await t.userWithRole('operator', { bridgePointIds: [point.id] });
      const before = await count();
      await t.http.get(url()).auth(op, bearer).expect(404);
      await t.http.post(url()).auth(op, bearer).send(anAttendee()).expect(404);
      await t.http.post(url('/check-in')).auth(op, bearer).send({ codes: ['ABCDEF'] }).expect(404);
      expect(await count()).toBe(before);
      await t.http.get(`/api/conferences/${elsewhere}/attendees`).auth(op, bearer).expect(200);
    });
  });

  it('answers 409 once the conference is closed', async () => {
    const id = (await t.http.post('/api/conferences').auth(t.adminToken, bearer).send(aConference()).expect(201)).body.id;
    const point = (await t.http.post(`/api/conferences/${id}/bridge-points`).auth(t.adminToken, bearer).send({ name: 'Điểm cầu', level: 'other' }).expect(201)).body;
    const a = (await t.http.post(`/api/conferences/${id}/attendees`).auth(t.adminToken, bearer).send({ bridgePointId: point.id, fullName: 'A' }).expect(201)).body;
    await t.http.post(`/api/conferences/${id}/cancel`).auth(t.adminToken, bearer).send({ reason: 'Hoãn' }).expect(200);
    await t.http.post(`/api/conferences/${id}/attendees/${a.id}/check-in`).auth(t.adminToken, bearer).expect(409);
    await t.http.post(`/api/conferences/${id}/attendees`).auth(t.adminToken, bearer).send({ bridgePointId: point.id, fullName: 'B' }).expect(409);
  });
});
