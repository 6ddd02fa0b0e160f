import { DataSource } from 'typeorm';
import { startApp, TestApp } from '../harness';

const aSpeaker = (overrides: Record<string, unknown> = {}) => ({
  fullName: 'PGS.TS Nguyễn Văn An',
  title: 'Phó Trưởng Ban Dân vận Trung ương',
  organization: 'Ban Dân vận Trung ương',
  email: 'an.nv@dvtw.vn',
  phone: '0912 345 678',
  bio: 'Nhiều năm làm công tác dân vận ở cơ sở.',
  ...overrides,
});

const aConference = (overrides: Record<string, unknown> = {}) => ({
  title: 'Hội nghị sơ kết công tác dân vận 6 tháng đầu năm 2025',
  kind: 'review',
  format: 'online',
  startsAt: '2025-07-15T08:00:00+07:00',
  endsAt: '2025-07-15T11:30:00+07:00',
  ...overrides,
});

describe('speakers directory (báo cáo viên)', () => {
  let t: TestApp;
  let db: DataSource;
  let viewerToken: string;
  let organizerToken: string;
  const bearer = { type: 'bearer' as const };
  const count = async (table: string) => Number((await db.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  const create = async (overrides: Record<string, unknown> = {}) =>
    (await t.http.post('/api/speakers').auth(t.adminToken, bearer).send(aSpeaker(overrides)).expect(201)).body;
  const read = async (id: string) => (await t.http.get(`/api/speakers/${id}`).auth(t.adminToken, bearer).expect(200)).body;
  const search = async (q: string) =>
    (await t.http.get('/api/speakers').query({ q, pageSize: 500 }).auth(viewerToken, bearer).expect(200)).body;

  beforeAll(async () => {
    t = await startApp();
    db = t.app.get(DataSource);
    viewerToken = await t.userWithRole('viewer');
    organizerToken = await t.userWithRole('organizer');
  });
  afterAll(() => t.close());

  it('creates a speaker, storing the name in NFC, the email lower-case and the phone as +84…', async () => {
    const speaker = await create({
      fullName: 'Trần Thị Bình'.normalize('NFD'),
      email: 'Binh.TT@DVTW.vn',
      phone: '0912.345.678',
    });
    expect(speaker).toEqual({
      id: expect.any(String),
      fullName: 'Trần Thị Bình',
      title: 'Phó Trưởng Ban Dân vận Trung ương',
      organization: 'Ban Dân vận Trung ương',
      email: 'binh.tt@dvtw.vn',
      phone: '+84912345678',
      bio: 'Nhiều năm làm công tác dân vận ở cơ sở.',
      version: 1,
    });
    expect(speaker.fullName).toBe('Trần Thị Bình'.normalize('NFC'));
    expect(await read(speaker.id)).toEqual(speaker);
  });

  it('creates a speaker with only a name, leaving the rest null', async () => {
    const res = await t.http.post('/api/speakers').auth(t.adminToken, bearer).send({ fullName: 'Lê Văn Cường' }).expect(201);
    expect(res.body).toMatchObject({ fullName: 'Lê Văn Cường', title: null, organization: null, email: null, phone: null, bio: null });
  });

  it('lets an organizer add speakers, and any signed-in user read them', async () => {
    const body = aSpeaker({ fullName: 'Phạm Thu Hà' });
    const res = await t.http.post('/api/speakers').auth(organizerToken, bearer).send(body).expect(201);
    const seen = await t.http.get(`/api/speakers/${res.body.id}`).auth(viewerToken, bearer).expect(200);
    expect(seen.body.fullName).toBe('Phạm Thu Hà');
  });

  it('refuses writes from a viewer with 403 and changes nothing', async () => {
    const speaker = await create();
    const before = await count('speakers');
    await t.http.post('/api/speakers').auth(viewerToken, bearer).send(aSpeaker()).expect(403);
    const rename = { version: 1, fullName: 'Ghi đè' };
    await t.http.patch(`/api/speakers/${speaker.id}`).auth(viewerToken, bearer).send(rename).expect(403);
    await t.http.delete(`/api/speakers/${speaker.id}`).auth(viewerToken, bearer).expect(403);
    expect(await count('speakers')).toBe(before);
    expect(await read(speaker.id)).toEqual(speaker);
  });

  it('answers 401 without a token', async () => {
    await t.http.get('/api/speakers').expect(401);
  });

  it('finds speakers by name, title or organization ignoring diacritics and case', async () => {
    const speaker = await create({
      fullName: 'Đặng Thị Thu Hường',
      title: 'Giám đốc Sở Nội vụ',
      organization: 'UBND tỉnh Bắc Giang',
    });
    for (const q of ['dang thi thu huong', 'ĐẶNG THỊ', 'so noi vu', 'bac giang', 'Bắc Giang']) {
      expect((await search(q)).items.map((s: { id: string }) => s.id)).toContain(speaker.id);
    }
    expect((await search('bac ninh')).items.map((s: { id: string }) => s.id)).not.toContain(speaker.id);
  });

  it('treats LIKE wildcards in the query as plain characters', async () => {
    await create({ fullName: 'Võ Minh Tuấn' });
    expect((await search('%')).total).toBe(0);
    expect((await search('_')).total).toBe(0);
  });

  it('lists speakers paginated', async () => {
    await create({ fullName: 'Hoàng Văn Phúc' });
    await create({ fullName: 'Hoàng Văn Quý' });
    const all = (await t.http.get('/api/speakers?q=hoang%20van').auth(viewerToken, bearer).expect(200)).body;
    expect(all.total).toBe(2);
    const second = await t.http.get('/api/speakers?q=hoang%20van&page=2&pageSize=1').auth(viewerToken, bearer).expect(200);
    expect(second.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(second.body.items).toEqual([all.items[1]]);
    await t.http.get('/api/speakers?pageSize=501').auth(viewerToken, bearer).expect(400);
  });

  it('updates with the version read and keeps search in step with the new name', async () => {
    const speaker = await create({ fullName: 'Nguyễn Hữu Thắng', organization: 'Tỉnh ủy Lào Cai' });
    const res = await t.http
      .patch(`/api/speakers/${speaker.id}`)
      .auth(organizerToken, bearer)
      .send({ version: 1, organization: 'Tỉnh ủy Điện Biên', phone: '+84 24 3825 1234' })
      .expect(200);
    expect(res.body).toMatchObject({
      fullName: 'Nguyễn Hữu Thắng',
      organization: 'Tỉnh ủy Điện Biên',
      phone: '+842438251234',
      version: 2,
    });
    expect((await search('dien bien')).items.map((s: { id: string }) => s.id)).toContain(speaker.id);
    expect((await search('lao cai')).items.map((s: { id: string }) => s.id)).not.toContain(speaker.id);
  });

  it('clears optional fields given as null', async () => {
    const speaker = await create();
    const res = await t.http
      .patch(`/api/speakers/${speaker.id}`)
      .auth(t.adminToken, bearer)
      .send({ version: 1, title: null, organization: null, email: null, phone: null, bio: null })
      .expect(200);
    expect(res.body).toMatchObject({ title: null, organization: null, email: null, phone: null, bio: null, version: 2 });
  });

  it('answers 409 to a stale version and changes nothing', async () => {
    const speaker = await create();
    await t.http.patch(`/api/speakers/${speaker.id}`).auth(t.adminToken, bearer).send({ version: 1, bio: 'Mới' }).expect(200);
    const stale = await t.http
      .patch(`/api/speakers/${speaker.id}`)
      .auth(t.adminToken, bearer)
      .send({ version: 1, fullName: 'Ghi đè' })
      .expect(409);
    expect(stale.body.details).toEqual([{ field: 'version', code: 'stale_version', message: 'Phiên bản hiện tại là 2.' }]);
    expect(await read(speaker.id)).toMatchObject({ fullName: speaker.fullName, bio: 'Mới', version: 2 });
  });

  it('lets exactly one of three concurrent updates with the same version win', async () => {
    const speaker = await create();
    const patch = (bio: string) =>
      t.http.patch(`/api/speakers/${speaker.id}`).auth(t.adminToken, bearer).send({ version: 1, bio });
    const statuses = (await Promise.all([patch('Một'), patch('Hai'), patch('Ba')])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409]);
    expect((await read(speaker.id)).version).toBe(2);
  });

  it('deletes a speaker who is on no agenda item', async () => {
    const speaker = await create();
    await t.http.delete(`/api/speakers/${speaker.id}`).auth(organizerToken, bearer).expect(204);
    await t.http.get(`/api/speakers/${speaker.id}`).auth(t.adminToken, bearer).expect(404);
  });

  describe('with agenda items', () => {
    const newConference = async (overrides: Record<string, unknown> = {}) =>
      (await t.http.post('/api/conferences').auth(t.adminToken, bearer).send(aConference(overrides)).expect(201)).body.id as string;
    const addItem = async (conferenceId: string, body: Record<string, unknown>) =>
      (await t.http.post(`/api/conferences/${conferenceId}/agenda-items`).auth(t.adminToken, bearer).send(body).expect(201)).body;

    it("lists a speaker's agenda across conferences, by start", async () => {
      const speaker = await create({ fullName: 'Bùi Quang Huy' });
      const other = await create({ fullName: 'Đỗ Thị Lan' });
      const july = await newConference({ title: 'Hội nghị sơ kết tháng 7' });
      const june = await newConference({
        title: 'Hội nghị tập huấn tháng 6',
        kind: 'training',
        startsAt: '2025-06-10T08:00:00+07:00',
        endsAt: '2025-06-10T17:00:00+07:00',
      });
      const late = await addItem(july, {
        title: 'Báo cáo sơ kết',
        kind: 'report',
        startsAt: '2025-07-15T08:30:00+07:00',
        endsAt: '2025-07-15T09:15:00+07:00',
        speakerIds: [other.id, speaker.id],
      });
      const early = await addItem(june, {
        title: 'Chuyên đề 1: Kỹ năng dân vận',
        kind: 'presentation',
        startsAt: '2025-06-10T14:00:00+07:00',
        endsAt: '2025-06-10T16:00:00+07:00',
        speakerIds: [speaker.id],
      });
      await addItem(june, {
        title: 'Khai mạc',
        kind: 'opening',
        startsAt: '2025-06-10T08:00:00+07:00',
        endsAt: '2025-06-10T08:15:00+07:00',
        speakerIds: [other.id],
      });

      const res = await t.http.get(`/api/speakers/${speaker.id}/agenda-items`).auth(viewerToken, bearer).expect(200);
      expect(res.body).toEqual({
        items: [
          {
            id: early.id,
            conferenceId: june,
            conferenceTitle: 'Hội nghị tập huấn tháng 6',
            conferenceStatus: 'draft',
            startsAt: '2025-06-10T07:00:00.000Z',
            endsAt: '2025-06-10T09:00:00.000Z',
            title: 'Chuyên đề 1: Kỹ năng dân vận',
            kind: 'presentation',
          },
          {
            id: late.id,
            conferenceId: july,
            conferenceTitle: 'Hội nghị sơ kết tháng 7',
            conferenceStatus: 'draft',
            startsAt: '2025-07-15T01:30:00.000Z',
            endsAt: '2025-07-15T02:15:00.000Z',
            title: 'Báo cáo sơ kết',
            kind: 'report',
          },
        ],
        total: 2,
        page: 1,
        pageSize: 100,
      });
      const page = await t.http
        .get(`/api/speakers/${speaker.id}/agenda-items?page=2&pageSize=1`)
        .auth(viewerToken, bearer)
        .expect(200);
      expect(page.body.items.map((i: { id: string }) => i.id)).toEqual([late.id]);
    });

    it("shows an operator only the items of conferences with a bridge point in the operator's scope", async () => {
      const speaker = await create({ fullName: 'Lương Văn Tài' });
      const theirs = await newConference({ title: 'Hội nghị có điểm cầu Bắc Ninh' });
      const others = await newConference({ title: 'Hội nghị không có điểm cầu Bắc Ninh' });
      await t.http
        .post(`/api/conferences/${theirs}/bridge-points`)
        .auth(t.adminToken, bearer)
        .send({ name: 'Điểm cầu tỉnh Bắc Ninh', level: 'provincial', administrativeUnitCode: '24' })
        .expect(201);
      const slot = { startsAt: '2025-07-15T09:00:00+07:00', endsAt: '2025-07-15T09:30:00+07:00', speakerIds: [speaker.id] };
      const visible = await addItem(theirs, { ...slot, title: 'Tham luận' });
      await addItem(others, { ...slot, title: 'Tham luận khác' });
      const operator = await t.userWithRole('operator', { administrativeUnitCode: '24' });

      const res = await t.http.get(`/api/speakers/${speaker.id}/agenda-items`).auth(operator, bearer).expect(200);
      expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([visible.id]);
      expect(res.body.total).toBe(1);
    });

    it('refuses to delete a speaker who is on an agenda item, with 409, keeping the speaker', async () => {
      const speaker = await create({ fullName: 'Trịnh Văn Sơn' });
      const conference = await newConference();
      await addItem(conference, {
        title: 'Phát biểu chỉ đạo',
        kind: 'directive',
        startsAt: '2025-07-15T10:00:00+07:00',
        endsAt: '2025-07-15T10:30:00+07:00',
        speakerIds: [speaker.id],
      });
      const res = await t.http.delete(`/api/speakers/${speaker.id}`).auth(t.adminToken, bearer).expect(409);
      const message = 'Báo cáo viên đang có tên trong 1 mục chương trình; hãy gỡ khỏi các mục đó trước khi xóa.';
      expect(res.body).toMatchObject({ statusCode: 409, message, details: [{ field: 'id', code: 'speaker_in_use', message }] });
      expect(await read(speaker.id)).toEqual(speaker);
    });
  });

  describe('refuses bad input with 4xx naming the field, writing nothing', () => {
    it.each([
      ['a missing fullName', { fullName: undefined }, 'fullName'],
      ['a blank fullName', { fullName: '   ' }, 'fullName'],
      ['a fullName that is not text', { fullName: 42 }, 'fullName'],
      ['a fullName that is too long', { fullName: 'x'.repeat(201) }, 'fullName'],
      ['an email that is not one', { email: 'khong-phai-email' }, 'email'],
      ['an unreadable phone', { phone: '12345' }, 'phone'],
      ['a foreign phone', { phone: '+1 202 555 0101' }, 'phone'],
      ['a phone that is not text', { phone: 912345678 }, 'phone'],
      ['a blank title', { title: ' ' }, 'title'],
      ['an unknown field', { rank: 'Đại tá' }, 'rank'],
    ])('%s on create', async (_name, overrides, field) => {
      const before = await count('speakers');
      const res = await t.http.post('/api/speakers').auth(t.adminToken, bearer).send(aSpeaker(overrides)).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: expect.any(String) });
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(await count('speakers')).toBe(before);
    });

    it('explains an unreadable phone with its code and an example of the expected writing', async () => {
      const res = await t.http.post('/api/speakers').auth(t.adminToken, bearer).send(aSpeaker({ phone: '12345' })).expect(400);
      expect(res.body.details).toEqual([
        { field: 'phone', code: 'not_a_phone', message: 'Trường "phone" phải là số điện thoại Việt Nam, ví dụ 0912 345 678.' },
      ]);
    });

    it.each([
      ['a missing version', { fullName: 'Tên mới' }, 'version'],
      ['a version that is not a number', { version: 'một' }, 'version'],
      ['a null fullName', { version: 1, fullName: null }, 'fullName'],
      ['a blank fullName', { version: 1, fullName: '' }, 'fullName'],
      ['an unreadable phone', { version: 1, phone: '0912 345' }, 'phone'],
      ['an email that is not one', { version: 1, email: 'a@' }, 'email'],
      ['an unknown field', { version: 1, searchKey: 'x' }, 'searchKey'],
    ])('%s on update', async (_name, body, field) => {
      const speaker = await create();
      const res = await t.http.patch(`/api/speakers/${speaker.id}`).auth(t.adminToken, bearer).send(body).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(await read(speaker.id)).toEqual(speaker);
    });

    it('an id that is not a UUID', async () => {
      const res = await t.http.get('/api/speakers/123').auth(t.adminToken, bearer).expect(400);
      expect(res.body.details).toEqual([{ field: 'id', code: 'not_a_uuid', message: 'Trường "id" phải là mã định danh UUID, ví dụ 3f2b8c1e-5d4a-4b7e-9c1f-2a6d8e0b4c7a.' }]);
      await t.http.patch('/api/speakers/123').auth(t.adminToken, bearer).send({ version: 1 }).expect(400);
      await t.http.delete('/api/speakers/123').auth(t.adminToken, bearer).expect(400);
      await t.http.get('/api/speakers/123/agenda-items').auth(t.adminToken, bearer).expect(400);
    });

    it('a UUID that names no speaker', async () => {
      const missing = '00000000-0000-4000-8000-000000000000';
      const res = await t.http.get(`/api/speakers/${missing}`).auth(t.adminToken, bearer).expect(404);
      const notFound = { field: 'id', code: 'speaker_not_found', message: `Không tìm thấy báo cáo viên ${missing}.` };
      expect(res.body).toMatchObject({ message: notFound.message, details: [notFound] });
      const changed = await t.http.patch(`/api/speakers/${missing}`).auth(t.adminToken, bearer).send({ version: 1, bio: 'x' }).expect(404);
      expect(changed.body.details).toEqual([notFound]);
      const removed = await t.http.delete(`/api/speakers/${missing}`).auth(t.adminToken, bearer).expect(404);
      expect(removed.body.details).toEqual([notFound]);
      const agenda = await t.http.get(`/api/speakers/${missing}/agenda-items`).auth(t.adminToken, bearer).expect(404);
      expect(agenda.body.details).toEqual([notFound]);
    });
  });
});
