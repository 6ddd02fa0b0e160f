import { Workbook } from 'exceljs';
import { Clock } from '../../src/common/clock';
import { aConference, aMainPoint, anAgendaItem } from '../factories';
import { startApp, TestApp } from '../harness';

const bearer = { type: 'bearer' as const };
const DAY = '2030-07-15';
/** An instant of the conference day, in its zone (+07:00). */
const at = (time: string) => new Date(`${DAY}T${time}:00+07:00`);

interface Person {
  id: string;
  code: string;
  email: string | null;
  fullName: string;
}

/**
 * Training sessions: an agenda item with attendanceRequired is a session, whose attendance is
 * taken by a roll call of check-in codes, set person by person, or imported from a paper
 * sign-in sheet, by organizers and by operators for the people of their own points.
 */
describe('session attendance (điểm danh buổi học)', () => {
  let t: TestApp;
  let clock: jest.SpyInstance;
  const api = (path: string) => `/api/conferences${path}`;
  const post = (path: string, body: object = {}, token = t.adminToken) => t.http.post(api(path)).auth(token, bearer).send(body);
  const get = (path: string, token = t.adminToken) => t.http.get(api(path)).auth(token, bearer);
  const now = (time: string) => clock.mockImplementation(() => at(time));

  /** A training conference with a main point and a provincial point, a session 08:00–09:30 and an ordinary item after it. */
  async function aTraining(options: { publish?: boolean } = {}) {
    const c = (
      await post('', aConference({ kind: 'training', startsAt: `${DAY}T08:00:00+07:00`, endsAt: `${DAY}T11:30:00+07:00` })).expect(201)
    ).body;
    const main = (await post(`/${c.id}/bridge-points`, aMainPoint()).expect(201)).body;
    const province = (await post(`/${c.id}/bridge-points`, { name: 'Điểm cầu tỉnh Bắc Ninh', level: 'provincial' }).expect(201)).body;
    const session = (
      await post(`/${c.id}/agenda-items`, anAgendaItem(DAY, '08:00', '09:30', { title: 'Chuyên đề 1: Công tác dân vận chính quyền', attendanceRequired: true })).expect(201)
    ).body;
    const plain = (await post(`/${c.id}/agenda-items`, anAgendaItem(DAY, '09:30', '10:00', { kind: 'break', title: 'Giải lao' })).expect(201)).body;
    const person = async (fullName: string, bridgePointId: string, extra: object = {}): Promise<Person> =>
      (await post(`/${c.id}/attendees`, { bridgePointId, fullName, ...extra }).expect(201)).body;
    const an = await person('Nguyễn Văn An', main.id, { email: 'an@example.vn' });
    const binh = await person('Trần Thị Bình', main.id, { email: 'binh@example.vn' });
    const cuong = await person('Lê Văn Cường', province.id, { email: 'cuong@example.vn' });
    const dung = await person('Phạm Thị Dung', main.id, { status: 'declined' });
    if (options.publish !== false) await post(`/${c.id}/publish`).expect(200);
    return { id: c.id as string, main, province, session, plain, an, binh, cuong, dung, path: `/${c.id}/agenda-items/${session.id}/attendance` };
  }

  const sheet = (lines: string[]) => Buffer.from(lines.join('\n'), 'utf8');
  const upload = (path: string, file: Buffer, token = t.adminToken) =>
    t.http.post(api(`${path}/import`)).auth(token, bearer).attach('file', file, 'Danh sách ký tên.csv');

  beforeAll(async () => {
    t = await startApp();
    clock = jest.spyOn(t.app.get(Clock), 'now');
  });
  afterEach(() => clock.mockRestore());
  afterAll(() => t.close());
  beforeEach(() => {
    clock = jest.spyOn(t.app.get(Clock), 'now');
  });

  describe('sessions in the agenda', () => {
    it('answers attendanceRequired on every item (false unless set), and changes it with PATCH', async () => {
      const c = await aTraining({ publish: false });
      expect(c.session.attendanceRequired).toBe(true);
      expect(c.plain.attendanceRequired).toBe(false);
      const listed = (await get(`/${c.id}/agenda-items`).expect(200)).body.items;
      expect(listed.map((i: { attendanceRequired: boolean }) => i.attendanceRequired)).toEqual([true, false]);
      const changed = (await t.http.patch(api(`/${c.id}/agenda-items/${c.plain.id}`)).auth(t.adminToken, bearer).send({ version: 1, attendanceRequired: true }).expect(200)).body;
      expect(changed).toMatchObject({ attendanceRequired: true, version: 2 });
      const bad = await t.http.patch(api(`/${c.id}/agenda-items/${c.plain.id}`)).auth(t.adminToken, bearer).send({ version: 2, attendanceRequired: 'có' }).expect(400);
      expect(bad.body.details[0].field).toBe('attendanceRequired');
      await t.http.patch(api(`/${c.id}/agenda-items/${c.plain.id}`)).auth(t.adminToken, bearer).send({ version: 2, attendanceRequired: null }).expect(400);
    });
  });

  describe('roll call by codes', () => {
    it('marks present within the grace and late after it, keeps earlier marks, lists unknown codes and refuses people without a place', async () => {
      const c = await aTraining();
      now('08:10');
      const first = (await post(c.path, { codes: [` ${c.an.code.toLowerCase().slice(0, 3)}-${c.an.code.slice(3)} `, 'zzzzzz', c.dung.code] }).expect(200)).body;
      expect(first.marked).toEqual([expect.objectContaining({ attendeeId: c.an.id, status: 'present', method: 'roll_call', version: 1, at: at('08:10').toISOString() })]);
      expect(first.unknown).toEqual(['ZZZZZZ']);
      expect(first.alreadyMarked).toEqual([]);
      expect(first.refused).toEqual([
        { code: c.dung.code, attendeeId: c.dung.id, reason: 'not_holding_place', message: expect.stringContaining('đã báo không tham dự') },
      ]);
      now('08:16');
      const second = (await post(c.path, { codes: [c.an.code, c.binh.code] }).expect(200)).body;
      expect(second.marked).toEqual([expect.objectContaining({ attendeeId: c.binh.id, status: 'late' })]);
      expect(second.alreadyMarked).toEqual([expect.objectContaining({ attendeeId: c.an.id, status: 'present', version: 1 })]);
    });

    it('refuses before the session opens and after it ends, naming when, and records nothing', async () => {
      const c = await aTraining();
      now('07:29');
      const early = await post(c.path, { codes: [c.an.code] }).expect(409);
      expect(early.body.details).toEqual([
        { field: 'startsAt', code: 'session_not_open', message: expect.stringMatching(/^Chưa đến giờ: điểm danh buổi ".+" mở từ 07:30, .+ \(30 phút trước giờ bắt đầu\)\.$/) },
      ]);
      now('09:31');
      const late = await post(c.path, { codes: [c.an.code] }).expect(409);
      expect(late.body.details[0]).toMatchObject({ field: 'endsAt', code: 'session_ended' });
      const list = (await get(c.path).expect(200)).body;
      expect(list.totals).toEqual({ present: 0, late: 0, excused: 0, absent: 0, unmarked: 3 });
    });

    it('refuses an item that is not a session, an unknown item and another conference\'s session', async () => {
      const c = await aTraining();
      const other = await aTraining();
      now('08:05');
      const plain = await post(`/${c.id}/agenda-items/${c.plain.id}/attendance`, { codes: [c.an.code] }).expect(409);
      expect(plain.body.details[0]).toMatchObject({ field: 'itemId', code: 'not_a_session' });
      await get(`/${c.id}/agenda-items/${c.plain.id}/attendance`).expect(409);
      const unknown = await post(`/${c.id}/agenda-items/00000000-0000-4000-8000-000000000000/attendance`, { codes: [c.an.code] }).expect(404);
      expect(unknown.body.details[0].code).toBe('agenda_item_not_found');
      const foreign = await post(`/${c.id}/agenda-items/${other.session.id}/attendance`, { codes: [c.an.code] }).expect(404);
      expect(foreign.body.details[0].code).toBe('agenda_item_not_found');
      const wrongSession = (await post(other.path, { codes: [c.an.code] }).expect(200)).body;
      expect(wrongSession).toMatchObject({ marked: [], unknown: [c.an.code] });
    });

    it('refuses a draft and a cancelled conference', async () => {
      const draft = await aTraining({ publish: false });
      now('08:05');
      const res = await post(draft.path, { codes: [draft.an.code] }).expect(409);
      expect(res.body.details[0].code).toBe('conference_not_published');
      const cancelled = await aTraining();
      clock.mockRestore();
      await post(`/${cancelled.id}/cancel`, { reason: 'Hoãn do thời tiết' }).expect(200);
      clock = jest.spyOn(t.app.get(Clock), 'now');
      now('08:05');
      const closed = await post(cancelled.path, { attendeeId: cancelled.an.id, status: 'absent' }).expect(409);
      expect(closed.body.details[0].code).toBe('conference_closed');
    });

    it('refuses bad bodies: no codes, too many, both forms at once, a status without a person, a bad status', async () => {
      const c = await aTraining();
      now('08:05');
      await post(c.path, {}).expect(400);
      await post(c.path, { codes: [] }).expect(400);
      const many = await post(c.path, { codes: Array.from({ length: 1001 }, (_, i) => `C${i}`) }).expect(400);
      expect(many.body.details[0].field).toBe('codes');
      const both = await post(c.path, { codes: [c.an.code], attendeeId: c.an.id, status: 'present' }).expect(400);
      expect(both.body.details[0].code).toBe('codes_or_attendee');
      const alone = await post(c.path, { status: 'present' }).expect(400);
      expect(alone.body.details).toEqual([expect.objectContaining({ field: 'attendeeId', code: 'required' })]);
      const bad = await post(c.path, { attendeeId: c.an.id, status: 'có mặt' }).expect(400);
      expect(bad.body.details[0].field).toBe('status');
      await post(c.path, { attendeeId: 'not-a-uuid', status: 'present' }).expect(400);
      expect((await get(c.path).expect(200)).body.totals.unmarked).toBe(3);
    });
  });

  describe('one person\'s status', () => {
    it('records a status, needs the version read to change it, and answers 409 on a stale one', async () => {
      const c = await aTraining();
      now('07:00');
      const early = await post(c.path, { attendeeId: c.an.id, status: 'present' }).expect(409);
      expect(early.body.details[0].code).toBe('session_not_open');
      const excused = (await post(c.path, { attendeeId: c.an.id, status: 'excused' }).expect(200)).body;
      expect(excused).toMatchObject({ attendeeId: c.an.id, status: 'excused', method: 'roll_call', version: 1 });
      now('10:00');
      const noVersion = await post(c.path, { attendeeId: c.an.id, status: 'absent' }).expect(409);
      expect(noVersion.body.details[0]).toMatchObject({ field: 'version', code: 'version_required' });
      const stale = await post(c.path, { attendeeId: c.an.id, status: 'absent', version: 7 }).expect(409);
      expect(stale.body.details[0].code).toBe('stale_version');
      const absent = (await post(c.path, { attendeeId: c.an.id, status: 'absent', version: 1 }).expect(200)).body;
      expect(absent).toMatchObject({ status: 'absent', version: 2 });
      const same = (await post(c.path, { attendeeId: c.an.id, status: 'absent', version: 2 }).expect(200)).body;
      expect(same).toMatchObject({ status: 'absent', version: 2 });
      const refused = await post(c.path, { attendeeId: c.dung.id, status: 'present' }).expect(409);
      expect(refused.body.details[0]).toMatchObject({ field: 'attendeeId', code: 'not_holding_place' });
      const missing = await post(c.path, { attendeeId: '00000000-0000-4000-8000-000000000000', status: 'present' }).expect(404);
      expect(missing.body.details[0].code).toBe('attendee_not_found');
    });

    it('still records after the conference was completed, but takes no more roll calls', async () => {
      const c = await aTraining();
      await post(`/${c.id}/start`, { force: true }).expect(200);
      await post(`/${c.id}/complete`, { force: true }).expect(200);
      now('12:00');
      await post(c.path, { attendeeId: c.binh.id, status: 'absent' }).expect(200);
      const roll = await post(c.path, { codes: [c.an.code] }).expect(409);
      expect(roll.body.details[0].code).toBe('conference_closed');
    });

    it('audits every change', async () => {
      const c = await aTraining();
      now('08:00');
      await post(c.path, { codes: [c.an.code] }).expect(200);
      await post(c.path, { attendeeId: c.an.id, status: 'late', version: 1 }).expect(200);
      clock.mockRestore();
      const audit = (await get(`/${c.id}/audit`).expect(200)).body.items.filter((e: { entityType: string }) => e.entityType === 'session_attendance');
      expect(audit.map((e: { action: string }) => e.action).sort()).toEqual(['roll_call', 'set_status']);
      expect(audit.find((e: { action: string }) => e.action === 'set_status')).toMatchObject({ before: { status: 'present' }, after: { status: 'late' } });
    });
  });

  describe('removing a session from the agenda', () => {
    const remove = (path: string, token = t.adminToken) => t.http.delete(api(path)).auth(token, bearer);

    it('refuses while it holds marks, naming how many; with force=true deletes them with it and counts them in the audit', async () => {
      const c = await aTraining();
      const itemPath = `/${c.id}/agenda-items/${c.session.id}`;
      now('08:05');
      await post(c.path, { codes: [c.an.code, c.binh.code] }).expect(200);
      const refused = await remove(itemPath).expect(409);
      expect(refused.body.details).toEqual([
        expect.objectContaining({ field: 'itemId', code: 'session_has_attendance', message: expect.stringContaining('đã có 2 lượt điểm danh') }),
      ]);
      expect((await get(c.path).expect(200)).body.totals).toMatchObject({ present: 2 });
      for (const bad of ['yes', '1', 'TRUE']) {
        const res = await t.http.delete(api(`${itemPath}?force=${bad}`)).auth(t.adminToken, bearer).expect(400);
        expect(res.body.details[0]).toMatchObject({ field: 'force' });
      }
      await t.http.delete(api(`${itemPath}?force=false`)).auth(t.adminToken, bearer).expect(409);
      await t.http.delete(api(`${itemPath}?force=true`)).auth(t.adminToken, bearer).expect(204);
      await get(c.path).expect(404);
      clock.mockRestore();
      const entry = (await get(`/${c.id}/audit`).expect(200)).body.items.find(
        (e: { entityType: string; action: string }) => e.entityType === 'agenda_item' && e.action === 'delete',
      );
      expect(entry).toMatchObject({ entityId: c.session.id, before: { title: c.session.title, deletedWithIt: { sessionAttendances: 2 } }, after: null });
    });

    it('removes a session without marks, and an ordinary item, as before', async () => {
      const c = await aTraining();
      await remove(`/${c.id}/agenda-items/${c.session.id}`).expect(204);
      await remove(`/${c.id}/agenda-items/${c.plain.id}`).expect(204);
    });
  });

  describe('the list', () => {
    it('lists the people holding a place with their status, filters by status and point, and totals per status', async () => {
      const c = await aTraining();
      now('08:05');
      await post(c.path, { codes: [c.an.code] }).expect(200);
      await post(c.path, { attendeeId: c.cuong.id, status: 'excused' }).expect(200);
      const all = (await get(c.path).expect(200)).body;
      expect(all).toMatchObject({ total: 3, page: 1, pageSize: 100, totals: { present: 1, late: 0, excused: 1, absent: 0, unmarked: 1 } });
      expect(all.items.map((i: { fullName: string; status: string | null }) => [i.fullName, i.status])).toEqual([
        ['Lê Văn Cường', 'excused'],
        ['Nguyễn Văn An', 'present'],
        ['Trần Thị Bình', null],
      ]);
      expect(all.items[2]).toMatchObject({ at: null, method: null, version: null, code: c.binh.code, agendaItemId: c.session.id });
      expect((await get(`${c.path}?status=unmarked`).expect(200)).body.items.map((i: { attendeeId: string }) => i.attendeeId)).toEqual([c.binh.id]);
      expect((await get(`${c.path}?status=present`).expect(200)).body.items.map((i: { attendeeId: string }) => i.attendeeId)).toEqual([c.an.id]);
      const atProvince = (await get(`${c.path}?bridgePointId=${c.province.id}`).expect(200)).body;
      expect(atProvince).toMatchObject({ total: 1, totals: { excused: 1, unmarked: 0, present: 0 } });
      const page = (await get(`${c.path}?pageSize=1&page=2`).expect(200)).body;
      expect(page).toMatchObject({ total: 3, items: [expect.objectContaining({ attendeeId: c.an.id })] });
      await get(`${c.path}?status=maybe`).expect(400);
    });
  });

  describe('who may take attendance', () => {
    it('lets an operator mark and see only the people of their own points; everyone else is unknown or not found', async () => {
      const c = await aTraining();
      const operator = await t.userWithRole('operator', { bridgePointIds: [c.province.id] });
      now('08:05');
      const roll = (await post(c.path, { codes: [c.cuong.code, c.an.code] }, operator).expect(200)).body;
      expect(roll.marked.map((m: { attendeeId: string }) => m.attendeeId)).toEqual([c.cuong.id]);
      expect(roll.unknown).toEqual([c.an.code]);
      const hidden = await post(c.path, { attendeeId: c.an.id, status: 'absent' }, operator).expect(404);
      expect(hidden.body.details[0].code).toBe('attendee_not_found');
      const list = (await get(c.path, operator).expect(200)).body;
      expect(list).toMatchObject({ total: 1, totals: { present: 1, unmarked: 0 } });
      const outsider = await t.userWithRole('operator', { bridgePointIds: [] });
      await get(c.path, outsider).expect(404);
    });

    it('lets a viewer read but not write', async () => {
      const c = await aTraining();
      const viewer = await t.userWithRole('viewer');
      now('08:05');
      await get(c.path, viewer).expect(200);
      await post(c.path, { codes: [c.an.code] }, viewer).expect(403);
      await upload(c.path, sheet(['Mã', c.an.code]), viewer).expect(403);
      expect((await get(c.path).expect(200)).body.totals.unmarked).toBe(3);
    });
  });

  describe('the paper sign-in sheet', () => {
    it('refuses a sheet with bad rows, reporting each with its code, and records nothing', async () => {
      const c = await aTraining();
      now('10:00');
      const res = await upload(
        c.path,
        sheet([
          'STT,Họ và tên,Mã,Email,Trạng thái,Chữ ký',
          `1,Nguyễn Văn An,${c.an.code},,Có mặt,`,
          '2,Người lạ,ZZZZZZ,,,',
          '3,Trần Thị Bình,,binh@example.vn,đến sớm,',
          `4,Nguyễn Văn An,${c.an.code.toLowerCase()},,vắng,`,
          `5,Phạm Thị Dung,${c.dung.code},,,`,
          `6,Lê Văn Cường,${c.cuong.code},binh@example.vn,,`,
          '7,,,,có phép,',
          '8,Không ai,,khong-ai@example.vn,,',
        ]),
      ).expect(400);
      expect(res.body).toMatchObject({ status: 'failed', dryRun: false, totalRows: 8, rejected: 7 });
      expect(res.body.errors.map((e: { row: number; field: string; code: string }) => [e.row, e.field, e.code])).toEqual([
        [3, 'code', 'unknown_code'],
        [4, 'status', 'invalid_status'],
        [5, 'code', 'duplicate_attendee'],
        [6, 'code', 'not_holding_place'],
        [7, 'email', 'attendee_mismatch'],
        [8, 'code', 'attendee_required'],
        [9, 'email', 'unknown_email'],
      ]);
      expect(res.body.details[0]).toMatchObject({ field: 'rows.3.code', code: 'unknown_code' });
      expect((await get(c.path).expect(200)).body.totals.unmarked).toBe(3);
    });

    it('checks a sheet without recording it on a dry run, then records it, replacing earlier marks', async () => {
      const c = await aTraining();
      now('08:05');
      await post(c.path, { codes: [c.an.code] }).expect(200);
      now('11:00');
      const file = sheet(['Code;Email;Status', `${c.an.code};;absent`, ';BINH@example.vn;Đi muộn', `${c.cuong.code};;`]);
      const dry = await upload(c.path, file).field('dryRun', 'true').expect(201);
      expect(dry.body).toMatchObject({ status: 'done', dryRun: true, marked: 2, updated: 1, unchanged: 0, rejected: 0 });
      expect(dry.body.rows).toEqual([
        { row: 2, attendeeId: c.an.id, fullName: 'Nguyễn Văn An', from: 'present', status: 'absent' },
        { row: 3, attendeeId: c.binh.id, fullName: 'Trần Thị Bình', from: null, status: 'late' },
        { row: 4, attendeeId: c.cuong.id, fullName: 'Lê Văn Cường', from: null, status: 'present' },
      ]);
      expect((await get(c.path).expect(200)).body.totals).toEqual({ present: 1, late: 0, excused: 0, absent: 0, unmarked: 2 });
      const done = await upload(c.path, file).expect(201);
      expect(done.body).toMatchObject({ status: 'done', dryRun: false, marked: 2, updated: 1 });
      const list = (await get(c.path).expect(200)).body;
      expect(list.totals).toEqual({ present: 1, late: 1, excused: 0, absent: 1, unmarked: 0 });
      expect(list.items.find((i: { attendeeId: string }) => i.attendeeId === c.an.id)).toMatchObject({ status: 'absent', method: 'import', version: 2 });
      const again = await upload(c.path, file).expect(201);
      expect(again.body).toMatchObject({ marked: 0, updated: 0, unchanged: 3 });
    });

    it('reads a sign-in sheet kept in Excel: Vietnamese headers, a code typed in lower case, an email cell that is a mail link, statuses in words', async () => {
      const c = await aTraining();
      now('10:30');
      const workbook = new Workbook();
      const ws = workbook.addWorksheet('Danh sách ký tên');
      ws.addRow(['STT', 'Họ và tên', 'Mã', 'Email', 'Trạng thái', 'Ký tên']);
      ws.addRow([1, 'Nguyễn Văn An', c.an.code.toLowerCase(), null, 'Có mặt', '(đã ký)']);
      ws.addRow([2, 'Trần Thị Bình', null, { text: 'binh@example.vn', hyperlink: 'mailto:binh@example.vn' }, 'Có phép', null]);
      ws.addRow([3, 'Lê Văn Cường', c.cuong.code, null, null, '(đã ký)']);
      const file = Buffer.from(await workbook.xlsx.writeBuffer());
      const res = await t.http.post(api(`${c.path}/import`)).auth(t.adminToken, bearer).attach('file', file, 'Danh sách ký tên.xlsx').expect(201);
      expect(res.body).toMatchObject({ status: 'done', dryRun: false, marked: 3, rejected: 0 });
      expect((await get(c.path).expect(200)).body.totals).toEqual({ present: 2, late: 0, excused: 1, absent: 0, unmarked: 0 });
    });

    it("reads an operator's own people only, refuses a sheet without a code or email column, and one before the session", async () => {
      const c = await aTraining();
      const operator = await t.userWithRole('operator', { bridgePointIds: [c.province.id] });
      now('10:00');
      const res = await upload(c.path, sheet(['Mã', c.cuong.code, c.an.code]), operator).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ row: 3, code: 'unknown_code' })]);
      const noColumn = await upload(c.path, sheet(['Họ và tên,Trạng thái', 'Nguyễn Văn An,có mặt'])).expect(400);
      expect(noColumn.body.details[0].code).toBe('no_attendee_column');
      now('06:00');
      const early = await upload(c.path, sheet(['Mã', c.an.code])).expect(409);
      expect(early.body.details[0].code).toBe('session_not_open');
      const plain = await upload(`/${c.id}/agenda-items/${c.plain.id}/attendance`, sheet(['Mã', c.an.code])).expect(409);
      expect(plain.body.details[0].code).toBe('not_a_session');
    });
  });

  describe('checking oneself in with the hall code', () => {
    const rsvpLink = async (conferenceId: string, attendeeId: string) =>
      (await post(`/${conferenceId}/attendees/${attendeeId}/links`, {}).expect(201)).body.token as string;
    const selfCheckIn = (token: string, itemId: string, code: string) => t.http.post(`/api/public/rsvp/${token}/sessions/${itemId}/check-in`).send({ code });

    it("shows a rotating code with the session's roll-call window, to organizers and operators but not viewers", async () => {
      const c = await aTraining();
      const viewer = await t.userWithRole('viewer');
      const operator = await t.userWithRole('operator', { bridgePointIds: [c.province.id] });
      now('07:00');
      const early = (await get(`/${c.id}/agenda-items/${c.session.id}/check-in-code`, operator).expect(200)).body;
      expect(early).toMatchObject({ opensAt: at('07:30').toISOString(), closesAt: at('09:30').toISOString() });
      const draft = await aTraining({ publish: false });
      const notPublished = await get(`/${draft.id}/agenda-items/${draft.session.id}/check-in-code`).expect(409);
      expect(notPublished.body.details[0].code).toBe('conference_not_published');
      now('08:00');
      const first = (await get(`/${c.id}/agenda-items/${c.session.id}/check-in-code`).expect(200)).body;
      expect(first.code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
      expect(new Date(first.expiresAt).getTime()).toBeGreaterThan(at('08:00').getTime());
      expect((await get(`/${c.id}/agenda-items/${c.session.id}/check-in-code`).expect(200)).body).toEqual(first);
      now('08:05');
      expect((await get(`/${c.id}/agenda-items/${c.session.id}/check-in-code`).expect(200)).body.code).not.toBe(first.code);
      await get(`/${c.id}/agenda-items/${c.session.id}/check-in-code`, viewer).expect(403);
      const plain = await get(`/${c.id}/agenda-items/${c.plain.id}/check-in-code`).expect(409);
      expect(plain.body.details[0].code).toBe('not_a_session');
    });

    it("marks the link's person present or late with the current code, once; refuses stale, wrong and another session's codes", async () => {
      const c = await aTraining();
      const second = (
        await post(`/${c.id}/agenda-items`, anAgendaItem(DAY, '10:00', '11:00', { title: 'Chuyên đề 2: Dân vận khéo', attendanceRequired: true })).expect(201)
      ).body;
      const an = await rsvpLink(c.id, c.an.id);
      const binh = await rsvpLink(c.id, c.binh.id);
      now('07:20');
      const tooEarly = (await get(`/${c.id}/agenda-items/${c.session.id}/check-in-code`).expect(200)).body.code as string;
      const notOpen = await selfCheckIn(an, c.session.id, tooEarly).expect(409);
      expect(notOpen.body.details[0].code).toBe('session_not_open');
      now('08:10');
      const code = (await get(`/${c.id}/agenda-items/${c.session.id}/check-in-code`).expect(200)).body.code as string;
      const marked = (await selfCheckIn(an, c.session.id, code.toLowerCase()).expect(200)).body;
      expect(marked).toMatchObject({ attendeeId: c.an.id, status: 'present', method: 'self_code', alreadyMarked: false, version: 1 });
      const again = (await selfCheckIn(an, c.session.id, code).expect(200)).body;
      expect(again).toMatchObject({ status: 'present', alreadyMarked: true, version: 1 });
      const wrong = await selfCheckIn(binh, c.session.id, 'ZZZZZZ').expect(400);
      expect(wrong.body.details[0]).toMatchObject({ field: 'code', code: 'code_wrong' });
      now('08:20');
      const stale = await selfCheckIn(binh, c.session.id, code).expect(400);
      expect(stale.body.details[0].code).toBe('code_expired');
      now('09:35');
      const secondCode = (await get(`/${c.id}/agenda-items/${second.id}/check-in-code`).expect(200)).body.code as string;
      const ended = await selfCheckIn(binh, c.session.id, secondCode).expect(409);
      expect(ended.body.details[0].code).toBe('session_ended');
      now('09:20');
      const sessionCode = (await get(`/${c.id}/agenda-items/${c.session.id}/check-in-code`).expect(200)).body.code as string;
      const late = (await selfCheckIn(binh, c.session.id, sessionCode).expect(200)).body;
      expect(late).toMatchObject({ attendeeId: c.binh.id, status: 'late', alreadyMarked: false });
      const audit = (await get(`/${c.id}/audit`).expect(200)).body.items.filter((e: { action: string }) => e.action === 'self_check_in');
      expect(audit).toHaveLength(2);
      expect(audit[0].actor).toMatch(/^link:/);
    });

    it("refuses another session's current code, naming that session", async () => {
      const c = await aTraining();
      const parallel = (
        await post(`/${c.id}/agenda-items`, anAgendaItem(DAY, '08:00', '09:00', { title: 'Chuyên đề song song', attendanceRequired: true, bridgePointId: c.province.id })).expect(201)
      ).body;
      const an = await rsvpLink(c.id, c.an.id);
      now('08:30');
      const parallelCode = (await get(`/${c.id}/agenda-items/${parallel.id}/check-in-code`).expect(200)).body.code as string;
      const res = await selfCheckIn(an, c.session.id, parallelCode).expect(400);
      expect(res.body.details[0]).toMatchObject({ field: 'code', code: 'code_of_another_session', message: expect.stringContaining('Chuyên đề song song') });
      const dung = await rsvpLink(c.id, c.dung.id);
      const sessionCode = (await get(`/${c.id}/agenda-items/${c.session.id}/check-in-code`).expect(200)).body.code as string;
      const refused = await selfCheckIn(dung, c.session.id, sessionCode).expect(409);
      expect(refused.body.details[0].code).toBe('not_holding_place');
      await selfCheckIn('not-a-token', c.session.id, sessionCode).expect(404);
      await t.http.post(`/api/public/rsvp/${an}/sessions/${c.session.id}/check-in`).send({}).expect(400);
      expect((await get(c.path).expect(200)).body.totals).toMatchObject({ present: 0, late: 0, unmarked: 3 });
    });

    it('takes a double tap (the same code posted several times at once) as one check-in, the others already marked', async () => {
      const c = await aTraining();
      const an = await rsvpLink(c.id, c.an.id);
      now('08:10');
      const code = (await get(`/${c.id}/agenda-items/${c.session.id}/check-in-code`).expect(200)).body.code as string;
      const answers = await Promise.all(Array.from({ length: 4 }, () => selfCheckIn(an, c.session.id, code)));
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200]);
      expect(answers.map((r) => r.body.alreadyMarked).sort()).toEqual([false, true, true, true]);
      expect((await get(c.path).expect(200)).body.totals).toMatchObject({ present: 1 });
    });

    it('stops a link that enters too many codes for one session, even the right one, but not the people beside it', async () => {
      const c = await aTraining();
      const an = await rsvpLink(c.id, c.an.id);
      const binh = await rsvpLink(c.id, c.binh.id);
      now('08:10');
      const code = (await get(`/${c.id}/agenda-items/${c.session.id}/check-in-code`).expect(200)).body.code as string;
      // SESSION_CHECK_IN_ATTEMPTS is 10: ten wrong guesses are answered as wrong …
      for (let i = 0; i < 10; i++) expect((await selfCheckIn(an, c.session.id, 'ZZZZZZ').expect(400)).body.details[0].code).toBe('code_wrong');
      // … and the eleventh code, right or wrong, is not even read.
      const stopped = await selfCheckIn(an, c.session.id, code).expect(429);
      expect(stopped.body.details[0]).toMatchObject({ field: 'code', code: 'too_many_code_attempts', message: expect.stringMatching(/thử lại sau \d+ phút/) });
      // Everyone in the hall shares one address; the next person checks in as usual.
      expect((await selfCheckIn(binh, c.session.id, code).expect(200)).body).toMatchObject({ status: 'present', alreadyMarked: false });
      expect((await get(c.path).expect(200)).body.totals).toMatchObject({ present: 1 });
    });
  });
});
