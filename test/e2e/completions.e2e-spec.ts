import { Workbook } from 'exceljs';
import { Response } from 'superagent';
import { Clock } from '../../src/common/clock';
import { aConference, aMainPoint, anAgendaItem } from '../factories';
import { startApp, TestApp } from '../harness';

const bearer = { type: 'bearer' as const };
const DAY = '2030-07-15';

function binary(res: Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

const fileNameOf = (disposition: string) => decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)![1]);

interface Row {
  attendeeId: string;
  fullName: string;
  sessionsRequired: number;
  sessionsAttended: number;
  attendancePercent: number;
  evaluationSubmitted: boolean;
  completed: boolean;
}

/**
 * Completion of a training (hoàn thành khóa học): each person's sessions attended (present or
 * late) against the conference's completionRule, as a list and as an XLSX workbook.
 */
describe('completion of a training (hoàn thành khóa học)', () => {
  let t: TestApp;
  let clock: jest.SpyInstance | undefined;
  const api = (path: string) => `/api/conferences${path}`;
  const post = (path: string, body: object = {}, token = t.adminToken) => t.http.post(api(path)).auth(token, bearer).send(body);
  const patch = (path: string, body: object, token = t.adminToken) => t.http.patch(api(path)).auth(token, bearer).send(body);
  const get = (path: string, token = t.adminToken) => t.http.get(api(path)).auth(token, bearer);
  const figures = (items: Row[]) =>
    Object.fromEntries(items.map((r) => [r.fullName, [r.sessionsAttended, r.attendancePercent, r.completed]]));

  /**
   * A training with three sessions (08:00–09:00, 09:00–10:00, 10:00–11:00) and a break that is no
   * session; An attends all three (one late), Bình one (then excused, absent), Cường two (then
   * excused), Dung declined and holds no place.
   */
  async function aTraining(options: { sessions?: boolean; completionRule?: object } = {}) {
    const c = (
      await post(
        '',
        aConference({
          kind: 'training',
          title: 'Lớp tập huấn nghiệp vụ công tác dân vận năm 2030',
          startsAt: `${DAY}T08:00:00+07:00`,
          endsAt: `${DAY}T11:30:00+07:00`,
          ...(options.completionRule && { completionRule: options.completionRule }),
        }),
      ).expect(201)
    ).body;
    const main = (await post(`/${c.id}/bridge-points`, aMainPoint()).expect(201)).body;
    const province = (await post(`/${c.id}/bridge-points`, { name: 'Điểm cầu tỉnh Bắc Ninh', level: 'provincial' }).expect(201)).body;
    const sessions: { id: string }[] = [];
    const required = options.sessions !== false;
    for (const [from, to] of [['08:00', '09:00'], ['09:00', '10:00'], ['10:00', '11:00']]) {
      sessions.push((await post(`/${c.id}/agenda-items`, anAgendaItem(DAY, from, to, { title: `Chuyên đề ${from}`, attendanceRequired: required })).expect(201)).body);
    }
    await post(`/${c.id}/agenda-items`, anAgendaItem(DAY, '11:00', '11:15', { kind: 'break', title: 'Giải lao' })).expect(201);
    const person = async (fullName: string, bridgePointId: string, extra: object = {}) =>
      (await post(`/${c.id}/attendees`, { bridgePointId, fullName, title: 'Chuyên viên', organization: 'Ban Dân vận Tỉnh ủy', ...extra }).expect(201)).body as { id: string };
    const an = await person('Nguyễn Văn An', main.id);
    const binh = await person('Trần Thị Bình', main.id);
    const cuong = await person('Lê Văn Cường', province.id);
    const dung = await person('Phạm Thị Dung', main.id, { status: 'declined' });
    await post(`/${c.id}/publish`).expect(200);
    if (required) {
      // After the three sessions opened, a status by hand is accepted for each of them.
      clock = jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(`${DAY}T10:30:00+07:00`));
      const marks: [{ id: string }, string[]][] = [
        [an, ['present', 'present', 'late']],
        [binh, ['present', 'excused', 'absent']],
        [cuong, ['present', 'late', 'excused']],
      ];
      for (const [who, statuses] of marks) {
        for (const [i, status] of statuses.entries()) {
          await post(`/${c.id}/agenda-items/${sessions[i].id}/attendance`, { attendeeId: who.id, status }).expect(200);
        }
      }
      clock.mockRestore();
    }
    return { id: c.id as string, version: c.version as number, main, province, sessions, an, binh, cuong, dung };
  }

  beforeAll(async () => {
    t = await startApp();
  });
  afterEach(() => clock?.mockRestore());
  afterAll(() => t.close());

  describe('completionRule on the conference', () => {
    it('answers the default (100 %, no evaluation) when none is given, stores a given one, keeps untouched fields on PATCH and is cloned', async () => {
      const plain = (await post('', aConference()).expect(201)).body;
      expect(plain.completionRule).toEqual({ minAttendancePercent: 100, requireEvaluation: false });
      const c = (await post('', aConference({ completionRule: { requireEvaluation: true } })).expect(201)).body;
      expect(c.completionRule).toEqual({ minAttendancePercent: 100, requireEvaluation: true });
      const changed = (await patch(`/${c.id}`, { version: c.version, completionRule: { minAttendancePercent: 80 } }).expect(200)).body;
      expect(changed.completionRule).toEqual({ minAttendancePercent: 80, requireEvaluation: true });
      expect((await get(`/${c.id}`).expect(200)).body.completionRule).toEqual({ minAttendancePercent: 80, requireEvaluation: true });
      const copy = (await post(`/${c.id}/clone`, { startsAt: '2026-01-10T08:00:00+07:00' }).expect(201)).body;
      expect(copy.completionRule).toEqual({ minAttendancePercent: 80, requireEvaluation: true });
    });

    it.each([
      [{ minAttendancePercent: 0 }, 'completionRule.minAttendancePercent', 'too_small'],
      [{ minAttendancePercent: 101 }, 'completionRule.minAttendancePercent', 'too_large'],
      [{ minAttendancePercent: 50.5 }, 'completionRule.minAttendancePercent', 'not_an_integer'],
      [{ minAttendancePercent: '50' }, 'completionRule.minAttendancePercent', 'not_an_integer'],
      [{ requireEvaluation: 'có' }, 'completionRule.requireEvaluation', 'not_a_boolean'],
      [{ minimum: 50 }, 'completionRule.minimum', 'unknown_field'],
    ])('refuses completionRule %j on create and on PATCH (%s: %s)', async (rule, field, code) => {
      const created = await post('', aConference({ completionRule: rule })).expect(400);
      // A string is also compared with the bounds (as every integer field of the API is): the code names what is wrong with it.
      expect(created.body.details).toContainEqual(expect.objectContaining({ field, code, message: expect.stringContaining(`"${field}"`) }));
      expect(created.body.details.every((d: { field: string }) => d.field === field)).toBe(true);
      const c = (await post('', aConference()).expect(201)).body;
      const patched = await patch(`/${c.id}`, { version: c.version, completionRule: rule }).expect(400);
      expect(patched.body.details).toContainEqual(expect.objectContaining({ field, code }));
      expect((await get(`/${c.id}`).expect(200)).body).toMatchObject({ version: c.version, completionRule: { minAttendancePercent: 100 } });
    });

    it('refuses a completionRule that is not an object, and null on PATCH', async () => {
      const text = await post('', aConference({ completionRule: '100%' })).expect(400);
      expect(text.body.details[0]).toMatchObject({ field: 'completionRule' });
      const c = (await post('', aConference()).expect(201)).body;
      const cleared = await patch(`/${c.id}`, { version: c.version, completionRule: null }).expect(400);
      expect(cleared.body.details[0]).toMatchObject({ field: 'completionRule' });
    });
  });

  describe('GET …/completions', () => {
    it('needs every session under the default rule; late counts, excused and absent do not; people without a place are not listed', async () => {
      const c = await aTraining();
      const page = (await get(`/${c.id}/completions`).expect(200)).body;
      expect(page).toMatchObject({ total: 3, page: 1, pageSize: 100, sessionsRequired: 3, completionRule: { minAttendancePercent: 100, requireEvaluation: false } });
      expect(page.items.map((r: Row) => r.fullName)).toEqual(['Lê Văn Cường', 'Nguyễn Văn An', 'Trần Thị Bình']);
      expect(page.items[1]).toEqual({
        attendeeId: c.an.id,
        fullName: 'Nguyễn Văn An',
        title: 'Chuyên viên',
        organization: 'Ban Dân vận Tỉnh ủy',
        bridgePointId: c.main.id,
        sessionsRequired: 3,
        sessionsAttended: 3,
        attendancePercent: 100,
        evaluationSubmitted: false,
        completed: true,
      });
      expect(figures(page.items)).toEqual({
        'Nguyễn Văn An': [3, 100, true],
        'Trần Thị Bình': [1, 33, false],
        'Lê Văn Cường': [2, 66, false],
      });
    });

    it('applies a lower percent, comparing the percent rounded down', async () => {
      const c = await aTraining({ completionRule: { minAttendancePercent: 67 } });
      expect(figures((await get(`/${c.id}/completions`).expect(200)).body.items)['Lê Văn Cường']).toEqual([2, 66, false]);
      await patch(`/${c.id}`, { version: (await get(`/${c.id}`)).body.version, completionRule: { minAttendancePercent: 66 } }).expect(200);
      const page = (await get(`/${c.id}/completions`).expect(200)).body;
      expect(figures(page.items)).toEqual({
        'Nguyễn Văn An': [3, 100, true],
        'Trần Thị Bình': [1, 33, false],
        'Lê Văn Cường': [2, 66, true],
      });
      expect(page.completionRule).toEqual({ minAttendancePercent: 66, requireEvaluation: false });
    });

    it('completes nobody while the evaluation is required, since evaluations are not collected yet', async () => {
      const c = await aTraining({ completionRule: { minAttendancePercent: 30, requireEvaluation: true } });
      const page = (await get(`/${c.id}/completions`).expect(200)).body;
      expect(page.items.map((r: Row) => [r.completed, r.evaluationSubmitted])).toEqual([[false, false], [false, false], [false, false]]);
      expect((await get(`/${c.id}/completions?completed=true`).expect(200)).body).toMatchObject({ items: [], total: 0 });
      expect((await get(`/${c.id}/completions?completed=false`).expect(200)).body.total).toBe(3);
    });

    it('says a conference without sessions has sessionsRequired 0, and nobody completed it', async () => {
      const c = await aTraining({ sessions: false });
      const page = (await get(`/${c.id}/completions`).expect(200)).body;
      expect(page).toMatchObject({ total: 3, sessionsRequired: 0 });
      expect(page.items.map((r: Row) => [r.sessionsRequired, r.sessionsAttended, r.attendancePercent, r.completed])).toEqual([
        [0, 0, 0, false],
        [0, 0, 0, false],
        [0, 0, 0, false],
      ]);
      expect((await get(`/${c.id}/completions?completed=true`).expect(200)).body.total).toBe(0);
    });

    it('filters by completed and by bridge point, and pages', async () => {
      const c = await aTraining({ completionRule: { minAttendancePercent: 60 } });
      const done = (await get(`/${c.id}/completions?completed=true`).expect(200)).body;
      expect(done.items.map((r: Row) => r.fullName)).toEqual(['Lê Văn Cường', 'Nguyễn Văn An']);
      expect(done.total).toBe(2);
      const notDone = (await get(`/${c.id}/completions?completed=false`).expect(200)).body;
      expect(notDone.items.map((r: Row) => r.fullName)).toEqual(['Trần Thị Bình']);
      const province = (await get(`/${c.id}/completions?bridgePointId=${c.province.id}`).expect(200)).body;
      expect(province.items.map((r: Row) => r.fullName)).toEqual(['Lê Văn Cường']);
      const mainDone = (await get(`/${c.id}/completions?bridgePointId=${c.main.id.toUpperCase()}&completed=true`).expect(200)).body;
      expect(mainDone.items.map((r: Row) => r.fullName)).toEqual(['Nguyễn Văn An']);
      const second = (await get(`/${c.id}/completions?pageSize=2&page=2`).expect(200)).body;
      expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2 });
      expect(second.items.map((r: Row) => r.fullName)).toEqual(['Trần Thị Bình']);
    });

    it('refuses bad filters and unknown conferences and points with codes', async () => {
      const c = await aTraining({ sessions: false });
      const bad = await get(`/${c.id}/completions?completed=maybe`).expect(400);
      expect(bad.body.details).toEqual([expect.objectContaining({ field: 'completed', code: 'not_allowed_value' })]);
      const badPoint = await get(`/${c.id}/completions?bridgePointId=24`).expect(400);
      expect(badPoint.body.details).toEqual([expect.objectContaining({ field: 'bridgePointId', code: 'not_a_uuid' })]);
      const unknownPoint = await get(`/${c.id}/completions?bridgePointId=00000000-0000-4000-8000-000000000000`).expect(404);
      expect(unknownPoint.body.details).toEqual([
        { field: 'bridgePointId', code: 'bridge_point_not_found', message: 'Không tìm thấy điểm cầu 00000000-0000-4000-8000-000000000000 trong hội nghị này.' },
      ]);
      const unknown = await get('/00000000-0000-4000-8000-000000000000/completions').expect(404);
      expect(unknown.body.details[0].code).toBe('conference_not_found');
      await t.http.get(api(`/${c.id}/completions`)).expect(401);
    });

    it("shows an operator only the people of their own points, hides other points and conferences", async () => {
      const c = await aTraining({ completionRule: { minAttendancePercent: 60 } });
      const operator = await t.userWithRole('operator', { bridgePointIds: [c.province.id] });
      const page = (await get(`/${c.id}/completions`, operator).expect(200)).body;
      expect(page.items.map((r: Row) => [r.fullName, r.completed])).toEqual([['Lê Văn Cường', true]]);
      expect(page.total).toBe(1);
      const other = await get(`/${c.id}/completions?bridgePointId=${c.main.id}`, operator).expect(404);
      expect(other.body.details[0].code).toBe('bridge_point_not_found');
      const outsider = await t.userWithRole('operator', { bridgePointIds: [] });
      await get(`/${c.id}/completions`, outsider).expect(404);
      await get(`/${c.id}/completions.xlsx`, outsider).expect(404);
    });

    it('lets a viewer read the list and the workbook', async () => {
      const c = await aTraining({ sessions: false });
      const viewer = await t.userWithRole('viewer');
      expect((await get(`/${c.id}/completions`, viewer).expect(200)).body.total).toBe(3);
      await get(`/${c.id}/completions.xlsx`, viewer).expect(200);
    });
  });

  describe('GET …/completions.xlsx', () => {
    const xlsx = (path: string, token = t.adminToken) => get(path, token).buffer(true).parse(binary);
    const sheetOf = async (body: Buffer) => {
      const workbook = new Workbook();
      await workbook.xlsx.load(body as unknown as Parameters<typeof workbook.xlsx.load>[0]);
      const sheet = workbook.worksheets[0];
      const rows: unknown[][] = [];
      sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return { name: sheet.name, rows };
    };

    it('writes every person with Vietnamese headers and a Vietnamese file name', async () => {
      const c = await aTraining({ completionRule: { minAttendancePercent: 60 } });
      const res = await xlsx(`/${c.id}/completions.xlsx`).expect(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(res.headers['cache-control']).toBe('no-store');
      const disposition = res.headers['content-disposition'] as string;
      expect(disposition).toMatch(/^attachment; filename="ket-qua-hoan-thanh-khoa-hoc-lop-tap-huan-nghiep-vu-cong-tac-dan-van-nam-2030\.xlsx"; filename\*=UTF-8''/);
      expect(fileNameOf(disposition)).toBe('Kết quả hoàn thành khóa học - Lớp tập huấn nghiệp vụ công tác dân vận năm 2030.xlsx');
      const { name, rows } = await sheetOf(res.body as Buffer);
      expect(name).toBe('Hoàn thành khóa học');
      expect(rows).toEqual([
        ['Họ và tên', 'Chức vụ', 'Đơn vị', 'Điểm cầu', 'Số buổi phải học', 'Số buổi tham gia', 'Tỷ lệ (%)', 'Đã nộp phiếu đánh giá', 'Hoàn thành'],
        ['Lê Văn Cường', 'Chuyên viên', 'Ban Dân vận Tỉnh ủy', 'Điểm cầu tỉnh Bắc Ninh', 3, 2, 66, 'Không', 'Có'],
        ['Nguyễn Văn An', 'Chuyên viên', 'Ban Dân vận Tỉnh ủy', 'Điểm cầu Trung ương', 3, 3, 100, 'Không', 'Có'],
        ['Trần Thị Bình', 'Chuyên viên', 'Ban Dân vận Tỉnh ủy', 'Điểm cầu Trung ương', 3, 1, 33, 'Không', 'Không'],
      ]);
    });

    it('applies the filters and names the bridge point in the file name', async () => {
      const c = await aTraining();
      const res = await xlsx(`/${c.id}/completions.xlsx?bridgePointId=${c.main.id}&completed=false`).expect(200);
      expect(fileNameOf(res.headers['content-disposition'] as string)).toBe(
        'Kết quả hoàn thành khóa học - Lớp tập huấn nghiệp vụ công tác dân vận năm 2030 - Điểm cầu Trung ương.xlsx',
      );
      const { rows } = await sheetOf(res.body as Buffer);
      expect(rows.slice(1).map((r) => r[0])).toEqual(['Trần Thị Bình']);
      const operator = await t.userWithRole('operator', { bridgePointIds: [c.province.id] });
      const own = await sheetOf((await xlsx(`/${c.id}/completions.xlsx`, operator).expect(200)).body as Buffer);
      expect(own.rows.slice(1).map((r) => r[0])).toEqual(['Lê Văn Cường']);
    });
  });
});
