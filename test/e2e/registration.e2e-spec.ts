import { aConference } from '../factories';
import { startApp, TestApp } from '../harness';

const bearer = { type: 'bearer' as const };

describe('self-registration and the waiting list', () => {
  let t: TestApp;
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

  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('registers within capacity, then puts people on the waiting list in order', async () => {
    const c = await openConference(2);
    const a = await register(c.id, person(1, c.main)).expect(201);
    expect(a.body).toMatchObject({ status: 'registered', waitlistPosition: null, code: expect.any(String) });
    await register(c.id, person(2, c.main)).expect(201);
    const w1 = await register(c.id, person(3, c.main)).expect(201);
    const w2 = await register(c.id, person(4, c.main)).expect(201);
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
    await register(c.id, person(1, c.small)).expect(201);
    const second = await register(c.id, person(2, c.small)).expect(201);
    expect(second.body.status).toBe('waitlisted');
    const elsewhere = await register(c.id, person(3, c.main)).expect(201);
    expect(elsewhere.body.status).toBe('registered');
    const info = await t.http.get(`/api/public/conferences/${c.id}/registration`).expect(200);
    expect(info.body.bridgePoints.find((p: { id: string }) => p.id === c.small).placesLeft).toBe(0);
  });

  it('never oversells the last places when many register at once', async () => {
    const c = await openConference(5);
    const res = await Promise.all(Array.from({ length: 20 }, (_, i) => register(c.id, person(100 + i, c.main))));
    expect(res.map((r) => r.status).every((s) => s === 201)).toBe(true);
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

  it('answers 404 for the registration of a conference that does not take registrations, to read or to post', async () => {
    const off = await openConference(10, { enabled: false });
    const notEnabled = [{ field: 'registration', code: 'registration_not_enabled', message: 'Hội nghị này không mở đăng ký trực tuyến.' }];
    expect((await t.http.get(`/api/public/conferences/${off.id}/registration`).expect(404)).body.details).toEqual(notEnabled);
    expect((await register(off.id, person(1, off.main)).expect(404)).body.details).toEqual(notEnabled);
  });

  it('refuses a duplicate email, a point of another conference, and a missing email', async () => {
    const c = await openConference(10);
    const other = await openConference(10);
    const p = person(1, c.main);
    await register(c.id, p).expect(201);
    const dup = await register(c.id, { ...p, email: p.email.toUpperCase() }).expect(409);
    expect(dup.body.details).toEqual([{ field: 'email', code: 'email_in_use', message: 'Địa chỉ email này đã đăng ký hội nghị.' }]);
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
});
