import { readFileSync } from 'node:fs';
import { Clock } from '../../src/common/clock';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { aConference, aMainPoint } from '../factories';
import { startApp, TestApp } from '../harness';

const bearer = { type: 'bearer' as const };
interface Point {
  id: string;
  name: string;
  level: string;
  administrativeUnitCode: string | null;
  parentId: string | null;
  provinceCode: string | null;
  confirmationStatus: string;
  version: number;
}

function communeCountsFromSeed(): Map<string, number> {
  const counts = new Map<string, number>();
  const lines = readFileSync(join(__dirname, '../../seeds/administrative-units/communes-34.csv'), 'utf8').trim().split('\n').slice(1);
  for (const line of lines) {
    const province = line.split(',').at(-1)!.trim();
    counts.set(province, (counts.get(province) ?? 0) + 1);
  }
  return counts;
}

describe('bridge points (điểm cầu)', () => {
  let t: TestApp;
  let db: DataSource;
  const count = async (table: string) => Number((await db.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  const newConference = async () =>
    (await t.http.post('/api/conferences').auth(t.adminToken, bearer).send(aConference()).expect(201)).body.id as string;
  const post = (id: string, body: unknown, token = t.adminToken) =>
    t.http.post(`/api/conferences/${id}/bridge-points`).auth(token, bearer).send(body as object);
  const allPoints = async (id: string, query = ''): Promise<Point[]> => {
    const items: Point[] = [];
    for (let page = 1; ; page++) {
      const res = await t.http.get(`/api/conferences/${id}/bridge-points?pageSize=500&page=${page}${query}`).auth(t.adminToken, bearer).expect(200);
      items.push(...res.body.items);
      if (items.length >= res.body.total) return items;
    }
  };
  const summary = async (id: string) =>
    (await t.http.get(`/api/conferences/${id}/bridge-points/summary`).auth(t.adminToken, bearer).expect(200)).body;

  beforeAll(async () => {
    t = await startApp();
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  describe('connecting', () => {
    it('creates one main point and refuses a second one', async () => {
      const id = await newConference();
      const main = await post(id, aMainPoint()).expect(201);
      expect(main.body).toMatchObject({ name: 'Điểm cầu Trung ương', level: 'central', isMain: true, confirmationStatus: 'pending', connectionStatus: 'untested', version: 1 });
      const second = await post(id, aMainPoint({ name: 'Điểm cầu thứ hai' })).expect(409);
      expect(second.body.message).toBe('Hội nghị đã có điểm cầu chính: Điểm cầu Trung ương.');
      expect(second.body.details).toEqual([{ field: 'isMain', code: 'main_point_taken', message: 'Hội nghị đã có điểm cầu chính: Điểm cầu Trung ương.' }]);
    });

    it('connects the 63 provinces of vn-63 in one call, idempotently', async () => {
      const id = await newConference();
      const first = await post(id, { administrativeUnitSet: 'vn-63' }).expect(201);
      expect(first.body).toEqual({ created: 63, existing: 0 });
      const again = await post(id, { administrativeUnitSet: 'vn-63' }).expect(201);
      expect(again.body).toEqual({ created: 0, existing: 63 });
      const points = await allPoints(id);
      expect(points).toHaveLength(63);
      const bacGiang = points.find((p) => p.administrativeUnitCode === '24')!;
      expect(bacGiang).toMatchObject({ name: 'Điểm cầu tỉnh Bắc Giang', level: 'provincial', provinceCode: '24' });
      expect(points.find((p) => p.administrativeUnitCode === '01')!.name).toBe('Điểm cầu thành phố Hà Nội');
    });

    it("connects one province's communes under its point, creating the province point first", async () => {
      const id = await newConference();
      const expected = communeCountsFromSeed().get('24')!;
      const res = await post(id, { administrativeUnitSet: 'vn-34', level: 'commune', parentCode: '24' }).expect(201);
      expect(res.body).toEqual({ created: expected + 1, existing: 0 });
      const points = await allPoints(id);
      const province = points.find((p) => p.level === 'provincial')!;
      expect(province).toMatchObject({ administrativeUnitCode: '24', name: 'Điểm cầu tỉnh Bắc Ninh' });
      const communes = points.filter((p) => p.level === 'commune');
      expect(communes).toHaveLength(expected);
      expect(communes.every((p) => p.parentId === province.id && p.provinceCode === '24')).toBe(true);
      const byParent = await allPoints(id, `&parentId=${province.id}`);
      expect(byParent).toHaveLength(expected);
      const again = await post(id, { administrativeUnitSet: 'vn-34', level: 'commune', parentCode: '24' }).expect(201);
      expect(again.body.created).toBe(0);
    });

    it('connects all 3,321 communes under their 34 provinces, with counts per province matching the seed file', async () => {
      const id = await newConference();
      await post(id, aMainPoint()).expect(201);
      const res = await post(id, { administrativeUnitSet: 'vn-34', level: 'commune' }).expect(201);
      expect(res.body).toEqual({ created: 34 + 3321, existing: 0 });
      const s = await summary(id);
      expect(s.total).toBe(1 + 34 + 3321);
      const seed = communeCountsFromSeed();
      expect(s.byProvince).toHaveLength(34);
      for (const province of s.byProvince) {
        expect({ code: province.code, total: province.total }).toEqual({ code: province.code, total: seed.get(province.code)! + 1 });
      }
      expect(s.byProvince.find((p: { code: string }) => p.code === '24').name).toBe('Bắc Ninh');
      const datMui = await allPoints(id, '&q=dat%20mui');
      expect(datMui.map((p) => p.name)).toContain('Điểm cầu xã Đất Mũi');
      const communeByCode = await allPoints(id, `&administrativeUnitCode=${datMui[0].administrativeUnitCode}`);
      expect(communeByCode).toHaveLength(1);
      expect((await allPoints(id, '&level=provincial')).length).toBe(34);
    });

    it.each([
      [{ administrativeUnitSet: 'vn-99' }, 'administrativeUnitSet'],
      [{ administrativeUnitSet: 'vn-34', level: 'district' }, 'level'],
      [{ administrativeUnitSet: 'vn-63', level: 'commune' }, 'level'],
      [{ administrativeUnitSet: 'vn-34', level: 'commune', parentCode: '99' }, 'parentCode'],
      [{ administrativeUnitSet: 'vn-34', level: 'commune', parentCode: 'x' }, 'parentCode'],
      [{ administrativeUnitSet: 'vn-34', parentCode: '24' }, 'parentCode'],
      [{ name: 'Điểm cầu', administrativeUnitCode: '99' }, 'administrativeUnitCode'],
      [{ level: 'provincial' }, 'name'],
      [{ name: 'X', contactPhone: '12345' }, 'contactPhone'],
      [{ name: 'X', parentId: '00000000-0000-4000-8000-000000000000' }, 'parentId'],
      [{ items: [{ name: 'A' }, { name: 'B', level: 'galaxy' }] }, 'items.1.level'],
      [{ items: [] }, 'items'],
    ])('refuses %j with 4xx naming %s, writing nothing', async (body, field) => {
      const id = await newConference();
      const before = await count('bridge_points');
      const res = await post(id, body);
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(await count('bridge_points')).toBe(before);
    });

    it('adds a list of points all or nothing, and normalizes phones', async () => {
      const id = await newConference();
      const res = await post(id, {
        items: [
          { name: 'Điểm cầu Học viện Chính trị', level: 'other', contactPhone: '0912 345 678' },
          { administrativeUnitCode: '01', contactEmail: 'Vp@HaNoi.gov.vn' },
        ],
      }).expect(201);
      expect(res.body.created).toBe(2);
      expect(res.body.items[0]).toMatchObject({ contactPhone: '+84912345678', level: 'other' });
      expect(res.body.items[1]).toMatchObject({ name: 'Điểm cầu thành phố Hà Nội', contactEmail: 'vp@hanoi.gov.vn', level: 'provincial' });
      const dup = await post(id, { items: [{ name: 'Mới' }, { administrativeUnitCode: '01' }] }).expect(409);
      expect(dup.body.details).toEqual([
        { field: 'items.1.administrativeUnitCode', code: 'already_connected', message: 'Hà Nội (01) đã có điểm cầu trong hội nghị này.' },
      ]);
      expect(await allPoints(id)).toHaveLength(2);
    });
  });

  describe('confirmation, connection checks and attendance', () => {
    let id: string;
    let point: Point;
    beforeAll(async () => {
      id = await newConference();
      await post(id, { administrativeUnitSet: 'vn-34' }).expect(201);
      point = (await allPoints(id)).find((p) => p.administrativeUnitCode === '24')!;
    });
    const act = (action: string, body: object, pointId = point.id, token = t.adminToken) =>
      t.http.post(`/api/conferences/${id}/bridge-points/${pointId}/${action}`).auth(token, bearer).send(body);

    it('confirms with chair and headcount; confirming twice is harmless', async () => {
      const res = await act('confirm', { chairName: 'Nguyễn Văn An', chairTitle: 'Phó Chủ tịch UBND tỉnh', expectedAttendees: 120 }).expect(200);
      expect(res.body).toMatchObject({ confirmationStatus: 'confirmed', chairName: 'Nguyễn Văn An', expectedAttendees: 120, confirmedAt: expect.any(String) });
      const again = await act('confirm', { expectedAttendees: 130 }).expect(200);
      expect(again.body).toMatchObject({ confirmationStatus: 'confirmed', expectedAttendees: 130, confirmedAt: res.body.confirmedAt });
    });

    it('refuses to decline a confirmed point until an organizer reopens it', async () => {
      const refused = await act('decline', { reason: 'Trùng lịch' }).expect(409);
      expect(refused.body.details).toEqual([
        {
          field: 'confirmationStatus',
          code: 'already_confirmed',
          message: 'Điểm cầu tỉnh Bắc Ninh đã xác nhận tham dự; không thể từ chối nữa cho đến khi Ban Tổ chức mở lại.',
        },
      ]);
      await act('decline', {}).expect(400);
      await act('reopen', {}).expect(200);
      const declined = await act('decline', { reason: 'Trùng lịch họp HĐND tỉnh' }).expect(200);
      expect(declined.body).toMatchObject({ confirmationStatus: 'declined', declineReason: 'Trùng lịch họp HĐND tỉnh', confirmedAt: null });
      await act('confirm', {}).expect(409);
      await act('reopen', {}).expect(200);
    });

    it('keeps every connection check and shows the latest as the state', async () => {
      await act('connection-checks', { result: 'failed', note: 'Mất tín hiệu âm thanh' }).expect(201);
      const ok = await act('connection-checks', { result: 'ok' }).expect(201);
      expect(ok.body.bridgePoint).toMatchObject({ connectionStatus: 'ok', connectionCheckedAt: expect.any(String) });
      expect(ok.body.check).toMatchObject({ result: 'ok', checkedBy: 'admin@hoinghi.local' });
      const history = await t.http.get(`/api/conferences/${id}/bridge-points/${point.id}/connection-checks`).auth(t.adminToken, bearer).expect(200);
      expect(history.body.map((c: { result: string }) => c.result)).toEqual(['ok', 'failed']);
      await act('connection-checks', { result: 'excellent' }).expect(400);
    });

    it('records actual attendance, and refuses a negative one', async () => {
      const res = await act('attendance', { actualAttendees: 97 }).expect(200);
      expect(res.body.actualAttendees).toBe(97);
      await act('attendance', { actualAttendees: -1 }).expect(400);
      await act('attendance', { actualAttendees: '97' }).expect(400);
    });

    it('answers 409 to a stale version on PATCH', async () => {
      const current = (await t.http.get(`/api/conferences/${id}/bridge-points/${point.id}`).auth(t.adminToken, bearer).expect(200)).body;
      await t.http.patch(`/api/conferences/${id}/bridge-points/${point.id}`).auth(t.adminToken, bearer).send({ version: current.version, address: 'Số 10 Phù Đổng Thiên Vương' }).expect(200);
      const stale = await t.http.patch(`/api/conferences/${id}/bridge-points/${point.id}`).auth(t.adminToken, bearer).send({ version: current.version, address: 'Khác' }).expect(409);
      expect(stale.body.details[0].field).toBe('version');
    });

    it.each([{ name: null }, { level: null }, { isMain: null }])('refuses a null for a required field on PATCH: %j', async (patch) => {
      const current = (await t.http.get(`/api/conferences/${id}/bridge-points/${point.id}`).auth(t.adminToken, bearer).expect(200)).body;
      const res = await t.http.patch(`/api/conferences/${id}/bridge-points/${point.id}`).auth(t.adminToken, bearer).send({ version: current.version, ...patch }).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(Object.keys(patch)[0]);
    });

    it('answers 404 for a bridge point of another conference in the path', async () => {
      const other = await newConference();
      const res = await act('confirm', {}, point.id).expect(200);
      expect(res.body.id).toBe(point.id);
      const elsewhere = await t.http.post(`/api/conferences/${other}/bridge-points/${point.id}/confirm`).auth(t.adminToken, bearer).send({}).expect(404);
      expect(elsewhere.body.details).toEqual([
        { field: 'bpId', code: 'bridge_point_not_found', message: `Không tìm thấy điểm cầu ${point.id} trong hội nghị này.` },
      ]);
      await t.http.get(`/api/conferences/${other}/bridge-points/${point.id}`).auth(t.adminToken, bearer).expect(404);
    });

    it('summarizes by confirmation, connection, region and province in SQL', async () => {
      const s = await summary(id);
      expect(s.total).toBe(34);
      expect(s.byConfirmation).toEqual({ pending: 33, confirmed: 1, declined: 0 });
      expect(s.byConnection).toEqual({ untested: 33, ok: 1, failed: 0, degraded: 0 });
      expect(s.expectedAttendees).toBe(130);
      expect(s.actualAttendees).toBe(97);
      expect(s.byRegion.reduce((sum: number, r: { total: number }) => sum + r.total, 0)).toBe(34);
      expect(s.byProvince.find((p: { code: string }) => p.code === '24')).toEqual({
        code: '24', name: 'Bắc Ninh', total: 1, confirmed: 1, declined: 0, pending: 0, expectedAttendees: 130, actualAttendees: 97,
        reportedAttendees: 97, checkedInAttendees: 0,
      });
    });
  });

  describe('operators', () => {
    let id: string;
    let points: Point[];
    beforeAll(async () => {
      id = await newConference();
      await post(id, aMainPoint()).expect(201);
      await post(id, { administrativeUnitSet: 'vn-34', level: 'commune', parentCode: '24' }).expect(201);
      await post(id, { administrativeUnitSet: 'vn-34', level: 'commune', parentCode: '01' }).expect(201);
      points = await allPoints(id);
    });

    it('a province operator acts on its province point and every commune under it, and nothing else', async () => {
      const op = await t.userWithRole('operator', { administrativeUnitCode: '24' });
      const mine = points.filter((p) => p.provinceCode === '24');
      const visible = await t.http.get(`/api/conferences/${id}/bridge-points?pageSize=500`).auth(op, bearer).expect(200);
      expect(visible.body.total).toBe(mine.length);
      const commune = mine.find((p) => p.level === 'commune')!;
      await t.http.post(`/api/conferences/${id}/bridge-points/${commune.id}/confirm`).auth(op, bearer).send({ expectedAttendees: 20 }).expect(200);
      const hanoi = points.find((p) => p.administrativeUnitCode === '01')!;
      await t.http.post(`/api/conferences/${id}/bridge-points/${hanoi.id}/confirm`).auth(op, bearer).send({}).expect(404);
      await t.http.get(`/api/conferences/${id}/bridge-points/${hanoi.id}`).auth(op, bearer).expect(404);
      await t.http.patch(`/api/conferences/${id}/bridge-points/${commune.id}`).auth(op, bearer).send({ version: 1, name: 'x' }).expect(403);
      await t.http.post(`/api/conferences/${id}/bridge-points/${commune.id}/reopen`).auth(op, bearer).send({}).expect(403);
      await t.http.get(`/api/conferences/${id}`).auth(op, bearer).expect(200);
    });

    it('a commune operator acts on that commune only', async () => {
      const commune = points.find((p) => p.provinceCode === '24' && p.level === 'commune')!;
      const op = await t.userWithRole('operator', { administrativeUnitCode: commune.administrativeUnitCode });
      const visible = await t.http.get(`/api/conferences/${id}/bridge-points`).auth(op, bearer).expect(200);
      expect(visible.body.items.map((p: Point) => p.id)).toEqual([commune.id]);
      await t.http.post(`/api/conferences/${id}/bridge-points/${commune.id}/attendance`).auth(op, bearer).send({ actualAttendees: 15 }).expect(200);
      const province = points.find((p) => p.administrativeUnitCode === '24')!;
      await t.http.post(`/api/conferences/${id}/bridge-points/${province.id}/attendance`).auth(op, bearer).send({ actualAttendees: 1 }).expect(404);
    });

    it('an operator assigned bridge points by id acts on those, and sees no other conference', async () => {
      const main = points.find((p) => p.level === 'central')!;
      const op = await t.userWithRole('operator', { bridgePointIds: [main.id] });
      await t.http.post(`/api/conferences/${id}/bridge-points/${main.id}/connection-checks`).auth(op, bearer).send({ result: 'degraded' }).expect(201);
      const other = await newConference();
      await t.http.get(`/api/conferences/${other}`).auth(op, bearer).expect(404);
      const list = await t.http.get('/api/conferences').auth(op, bearer).expect(200);
      expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([id]);
    });
  });

  describe('signed links for staff without an account', () => {
    let id: string;
    let point: Point;
    beforeAll(async () => {
      id = await newConference();
      await post(id, aMainPoint()).expect(201);
      await post(id, { administrativeUnitSet: 'vn-34', level: 'commune', parentCode: '24' }).expect(201);
      point = (await allPoints(id)).find((p) => p.administrativeUnitCode === '24')!;
    });
    const pub = (token: string, action = '') => `/api/public/bridge-points/${token}${action}`;

    it('opens exactly one bridge point, stores only a hash, and acts as the link in the audit trail', async () => {
      const link = await t.http.post(`/api/conferences/${id}/bridge-points/${point.id}/links`).auth(t.adminToken, bearer).send({}).expect(201);
      expect(link.body).toMatchObject({ bridgePointId: point.id, token: expect.any(String), url: expect.stringMatching(/\/bridge-points\/confirm\//) });
      expect(link.body.url.endsWith(link.body.token)).toBe(true);
      const stored = await db.query('SELECT token_hash FROM signed_links');
      expect(JSON.stringify(stored)).not.toContain(link.body.token);

      const view = await t.http.get(pub(link.body.token)).expect(200);
      expect(view.body.bridgePoint.id).toBe(point.id);
      expect(view.body.conference).toMatchObject({ id, title: aConference().title, timezone: 'Asia/Ho_Chi_Minh' });
      const confirmed = await t.http.post(pub(link.body.token, '/confirm')).send({ chairName: 'Lê Thị Hoa', expectedAttendees: 80, contactPhone: '0987654321' }).expect(200);
      expect(confirmed.body).toMatchObject({ confirmationStatus: 'confirmed', contactPhone: '+84987654321' });
      await t.http.post(pub(link.body.token, '/connection-checks')).send({ result: 'ok' }).expect(201);
      await t.http.post(pub(link.body.token, '/attendance')).send({ actualAttendees: 75 }).expect(200);
      await t.http.post(pub(link.body.token, '/confirm')).send({ isMain: true }).expect(400);
      const audit = await t.http.get(`/api/conferences/${id}/audit`).auth(t.adminToken, bearer).expect(200);
      expect(audit.body.items[0].actor).toMatch(/^link:/);
    });

    it('refuses an unknown, a revoked and an expired token with a clear 4xx, changing nothing', async () => {
      await t.http.get(pub('x'.repeat(43))).expect(404);
      await t.http.get(pub('short')).expect(404);
      const link = (await t.http.post(`/api/conferences/${id}/bridge-points/${point.id}/links`).auth(t.adminToken, bearer).send({}).expect(201)).body;
      const revoked = await t.http.delete(`/api/conferences/${id}/bridge-points/${point.id}/links`).auth(t.adminToken, bearer).expect(200);
      expect(revoked.body.revoked).toBeGreaterThanOrEqual(1);
      const gone = await t.http.post(pub(link.token, '/decline')).send({ reason: 'x' }).expect(410);
      expect(gone.body).toMatchObject({ statusCode: 410, message: expect.stringMatching(/thu hồi/), details: [{ field: 'token', code: 'revoked' }] });

      const expiresAt = Date.now() + 60_000;
      const short = (await t.http.post(`/api/conferences/${id}/bridge-points/${point.id}/links`).auth(t.adminToken, bearer).send({ expiresAt: new Date(expiresAt).toISOString() }).expect(201)).body;
      await t.http.get(pub(short.token)).expect(200);
      // Expiry is read from the injected clock: a minute later without waiting one.
      const clock = jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(expiresAt + 1));
      let expired;
      try {
        expired = await t.http.get(pub(short.token)).expect(410);
      } finally {
        clock.mockRestore();
      }
      expect(expired.body.message).toMatch(/hết hạn/);
      const past = await t.http.post(`/api/conferences/${id}/bridge-points/${point.id}/links`).auth(t.adminToken, bearer).send({ expiresAt: '2020-01-01T00:00:00Z' }).expect(400);
      expect(past.body.details).toEqual([{ field: 'expiresAt', code: 'expires_in_past', message: 'Thời hạn của liên kết (expiresAt) phải ở tương lai.' }]);
      const current = (await t.http.get(`/api/conferences/${id}/bridge-points/${point.id}`).auth(t.adminToken, bearer)).body;
      expect(current.confirmationStatus).toBe('confirmed');
    });

    it('with replace, issues links in bulk that revoke the points\' earlier ones', async () => {
      const path = `/api/conferences/${id}/bridge-points/links`;
      const before = (await t.http.post(path).auth(t.adminToken, bearer).send({ provinceCode: '24', send: false }).expect(201)).body.items;
      const after = (await t.http.post(path).auth(t.adminToken, bearer).send({ provinceCode: '24', send: false, replace: true }).expect(201)).body.items;
      expect(after).toHaveLength(before.length);
      for (const link of [before[0], before[before.length - 1]]) {
        expect((await t.http.get(pub(link.token)).expect(410)).body.details[0].code).toBe('revoked');
      }
      await t.http.get(pub(after[0].token)).expect(200);
    });

    it('issues links in bulk for every point of one province', async () => {
      const res = await t.http.post(`/api/conferences/${id}/bridge-points/links`).auth(t.adminToken, bearer).send({ provinceCode: '24' }).expect(201);
      expect(res.body.items).toHaveLength(communeCountsFromSeed().get('24')! + 1);
      expect(new Set(res.body.items.map((l: { token: string }) => l.token)).size).toBe(res.body.items.length);
      // No point of the province has a contact email yet: no mail is queued, and the answer names every point.
      expect(res.body.queued).toBe(0);
      expect(res.body.withoutEmail).toHaveLength(res.body.items.length);
      expect(res.body.withoutEmail[0]).toEqual({ bridgePointId: point.id, name: 'Điểm cầu tỉnh Bắc Ninh' });
    });

    it('queues a link mail for each chosen point with a contact email, with send or its former name sendEmail, and none with send: false', async () => {
      const version = (await t.http.get(`/api/conferences/${id}/bridge-points/${point.id}`).auth(t.adminToken, bearer).expect(200)).body.version;
      await t.http.patch(`/api/conferences/${id}/bridge-points/${point.id}`).auth(t.adminToken, bearer).send({ version, contactEmail: 'VP@BacNinh.gov.vn' }).expect(200);
      const links = (body: object) => t.http.post(`/api/conferences/${id}/bridge-points/links`).auth(t.adminToken, bearer).send({ provinceCode: '24', ...body }).expect(201);
      const outbox = async () => count('outbox_messages');
      const before = await outbox();
      expect((await links({ send: false })).body).toMatchObject({ queued: 0 });
      expect((await links({ sendEmail: false })).body).toMatchObject({ queued: 0 });
      expect(await outbox()).toBe(before);
      const sent = (await links({ send: true })).body;
      expect(sent.queued).toBe(1);
      expect(sent.withoutEmail.map((p: { bridgePointId: string }) => p.bridgePointId)).not.toContain(point.id);
      expect((await links({ sendEmail: true })).body.queued).toBe(1);
      expect(await outbox()).toBe(before + 2);
    });
  });

  describe('under concurrency', () => {
    it('63 operators confirming at the same moment lose nothing', async () => {
      const id = await newConference();
      await post(id, { administrativeUnitSet: 'vn-63' }).expect(201);
      const points = await allPoints(id);
      const links = (await t.http.post(`/api/conferences/${id}/bridge-points/links`).auth(t.adminToken, bearer).send({}).expect(201)).body.items;
      const results = await Promise.all(
        links.map((l: { token: string }, i: number) => t.http.post(`/api/public/bridge-points/${l.token}/confirm`).send({ expectedAttendees: i + 1 })),
      );
      expect(results.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
      const s = await summary(id);
      expect(s.byConfirmation.confirmed).toBe(points.length);
      expect(s.expectedAttendees).toBe((63 * 64) / 2);
    });

    it('3,355 points reporting attendance at once lose nothing', async () => {
      const id = await newConference();
      await post(id, { administrativeUnitSet: 'vn-34', level: 'commune' }).expect(201);
      const points = await allPoints(id);
      expect(points).toHaveLength(3355);
      const inFlight = 100;
      const statuses: number[] = [];
      for (let i = 0; i < points.length; i += inFlight) {
        const batch = points.slice(i, i + inFlight);
        const res = await Promise.all(
          batch.map((p) => t.http.post(`/api/conferences/${id}/bridge-points/${p.id}/attendance`).auth(t.adminToken, bearer).send({ actualAttendees: 2 })),
        );
        statuses.push(...res.map((r) => r.status));
      }
      expect(statuses.filter((s) => s !== 200)).toEqual([]);
      const s = await summary(id);
      expect(s.actualAttendees).toBe(2 * 3355);
    });
  });
});
