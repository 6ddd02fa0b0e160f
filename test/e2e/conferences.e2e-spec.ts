import { DataSource } from 'typeorm';
import { aConference, aMainPoint } from '../factories';
import { startApp, TestApp } from '../harness';

describe('conferences (hội nghị)', () => {
  let t: TestApp;
  let db: DataSource;
  const bearer = { type: 'bearer' as const };
  const count = async (table: string) => Number((await db.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  const create = async (overrides: Record<string, unknown> = {}) =>
    (await t.http.post('/api/conferences').auth(t.adminToken, bearer).send(aConference(overrides)).expect(201)).body;
  const addMain = (id: string) =>
    t.http.post(`/api/conferences/${id}/bridge-points`).auth(t.adminToken, bearer).send(aMainPoint()).expect(201);

  beforeAll(async () => {
    t = await startApp();
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  it('creates a draft, storing times in UTC and returning them as ISO 8601', async () => {
    const c = await create();
    expect(c).toMatchObject({
      title: 'Hội nghị toàn quốc sơ kết công tác dân vận 6 tháng đầu năm 2025',
      kind: 'review',
      format: 'online',
      status: 'draft',
      startsAt: '2025-07-15T01:00:00.000Z',
      endsAt: '2025-07-15T04:30:00.000Z',
      timezone: 'Asia/Ho_Chi_Minh',
      version: 1,
      sequence: 0,
      cancelReason: null,
      registration: { enabled: false, opensAt: null, closesAt: null, capacity: null },
    });
    const read = await t.http.get(`/api/conferences/${c.id}`).auth(t.adminToken, bearer).expect(200);
    expect(read.body).toEqual(c);
  });

  describe('refuses bad input with 400 naming the field, writing nothing', () => {
    it.each([
      ['a time without an offset', { startsAt: '2025-07-15T08:00:00' }, 'startsAt'],
      ['a date only', { endsAt: '2025-07-15' }, 'endsAt'],
      ['an impossible date', { startsAt: '2025-02-30T08:00:00+07:00' }, 'startsAt'],
      ['endsAt before startsAt', { endsAt: '2025-07-15T07:00:00+07:00' }, 'endsAt'],
      ['endsAt equal to startsAt', { endsAt: '2025-07-15T08:00:00+07:00' }, 'endsAt'],
      ['an unknown kind', { kind: 'party' }, 'kind'],
      ['an unknown format', { format: 'hologram' }, 'format'],
      ['an unknown time zone', { timezone: 'Asia/Ha_Noi' }, 'timezone'],
      ['a blank title', { title: '   ' }, 'title'],
      ['a non-http meeting link', { onlineUrl: 'javascript:alert(1)' }, 'onlineUrl'],
      ['a bad registration capacity', { registration: { enabled: true, capacity: 0 } }, 'registration.capacity'],
      ['an unknown field', { secret: 1 }, 'secret'],
    ])('%s', async (_name, overrides, field) => {
      const before = await count('conferences');
      const res = await t.http.post('/api/conferences').auth(t.adminToken, bearer).send(aConference(overrides)).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(await count('conferences')).toBe(before);
    });

    it('says in Vietnamese, with a code, that the end must follow the start and that the meeting link must be a web address', async () => {
      const early = await t.http.post('/api/conferences').auth(t.adminToken, bearer).send(aConference({ endsAt: '2025-07-15T07:00:00+07:00' })).expect(400);
      expect(early.body.details).toEqual([{ field: 'endsAt', code: 'ends_before_start', message: 'Giờ kết thúc của hội nghị phải sau giờ bắt đầu.' }]);
      const link = await t.http.post('/api/conferences').auth(t.adminToken, bearer).send(aConference({ onlineUrl: 'javascript:alert(1)' })).expect(400);
      expect(link.body.details).toEqual([
        {
          field: 'onlineUrl',
          code: 'not_a_url',
          message: 'Trường "onlineUrl" phải là địa chỉ web bắt đầu bằng http:// hoặc https://, ví dụ https://hop.example.vn/hoi-nghi.',
        },
      ]);
    });
  });

  it('lists with filters, a date range and a query ignoring diacritics', async () => {
    await create({ title: 'Hội nghị tập huấn công tác dân vận cho cán bộ cơ sở', kind: 'training', format: 'hybrid', startsAt: '2024-03-01T08:00:00+07:00', endsAt: '2024-03-01T17:00:00+07:00' });
    const q = (query: string) => t.http.get(`/api/conferences${query}`).auth(t.adminToken, bearer).expect(200);
    expect((await q('?kind=training')).body.items.map((c: { kind: string }) => c.kind)).toEqual(['training']);
    expect((await q('?q=tap%20huan')).body.total).toBe(1);
    expect((await q('?format=hybrid&status=draft')).body.total).toBe(1);
    expect((await q('?from=2024-01-01T00:00:00Z&to=2024-12-31T23:59:59Z')).body.total).toBe(1);
    expect((await q('?to=2024-03-01T00:59:59Z')).body.total).toBe(0);
    expect((await q('?to=2024-03-01T01:00:01Z')).body.total).toBe(1);
    await t.http.get('/api/conferences?from=2024-01-01').auth(t.adminToken, bearer).expect(400);
    await t.http.get('/api/conferences?status=archived').auth(t.adminToken, bearer).expect(400);
  });

  it('walks draft → published → ongoing → completed and then is read-only', async () => {
    const c = await create();
    const publishEarly = await t.http.post(`/api/conferences/${c.id}/publish`).auth(t.adminToken, bearer).send({}).expect(409);
    expect(publishEarly.body.message).toBe('Hội nghị chưa có điểm cầu chính; hãy chọn một điểm cầu chính (isMain) trước khi công bố.');
    expect(publishEarly.body.details).toEqual([
      { field: 'bridgePoints', code: 'no_main_bridge_point', message: 'Hội nghị chưa có điểm cầu chính; hãy chọn một điểm cầu chính (isMain) trước khi công bố.' },
    ]);
    await addMain(c.id);
    const published = await t.http.post(`/api/conferences/${c.id}/publish`).auth(t.adminToken, bearer).send({}).expect(200);
    expect(published.body.status).toBe('published');
    const again = await t.http.post(`/api/conferences/${c.id}/publish`).auth(t.adminToken, bearer).send({}).expect(409);
    expect(again.body.message).toBe('Không thể công bố hội nghị ở trạng thái "đã công bố" (chỉ công bố được khi hội nghị "bản nháp").');
    expect(again.body.details[0]).toMatchObject({ field: 'status', code: 'transition_not_allowed' });
    await t.http.post(`/api/conferences/${c.id}/complete`).auth(t.adminToken, bearer).send({}).expect(409);
    await t.http.post(`/api/conferences/${c.id}/start`).auth(t.adminToken, bearer).send({}).expect(200);
    const done = await t.http.post(`/api/conferences/${c.id}/complete`).auth(t.adminToken, bearer).send({}).expect(200);
    expect(done.body.status).toBe('completed');
    const edit = await t.http
      .patch(`/api/conferences/${c.id}`)
      .auth(t.adminToken, bearer)
      .send({ version: done.body.version, title: 'Đổi tên' })
      .expect(409);
    expect(edit.body.details).toEqual([{ field: 'status', code: 'conference_closed', message: 'Hội nghị đã kết thúc; không thể thay đổi nữa.' }]);
    await t.http.post(`/api/conferences/${c.id}/cancel`).auth(t.adminToken, bearer).send({ reason: 'x' }).expect(409);
    const removed = await t.http.delete(`/api/conferences/${c.id}`).auth(t.adminToken, bearer).expect(409);
    expect(removed.body.details).toEqual([
      { field: 'status', code: 'not_a_draft', message: 'Hội nghị đã kết thúc; chỉ xóa được hội nghị còn là bản nháp (hãy hủy hội nghị thay vì xóa).' },
    ]);
  });

  it('cancels with a reason, bumping the calendar revision', async () => {
    const c = await create();
    await t.http.post(`/api/conferences/${c.id}/cancel`).auth(t.adminToken, bearer).send({}).expect(400);
    const res = await t.http
      .post(`/api/conferences/${c.id}/cancel`)
      .auth(t.adminToken, bearer)
      .send({ reason: 'Hoãn do thay đổi lịch công tác' })
      .expect(200);
    expect(res.body).toMatchObject({ status: 'cancelled', cancelReason: 'Hoãn do thay đổi lịch công tác', sequence: 1 });
    await t.http.post(`/api/conferences/${c.id}/bridge-points`).auth(t.adminToken, bearer).send(aMainPoint()).expect(409);
  });

  it('deletes only a draft', async () => {
    const c = await create();
    await t.http.delete(`/api/conferences/${c.id}`).auth(t.adminToken, bearer).expect(204);
    await t.http.get(`/api/conferences/${c.id}`).auth(t.adminToken, bearer).expect(404);
  });

  it('answers 409 to a stale version and changes nothing', async () => {
    const c = await create();
    const first = await t.http.patch(`/api/conferences/${c.id}`).auth(t.adminToken, bearer).send({ version: 1, title: 'Tên mới' }).expect(200);
    expect(first.body).toMatchObject({ title: 'Tên mới', version: 2, sequence: 0 });
    const stale = await t.http.patch(`/api/conferences/${c.id}`).auth(t.adminToken, bearer).send({ version: 1, title: 'Ghi đè' }).expect(409);
    expect(stale.body.details).toEqual([{ field: 'version', code: 'stale_version', message: 'Phiên bản hiện tại là 2.' }]);
    const read = await t.http.get(`/api/conferences/${c.id}`).auth(t.adminToken, bearer).expect(200);
    expect(read.body.title).toBe('Tên mới');
  });

  it.each([{ title: null }, { kind: null }, { startsAt: null }, { endsAt: null }, { timezone: null }, { registration: null }])(
    'refuses a null for a required field on PATCH: %j',
    async (patch) => {
      const c = await create();
      const res = await t.http.patch(`/api/conferences/${c.id}`).auth(t.adminToken, bearer).send({ version: 1, ...patch }).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(Object.keys(patch)[0]);
      expect((await t.http.get(`/api/conferences/${c.id}`).auth(t.adminToken, bearer)).body.version).toBe(1);
    },
  );

  it('bumps the calendar revision when time, place or link change, not for a title', async () => {
    const c = await create();
    const venue = await t.http.patch(`/api/conferences/${c.id}`).auth(t.adminToken, bearer).send({ version: 1, venue: 'Hội trường B' }).expect(200);
    expect(venue.body.sequence).toBe(1);
    const link = await t.http.patch(`/api/conferences/${c.id}`).auth(t.adminToken, bearer).send({ version: 2, onlineUrl: 'https://hop.example.vn/moi' }).expect(200);
    expect(link.body.sequence).toBe(2);
    const title = await t.http.patch(`/api/conferences/${c.id}`).auth(t.adminToken, bearer).send({ version: 3, title: 'Tên khác' }).expect(200);
    expect(title.body.sequence).toBe(2);
  });

  it('moving the start moves the end and the agenda by the same amount', async () => {
    const c = await create();
    const item = await t.http
      .post(`/api/conferences/${c.id}/agenda-items`)
      .auth(t.adminToken, bearer)
      .send({ startsAt: '2025-07-15T08:30:00+07:00', endsAt: '2025-07-15T09:00:00+07:00', title: 'Báo cáo sơ kết', kind: 'report' })
      .expect(201);
    const moved = await t.http
      .patch(`/api/conferences/${c.id}`)
      .auth(t.adminToken, bearer)
      .send({ version: 1, startsAt: '2025-07-16T08:00:00+07:00' })
      .expect(200);
    expect(moved.body).toMatchObject({ startsAt: '2025-07-16T01:00:00.000Z', endsAt: '2025-07-16T04:30:00.000Z', sequence: 1 });
    const agenda = await t.http.get(`/api/conferences/${c.id}/agenda-items`).auth(t.adminToken, bearer).expect(200);
    expect(agenda.body.items).toEqual([
      expect.objectContaining({ id: item.body.id, startsAt: '2025-07-16T01:30:00.000Z', endsAt: '2025-07-16T02:00:00.000Z' }),
    ]);
  });

  it('refuses a new window that would leave an agenda item outside it', async () => {
    const c = await create();
    await t.http
      .post(`/api/conferences/${c.id}/agenda-items`)
      .auth(t.adminToken, bearer)
      .send({ startsAt: '2025-07-15T10:30:00+07:00', endsAt: '2025-07-15T11:20:00+07:00', title: 'Phát biểu kết luận', kind: 'conclusion' })
      .expect(201);
    const res = await t.http
      .patch(`/api/conferences/${c.id}`)
      .auth(t.adminToken, bearer)
      .send({ version: 1, endsAt: '2025-07-15T10:00:00+07:00' })
      .expect(409);
    expect(res.body.message).toBe('Mục chương trình "Phát biểu kết luận" sẽ nằm ngoài thời gian mới của hội nghị; hãy dời hoặc rút ngắn mục này trước.');
    expect(res.body.details).toEqual([
      {
        field: 'endsAt',
        code: 'agenda_item_outside_window',
        message: expect.stringMatching(/^Mục chương trình "Phát biểu kết luận" \(mã [0-9a-f-]{36}\) sẽ nằm ngoài thời gian mới của hội nghị\.$/),
      },
    ]);
    expect((await t.http.get(`/api/conferences/${c.id}`).auth(t.adminToken, bearer)).body.endsAt).toBe('2025-07-15T04:30:00.000Z');
  });

  it('clones into a new draft with unconfirmed points and the agenda, shifted to the new start', async () => {
    const c = await create();
    const main = (await addMain(c.id)).body;
    await t.http.post(`/api/conferences/${c.id}/bridge-points`).auth(t.adminToken, bearer).send({ administrativeUnitSet: 'vn-34' }).expect(201);
    const points = await t.http.get(`/api/conferences/${c.id}/bridge-points?pageSize=500`).auth(t.adminToken, bearer).expect(200);
    const one = points.body.items.find((p: { administrativeUnitCode: string }) => p.administrativeUnitCode === '24');
    await t.http.post(`/api/conferences/${c.id}/bridge-points/${one.id}/confirm`).auth(t.adminToken, bearer).send({ expectedAttendees: 40 }).expect(200);
    const speaker = await t.http.post('/api/speakers').auth(t.adminToken, bearer).send({ fullName: 'Phạm Tất Thắng', title: 'Phó Trưởng Ban' }).expect(201);
    await t.http
      .post(`/api/conferences/${c.id}/agenda-items`)
      .auth(t.adminToken, bearer)
      .send({ startsAt: '2025-07-15T08:10:00+07:00', endsAt: '2025-07-15T08:40:00+07:00', title: 'Báo cáo sơ kết', kind: 'report', bridgePointId: one.id, speakerIds: [speaker.body.id] })
      .expect(201);
    await t.http.post(`/api/conferences/${c.id}/publish`).auth(t.adminToken, bearer).send({}).expect(200);
    // The source took place: a headcount was reported and a delegate checked in at that point.
    await t.http.post(`/api/conferences/${c.id}/bridge-points/${one.id}/attendance`).auth(t.adminToken, bearer).send({ actualAttendees: 38 }).expect(200);
    const delegate = (await t.http.post(`/api/conferences/${c.id}/attendees`).auth(t.adminToken, bearer).send({ bridgePointId: one.id, fullName: 'Lê Văn Tâm' }).expect(201)).body;
    await t.http.post(`/api/conferences/${c.id}/attendees/${delegate.id}/check-in`).auth(t.adminToken, bearer).expect(200);
    expect((await t.http.get(`/api/conferences/${c.id}/bridge-points/${one.id}`).auth(t.adminToken, bearer).expect(200)).body).toMatchObject({
      reportedAttendees: 38,
      checkedInAttendees: 1,
    });

    const res = await t.http
      .post(`/api/conferences/${c.id}/clone`)
      .auth(t.adminToken, bearer)
      .send({ startsAt: '2026-01-10T08:00:00+07:00', title: 'Hội nghị tổng kết công tác dân vận năm 2025' })
      .expect(201);
    expect(res.body).toMatchObject({
      status: 'draft',
      title: 'Hội nghị tổng kết công tác dân vận năm 2025',
      startsAt: '2026-01-10T01:00:00.000Z',
      endsAt: '2026-01-10T04:30:00.000Z',
      clonedFromId: c.id,
      version: 1,
      sequence: 0,
    });
    const copies = await t.http.get(`/api/conferences/${res.body.id}/bridge-points?pageSize=500`).auth(t.adminToken, bearer).expect(200);
    expect(copies.body.total).toBe(35);
    expect(copies.body.items.every((p: { confirmationStatus: string }) => p.confirmationStatus === 'pending')).toBe(true);
    expect(copies.body.items.filter((p: { isMain: boolean }) => p.isMain)).toHaveLength(1);
    expect(copies.body.items.map((p: { id: string }) => p.id)).not.toContain(main.id);
    const copiedOne = copies.body.items.find((p: { administrativeUnitCode: string }) => p.administrativeUnitCode === '24');
    // What the source's event recorded stays with it: the copy has no headcount and no check-ins.
    expect(copiedOne).toMatchObject({ expectedAttendees: 40, reportedAttendees: null, checkedInAttendees: 0, actualAttendees: null, connectionStatus: 'untested' });
    const agenda = await t.http.get(`/api/conferences/${res.body.id}/agenda-items`).auth(t.adminToken, bearer).expect(200);
    expect(agenda.body.items).toEqual([
      expect.objectContaining({
        title: 'Báo cáo sơ kết',
        startsAt: '2026-01-10T01:10:00.000Z',
        endsAt: '2026-01-10T01:40:00.000Z',
        bridgePointId: copiedOne.id,
        speakerIds: [speaker.body.id],
      }),
    ]);
    const entry = (await t.http.get(`/api/conferences/${res.body.id}/audit`).auth(t.adminToken, bearer).expect(200)).body.items.find(
      (e: { action: string }) => e.action === 'clone',
    );
    expect(entry.after).toEqual({ clonedFromId: c.id, copied: { bridgePoints: 35, agendaItems: 1, evaluationForm: 0 } });
  });

  it('keeps an audit trail of who changed what, readable by organizers only', async () => {
    const organizer = await t.userWithRole('organizer');
    const viewer = await t.userWithRole('viewer');
    const c = (await t.http.post('/api/conferences').auth(organizer, bearer).send(aConference()).expect(201)).body;
    await t.http.patch(`/api/conferences/${c.id}`).auth(organizer, bearer).send({ version: 1, venue: 'Hội trường C' }).expect(200);
    const audit = await t.http.get(`/api/conferences/${c.id}/audit`).auth(organizer, bearer).expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(audit.body.items[0]).toMatchObject({
      entityType: 'conference',
      actor: expect.stringMatching(/^organizer/),
      before: { venue: 'Hội trường Ban Dân vận Trung ương, Hà Nội', version: 1, sequence: 0 },
      after: { venue: 'Hội trường C', version: 2, sequence: 1 },
    });
    await t.http.get(`/api/conferences/${c.id}/audit`).auth(viewer, bearer).expect(403);
  });

  it('lets viewers read but not write', async () => {
    const viewer = await t.userWithRole('viewer');
    const c = await create();
    await t.http.get(`/api/conferences/${c.id}`).auth(viewer, bearer).expect(200);
    await t.http.post('/api/conferences').auth(viewer, bearer).send(aConference()).expect(403);
    await t.http.patch(`/api/conferences/${c.id}`).auth(viewer, bearer).send({ version: 1, title: 'x' }).expect(403);
  });

  it('answers 404 for an unknown conference and 400 for a bad id', async () => {
    const missing = await t.http.get('/api/conferences/00000000-0000-4000-8000-000000000000').auth(t.adminToken, bearer).expect(404);
    expect(missing.body).toMatchObject({
      message: 'Không tìm thấy hội nghị.',
      details: [{ field: 'id', code: 'conference_not_found', message: 'Không tìm thấy hội nghị.' }],
    });
    const bad = await t.http.get('/api/conferences/not-a-uuid').auth(t.adminToken, bearer).expect(400);
    expect(bad.body.details).toEqual([
      { field: 'id', code: 'not_a_uuid', message: 'Trường "id" phải là mã định danh UUID, ví dụ 3f2b8c1e-5d4a-4b7e-9c1f-2a6d8e0b4c7a.' },
    ]);
  });
});
