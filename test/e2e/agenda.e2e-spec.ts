import { DataSource, QueryRunner } from 'typeorm';
import { startApp, TestApp } from '../harness';

const aConference = (overrides: Record<string, unknown> = {}) => ({
  title: 'Hội nghị toàn quốc sơ kết công tác dân vận 6 tháng đầu năm 2025',
  kind: 'review',
  format: 'online',
  startsAt: '2025-07-15T08:00:00+07:00',
  endsAt: '2025-07-15T11:30:00+07:00',
  ...overrides,
});

/** 08:30–09:15 local time on the conference day, in the main hall. */
const anItem = (overrides: Record<string, unknown> = {}) => ({
  startsAt: '2025-07-15T08:30:00+07:00',
  endsAt: '2025-07-15T09:15:00+07:00',
  title: 'Báo cáo sơ kết',
  kind: 'report',
  ...overrides,
});

const at = (time: string) => `2025-07-15T${time}:00+07:00`;
/** `minutes` after the conference starts (08:00 local), in UTC. */
const minutesIn = (minutes: number) => new Date(Date.parse(at('08:00')) + minutes * 60_000).toISOString();
const MISSING = '00000000-0000-4000-8000-000000000000';

interface ItemBody {
  id: string;
  title: string;
  version: number;
}

