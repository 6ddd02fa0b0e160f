import { DataSource } from 'typeorm';
import { AuditEntry } from '../../src/audit/audit-entry.entity';
import { BridgePoint } from '../../src/bridge-points/bridge-point.entity';
import { Clock } from '../../src/common/clock';
import { ActionItem } from '../../src/minutes/action-item.entity';
import { aConference, aMainPoint, aMinutesConference, anActionItem } from '../factories';
import { startApp, TestApp } from '../harness';

const bearer = { type: 'bearer' as const };

describe('action items (nhiệm vụ)', () => {
  let t: TestApp;
  let db: DataSource;
  let now = new Date('2025-09-01T03:00:00Z');
  const post = (url: string, body: object, token = t.adminToken) => t.http.post(url).auth(token, bearer).send(body);
  const patch = (url: string, body: object, token = t.adminToken) => t.http.patch(url).auth(token, bearer).send(body);
  const get = (url: string, token = t.adminToken) => t.http.get(url).auth(token, bearer);
  const items = (id: string) => `/api/conferences/${id}/action-items`;
  const snapshot = async (conferenceId: string) => ({
    items: await db.getRepository(ActionItem).find({ where: { conferenceId }, order: { id: 'ASC' } }),
    audit: await db.getRepository(AuditEntry).count({ where: { conferenceId } }),
  });

  beforeAll(async () => {
    t = await startApp();
    db = t.app.get(DataSource);
    // Deadlines are judged against the app's clock, moved here by the tests.
    jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(now));
  });
  afterAll(() => t.close());

  describe('on one conference', () => {
    let id: string;
    let bacNinh: BridgePoint;
    beforeAll(async () => {
      id = (await aMinutesConference(t.http, t.adminToken)).id;
      bacNinh = await db.getRepository(BridgePoint).findOneByOrFail({ conferenceId: id, administrativeUnitCode: '24' });
    });

    it('creates an item, taking the unit of the assignee bridge point, and lists it', async () => {
      const res = await post(items(id), anActionItem({ assigneeBridgePointId: bacNinh.id })).expect(201);
      expect(res.body).toMatchObject({
        conferenceId: id,
        assignee: 'Tỉnh ủy Bắc Ninh',
        assigneeBridgePointId: bacNinh.id,
        assigneeAdministrativeUnitSet: 'vn-34',
        assigneeAdministrativeUnitCode: '24',
        deadline: '2025-12-31',
        status: 'open',
        overdue: false,
        carriedOver: false,
        version: 1,
      });
      const list = await get(items(id)).expect(200);
      expect(list.body).toMatchObject({ total: 1, page: 1, items: [{ id: res.body.id }] });
      const audit = await db.getRepository(AuditEntry).findOneByOrFail({ entityId: res.body.id });
      expect(audit).toMatchObject({ entityType: 'action_item', action: 'create' });
    });

    describe('refuses bad input with 400 naming the field, creating nothing', () => {
      it.each([
        ['a deadline that is not a date', { deadline: '31/12/2025' }, 'deadline'],
        ['a deadline that does not exist', { deadline: '2025-02-29' }, 'deadline'],
        ['a deadline with a time', { deadline: '2025-12-31T00:00:00Z' }, 'deadline'],
        ['an unknown status', { status: 'overdue' }, 'status'],
        ['a blank description', { description: ' ' }, 'description'],
        ['a missing assignee', { assignee: undefined }, 'assignee'],
        ['a unit code that is not one', { assigneeAdministrativeUnitCode: 'BN' }, 'assigneeAdministrativeUnitCode'],
        ['a unit that does not exist', { assigneeAdministrativeUnitCode: '99' }, 'assigneeAdministrativeUnitCode'],
        ['a bridge point id that is not a UUID', { assigneeBridgePointId: 'bac-ninh' }, 'assigneeBridgePointId'],
        ['a bridge point that does not exist', { assigneeBridgePointId: '00000000-0000-4000-8000-000000000000' }, 'assigneeBridgePointId'],
      ])('%s', async (_name, overrides, field) => {
        const before = await snapshot(id);
        const res = await post(items(id), anActionItem(overrides)).expect(400);
        expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
        expect(await snapshot(id)).toEqual(before);
      });

      it('a bridge point of another conference', async () => {
        const other = (await post('/api/conferences', aConference()).expect(201)).body.id as string;
        const point = (await post(`/api/conferences/${other}/bridge-points`, aMainPoint()).expect(201)).body;
        const before = await snapshot(id);
        const res = await post(items(id), anActionItem({ assigneeBridgePointId: point.id })).expect(400);
        expect(res.body.details).toEqual([
          { field: 'assigneeBridgePointId', code: 'bridge_point_not_found', message: `Điểm cầu ${point.id} không thuộc hội nghị này.` },
        ]);
        expect(await snapshot(id)).toEqual(before);
      });
    });

    it('answers 409 on a draft conference, creating nothing', async () => {
      const draft = (await post('/api/conferences', aConference()).expect(201)).body.id as string;
      const res = await post(items(draft), anActionItem()).expect(409);
      expect(res.body.message).toContain('trạng thái draft');
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'status', code: 'wrong_conference_status' })]);
      expect(await db.getRepository(ActionItem).countBy({ conferenceId: draft })).toBe(0);
    });

    it('updates with the version read, answering 409 to a stale one and changing nothing', async () => {
      const item = (await post(items(id), anActionItem({ description: 'Rà soát danh sách mô hình “Dân vận khéo”' })).expect(201)).body;
      const res = await patch(`${items(id)}/${item.id}`, { version: 1, status: 'in_progress', assigneeAdministrativeUnitCode: '01' }).expect(200);
      expect(res.body).toMatchObject({ version: 2, status: 'in_progress', assigneeAdministrativeUnitCode: '01', assigneeAdministrativeUnitSet: 'vn-34' });
      const before = await snapshot(id);
      const stale = await patch(`${items(id)}/${item.id}`, { version: 1, status: 'done' }).expect(409);
      expect(stale.body.details).toEqual([{ field: 'version', code: 'stale_version', message: 'Phiên bản hiện tại là 2.' }]);
      await patch(`${items(id)}/${item.id}`, { version: 2, deadline: '2025-13-01' }).expect(400);
      await patch(`${items(id)}/${item.id}`, { version: 2, assigneeBridgePointId: '00000000-0000-4000-8000-000000000000' }).expect(400);
      await patch(`${items(id)}/${item.id}`, { version: 2, status: null }).expect(400);
      expect(await snapshot(id)).toEqual(before);
      const done = await patch(`${items(id)}/${item.id}`, { version: 2, status: 'done' }).expect(200);
      expect(done.body.doneAt).toEqual(expect.any(String));
      await patch(`${items(id)}/00000000-0000-4000-8000-000000000000`, { version: 1, status: 'done' }).expect(404);
    });

    it('keeps a progress note beside the status, which an update writes and null clears', async () => {
      const item = (await post(items(id), anActionItem({ assigneeBridgePointId: bacNinh.id })).expect(201)).body;
      expect(item.progressNote).toBeNull();
      const noted = await patch(`${items(id)}/${item.id}`, { version: 1, progressNote: 'Đang tổng hợp báo cáo của 99 xã, phường' }).expect(200);
      expect(noted.body).toMatchObject({ progressNote: 'Đang tổng hợp báo cáo của 99 xã, phường', status: 'open', version: 2 });
      const audit = await db.getRepository(AuditEntry).findOneByOrFail({ entityId: item.id, action: 'update' });
      expect(audit).toMatchObject({ before: { progressNote: null, version: 1 }, after: { progressNote: 'Đang tổng hợp báo cáo của 99 xã, phường', version: 2 } });
      const cleared = await patch(`${items(id)}/${item.id}`, { version: 2, progressNote: null }).expect(200);
      expect(cleared.body).toMatchObject({ progressNote: null, status: 'open', version: 3, assigneeBridgePointId: bacNinh.id });
      await patch(`${items(id)}/${item.id}`, { version: 3, progressNote: 'x'.repeat(4001) }).expect(400);
    });

    it('flags an item overdue once its deadline day has ended in the conference time zone, unless done', async () => {
      const conference = (await post('/api/conferences', aConference()).expect(201)).body.id as string;
      await post(`/api/conferences/${conference}/bridge-points`, aMainPoint()).expect(201);
      await post(`/api/conferences/${conference}/publish`, {}).expect(200);
      const late = (await post(items(conference), anActionItem({ deadline: '2025-08-31', assignee: 'Thành ủy Hà Nội' })).expect(201)).body;
      const done = (await post(items(conference), anActionItem({ deadline: '2025-08-31', status: 'done' })).expect(201)).body;
      const later = (await post(items(conference), anActionItem({ deadline: '2025-09-01' })).expect(201)).body;
      const none = (await post(items(conference), anActionItem({ deadline: undefined })).expect(201)).body;

      now = new Date('2025-08-31T16:59:59Z'); // 23:59:59 on 31 August in Hà Nội
      expect((await get(`${items(conference)}?overdue=true`).expect(200)).body.total).toBe(0);
      now = new Date('2025-08-31T17:00:00Z'); // 00:00 on 1 September in Hà Nội
      const overdue = (await get(`${items(conference)}?overdue=true`).expect(200)).body;
      expect(overdue.items.map((i: { id: string }) => i.id)).toEqual([late.id]);
      expect(overdue.items[0]).toMatchObject({ status: 'open', overdue: true });
      const notOverdue = (await get(`${items(conference)}?overdue=false`).expect(200)).body;
      expect(notOverdue.items.map((i: { id: string }) => i.id).sort()).toEqual([done.id, later.id, none.id].sort());
      // Items without a deadline come last.
      const all = (await get(items(conference)).expect(200)).body.items.map((i: { id: string }) => i.id);
      expect(all[all.length - 1]).toBe(none.id);
      expect((await get(`${items(conference)}?status=done`).expect(200)).body.items.map((i: { id: string }) => i.id)).toEqual([done.id]);
      expect((await get(`${items(conference)}?assignee=thanh%20uy%20ha%20noi`).expect(200)).body.items.map((i: { id: string }) => i.id)).toEqual([late.id]);
      await get(`${items(conference)}?overdue=maybe`).expect(400);
      await get(`${items(conference)}?status=late`).expect(400);
      now = new Date('2025-09-01T03:00:00Z');
    });
  });

  describe('progress reported by the operators of the assigned bridge point', () => {
    let id: string;
    let bacNinh: BridgePoint;
    let haNoi: BridgePoint;
    let operator: string;
    let operatorId: string;
    let otherOperator: string;
    const item = (itemId: string) => `${items(id)}/${itemId}`;
    const assigned = async (overrides: Record<string, unknown> = {}) =>
      (await post(items(id), anActionItem({ assigneeBridgePointId: bacNinh.id, ...overrides })).expect(201)).body as { id: string; version: number };
    const row = (itemId: string) => db.getRepository(ActionItem).findOneByOrFail({ id: itemId });

    beforeAll(async () => {
      id = (await aMinutesConference(t.http, t.adminToken)).id;
      bacNinh = await db.getRepository(BridgePoint).findOneByOrFail({ conferenceId: id, administrativeUnitCode: '24' });
      haNoi = await db.getRepository(BridgePoint).findOneByOrFail({ conferenceId: id, administrativeUnitCode: '01' });
      operator = await t.userWithRole('operator', { bridgePointIds: [bacNinh.id] });
      operatorId = (await get('/api/auth/me', operator).expect(200)).body.id;
      otherOperator = await t.userWithRole('operator', { bridgePointIds: [haNoi.id] });
    });

    it('lets the operator of the point change the status and the progress note, audited under the operator', async () => {
      const created = await assigned();
      const res = await patch(item(created.id), { version: 1, status: 'in_progress', progressNote: 'Đã tổ chức 12/99 hội nghị cấp xã' }, operator).expect(200);
      expect(res.body).toMatchObject({ version: 2, status: 'in_progress', progressNote: 'Đã tổ chức 12/99 hội nghị cấp xã', doneAt: null });
      const done = await patch(item(created.id), { version: 2, status: 'done', progressNote: 'Hoàn thành; báo cáo số 45-BC/TU' }, operator).expect(200);
      expect(done.body).toMatchObject({ version: 3, status: 'done', progressNote: 'Hoàn thành; báo cáo số 45-BC/TU', doneAt: expect.any(String) });

      const audit = await db.getRepository(AuditEntry).find({ where: { entityId: created.id, action: 'update' }, order: { at: 'ASC' } });
      expect(audit).toHaveLength(2);
      expect(audit[0]).toMatchObject({
        entityType: 'action_item',
        actorId: operatorId,
        before: { status: 'open', progressNote: null, version: 1 },
        after: { status: 'in_progress', progressNote: 'Đã tổ chức 12/99 hội nghị cấp xã', version: 2 },
      });
      expect(audit[1]).toMatchObject({ actorId: operatorId, after: expect.objectContaining({ status: 'done' }) });

      const inConference = (await get(items(id), operator).expect(200)).body.items.find((i: { id: string }) => i.id === created.id);
      expect(inConference).toMatchObject({ status: 'done', progressNote: 'Hoàn thành; báo cáo số 45-BC/TU', version: 3 });
      const acrossConferences = (await get('/api/action-items?assigneeAdministrativeUnitCode=24&status=done', operator).expect(200)).body;
      expect(acrossConferences.items.map((i: { id: string; progressNote: string }) => [i.id, i.progressNote])).toContainEqual([
        created.id,
        'Hoàn thành; báo cáo số 45-BC/TU',
      ]);
    });

    it('lets an operator scoped to the province report on the items of its provincial point', async () => {
      const created = await assigned();
      const provincial = await t.userWithRole('operator', { administrativeUnitCode: '24' });
      await patch(item(created.id), { version: 1, status: 'in_progress' }, provincial).expect(200);
    });

    it('answers 404 to the operator of another point, as for an item that does not exist, changing nothing', async () => {
      const created = await assigned();
      const before = await snapshot(id);
      const res = await patch(item(created.id), { version: 1, status: 'done' }, otherOperator).expect(404);
      expect(res.body.message).toBe(`Không tìm thấy nhiệm vụ ${created.id} trong hội nghị này.`);
      expect(res.body.details).toEqual([
        { field: 'itemId', code: 'action_item_not_found', message: `Không tìm thấy nhiệm vụ ${created.id} trong hội nghị này.` },
      ]);
      // Hidden before the version is looked at: a stale version tells nothing either.
      await patch(item(created.id), { version: 7, status: 'done' }, otherOperator).expect(404);
      const missing = await patch(item('00000000-0000-4000-8000-000000000000'), { version: 1, status: 'done' }, operator).expect(404);
      expect(Object.keys(missing.body)).toEqual(Object.keys(res.body));
      expect(await snapshot(id)).toEqual(before);
    });

    it('answers 404 to an operator for an item assigned to a unit but to no bridge point, even its own unit', async () => {
      const unitOnly = (await post(items(id), anActionItem({ assigneeAdministrativeUnitCode: '24' })).expect(201)).body;
      const unassigned = (await post(items(id), anActionItem({ assignee: 'Các ban, bộ, ngành Trung ương' })).expect(201)).body;
      const provincial = await t.userWithRole('operator', { administrativeUnitCode: '24' });
      const before = await snapshot(id);
      for (const token of [operator, provincial]) {
        await patch(item(unitOnly.id), { version: 1, status: 'done' }, token).expect(404);
        await patch(item(unassigned.id), { version: 1, status: 'done' }, token).expect(404);
      }
      expect(await snapshot(id)).toEqual(before);
    });

    it('answers 404 to an operator whose points are all in another conference', async () => {
      const created = await assigned();
      const other = (await post('/api/conferences', aConference()).expect(201)).body.id as string;
      const point = (await post(`/api/conferences/${other}/bridge-points`, aMainPoint()).expect(201)).body;
      const outsider = await t.userWithRole('operator', { bridgePointIds: [point.id] });
      await patch(item(created.id), { version: 1, status: 'done' }, outsider).expect(404);
      expect(await row(created.id)).toMatchObject({ status: 'open', version: 1 });
    });

    describe('refuses with 403 naming the field an operator sent besides status and progressNote, changing nothing', () => {
      it.each([
        ['the description', { description: 'Nhiệm vụ khác' }, ['description']],
        ['the assignee', { assignee: 'Tỉnh ủy Lạng Sơn' }, ['assignee']],
        ['the deadline', { deadline: '2026-06-30' }, ['deadline']],
        ['the deadline, cleared', { deadline: null }, ['deadline']],
        ['the bridge point, even to null', { assigneeBridgePointId: null }, ['assigneeBridgePointId']],
        ['the unit and its set', { assigneeAdministrativeUnitCode: '20', assigneeAdministrativeUnitSet: 'vn-34' }, ['assigneeAdministrativeUnitCode', 'assigneeAdministrativeUnitSet']],
        ['the deadline alongside an allowed status', { status: 'done', deadline: '2026-06-30' }, ['deadline']],
      ])('%s', async (_name, fields, named) => {
        const created = await assigned();
        const before = await snapshot(id);
        const res = await patch(item(created.id), { version: 1, ...fields }, operator).expect(403);
        expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(named);
        expect(res.body.details.map((d: { code: string }) => d.code)).toEqual(named.map(() => 'operator_cannot_change'));
        for (const field of named) expect(res.body.message).toContain(field);
        expect(await snapshot(id)).toEqual(before);
      });

      it('to an operator of another point too, without telling whether the item exists', async () => {
        const created = await assigned();
        const res = await patch(item(created.id), { version: 1, deadline: '2026-06-30' }, otherOperator).expect(403);
        expect(res.body.details).toEqual([expect.objectContaining({ field: 'deadline' })]);
        await patch(item('00000000-0000-4000-8000-000000000000'), { version: 1, deadline: '2026-06-30' }, otherOperator).expect(403);
      });
    });

    it('refuses a viewer with 403 and a bad status or progress note with 400 naming the field', async () => {
      const created = await assigned();
      const viewer = await t.userWithRole('viewer');
      const before = await snapshot(id);
      const refused = await patch(item(created.id), { version: 1, status: 'done' }, viewer).expect(403);
      expect(refused.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
      for (const [body, field] of [
        [{ status: 'finished' }, 'status'],
        [{ status: null }, 'status'],
        [{ progressNote: 12 }, 'progressNote'],
        [{ progressNote: 'x'.repeat(4001) }, 'progressNote'],
      ] as const) {
        const res = await patch(item(created.id), { version: 1, ...body }, operator).expect(400);
        expect(new Set(res.body.details.map((d: { field: string }) => d.field))).toEqual(new Set([field]));
      }
      await patch(item(created.id), { version: 1, status: 'done', authorizationProbe: 1 }, operator).expect(400);
      expect(await snapshot(id)).toEqual(before);
    });

    it('answers 409 to an operator with a stale version, changing nothing', async () => {
      const created = await assigned();
      await patch(item(created.id), { version: 1, status: 'in_progress' }, operator).expect(200);
      const before = await snapshot(id);
      const stale = await patch(item(created.id), { version: 1, status: 'done' }, operator).expect(409);
      expect(stale.body.details).toEqual([{ field: 'version', code: 'stale_version', message: 'Phiên bản hiện tại là 2.' }]);
      expect(await snapshot(id)).toEqual(before);
    });
  });

  it('lists an assignee’s items across conferences by unit code or name', async () => {
    const first = (await aMinutesConference(t.http, t.adminToken)).id;
    const second = (await aMinutesConference(t.http, t.adminToken, { title: 'Hội nghị tập huấn công tác dân vận' })).id;
    const a = (await post(items(first), anActionItem({ assignee: 'Tỉnh ủy Cao Bằng', assigneeAdministrativeUnitCode: '04' })).expect(201)).body;
    const b = (await post(items(second), anActionItem({ assignee: 'Tỉnh ủy Cao Bằng', assigneeAdministrativeUnitCode: '04', deadline: '2025-10-31' })).expect(201)).body;
    await post(items(second), anActionItem({ assignee: 'Tỉnh ủy Lạng Sơn', assigneeAdministrativeUnitCode: '20' })).expect(201);
    const byCode = (await get('/api/action-items?assigneeAdministrativeUnitCode=04').expect(200)).body;
    expect(byCode.items.map((i: { id: string }) => i.id)).toEqual([b.id, a.id]);
    expect(byCode.items.map((i: { conferenceId: string }) => i.conferenceId)).toEqual([second, first]);
    const byName = (await get('/api/action-items?assignee=cao%20bang').expect(200)).body;
    expect(byName.total).toBe(2);
    const viewer = await t.userWithRole('viewer');
    expect((await get('/api/action-items?assigneeAdministrativeUnitCode=04', viewer).expect(200)).body.total).toBe(2);
    await get('/api/action-items?assigneeAdministrativeUnitCode=Cao%20Bang').expect(400);
    await post(items(first), anActionItem(), viewer).expect(403);
  });

  it('shows a cloned follow-up conference the open items carried over from the original', async () => {
    const original = (await aMinutesConference(t.http, t.adminToken)).id;
    const open = (await post(items(original), anActionItem({ description: 'Nhiệm vụ còn dở' })).expect(201)).body;
    const started = (await post(items(original), anActionItem({ description: 'Nhiệm vụ đang làm', status: 'in_progress' })).expect(201)).body;
    await post(items(original), anActionItem({ description: 'Nhiệm vụ đã xong', status: 'done' })).expect(201);
    const clone = (await post(`/api/conferences/${original}/clone`, { startsAt: '2026-01-10T08:00:00+07:00' }).expect(201)).body.id as string;
    await post(`/api/conferences/${clone}/publish`, {}).expect(200);
    const own = (await post(items(clone), anActionItem({ description: 'Nhiệm vụ mới' })).expect(201)).body;

    expect((await get(items(clone)).expect(200)).body.items.map((i: { id: string }) => i.id)).toEqual([own.id]);
    const withCarried = (await get(`${items(clone)}?include=carried_over`).expect(200)).body;
    expect(withCarried.total).toBe(3);
    expect(withCarried.items.map((i: { id: string; carriedOver: boolean }) => [i.id, i.carriedOver])).toEqual([
      [open.id, true],
      [started.id, true],
      [own.id, false],
    ]);
    expect(withCarried.items[0].conferenceId).toBe(original);
    await get(`${items(clone)}?include=everything`).expect(400);
  });
});
