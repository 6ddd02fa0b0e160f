import { aConference, aMainPoint } from '../factories';
import { startApp, TestApp } from '../harness';

const bearer = { type: 'bearer' as const };
const HOUR = 3600_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Attendance (check-in, a point's headcount report, the point page's form) opens
 * CHECKIN_OPENS_MINUTES (default 120) before the start and closes when the conference is
 * completed; starting early and completing before the start need `force`, which is audited.
 */
describe('the attendance window and on-time transitions', () => {
  let t: TestApp;
  const api = (path: string) => `/api/conferences${path}`;
  const post = (path: string, body: object = {}) => t.http.post(path).auth(t.adminToken, bearer).send(body);

  /** A published conference starting `hoursAhead` from now, with its main point and one delegate. */
  async function conferenceIn(hoursAhead: number) {
    const startsAt = Date.now() + hoursAhead * HOUR;
    const c = (await post(api(''), aConference({ startsAt: iso(startsAt), endsAt: iso(startsAt + 3 * HOUR) })).expect(201)).body;
    const point = (await post(api(`/${c.id}/bridge-points`), aMainPoint()).expect(201)).body;
    await post(api(`/${c.id}/publish`)).expect(200);
    const delegate = (await post(api(`/${c.id}/attendees`), { bridgePointId: point.id, fullName: 'Nguyễn Văn An' }).expect(201)).body;
    const link = (await post(api(`/${c.id}/bridge-points/${point.id}/links`), { sendEmail: false }).expect(201)).body;
    return { id: c.id as string, point, delegate, token: link.token as string };
  }

  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  describe('before the window opens', () => {
    it('refuses a check-in, one or by batch, with a 409 saying when check-in opens, and records nothing', async () => {
      const c = await conferenceIn(5);
      const one = await post(api(`/${c.id}/attendees/${c.delegate.id}/check-in`)).expect(409);
      expect(one.body.details).toEqual([
        { field: 'startsAt', code: 'attendance_not_open', message: expect.stringMatching(/^Chưa đến giờ: điểm danh mở từ \d{2}:\d{2}, thứ .+ \(120 phút trước giờ khai mạc\)\.$/) },
      ]);
      const batch = await post(api(`/${c.id}/attendees/check-in`), { codes: [c.delegate.code] }).expect(409);
      expect(batch.body.details[0].code).toBe('attendance_not_open');
      const after = (await t.http.get(api(`/${c.id}/attendees/${c.delegate.id}`)).auth(t.adminToken, bearer).expect(200)).body;
      expect(after).toMatchObject({ checkedInAt: null, version: c.delegate.version });
    });

    it('refuses a headcount report through the API and the signed link, and the point page shows when it opens instead of the form', async () => {
      const c = await conferenceIn(5);
      const viaApi = await post(api(`/${c.id}/bridge-points/${c.point.id}/attendance`), { actualAttendees: 40 }).expect(409);
      expect(viaApi.body.details[0]).toMatchObject({ code: 'attendance_not_open', message: expect.stringMatching(/^Chưa đến giờ: báo cáo số đại biểu thực tế mở từ /) });
      const viaLink = await t.http.post(`/api/public/bridge-points/${c.token}/attendance`).send({ actualAttendees: 40 }).expect(409);
      expect(viaLink.body.details[0].code).toBe('attendance_not_open');
      const page = await t.http.get(`/bridge-points/confirm/${c.token}`).expect(200);
      expect(page.text).toMatch(/Báo cáo số đại biểu thực tế mở từ \d{2}:\d{2}, thứ /);
      expect(page.text).not.toContain(`action="/bridge-points/confirm/${c.token}/attendance"`);
      const form = await t.http.post(`/bridge-points/confirm/${c.token}/attendance`).type('form').send({ actualAttendees: '40' }).expect(409);
      expect(form.text).toContain('Chưa đến giờ');
      const point = (await t.http.get(api(`/${c.id}/bridge-points/${c.point.id}`)).auth(t.adminToken, bearer).expect(200)).body;
      expect(point).toMatchObject({ reportedAttendees: null, actualAttendees: null, version: c.point.version });
    });

    it('refuses to start more than the window before the start unless forced, and audits the force', async () => {
      const c = await conferenceIn(5);
      const early = await post(api(`/${c.id}/start`)).expect(409);
      expect(early.body.details).toEqual([{ field: 'startsAt', code: 'too_early_to_start', message: expect.stringContaining('"force": true') }]);
      await post(api(`/${c.id}/start`), { force: 'yes' }).expect(400);
      const forced = await post(api(`/${c.id}/start`), { force: true }).expect(200);
      expect(forced.body.status).toBe('ongoing');
      const audit = (await t.http.get(api(`/${c.id}/audit`)).auth(t.adminToken, bearer).expect(200)).body.items;
      expect(audit.find((e: { action: string }) => e.action === 'start')).toMatchObject({ after: { status: 'ongoing', force: true } });
      // Started, the conference takes attendance even before the usual window.
      await post(api(`/${c.id}/attendees/${c.delegate.id}/check-in`)).expect(200);
    });

    it('refuses to complete before the start unless forced, and closes attendance once completed', async () => {
      const c = await conferenceIn(5);
      await post(api(`/${c.id}/start`), { force: true }).expect(200);
      const early = await post(api(`/${c.id}/complete`)).expect(409);
      expect(early.body.details[0]).toMatchObject({ field: 'startsAt', code: 'not_started_yet' });
      await post(api(`/${c.id}/complete`), { force: true }).expect(200);
      const audit = (await t.http.get(api(`/${c.id}/audit`)).auth(t.adminToken, bearer).expect(200)).body.items;
      expect(audit.find((e: { action: string }) => e.action === 'complete')).toMatchObject({ after: { status: 'completed', force: true } });
      await post(api(`/${c.id}/attendees/${c.delegate.id}/check-in`)).expect(409);
      await t.http.post(`/api/public/bridge-points/${c.token}/attendance`).send({ actualAttendees: 40 }).expect(409);
    });
  });

  describe('inside the window', () => {
    it('takes check-ins and headcount reports from two hours before the start, and starts without force', async () => {
      const c = await conferenceIn(1.5);
      await post(api(`/${c.id}/attendees/${c.delegate.id}/check-in`)).expect(200);
      await t.http.post(`/api/public/bridge-points/${c.token}/attendance`).send({ actualAttendees: 40 }).expect(200);
      const page = await t.http.get(`/bridge-points/confirm/${c.token}`).expect(200);
      expect(page.text).toContain(`action="/bridge-points/confirm/${c.token}/attendance"`);
      await post(api(`/${c.id}/start`)).expect(200);
      // Completing before the start is still refused without force.
      await post(api(`/${c.id}/complete`)).expect(409);
    });
  });
});
