import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditEntry } from '../../src/audit/audit-entry.entity';
import { BridgePoint } from '../../src/bridge-points/bridge-point.entity';
import { TransactionRunner } from '../../src/database/transaction-runner';
import { MinutesRevision } from '../../src/minutes/minutes-revision.entity';
import { Minutes } from '../../src/minutes/minutes.entity';
import { MinutesDemoSeeder } from '../../src/minutes/minutes-demo.seeder';
import { AwardsDemoSeeder } from '../../src/awards/awards-demo.seeder';
import { DemoSeeder } from '../../src/seeding/demo-seeder';
import { aConference, aMainPoint, aMinutesConference, anAwardDecision, anAwardRecipient } from '../factories';
import { startApp, TestApp } from '../harness';

const bearer = { type: 'bearer' as const };

/** An independent canonical form: keys sorted at every depth, NFC strings, no whitespace. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(typeof value === 'string' ? value.normalize('NFC') : value);
}

describe('minutes (biên bản)', () => {
  let t: TestApp;
  let db: DataSource;
  const path = (id: string) => `/api/conferences/${id}/minutes`;
  const post = (url: string, body: object, token = t.adminToken) => t.http.post(url).auth(token, bearer).send(body);
  const patch = (url: string, body: object, token = t.adminToken) => t.http.patch(url).auth(token, bearer).send(body);
  const get = (url: string, token = t.adminToken) => t.http.get(url).auth(token, bearer);

  /** Everything a minutes write could touch, to show a refused one touched nothing. */
  const snapshot = async (conferenceId: string) => ({
    minutes: await db.getRepository(Minutes).find({ where: { conferenceId } }),
    revisions: await db.getRepository(MinutesRevision).count(),
    audit: await db.getRepository(AuditEntry).count({ where: { conferenceId } }),
  });

  /** A conference ready for minutes: points with attendance, an award decision with two recipients. */
  const ready = async () => {
    const c = await aMinutesConference(t.http, t.adminToken);
    const points = await db.getRepository(BridgePoint).find({ where: { conferenceId: c.id }, order: { isMain: 'DESC', provinceCode: 'ASC' } });
    for (const [i, p] of points.entries()) {
      await db.getRepository(BridgePoint).update({ id: p.id }, { expectedAttendees: 40 + i, reportedAttendees: 30 + i });
    }
    await post(`/api/conferences/${c.id}/award-decisions`, {
      ...anAwardDecision(),
      recipients: [
        anAwardRecipient({ position: 1 }),
        anAwardRecipient({ kind: 'collective', name: 'Ban Dân vận Tỉnh ủy Bắc Ninh', title: null, organization: null, position: 2 }),
      ],
    }).expect(201);
    return { ...c, points };
  };

  beforeAll(async () => {
    t = await startApp();
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  describe('drafting', () => {
    it.each([
      ['a draft', async () => (await post('/api/conferences', aConference()).expect(201)).body.id as string, 'draft'],
      [
        'a cancelled conference',
        async () => {
          const id = (await post('/api/conferences', aConference()).expect(201)).body.id as string;
          await post(`/api/conferences/${id}/cancel`, { reason: 'Hoãn' }).expect(200);
          return id;
        },
        'cancelled',
      ],
    ])('answers 409 naming the state for %s, creating nothing', async (_name, make, state) => {
      const id = await make();
      const before = await snapshot(id);
      const res = await post(path(id), {}).expect(409);
      expect(res.body.message).toBe(`Không thể lập biên bản: hội nghị đang ở trạng thái ${state} (cần published, ongoing hoặc completed).`);
      expect(res.body.details).toEqual([
        { field: 'status', code: 'wrong_conference_status', message: `Hội nghị đang ở trạng thái ${state}; cần published, ongoing, completed.` },
      ]);
      expect(await snapshot(id)).toEqual(before);
    });

    it('drafts every section from the conference, its points, agenda, delegates and awards', async () => {
      const c = await ready();
      // What the record must state: which points a connection check found connected, which
      // failed, confirmed without a check, never answered or declined; who checked in.
      const base = `/api/conferences/${c.id}`;
      const [, ok, degraded, failed, declined, confirmed] = c.points;
      await post(`${base}/bridge-points/${ok.id}/connection-checks`, { result: 'ok' }).expect(201);
      await post(`${base}/bridge-points/${degraded.id}/connection-checks`, { result: 'degraded', note: 'Âm thanh rè' }).expect(201);
      await post(`${base}/bridge-points/${failed.id}/connection-checks`, { result: 'failed' }).expect(201);
      await post(`${base}/bridge-points/${declined.id}/decline`, { reason: 'Trùng lịch tiếp xúc cử tri' }).expect(200);
      await post(`${base}/bridge-points/${confirmed.id}/confirm`, {}).expect(200);
      const people = (await get(`${base}/attendees`).expect(200)).body.items as { id: string; fullName: string }[];
      const mai = people.find((a) => a.fullName === 'Lê Thị Mai')!;
      await post(`${base}/attendees/${mai.id}/check-in`, {}).expect(200);
      const standing = new Map<string, [string, string]>([
        [ok.id, ['ok', 'pending']],
        [degraded.id, ['degraded', 'pending']],
        [failed.id, ['failed', 'pending']],
        [declined.id, ['untested', 'declined']],
        [confirmed.id, ['untested', 'confirmed']],
      ]);
      const res = await post(path(c.id), { secretaryName: 'Nguyễn Thị Thu Hà'.normalize('NFD'), secretaryTitle: 'Chuyên viên', number: '15' }).expect(201);
      expect(res.body).toMatchObject({
        conferenceId: c.id,
        status: 'draft',
        number: '15/BB-BDVTW',
        version: 1,
        chain: 1,
        revision: 1,
        contentHash: null,
        approvedAt: null,
        approvedBy: null,
      });
      const s = res.body.sections;
      expect(s.header).toEqual({
        superiorBody: null,
        issuingBody: 'Ban Dân vận Trung ương',
        abbreviation: 'BDVTW',
        number: '15',
        place: 'Hà Nội',
        date: '2025-07-15',
      });
      expect(s.title).toBe(aConference().title);
      expect(s.opening).toEqual({ startedAt: '2025-07-15T01:00:00.000Z', venue: 'Hội trường Ban Dân vận Trung ương, Hà Nội' });
      // Connected means a connection check said so: two points (ok, degraded), not all 34.
      expect(s.bridgePoints.count).toBe(2);
      expect(s.bridgePoints.items).toHaveLength(35);
      expect(s.bridgePoints.items[0]).toEqual({
        bridgePointId: c.mainPointId,
        name: 'Điểm cầu Trung ương',
        expected: 40,
        actual: 30,
        isMain: true,
        connection: 'untested',
        confirmation: 'pending',
      });
      for (const [i, p] of c.points.entries()) {
        if (i === 0) continue;
        const [connection, confirmation] = standing.get(p.id) ?? ['untested', 'pending'];
        expect(s.bridgePoints.items[i]).toEqual({ bridgePointId: p.id, name: p.name, expected: 40 + i, actual: 30 + i, isMain: false, connection, confirmation });
      }
      // The totals are the summary's.
      const summary = (await get(`${base}/bridge-points/summary`).expect(200)).body;
      const sum = (key: 'expected' | 'actual') => s.bridgePoints.items.reduce((n: number, x: Record<string, number | null>) => n + (x[key] ?? 0), 0);
      expect([sum('expected'), sum('actual')]).toEqual([summary.expectedAttendees, summary.actualAttendees]);
      expect(s.composition.chair).toEqual({ name: 'Trần Văn Minh', title: 'Trưởng Ban Dân vận Trung ương' });
      expect(s.composition.secretary).toEqual({ name: 'Nguyễn Thị Thu Hà', title: 'Chuyên viên' });
      // Only who attended is named (the delegate who checked in; not the invited nor the declined),
      // under the point's own attendance figure (the headcount it reported).
      expect(s.composition.delegatesByBridgePoint[0]).toEqual({
        bridgePointId: c.mainPointId,
        name: 'Điểm cầu Trung ương',
        count: 30,
        delegates: [{ name: 'Lê Thị Mai', title: 'Vụ trưởng' }],
      });
      expect(s.composition.delegatesByBridgePoint.slice(1).every((d: { delegates: unknown[] }) => d.delegates.length === 0)).toBe(true);
      expect(s.proceedings.map((p: { time: string; title: string }) => [p.time, p.title])).toEqual([
        ['08:00', 'Khai mạc Hội nghị'],
        ['08:15', 'Báo cáo sơ kết công tác dân vận 6 tháng đầu năm 2025'],
        ['09:00', 'Thảo luận tại các điểm cầu'],
        ['10:45', 'Phát biểu kết luận Hội nghị'],
      ]);
      expect(s.proceedings[0]).toMatchObject({ agendaItemId: c.agendaIds[0], speakers: ['Trần Văn Minh, Trưởng Ban Dân vận Trung ương'] });
      expect(s.proceedings[2].summary).toBe('Các tỉnh ủy, thành ủy phát biểu tham luận.');
      expect(s.awards).toEqual([
        expect.objectContaining({
          number: '123/QĐ-TTg',
          awardFormName: 'Bằng khen của Thủ tướng Chính phủ',
          recipients: [
            expect.objectContaining({ kind: 'individual', name: 'Nguyễn Thị Hồng Nhung', organization: 'Huyện ủy Lục Ngạn, tỉnh Bắc Giang' }),
            expect.objectContaining({ kind: 'collective', name: 'Ban Dân vận Tỉnh ủy Bắc Ninh' }),
          ],
        }),
      ]);
      expect(s.conclusions).toEqual([]);
      expect(s.closing.endedAt).toBe('2025-07-15T04:30:00.000Z');
      expect(s.signatures).toEqual({
        secretary: { name: 'Nguyễn Thị Thu Hà', title: 'Chuyên viên' },
        chair: { name: 'Trần Văn Minh', title: 'Trưởng Ban Dân vận Trung ương' },
      });
      expect(s.distribution).toContain('Lưu: VT');
      expect(await get(path(c.id)).expect(200).then((r) => r.body)).toEqual(res.body);
      // Every section as drafted is accepted back as an edit, unchanged.
      const roundTrip = await patch(path(c.id), { version: 1, sections: s }).expect(200);
      expect(roundTrip.body.sections).toEqual(s);

      const again = await post(path(c.id), {}).expect(409);
      expect(again.body.details).toEqual([{ field: 'minutes', code: 'minutes_already_drafted', message: 'Hội nghị đã có biên bản.' }]);
      expect(again.body.message).toBe(`Hội nghị ${c.id} đã có biên bản; hãy sửa biên bản hiện có (PATCH).`);
    });

    it('answers 404 in Vietnamese for a conference without minutes', async () => {
      const id = (await post('/api/conferences', aConference()).expect(201)).body.id as string;
      const res = await get(path(id)).expect(404);
      expect(res.body.message).toContain('chưa có biên bản');
      expect(res.body.details).toEqual([{ field: 'minutes', code: 'minutes_not_found', message: 'Hội nghị chưa có biên bản.' }]);
      await get(`${path(id)}/revisions`).expect(404);
    });

    it('drafts a conference of 3,356 points in well under a second, in a fixed number of queries', async () => {
      const id = (await post('/api/conferences', aConference()).expect(201)).body.id as string;
      await post(`/api/conferences/${id}/bridge-points`, aMainPoint()).expect(201);
      await post(`/api/conferences/${id}/bridge-points`, { administrativeUnitSet: 'vn-34', level: 'commune' }).expect(201);
      await post(`/api/conferences/${id}/publish`, {}).expect(200);
      const started = Date.now();
      const res = await post(path(id), {}).expect(201);
      const elapsed = Date.now() - started;
      expect(res.body.sections.bridgePoints.items).toHaveLength(3356);
      // No connection check was recorded, so no point is stated as connected.
      expect(res.body.sections.bridgePoints.count).toBe(0);
      expect(elapsed).toBeLessThan(1000);
    });
  });

  describe('editing, approving, reopening', () => {
    it('replaces only the sections given, saving a revision with author, time and full content', async () => {
      const c = await ready();
      const draft = (await post(path(c.id), {}).expect(201)).body;
      const conclusions = ['Hội nghị đánh giá cao kết quả 6 tháng đầu năm.', 'Các tỉnh tiếp tục làm tốt công tác dân vận.'.normalize('NFD')];
      const res = await patch(path(c.id), {
        version: 1,
        sections: { conclusions, header: { ...draft.sections.header, number: '27', superiorBody: 'Ban Chấp hành Trung ương' } },
      }).expect(200);
      expect(res.body).toMatchObject({ version: 2, revision: 2, chain: 1, number: '27/BB-BDVTW', status: 'draft' });
      expect(res.body.sections.conclusions).toEqual(conclusions.map((x) => x.normalize('NFC')));
      expect(res.body.sections.header.superiorBody).toBe('Ban Chấp hành Trung ương');
      expect({ ...res.body.sections, conclusions: [], header: draft.sections.header }).toEqual(draft.sections);

      const revisions = (await get(`${path(c.id)}/revisions`).expect(200)).body;
      expect(revisions.total).toBe(2);
      expect(revisions.items.map((r: { chain: number; revision: number; reason: string }) => [r.chain, r.revision, r.reason])).toEqual([
        [1, 1, 'draft'],
        [1, 2, 'edit'],
      ]);
      expect(revisions.items[1]).toMatchObject({ author: 'admin@hoinghi.local', number: '27/BB-BDVTW' });
      expect(revisions.items[1].sections).toEqual(res.body.sections);
      expect(revisions.items[0].sections).toEqual(draft.sections);
    });

    it('answers 409 to a stale version and changes nothing', async () => {
      const c = await ready();
      await post(path(c.id), {}).expect(201);
      await patch(path(c.id), { version: 1, sections: { conclusions: ['Một.'] } }).expect(200);
      const before = await snapshot(c.id);
      const res = await patch(path(c.id), { version: 1, sections: { conclusions: ['Hai.'] } }).expect(409);
      expect(res.body.details).toEqual([{ field: 'version', code: 'stale_version', message: 'Phiên bản hiện tại là 2.' }]);
      await post(`${path(c.id)}/approve`, { version: 1 }).expect(409);
      expect(await snapshot(c.id)).toEqual(before);
    });

    describe('refuses bad sections with 400 naming the field, changing nothing', () => {
      let id: string;
      let header: Record<string, unknown>;
      beforeAll(async () => {
        const c = await ready();
        id = c.id;
        header = (await post(path(id), {}).expect(201)).body.sections.header;
      });
      it.each([
        ['a section that is a string', () => ({ header: 'BAN DÂN VẬN' }), 'sections.header'],
        ['an unknown section', () => ({ appendix: [] }), 'sections.appendix'],
        ['a header without its issuing body', () => ({ header: { ...header, issuingBody: undefined } }), 'sections.header.issuingBody'],
        ['a bad date in the header', () => ({ header: { ...header, date: '15/07/2025' } }), 'sections.header.date'],
        ['a serial with letters', () => ({ header: { ...header, number: '15a' } }), 'sections.header.number'],
        ['a lower-case abbreviation', () => ({ header: { ...header, abbreviation: 'bdvtw' } }), 'sections.header.abbreviation'],
        ['conclusions that are not a list', () => ({ conclusions: 'Kết luận' }), 'sections.conclusions'],
        ['an empty conclusion', () => ({ conclusions: ['  '] }), 'sections.conclusions'],
        ['a negative attendance', () => ({ bridgePoints: { count: 1, items: [{ bridgePointId: null, name: 'A', expected: -1, actual: 1 }] } }), 'sections.bridgePoints.items.0.expected'],
        ['a proceeding at 25:00', () => ({ proceedings: [{ agendaItemId: null, time: '25:00', title: 'X', speakers: [], summary: '' }] }), 'sections.proceedings.0.time'],
        ['an action item with a bad deadline', () => ({ actionItems: [{ actionItemId: null, description: 'X', assignee: 'Y', deadline: '2025-02-30' }] }), 'sections.actionItems.0.deadline'],
        ['an opening time without an offset', () => ({ opening: { startedAt: '2025-07-15T08:00:00', venue: null } }), 'sections.opening.startedAt'],
        ['signatures without the chair', () => ({ signatures: { secretary: { title: '', name: '' } } }), 'sections.signatures.chair'],
      ])('%s', async (_name, sections, field) => {
        const before = await snapshot(id);
        const res = await patch(path(id), { version: 1, sections: sections() }).expect(400);
        expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
        expect(await snapshot(id)).toEqual(before);
      });

      it('a body with nothing to change', async () => {
        const before = await snapshot(id);
        await patch(path(id), { version: 1 }).expect(400);
        expect(await snapshot(id)).toEqual(before);
      });
    });

    it('approves: seals the content with its SHA-256, and then refuses edits and a second approval', async () => {
      const c = await ready();
      await post(path(c.id), { secretaryName: 'Nguyễn Thị Thu Hà' }).expect(201);
      const edited = (await patch(path(c.id), { version: 1, sections: { conclusions: ['Thống nhất các nội dung.'] } }).expect(200)).body;
      const organizer = await t.userWithRole('organizer');
      const res = await post(`${path(c.id)}/approve`, { version: 2 }, organizer).expect(200);
      const expected = createHash('sha256')
        .update(canonical({ conferenceId: c.id, number: edited.number, sections: edited.sections }), 'utf8')
        .digest('hex');
      expect(res.body).toMatchObject({ status: 'approved', version: 3, contentHash: expected, approvedByName: 'Người dùng organizer' });
      expect(res.body.approvedBy).toEqual(expect.any(String));
      expect(Date.parse(res.body.approvedAt)).not.toBeNaN();
      expect(res.body.sections).toEqual(edited.sections);

      const before = await snapshot(c.id);
      const edit = await patch(path(c.id), { version: 3, sections: { conclusions: ['Sửa sau khi duyệt.'] } }).expect(409);
      expect(edit.body.message).toBe('Không thể sửa biên bản: biên bản đã được phê duyệt (status approved, cần draft).');
      expect(edit.body.details).toEqual([expect.objectContaining({ field: 'status', code: 'minutes_approved' })]);
      await patch(path(c.id), { version: 3, refreshActionItems: true }).expect(409);
      const twice = await post(`${path(c.id)}/approve`, { version: 3 }).expect(409);
      expect(twice.body.details).toEqual([
        { field: 'status', code: 'minutes_approved', message: 'Biên bản đã được phê duyệt (status approved, cần draft).' },
      ]);
      expect(await snapshot(c.id)).toEqual(before);
      const audit = await db.getRepository(AuditEntry).find({ where: { conferenceId: c.id, entityType: 'minutes' }, order: { at: 'ASC' } });
      expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'approve']);
    });

    it('lets only an admin reopen, with a reason, starting a new revision chain and clearing the hash', async () => {
      const c = await ready();
      await post(path(c.id), {}).expect(201);
      await post(`${path(c.id)}/approve`, { version: 1 }).expect(200);
      const before = await snapshot(c.id);
      const organizer = await t.userWithRole('organizer');
      await post(`${path(c.id)}/reopen`, { version: 2, reason: 'Bổ sung kết luận' }, organizer).expect(403);
      const noReason = await post(`${path(c.id)}/reopen`, { version: 2 }).expect(400);
      expect(noReason.body.details.map((d: { field: string }) => d.field)).toContain('reason');
      await post(`${path(c.id)}/reopen`, { version: 2, reason: '   ' }).expect(400);
      await post(`${path(c.id)}/reopen`, { version: 1, reason: 'Bổ sung kết luận' }).expect(409);
      expect(await snapshot(c.id)).toEqual(before);

      const res = await post(`${path(c.id)}/reopen`, { version: 2, reason: 'Bổ sung ý kiến kết luận của đồng chí chủ trì' }).expect(200);
      expect(res.body).toMatchObject({ status: 'draft', contentHash: null, approvedAt: null, approvedBy: null, chain: 2, revision: 1, version: 3 });
      await post(`${path(c.id)}/reopen`, { version: 3, reason: 'Lần nữa' }).expect(409);
      const edited = await patch(path(c.id), { version: 3, sections: { conclusions: ['Bổ sung.'] } }).expect(200);
      expect(edited.body).toMatchObject({ chain: 2, revision: 2 });

      const revisions = (await get(`${path(c.id)}/revisions`).expect(200)).body.items;
      expect(revisions.map((r: { chain: number; revision: number; reason: string }) => [r.chain, r.revision, r.reason])).toEqual([
        [1, 1, 'draft'],
        [2, 1, 'reopen'],
        [2, 2, 'edit'],
      ]);
      const reopen = await db.getRepository(AuditEntry).findOneByOrFail({ conferenceId: c.id, entityType: 'minutes', action: 'reopen' });
      expect(reopen.after).toMatchObject({ status: 'draft', reason: 'Bổ sung ý kiến kết luận của đồng chí chủ trì', chain: 2 });
      expect(reopen.actor).toBe('admin@hoinghi.local');
    });

    it('copies the action items into the minutes when asked', async () => {
      const c = await ready();
      await post(path(c.id), {}).expect(201);
      const item = (await post(`/api/conferences/${c.id}/action-items`, { description: 'Báo cáo kết quả', assignee: 'Tỉnh ủy Bắc Ninh', deadline: '2025-12-31' }).expect(201)).body;
      const res = await patch(path(c.id), { version: 1, refreshActionItems: true }).expect(200);
      expect(res.body.sections.actionItems).toEqual([
        { actionItemId: item.id, description: 'Báo cáo kết quả', assignee: 'Tỉnh ủy Bắc Ninh', deadline: '2025-12-31' },
      ]);
    });
  });

  it('lets viewers and the conference’s operators read, refuses them writes, and hides other conferences from operators', async () => {
    const c = await ready();
    await post(path(c.id), {}).expect(201);
    const viewer = await t.userWithRole('viewer');
    const ownOperator = await t.userWithRole('operator', { administrativeUnitCode: '24' });
    const elsewhere = await t.userWithRole('operator', { bridgePointIds: [] });
    await get(path(c.id), viewer).expect(200);
    await get(path(c.id), ownOperator).expect(200);
    await get(`${path(c.id)}.pdf`, ownOperator).expect(200);
    await get(path(c.id), elsewhere).expect(404);
    await get(`${path(c.id)}.docx`, elsewhere).expect(404);
    const before = await snapshot(c.id);
    await patch(path(c.id), { version: 1, sections: { conclusions: ['X.'] } }, viewer).expect(403);
    await post(`${path(c.id)}/approve`, { version: 1 }, ownOperator).expect(403);
    expect(await snapshot(c.id)).toEqual(before);
  });

  describe('the demo', () => {
    it('drafts, completes and approves the demo conference minutes once, inside the demo transaction', async () => {
      const runner = t.app.get(TransactionRunner);
      const demo = t.app.get(DemoSeeder);
      const seeder = t.app.get(MinutesDemoSeeder);
      const demoId = demo.read().conference.id;
      const awards = t.app.get(AwardsDemoSeeder);
      await runner.transaction(async (m) => {
        await demo.seed(m, null);
        await awards.seed(m, demoId);
        await seeder.seed(m, demoId, null);
      });
      const minutes = (await get(path(demoId)).expect(200)).body;
      expect(minutes).toMatchObject({ status: 'approved', number: '52/BB-BDVTW' });
      expect(minutes.contentHash).toMatch(/^[0-9a-f]{64}$/);
      // Chaired from the main hall, connected (by recorded checks) to the 63 provincial points.
      expect(minutes.sections.bridgePoints.count).toBe(63);
      expect(minutes.sections.bridgePoints.items).toHaveLength(64);
      expect(minutes.sections.conclusions.length).toBeGreaterThanOrEqual(3);
      expect(minutes.sections.actionItems).toHaveLength(4);
      expect(minutes.sections.signatures.secretary.name).toBe('Nguyễn Thị Thu Hà');
      // The awards seeded earlier in the same transaction are in the minutes, every recipient.
      const decisions = (await get(`/api/conferences/${demoId}/award-decisions`).expect(200)).body.items;
      expect(decisions.length).toBeGreaterThan(0);
      expect(minutes.sections.awards.map((a: { number: string }) => a.number)).toEqual(decisions.map((d: { number: string }) => d.number));
      expect(minutes.sections.awards.flatMap((a: { recipients: unknown[] }) => a.recipients)).toHaveLength(
        decisions.flatMap((d: { recipients: unknown[] }) => d.recipients).length,
      );
      const items = (await get(`/api/conferences/${demoId}/action-items`).expect(200)).body.items;
      expect(items).toHaveLength(4);
      for (const item of items) expect(item.deadline >= '2022-07-15' && item.deadline <= '2022-12-31').toBe(true);
      expect(items.filter((i: { assigneeAdministrativeUnitCode: string | null }) => i.assigneeAdministrativeUnitCode)).toHaveLength(3);

      const before = await snapshot(demoId);
      await runner.transaction((m) => seeder.seed(m, demoId, null));
      expect(await snapshot(demoId)).toEqual(before);
    });
  });
});