describe('agenda items (chương trình)', () => {
  let t: TestApp;
  let db: DataSource;
  let viewerToken: string;
  let organizerToken: string;
  const bearer = { type: 'bearer' as const };
  const count = async (table: string) => Number((await db.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  const newConference = async (overrides: Record<string, unknown> = {}) =>
    (await t.http.post('/api/conferences').auth(t.adminToken, bearer).send(aConference(overrides)).expect(201)).body.id as string;
  const newPoint = async (conferenceId: string, overrides: Record<string, unknown> = {}) =>
    (
      await t.http
        .post(`/api/conferences/${conferenceId}/bridge-points`)
        .auth(t.adminToken, bearer)
        .send({ name: 'Điểm cầu Trung ương', level: 'central', isMain: true, ...overrides })
        .expect(201)
    ).body.id as string;
  const newSpeaker = async (fullName: string) =>
    (await t.http.post('/api/speakers').auth(t.adminToken, bearer).send({ fullName }).expect(201)).body.id as string;
  const items = (conferenceId: string) => `/api/conferences/${conferenceId}/agenda-items`;
  const addItem = async (conferenceId: string, overrides: Record<string, unknown> = {}) =>
    (await t.http.post(items(conferenceId)).auth(t.adminToken, bearer).send(anItem(overrides)).expect(201)).body;
  const post = (conferenceId: string, body: Record<string, unknown>, token = t.adminToken) =>
    t.http.post(items(conferenceId)).auth(token, bearer).send(body);
  const patch = (conferenceId: string, itemId: string, body: Record<string, unknown>, token = t.adminToken) =>
    t.http.patch(`${items(conferenceId)}/${itemId}`).auth(token, bearer).send(body);
  const list = async (conferenceId: string, token = t.adminToken) =>
    (await t.http.get(items(conferenceId)).auth(token, bearer).expect(200)).body;
  const listed = async (conferenceId: string) => (await list(conferenceId)).items as ItemBody[];

  beforeAll(async () => {
    t = await startApp();
    db = t.app.get(DataSource);
    viewerToken = await t.userWithRole('viewer');
    organizerToken = await t.userWithRole('organizer');
  });
  afterAll(() => t.close());

  describe('creating', () => {
    it('adds an item with its bridge point and speakers in speaking order, storing times in UTC', async () => {
      const conference = await newConference();
      const point = await newPoint(conference);
      const first = await newSpeaker('Nguyễn Văn An');
      const second = await newSpeaker('Trần Thị Bình');
      const res = await post(conference, {
        ...anItem(),
        description: 'Trình bày báo cáo sơ kết 6 tháng đầu năm',
        bridgePointId: point,
        speakerIds: [second, first],
      }).expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        conferenceId: conference,
        startsAt: '2025-07-15T01:30:00.000Z',
        endsAt: '2025-07-15T02:15:00.000Z',
        title: 'Báo cáo sơ kết',
        kind: 'report',
        description: 'Trình bày báo cáo sơ kết 6 tháng đầu năm',
        bridgePointId: point,
        speakerIds: [second, first],
        position: 0,
        attendanceRequired: false,
        version: 1,
      });
      expect((await list(conference)).items).toEqual([res.body]);
    });

    it('defaults to a presentation in the main hall with no speakers, appended after the last item', async () => {
      const conference = await newConference();
      await addItem(conference, { startsAt: at('08:00'), endsAt: at('08:15'), title: 'Khai mạc', kind: 'opening' });
      const res = await post(conference, { startsAt: at('08:15'), endsAt: at('08:30'), title: 'Tham luận' }).expect(201);
      expect(res.body).toMatchObject({ kind: 'presentation', description: null, bridgePointId: null, speakerIds: [], position: 1 });
    });

    it('lets an organizer build the agenda', async () => {
      const conference = await newConference();
      await post(conference, anItem(), organizerToken).expect(201);
    });

    it('records the change in the conference audit trail', async () => {
      const conference = await newConference();
      const item = await addItem(conference);
      await patch(conference, item.id, { version: 1, title: 'Báo cáo sơ kết (sửa)' }).expect(200);
      await t.http.delete(`${items(conference)}/${item.id}`).auth(t.adminToken, bearer).expect(204);
      const audit = await t.http.get(`/api/conferences/${conference}/audit`).auth(t.adminToken, bearer).expect(200);
      const entries = audit.body.items.filter((e: { entityType: string }) => e.entityType === 'agenda_item');
      expect(entries.map((e: { action: string }) => e.action).sort()).toEqual(['create', 'delete', 'update']);
      const update = entries.find((e: { action: string }) => e.action === 'update');
      expect(update).toMatchObject({
        entityId: item.id,
        before: { title: 'Báo cáo sơ kết', version: 1 },
        after: { title: 'Báo cáo sơ kết (sửa)', version: 2 },
      });
    });
  });

  describe('listing', () => {
    it('lists the agenda by start, then position, paginated with 100 items a page by default', async () => {
      const conference = await newConference();
      const point = await newPoint(conference);
      const closing = await addItem(conference, { startsAt: at('11:00'), endsAt: at('11:30'), title: 'Bế mạc', kind: 'closing' });
      const opening = await addItem(conference, {
        startsAt: at('08:00'),
        endsAt: at('08:30'),
        title: 'Khai mạc',
        kind: 'opening',
        position: 5,
      });
      const film = await addItem(conference, {
        startsAt: at('08:00'),
        endsAt: at('08:10'),
        title: 'Chiếu phim tư liệu',
        bridgePointId: point,
        position: 2,
      });
      const body = await list(conference, viewerToken);
      expect(body).toMatchObject({ total: 3, page: 1, pageSize: 100 });
      expect(body.items.map((i: ItemBody) => i.id)).toEqual([film.id, opening.id, closing.id]);
      const page = await t.http.get(`${items(conference)}?page=2&pageSize=2`).auth(viewerToken, bearer).expect(200);
      expect(page.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
      expect(page.body.items.map((i: ItemBody) => i.id)).toEqual([closing.id]);
    });

    it('runs the same number of queries for 2 items with speakers as for 12', async () => {
      const speakers = [await newSpeaker('Báo cáo viên A'), await newSpeaker('Báo cáo viên B')];
      const agendaOf = async (n: number) => {
        const conference = await newConference();
        for (let i = 0; i < n; i += 1) {
          const slot = { startsAt: minutesIn(i * 15), endsAt: minutesIn(i * 15 + 15) };
          await addItem(conference, { ...slot, title: `Mục ${i + 1}`, speakerIds: speakers });
        }
        return conference;
      };
      const small = await agendaOf(2);
      const large = await agendaOf(12);
      const runner = db.createQueryRunner();
      const proto = Object.getPrototypeOf(runner) as QueryRunner;
      await runner.release();
      const spy = jest.spyOn(proto, 'query');
      try {
        const queriesFor = async (conference: string, expected: number) => {
          spy.mockClear();
          const body = await list(conference, viewerToken);
          expect(body.items).toHaveLength(expected);
          expect(body.items.every((i: { speakerIds: string[] }) => i.speakerIds.join() === speakers.join())).toBe(true);
          return spy.mock.calls.length;
        };
        const forSmall = await queriesFor(small, 2);
        const forLarge = await queriesFor(large, 12);
        expect(forSmall).toBeGreaterThan(0);
        expect(forLarge).toBe(forSmall);
      } finally {
        spy.mockRestore();
      }
    });

    it("hides the agenda of a conference an operator cannot see, with 404", async () => {
      const conference = await newConference();
      await addItem(conference);
      const operator = await t.userWithRole('operator', { administrativeUnitCode: '24' });
      await t.http.get(items(conference)).auth(operator, bearer).expect(404);
      const province = { name: 'Điểm cầu tỉnh Bắc Ninh', level: 'provincial', isMain: false, administrativeUnitCode: '24' };
      await newPoint(conference, province);
      expect((await list(conference, operator)).total).toBe(1);
    });
  });

  describe('the time rules', () => {
    it('lets an item start the minute the previous one in the same place ends', async () => {
      const conference = await newConference();
      await addItem(conference);
      await post(conference, anItem({ startsAt: at('09:15'), endsAt: at('10:00'), title: 'Thảo luận' })).expect(201);
      await post(conference, anItem({ startsAt: at('08:00'), endsAt: at('08:30'), title: 'Khai mạc' })).expect(201);
    });

    it('accepts an item that fills the whole conference window', async () => {
      const conference = await newConference();
      await post(conference, anItem({ startsAt: at('08:00'), endsAt: at('11:30') })).expect(201);
    });

    it.each([
      ['ends before it starts', { startsAt: at('09:00'), endsAt: at('08:45') }, 'endsAt', 'ends_before_start', 'Thời điểm kết thúc phải sau thời điểm bắt đầu.'],
      ['ends when it starts', { startsAt: at('09:00'), endsAt: at('09:00') }, 'endsAt', 'ends_before_start', 'Thời điểm kết thúc phải sau thời điểm bắt đầu.'],
      [
        'starts before the conference',
        { startsAt: at('07:30'), endsAt: at('08:15') },
        'startsAt',
        'outside_conference_window',
        'Thời điểm bắt đầu phải nằm trong thời gian diễn ra hội nghị: 15/07/2025 08:00–11:30 (Asia/Ho_Chi_Minh).',
      ],
      [
        'starts after the conference ends',
        { startsAt: at('12:00'), endsAt: at('12:30') },
        'startsAt',
        'outside_conference_window',
        'Thời điểm bắt đầu phải nằm trong thời gian diễn ra hội nghị: 15/07/2025 08:00–11:30 (Asia/Ho_Chi_Minh).',
      ],
      [
        'runs past the end of the conference',
        { startsAt: at('11:15'), endsAt: at('11:45') },
        'endsAt',
        'outside_conference_window',
        'Thời điểm kết thúc phải nằm trong thời gian diễn ra hội nghị: 15/07/2025 08:00–11:30 (Asia/Ho_Chi_Minh).',
      ],
    ])('refuses an item that %s with 400, writing nothing', async (_name, times, field, code, message) => {
      const conference = await newConference();
      const before = await count('agenda_items');
      const res = await post(conference, anItem(times)).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message });
      expect(res.body.details).toEqual([{ field, code, message }]);
      expect(await count('agenda_items')).toBe(before);
    });

    it('shows the window in the conference time zone', async () => {
      const conference = await newConference({ timezone: 'Asia/Tokyo' });
      const res = await post(conference, anItem({ startsAt: at('07:00'), endsAt: at('08:30') })).expect(400);
      expect(res.body.message).toBe('Thời điểm bắt đầu phải nằm trong thời gian diễn ra hội nghị: 15/07/2025 10:00–13:30 (Asia/Tokyo).');
      expect(res.body.details[0]).toMatchObject({ field: 'startsAt', code: 'outside_conference_window' });
    });

    it('answers 409 naming the colliding item by title and local time when two items overlap in the main hall', async () => {
      const conference = await newConference();
      await addItem(conference);
      const before = await count('agenda_items');
      const res = await post(conference, anItem({ startsAt: at('09:00'), endsAt: at('09:30'), title: 'Thảo luận' })).expect(409);
      expect(res.body).toMatchObject({
        statusCode: 409,
        error: 'Conflict',
        message: 'Trùng thời gian với mục "Báo cáo sơ kết" (08:30–09:15) tại hội trường chính.',
        details: [{ field: 'startsAt', code: 'time_overlap', message: 'Trùng thời gian với mục "Báo cáo sơ kết" (08:30–09:15) tại hội trường chính.' }],
      });
      expect(await count('agenda_items')).toBe(before);
    });

    it('refuses an item that contains another in the same place', async () => {
      const conference = await newConference();
      await addItem(conference);
      await post(conference, anItem({ startsAt: at('08:00'), endsAt: at('10:00'), title: 'Phiên toàn thể' })).expect(409);
    });

    it('answers 409 when two items overlap at the same bridge point', async () => {
      const conference = await newConference();
      const point = await newPoint(conference);
      await addItem(conference, { bridgePointId: point, title: 'Tham luận của Trung ương' });
      const res = await post(conference, anItem({ bridgePointId: point, startsAt: at('08:45'), title: 'Tham luận khác' })).expect(409);
      expect(res.body.message).toBe('Trùng thời gian với mục "Tham luận của Trung ương" (08:30–09:15) tại cùng điểm cầu.');
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'startsAt', code: 'time_overlap' })]);
    });

    it('lets items at the same time run in different places, the main hall being one of them', async () => {
      const conference = await newConference();
      const central = await newPoint(conference);
      const province = await newPoint(conference, { name: 'Điểm cầu tỉnh Bắc Ninh', level: 'provincial', isMain: false });
      await addItem(conference, { title: 'Ở hội trường chính' });
      await post(conference, anItem({ bridgePointId: central, title: 'Ở điểm cầu Trung ương' })).expect(201);
      await post(conference, anItem({ bridgePointId: province, title: 'Ở điểm cầu tỉnh' })).expect(201);
      expect((await list(conference)).total).toBe(3);
    });

    it('lets two concurrent overlapping items in one place both be tried, and only one be kept', async () => {
      const conference = await newConference();
      const statuses = (
        await Promise.all([1, 2, 3].map((n) => post(conference, anItem({ title: `Báo cáo ${n}` }))))
      ).map((r) => r.status);
      expect(statuses.sort()).toEqual([201, 409, 409]);
      expect((await list(conference)).total).toBe(1);
    });
  });

  describe('references', () => {
    it('refuses a bridge point of another conference with 400 naming bridgePointId, writing nothing', async () => {
      const conference = await newConference();
      const elsewhere = await newPoint(await newConference());
      const before = await count('agenda_items');
      const res = await post(conference, anItem({ bridgePointId: elsewhere })).expect(400);
      expect(res.body.details).toEqual([
        { field: 'bridgePointId', code: 'bridge_point_not_found', message: `Điểm cầu ${elsewhere} không thuộc hội nghị này.` },
      ]);
      const missing = await post(conference, anItem({ bridgePointId: MISSING })).expect(400);
      expect(missing.body.details).toEqual([expect.objectContaining({ field: 'bridgePointId', code: 'bridge_point_not_found' })]);
      expect(await count('agenda_items')).toBe(before);
    });

    it('refuses unknown speakers with 400 naming speakerIds and the unknown ids, writing nothing', async () => {
      const conference = await newConference();
      const known = await newSpeaker('Nguyễn Văn An');
      const before = [await count('agenda_items'), await count('agenda_item_speakers')];
      const res = await post(conference, anItem({ speakerIds: [known, MISSING] })).expect(400);
      expect(res.body.details).toEqual([
        { field: 'speakerIds', code: 'speaker_not_found', message: `Không tìm thấy báo cáo viên trong danh bạ: ${MISSING}.` },
      ]);
      expect([await count('agenda_items'), await count('agenda_item_speakers')]).toEqual(before);
    });

    it('treats speaker ids case-insensitively', async () => {
      const conference = await newConference();
      const speaker = await newSpeaker('Lê Văn Cường');
      const res = await post(conference, anItem({ speakerIds: [speaker.toUpperCase()] })).expect(201);
      expect(res.body.speakerIds).toEqual([speaker]);
      const twice = anItem({ startsAt: at('10:00'), endsAt: at('10:30'), speakerIds: [speaker, speaker.toUpperCase()] });
      await post(conference, twice).expect(400);
    });
  });

  describe('updating', () => {
    it('moves an item, changes its speakers and bumps its version', async () => {
      const conference = await newConference();
      const point = await newPoint(conference);
      const a = await newSpeaker('Người nói A');
      const b = await newSpeaker('Người nói B');
      const item = await addItem(conference, { speakerIds: [a] });
      const res = await patch(conference, item.id, {
        version: 1,
        startsAt: at('10:00'),
        endsAt: at('10:45'),
        bridgePointId: point,
        speakerIds: [b, a],
        kind: 'directive',
        description: 'Phát biểu chỉ đạo',
        position: 3,
      }).expect(200);
      expect(res.body).toEqual({
        ...item,
        startsAt: '2025-07-15T03:00:00.000Z',
        endsAt: '2025-07-15T03:45:00.000Z',
        bridgePointId: point,
        speakerIds: [b, a],
        kind: 'directive',
        description: 'Phát biểu chỉ đạo',
        position: 3,
        version: 2,
      });
      expect((await list(conference)).items).toEqual([res.body]);
    });

    it('keeps the speakers when speakerIds is not given, and clears them with an empty list', async () => {
      const conference = await newConference();
      const speaker = await newSpeaker('Người nói');
      const item = await addItem(conference, { speakerIds: [speaker] });
      const renamed = await patch(conference, item.id, { version: 1, title: 'Báo cáo tổng hợp' }).expect(200);
      expect(renamed.body.speakerIds).toEqual([speaker]);
      const cleared = await patch(conference, item.id, { version: 2, speakerIds: [] }).expect(200);
      expect(cleared.body.speakerIds).toEqual([]);
    });

    it('moves an item back to the main hall and clears its description with null', async () => {
      const conference = await newConference();
      const point = await newPoint(conference);
      const item = await addItem(conference, { bridgePointId: point, description: 'Ghi chú' });
      const res = await patch(conference, item.id, { version: 1, bridgePointId: null, description: null }).expect(200);
      expect(res.body).toMatchObject({ bridgePointId: null, description: null, version: 2 });
    });

    it('lets an item be moved within its own time without colliding with itself', async () => {
      const conference = await newConference();
      const item = await addItem(conference);
      await patch(conference, item.id, { version: 1, startsAt: at('08:45') }).expect(200);
    });

    it('answers 409 when a move would overlap another item, changing nothing', async () => {
      const conference = await newConference();
      await addItem(conference);
      const later = await addItem(conference, { startsAt: at('10:00'), endsAt: at('10:30'), title: 'Thảo luận' });
      const res = await patch(conference, later.id, { version: 1, startsAt: at('09:00') }).expect(409);
      expect(res.body.message).toBe('Trùng thời gian với mục "Báo cáo sơ kết" (08:30–09:15) tại hội trường chính.');
      expect(res.body.details[0].code).toBe('time_overlap');
      expect((await listed(conference)).find((i) => i.id === later.id)).toEqual(later);
    });

    it('answers 409 when moving an item to a bridge point where it would overlap', async () => {
      const conference = await newConference();
      const point = await newPoint(conference);
      await addItem(conference, { bridgePointId: point, title: 'Ở điểm cầu' });
      const item = await addItem(conference, { title: 'Ở hội trường' });
      const res = await patch(conference, item.id, { version: 1, bridgePointId: point }).expect(409);
      expect(res.body.details[0]).toMatchObject({ field: 'startsAt', code: 'time_overlap' });
    });

    it('checks the merged times: a new end before the old start is refused naming endsAt', async () => {
      const conference = await newConference();
      const item = await addItem(conference);
      const res = await patch(conference, item.id, { version: 1, endsAt: at('08:15') }).expect(400);
      expect(res.body.details).toEqual([
        { field: 'endsAt', code: 'ends_before_start', message: 'Thời điểm kết thúc phải sau thời điểm bắt đầu.' },
      ]);
      await patch(conference, item.id, { version: 1, startsAt: at('07:00') }).expect(400);
      expect((await listed(conference))[0]).toEqual(item);
    });

    it('answers 409 to a stale version and changes nothing', async () => {
      const conference = await newConference();
      const item = await addItem(conference);
      await patch(conference, item.id, { version: 1, title: 'Lần một' }).expect(200);
      const stale = await patch(conference, item.id, { version: 1, title: 'Ghi đè' }).expect(409);
      expect(stale.body.details).toEqual([{ field: 'version', code: 'stale_version', message: 'Phiên bản hiện tại là 2.' }]);
      expect((await listed(conference))[0]).toMatchObject({ title: 'Lần một', version: 2 });
    });

    it('lets exactly one of three concurrent updates with the same version win', async () => {
      const conference = await newConference();
      const item = await addItem(conference);
      const answers = await Promise.all(['Một', 'Hai', 'Ba'].map((title) => patch(conference, item.id, { version: 1, title })));
      const statuses = answers.map((r) => r.status);
      expect(statuses.sort()).toEqual([200, 409, 409]);
      expect((await listed(conference))[0].version).toBe(2);
    });

    it('answers 404 for an item of another conference, changing nothing', async () => {
      const conference = await newConference();
      const other = await newConference();
      const item = await addItem(other);
      const res = await patch(conference, item.id, { version: 1, title: 'Nhầm hội nghị' }).expect(404);
      expect(res.body.message).toBe(`Không tìm thấy mục chương trình ${item.id} trong hội nghị này.`);
      expect(res.body.details).toEqual([
        { field: 'itemId', code: 'agenda_item_not_found', message: `Không tìm thấy mục chương trình ${item.id} trong hội nghị này.` },
      ]);
      await t.http.delete(`${items(conference)}/${item.id}`).auth(t.adminToken, bearer).expect(404);
      expect((await listed(other))[0]).toEqual(item);
    });
  });

  describe('deleting', () => {
    it('removes the item and its speakers', async () => {
      const conference = await newConference();
      const speaker = await newSpeaker('Người nói');
      const item = await addItem(conference, { speakerIds: [speaker] });
      const links = await count('agenda_item_speakers');
      await t.http.delete(`${items(conference)}/${item.id}`).auth(organizerToken, bearer).expect(204);
      expect((await list(conference)).total).toBe(0);
      expect(await count('agenda_item_speakers')).toBe(links - 1);
      await t.http.delete(`/api/speakers/${speaker}`).auth(t.adminToken, bearer).expect(204);
    });
  });

  describe('access', () => {
    it('lets a viewer read the agenda but not change it', async () => {
      const conference = await newConference();
      const item = await addItem(conference);
      expect((await list(conference, viewerToken)).items).toEqual([item]);
      const before = await count('agenda_items');
      await post(conference, anItem({ startsAt: at('10:00'), endsAt: at('10:30') }), viewerToken).expect(403);
      await patch(conference, item.id, { version: 1, title: 'Ghi đè' }, viewerToken).expect(403);
      await t.http.delete(`${items(conference)}/${item.id}`).auth(viewerToken, bearer).expect(403);
      expect(await count('agenda_items')).toBe(before);
      expect((await listed(conference))[0]).toEqual(item);
    });

    it('answers 401 without a token', async () => {
      const conference = await newConference();
      await t.http.get(items(conference)).expect(401);
    });

    it('answers 404 for an unknown conference', async () => {
      const res = await t.http.get(items(MISSING)).auth(t.adminToken, bearer).expect(404);
      expect(res.body.message).toBe('Không tìm thấy hội nghị.');
      expect(res.body.details).toEqual([{ field: 'id', code: 'conference_not_found', message: 'Không tìm thấy hội nghị.' }]);
      const before = await count('agenda_items');
      expect((await post(MISSING, anItem()).expect(404)).body.details[0].code).toBe('conference_not_found');
      await patch(MISSING, MISSING, { version: 1, title: 'x' }).expect(404);
      await t.http.delete(`${items(MISSING)}/${MISSING}`).auth(t.adminToken, bearer).expect(404);
      expect(await count('agenda_items')).toBe(before);
    });

    it('answers 404 for an unknown item', async () => {
      const conference = await newConference();
      const res = await patch(conference, MISSING, { version: 1, title: 'x' }).expect(404);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'itemId', code: 'agenda_item_not_found' })]);
      await t.http.delete(`${items(conference)}/${MISSING}`).auth(t.adminToken, bearer).expect(404);
    });

    it('keeps the agenda of a cancelled conference read-only with 409', async () => {
      const conference = await newConference();
      const item = await addItem(conference);
      await t.http
        .post(`/api/conferences/${conference}/cancel`)
        .auth(t.adminToken, bearer)
        .send({ reason: 'Hoãn theo chỉ đạo' })
        .expect(200);
      const before = await count('agenda_items');
      const res = await post(conference, anItem({ startsAt: at('10:00'), endsAt: at('10:30') })).expect(409);
      expect(res.body.message).toBe('Hội nghị đã hủy; không thể thay đổi nữa.');
      expect(res.body.details).toEqual([{ field: 'status', code: 'conference_closed', message: 'Hội nghị đã hủy; không thể thay đổi nữa.' }]);
      await patch(conference, item.id, { version: 1, title: 'Ghi đè' }).expect(409);
      await t.http.delete(`${items(conference)}/${item.id}`).auth(t.adminToken, bearer).expect(409);
      expect(await count('agenda_items')).toBe(before);
      expect((await list(conference, viewerToken)).items).toEqual([item]);
    });

    it('keeps the agenda of a completed conference read-only with 409', async () => {
      const conference = await newConference();
      await newPoint(conference);
      const item = await addItem(conference);
      for (const step of ['publish', 'start', 'complete']) {
        await t.http.post(`/api/conferences/${conference}/${step}`).auth(t.adminToken, bearer).send({}).expect(200);
      }
      await post(conference, anItem({ startsAt: at('10:00'), endsAt: at('10:30') })).expect(409);
      await patch(conference, item.id, { version: 1, title: 'Ghi đè' }).expect(409);
      await t.http.delete(`${items(conference)}/${item.id}`).auth(t.adminToken, bearer).expect(409);
      expect((await listed(conference))[0]).toEqual(item);
    });
  });

  describe('refuses bad input with 400 naming the field, writing nothing', () => {
    let conference: string;
    beforeAll(async () => {
      conference = await newConference();
    });

    it.each([
      ['a missing title', { title: undefined }, 'title'],
      ['a blank title', { title: '  ' }, 'title'],
      ['a title that is too long', { title: 'x'.repeat(501) }, 'title'],
      ['a missing startsAt', { startsAt: undefined }, 'startsAt'],
      ['a time without an offset', { startsAt: '2025-07-15T08:30:00' }, 'startsAt'],
      ['a date only', { endsAt: '2025-07-15' }, 'endsAt'],
      ['an impossible date', { endsAt: '2025-02-30T09:00:00+07:00' }, 'endsAt'],
      ['an unknown kind', { kind: 'party' }, 'kind'],
      ['a bridgePointId that is not a UUID', { bridgePointId: 'trung-uong' }, 'bridgePointId'],
      ['speakerIds that is not a list', { speakerIds: MISSING }, 'speakerIds'],
      ['a speaker id that is not a UUID', { speakerIds: ['an'] }, 'speakerIds'],
      ['the same speaker twice', { speakerIds: [MISSING, MISSING] }, 'speakerIds'],
      ['a negative position', { position: -1 }, 'position'],
      ['a fractional position', { position: 1.5 }, 'position'],
      ['a description that is not text', { description: 42 }, 'description'],
      ['an unknown field', { room: 'Phòng 201' }, 'room'],
      ['a conferenceId in the body', { conferenceId: MISSING }, 'conferenceId'],
    ])('%s on create', async (_name, overrides, field) => {
      const before = [await count('agenda_items'), await count('agenda_item_speakers')];
      const res = await post(conference, anItem(overrides)).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: expect.any(String) });
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect([await count('agenda_items'), await count('agenda_item_speakers')]).toEqual(before);
    });

    it.each([
      ['a missing version', { title: 'Mới' }, 'version'],
      ['a null title', { version: 1, title: null }, 'title'],
      ['a null startsAt', { version: 1, startsAt: null }, 'startsAt'],
      ['a null kind', { version: 1, kind: null }, 'kind'],
      ['a null speakerIds', { version: 1, speakerIds: null }, 'speakerIds'],
      ['a null position', { version: 1, position: null }, 'position'],
      ['a time without an offset', { version: 1, endsAt: '2025-07-15T10:00' }, 'endsAt'],
      ['an unknown field', { version: 1, id: MISSING }, 'id'],
    ])('%s on update', async (_name, body, field) => {
      const item = await addItem(conference, { startsAt: at('11:00'), endsAt: at('11:30'), title: `Mục ${_name}` });
      const res = await patch(conference, item.id, body).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      const after = (await listed(conference)).find((i) => i.id === item.id);
      expect(after).toEqual(item);
      await t.http.delete(`${items(conference)}/${item.id}`).auth(t.adminToken, bearer).expect(204);
    });

    it('explains bad speaker ids with a code each', async () => {
      const notUuid = await post(conference, anItem({ speakerIds: ['an'] })).expect(400);
      expect(notUuid.body.details).toEqual([
        { field: 'speakerIds', code: 'not_a_uuid', message: 'Mỗi phần tử của trường "speakerIds" phải là mã định danh UUID của một báo cáo viên.' },
      ]);
      const twice = await post(conference, anItem({ speakerIds: [MISSING, MISSING] })).expect(400);
      expect(twice.body.details).toEqual([expect.objectContaining({ field: 'speakerIds', code: 'duplicate_items' })]);
    });

    it('no body at all', async () => {
      const before = await count('agenda_items');
      const res = await t.http.post(items(conference)).auth(t.adminToken, bearer).expect(400);
      expect(res.body.details).toEqual([{ field: 'body', code: 'empty_body', message: 'Yêu cầu này cần dữ liệu JSON gửi kèm.' }]);
      expect(await count('agenda_items')).toBe(before);
    });

    it('ids in the path that are not UUIDs', async () => {
      const res = await t.http.get('/api/conferences/123/agenda-items').auth(t.adminToken, bearer).expect(400);
      expect(res.body.details).toEqual([{ field: 'id', code: 'not_a_uuid', message: 'Trường "id" phải là mã định danh UUID, ví dụ 3f2b8c1e-5d4a-4b7e-9c1f-2a6d8e0b4c7a.' }]);
      const item = await patch(conference, '123', { version: 1 }).expect(400);
      expect(item.body.details).toEqual([{ field: 'itemId', code: 'not_a_uuid', message: 'Trường "itemId" phải là mã định danh UUID, ví dụ 3f2b8c1e-5d4a-4b7e-9c1f-2a6d8e0b4c7a.' }]);
      await t.http.delete(`${items(conference)}/123`).auth(t.adminToken, bearer).expect(400);
    });
  });
});
