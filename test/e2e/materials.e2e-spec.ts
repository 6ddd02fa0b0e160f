import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { DataSource } from 'typeorm';
import { AuditEntry } from '../../src/audit/audit-entry.entity';
import { MailDispatcher } from '../../src/mail/mail-dispatcher';
import { launchBrowser } from '../browser';
import { binary } from '../documents';
import { aConference, aMainPoint } from '../factories';
import { startApp, TestApp } from '../harness';
import { SmtpSink } from '../smtp-sink';

const bearer = { type: 'bearer' as const };
const MAX_BYTES = 200_000;
const DAY = '2030-09-20';

const pdf = (text = 'Báo cáo') => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(`% ${text}\n`), randomBytes(2000), Buffer.from('\n%%EOF\n')]);
const png = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(500)]);
const exe = () => Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1'), randomBytes(1000)]);
async function office(folder: 'word' | 'xl' | 'ppt'): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('_rels/.rels', '<Relationships/>');
  zip.file(`${folder}/${{ word: 'document', xl: 'workbook', ppt: 'presentation' }[folder]}.xml`, '<x/>');
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

interface Material {
  id: string;
  title: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  audience: string;
}

/** Conference materials (tài liệu hội nghị): upload, audiences, downloads through links, their log, mails. */
describe('conference materials (tài liệu hội nghị)', () => {
  let t: TestApp;
  let db: DataSource;
  let smtp: SmtpSink;
  let dispatcher: MailDispatcher;
  let filesDir: string;
  const api = (path: string) => `/api/conferences${path}`;
  const post = (path: string, body: object = {}, token = t.adminToken) => t.http.post(api(path)).auth(token, bearer).send(body);
  const get = (path: string, token = t.adminToken) => t.http.get(api(path)).auth(token, bearer);
  const upload = (id: string, file: Buffer, name: string, fields: Record<string, string> = {}, token = t.adminToken) => {
    let req = t.http.post(api(`/${id}/materials`)).auth(token, bearer);
    for (const [k, v] of Object.entries({ title: 'Báo cáo sơ kết', audience: 'all', ...fields })) req = req.field(k, v);
    return req.attach('file', file, name);
  };
  const fetchFile = (path: string) => t.http.get(path).buffer(true).parse(binary);
  const storedFiles = () =>
    existsSync(filesDir) ? readdirSync(filesDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name) : [];
  const mailsTo = (address: string, subject: string) => smtp.to(address).filter((m) => m.parsed.subject?.startsWith(subject));

  /** A published conference: main point, two provincial points with contacts (one declines), two delegates invited. */
  async function aConferenceWithLinks() {
    const c = (await post('', aConference({ startsAt: `${DAY}T08:00:00+07:00`, endsAt: `${DAY}T11:30:00+07:00` })).expect(201)).body;
    const point = async (body: object) => (await post(`/${c.id}/bridge-points`, body).expect(201)).body as { id: string; name: string };
    const main = await point(aMainPoint());
    const suffix = randomBytes(3).toString('hex');
    const bacNinh = await point({ name: 'Điểm cầu tỉnh Bắc Ninh', level: 'provincial', contactName: 'Nguyễn Văn Kỹ', contactEmail: `bn-${suffix}@bacninh.gov.vn` });
    const haTinh = await point({ name: 'Điểm cầu tỉnh Hà Tĩnh', level: 'provincial', contactName: 'Lê Thị Thuật', contactEmail: `ht-${suffix}@hatinh.gov.vn` });
    const person = async (fullName: string, email: string) => (await post(`/${c.id}/attendees`, { bridgePointId: bacNinh.id, fullName, email }).expect(201)).body as { id: string };
    const an = await person('Nguyễn Thị Ánh Tuyết', `an-${suffix}@example.vn`);
    const binh = await person('Trần Văn Bình', `binh-${suffix}@example.vn`);
    await post(`/${c.id}/publish`).expect(200);
    await post(`/${c.id}/invitations`, { scope: 'all' }).expect(202);
    await dispatcher.drain();
    const pointLink = async (bpId: string) => (await post(`/${c.id}/bridge-points/${bpId}/links`, { send: false }).expect(201)).body.token as string;
    const personLink = async (attendeeId: string) => (await post(`/${c.id}/attendees/${attendeeId}/links`).expect(201)).body.token as string;
    return {
      id: c.id as string,
      main,
      bacNinh,
      haTinh,
      an,
      binh,
      emails: { bacNinh: `bn-${suffix}@bacninh.gov.vn`, haTinh: `ht-${suffix}@hatinh.gov.vn`, an: `an-${suffix}@example.vn`, binh: `binh-${suffix}@example.vn` },
      links: { bacNinh: await pointLink(bacNinh.id), haTinh: await pointLink(haTinh.id), an: await personLink(an.id), binh: await personLink(binh.id) },
    };
  }

  beforeAll(async () => {
    smtp = new SmtpSink();
    await smtp.start();
    filesDir = mkdtempSync(join(tmpdir(), 'hoi-nghi-materials-'));
    t = await startApp({
      SMTP_URL: smtp.url,
      MAIL_RATE_PER_SECOND: '0',
      FILES_DIR: filesDir,
      MATERIAL_MAX_BYTES: String(MAX_BYTES),
      MATERIAL_NOTICE_DELAY_SECONDS: '0',
    });
    db = t.app.get(DataSource);
    dispatcher = t.app.get(MailDispatcher);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
    rmSync(filesDir, { recursive: true, force: true });
  });

  describe('upload', () => {
    it('keeps a PDF with its Vietnamese name, its type from the content and its SHA-256; audited', async () => {
      const c = (await post('', aConference()).expect(201)).body;
      const file = pdf();
      const res = await upload(c.id, file, 'Báo cáo sơ kết 6 tháng đầu năm.pdf', { title: 'Báo cáo sơ kết công tác dân vận' }).expect(201);
      expect(res.body).toMatchObject({
        title: 'Báo cáo sơ kết công tác dân vận',
        fileName: 'Báo cáo sơ kết 6 tháng đầu năm.pdf',
        contentType: 'application/pdf',
        size: file.length,
        sha256: createHash('sha256').update(file).digest('hex'),
        audience: 'all',
        agendaItemId: null,
      });
      const listed = (await get(`/${c.id}/materials`).expect(200)).body.items as Material[];
      expect(listed.map((m) => m.id)).toEqual([res.body.id]);
      const audit = await db.getRepository(AuditEntry).find({ where: { conferenceId: c.id, entityType: 'material' } });
      expect(audit.map((a) => a.action)).toEqual(['material.upload']);
    });

    it('tells DOCX, XLSX, PPTX and a plain ZIP apart by the entries, and takes PNG and JPEG; names without an extension get one', async () => {
      const c = (await post('', aConference()).expect(201)).body;
      const agendaItem = (await post(`/${c.id}/agenda-items`, { title: 'Báo cáo chuyên đề', kind: 'report', startsAt: '2025-07-15T08:30:00+07:00', endsAt: '2025-07-15T09:00:00+07:00' }).expect(201)).body;
      const zip = new JSZip();
      zip.file('phu-luc.txt', 'Phụ lục');
      const cases: [Buffer, string, string, string][] = [
        [await office('word'), 'Dự thảo nghị quyết.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'Dự thảo nghị quyết.docx'],
        [await office('xl'), 'Bảng tổng hợp', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Bảng tổng hợp.xlsx'],
        [await office('ppt'), 'Chuyên đề 1.pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation', 'Chuyên đề 1.pptx'],
        [await zip.generateAsync({ type: 'nodebuffer' }), 'Phụ lục.zip', 'application/zip', 'Phụ lục.zip'],
        [png(), 'Sơ đồ hội trường.png', 'image/png', 'Sơ đồ hội trường.png'],
        [Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(300)]), 'Ảnh.JPG', 'image/jpeg', 'Ảnh.JPG'],
      ];
      for (const [file, name, contentType, fileName] of cases) {
        const res = await upload(c.id, file, name, { agendaItemId: agendaItem.id }).expect(201);
        expect([res.body.contentType, res.body.fileName, res.body.agendaItemId]).toEqual([contentType, fileName, agendaItem.id]);
      }
    });

    it('refuses an executable renamed .pdf, a PNG named .pdf and a damaged ZIP, keeping no file', async () => {
      const c = (await post('', aConference()).expect(201)).body;
      const before = storedFiles().length;
      const refused = [
        [exe(), 'bao-cao.pdf', 415, 'unsupported_file_type'],
        [png(), 'slides.pdf', 415, 'file_type_mismatch'],
        [Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(200)]), 'tai-lieu.zip', 400, 'unreadable_zip'],
        [Buffer.alloc(0), 'rong.pdf', 415, 'unsupported_file_type'],
      ] as const;
      for (const [file, name, status, code] of refused) {
        const res = await upload(c.id, file, name).expect(status);
        expect(res.body.details).toEqual([expect.objectContaining({ field: 'file', code })]);
      }
      expect(storedFiles().length).toBe(before);
      expect((await get(`/${c.id}/materials`).expect(200)).body.items).toEqual([]);
    });

    it('refuses a file over MATERIAL_MAX_BYTES with 413 and keeps nothing of it', async () => {
      const c = (await post('', aConference()).expect(201)).body;
      const before = storedFiles().length;
      const res = await upload(c.id, Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(MAX_BYTES + 50_000)]), 'lon.pdf').expect(413);
      expect(res.body.details[0]).toMatchObject({ field: 'file', code: 'file_too_large' });
      expect(storedFiles().length).toBe(before);
      // Far over the limit: refused as soon as the limit is passed, with the same answer.
      const huge = await upload(c.id, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5 * 1024 * 1024)]), 'rat-lon.pdf').expect(413);
      expect(huge.body.details[0].code).toBe('file_too_large');
      expect(storedFiles().length).toBe(before);
      // Exactly at the limit is accepted.
      await upload(c.id, Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(MAX_BYTES - 9)]), 'vua.pdf').expect(201);
    });

    it('refuses bad fields, a missing file, a body that is not multipart, and an agenda item of another conference', async () => {
      const c = (await post('', aConference()).expect(201)).body;
      const other = (await post('', aConference()).expect(201)).body;
      const foreign = (await post(`/${other.id}/agenda-items`, { title: 'Khai mạc', kind: 'opening', startsAt: '2025-07-15T08:00:00+07:00', endsAt: '2025-07-15T08:30:00+07:00' }).expect(201)).body;
      const codes = async (res: { body: { details: { field: string; code: string }[] } }) => res.body.details.map((d) => `${d.field}:${d.code}`);
      expect(await codes(await upload(c.id, pdf(), 'a.pdf', { title: '  ' }).expect(400))).toEqual(['title:title_missing']);
      expect(await codes(await upload(c.id, pdf(), 'a.pdf', { title: 'x'.repeat(301) }).expect(400))).toEqual(['title:title_too_long']);
      expect(await codes(await upload(c.id, pdf(), 'a.pdf', { title: 'Dòng 1\nDòng 2' }).expect(400))).toEqual(['title:control_character']);
      expect(await codes(await upload(c.id, pdf(), 'a.pdf', { audience: 'everyone' }).expect(400))).toEqual(['audience:invalid_audience']);
      expect(await codes(await upload(c.id, pdf(), 'a.pdf', { agendaItemId: 'khong-phai-uuid' }).expect(400))).toEqual(['agendaItemId:not_a_uuid']);
      expect(await codes(await upload(c.id, pdf(), 'a.pdf', { agendaItemId: foreign.id }).expect(400))).toEqual(['agendaItemId:agenda_item_not_found']);
      expect(await codes(await upload(c.id, pdf(), 'a.pdf', { owner: 'x' }).expect(400))).toEqual(['owner:unknown_field']);
      const noFile = await t.http.post(api(`/${c.id}/materials`)).auth(t.adminToken, bearer).field('title', 'Không tệp').field('audience', 'all').expect(400);
      expect(await codes(noFile)).toEqual(['file:file_missing']);
      const wrongField = await t.http.post(api(`/${c.id}/materials`)).auth(t.adminToken, bearer).field('title', 'T').field('audience', 'all').attach('tep', pdf(), 'a.pdf').expect(400);
      expect(await codes(wrongField)).toEqual(['file:wrong_file_field']);
      expect(await codes(await post(`/${c.id}/materials`, { title: 'JSON' }).expect(400))).toEqual(['file:not_multipart']);
      await upload('00000000-0000-4000-8000-000000000000', pdf(), 'a.pdf').expect(404);
      expect(storedFiles().filter((name) => name.endsWith('.part'))).toEqual([]);
    });

    it('lets only admins and organizers upload, delete and resend; viewers read the log; operators see what is for the points', async () => {
      const c = await aConferenceWithLinks();
      const viewer = await t.userWithRole('viewer');
      const operator = await t.userWithRole('operator', { bridgePointIds: [c.bacNinh.id] });
      const organizer = await t.userWithRole('organizer');
      await upload(c.id, pdf(), 'a.pdf', {}, viewer).expect(403);
      await upload(c.id, pdf(), 'a.pdf', {}, operator).expect(403);
      const all = (await upload(c.id, pdf(), 'chung.pdf', { title: 'Chung' }, organizer).expect(201)).body as Material;
      const points = (await upload(c.id, pdf(), 'diem-cau.pdf', { title: 'Cho điểm cầu', audience: 'bridge_points' }).expect(201)).body as Material;
      const people = (await upload(c.id, pdf(), 'dai-bieu.pdf', { title: 'Cho đại biểu', audience: 'attendees' }).expect(201)).body as Material;
      const titles = async (token: string) => ((await get(`/${c.id}/materials`, token).expect(200)).body.items as Material[]).map((m) => m.title);
      expect(await titles(viewer)).toEqual(['Chung', 'Cho điểm cầu', 'Cho đại biểu']);
      expect(await titles(operator)).toEqual(['Chung', 'Cho điểm cầu']);
      await fetchFile(api(`/${c.id}/materials/${points.id}/file`)).auth(operator, bearer).expect(200);
      expect((await get(`/${c.id}/materials/${people.id}/file`, operator).expect(404)).body.details[0].code).toBe('material_not_found');
      await get(`/${c.id}/materials/${all.id}/downloads`, viewer).expect(200);
      await get(`/${c.id}/materials/${all.id}/downloads`, operator).expect(403);
      await post(`/${c.id}/materials/${all.id}/resend`, {}, viewer).expect(403);
      await t.http.delete(api(`/${c.id}/materials/${all.id}`)).auth(viewer, bearer).expect(403);
      // An operator of another conference's point does not see this one at all.
      const stranger = await t.userWithRole('operator', { bridgePointIds: [] });
      expect((await get(`/${c.id}/materials`, stranger).expect(404)).body.details[0].code).toBe('conference_not_found');
    });
  });

  describe('through the links', () => {
    it('shows each link what its audience allows, and refuses the rest with 404', async () => {
      const c = await aConferenceWithLinks();
      await dispatcher.drain();
      const all = (await upload(c.id, pdf(), 'chung.pdf', { title: 'Chung' }).expect(201)).body as Material;
      const points = (await upload(c.id, pdf(), 'diem-cau.pdf', { title: 'Cho điểm cầu', audience: 'bridge_points' }).expect(201)).body as Material;
      const people = (await upload(c.id, pdf(), 'dai-bieu.pdf', { title: 'Cho đại biểu', audience: 'attendees' }).expect(201)).body as Material;
      const pointList = (await t.http.get(`/api/public/bridge-points/${c.links.bacNinh}/materials`).expect(200)).body.items;
      expect(pointList.map((m: Material) => m.title)).toEqual(['Chung', 'Cho điểm cầu']);
      expect(pointList[0].downloadPath).toBe(`/api/public/bridge-points/${c.links.bacNinh}/materials/${all.id}/file`);
      const personList = (await t.http.get(`/api/public/rsvp/${c.links.an}/materials`).expect(200)).body.items;
      expect(personList.map((m: Material) => m.title)).toEqual(['Chung', 'Cho đại biểu']);
      await fetchFile(`/api/public/bridge-points/${c.links.bacNinh}/materials/${people.id}/file`).expect(404);
      await fetchFile(`/api/public/rsvp/${c.links.an}/materials/${points.id}/file`).expect(404);
      // Another conference's material through this link, and a link of the wrong kind.
      const other = (await post('', aConference()).expect(201)).body;
      const foreign = (await upload(other.id, pdf(), 'x.pdf').expect(201)).body as Material;
      await fetchFile(`/api/public/bridge-points/${c.links.bacNinh}/materials/${foreign.id}/file`).expect(404);
      expect((await t.http.get(`/api/public/rsvp/${c.links.bacNinh}/materials`).expect(404)).body.details[0].code).toBe('unknown');
      expect((await t.http.get(`/api/public/bridge-points/${c.links.an}/materials`).expect(404)).body.details[0].code).toBe('unknown');
      await fetchFile(`/api/public/bridge-points/${c.links.bacNinh}/materials/not-a-uuid/file`).expect(400);
      // A revoked link answers 410.
      await t.http.delete(api(`/${c.id}/bridge-points/${c.haTinh.id}/links`)).auth(t.adminToken, bearer).expect((res) => expect([200, 204]).toContain(res.status));
      expect((await t.http.get(`/api/public/bridge-points/${c.links.haTinh}/materials`).expect(410)).body.details[0].code).toBe('revoked');
    });

    it('streams the file with its type, length, ETag, Accept-Ranges and the Vietnamese name; serves ranges (206, 416) and 304', async () => {
      const c = await aConferenceWithLinks();
      const file = pdf('Dự thảo');
      const m = (await upload(c.id, file, 'Dự thảo Nghị quyết "Đại hội".pdf').expect(201)).body as Material;
      const path = `/api/public/bridge-points/${c.links.bacNinh}/materials/${m.id}/file`;
      const whole = await fetchFile(path).expect(200);
      expect(Buffer.compare(whole.body as Buffer, file)).toBe(0);
      expect(whole.headers).toMatchObject({
        'content-type': 'application/pdf',
        'content-length': String(file.length),
        etag: `"${m.sha256}"`,
        'accept-ranges': 'bytes',
        'content-disposition': `attachment; filename="du-thao-nghi-quyet-dai-hoi.pdf"; filename*=UTF-8''${encodeURIComponent('Dự thảo Nghị quyết Đại hội.pdf')}`,
      });
      const part = await fetchFile(path).set('Range', 'bytes=100-199').expect(206);
      expect(part.headers['content-range']).toBe(`bytes 100-199/${file.length}`);
      expect(part.headers['content-length']).toBe('100');
      expect(Buffer.compare(part.body as Buffer, file.subarray(100, 200))).toBe(0);
      const tail = await fetchFile(path).set('Range', 'bytes=-10').expect(206);
      expect(Buffer.compare(tail.body as Buffer, file.subarray(file.length - 10))).toBe(0);
      const outside = await t.http.get(path).set('Range', `bytes=${file.length}-`).expect(416);
      expect(outside.headers['content-range']).toBe(`bytes */${file.length}`);
      expect(outside.body.details[0]).toMatchObject({ field: 'range', code: 'range_not_satisfiable' });
      // A range of another version of the file (If-Range) gets the whole file; a known ETag gets 304.
      await fetchFile(path).set('Range', 'bytes=0-9').set('If-Range', '"other"').expect(200);
      await t.http.get(path).set('If-None-Match', `"${m.sha256}"`).expect(304);
      // Through the RSVP link and the signed-in route as well.
      const viaRsvp = await fetchFile(`/api/public/rsvp/${c.links.an}/materials/${m.id}/file`).expect(200);
      expect(Buffer.compare(viaRsvp.body as Buffer, file)).toBe(0);
      await fetchFile(api(`/${c.id}/materials/${m.id}/file`)).auth(t.adminToken, bearer).set('Range', 'bytes=0-0').expect(206);
    });

    it('records every download through a link and reports which points downloaded and which did not', async () => {
      const c = await aConferenceWithLinks();
      const m = (await upload(c.id, pdf(), 'bao-cao.pdf', { audience: 'bridge_points' }).expect(201)).body as Material;
      const path = (token: string) => `/api/public/bridge-points/${token}/materials/${m.id}/file`;
      const before = (await get(`/${c.id}/materials/${m.id}/downloads`).expect(200)).body;
      expect(before.downloaded).toEqual([]);
      expect(before.notDownloaded.map((p: { name: string }) => p.name).sort()).toEqual(['Điểm cầu Trung ương', 'Điểm cầu tỉnh Bắc Ninh', 'Điểm cầu tỉnh Hà Tĩnh']);
      await fetchFile(path(c.links.bacNinh)).expect(200);
      await fetchFile(path(c.links.bacNinh)).set('Range', 'bytes=0-99').expect(206);
      // A resumed download (a range not from the start) is not another download.
      await fetchFile(path(c.links.bacNinh)).set('Range', 'bytes=100-').expect(206);
      const after = (await get(`/${c.id}/materials/${m.id}/downloads`).expect(200)).body;
      expect(after.downloaded).toEqual([{ bridgePointId: c.bacNinh.id, name: 'Điểm cầu tỉnh Bắc Ninh', firstAt: expect.any(String), count: 2 }]);
      expect(Date.now() - new Date(after.downloaded[0].firstAt).getTime()).toBeLessThan(60_000);
      expect(after.notDownloaded.map((p: { bridgePointId: string }) => p.bridgePointId).sort()).toEqual([c.main.id, c.haTinh.id].sort());
      // A delegate's download is recorded under the delegate.
      const forAll = (await upload(c.id, pdf(), 'chung.pdf').expect(201)).body as Material;
      await fetchFile(`/api/public/rsvp/${c.links.an}/materials/${forAll.id}/file`).expect(200);
      const rows: { attendee_id: string; bridge_point_id: string | null }[] = await db.query('SELECT attendee_id, bridge_point_id FROM material_downloads WHERE material_id = $1', [forAll.id]);
      expect(rows).toEqual([{ attendee_id: c.an.id, bridge_point_id: null }]);
      // A material for delegates only has no points' log.
      const people = (await upload(c.id, pdf(), 'dai-bieu.pdf', { audience: 'attendees' }).expect(201)).body as Material;
      expect((await get(`/${c.id}/materials/${people.id}/downloads`).expect(409)).body.details[0].code).toBe('audience_without_points');
      await get(`/${c.id}/materials/00000000-0000-4000-8000-000000000000/downloads`).expect(404);
    });
  });

  it('marks on the status board which points have not fetched every material for the points (chưa tải tài liệu)', async () => {
    const c = await aConferenceWithLinks();
    const tiles = async () => {
      const board = (await get(`/${c.id}/board`).expect(200)).body as { sections: { tiles: unknown[][]; provinces: { tiles: unknown[][] }[] }[] };
      return new Map(board.sections.flatMap((s) => [...s.tiles, ...s.provinces.flatMap((p) => p.tiles)]).map((tile) => [tile[0], tile[6]]));
    };
    // No material for the points yet: tiles keep their six fields.
    await upload(c.id, pdf(), 'dai-bieu.pdf', { audience: 'attendees' }).expect(201);
    expect((await tiles()).get(c.bacNinh.id)).toBeUndefined();
    const one = (await upload(c.id, pdf(), 'mot.pdf', { audience: 'bridge_points' }).expect(201)).body as Material;
    const two = (await upload(c.id, pdf(), 'hai.pdf').expect(201)).body as Material;
    await fetchFile(`/api/public/bridge-points/${c.links.bacNinh}/materials/${one.id}/file`).expect(200);
    expect((await tiles()).get(c.bacNinh.id)).toBe('n');
    await fetchFile(`/api/public/bridge-points/${c.links.bacNinh}/materials/${two.id}/file`).expect(200);
    const after = await tiles();
    expect([after.get(c.bacNinh.id), after.get(c.haTinh.id), after.get(c.main.id)]).toEqual(['y', 'n', 'n']);
  });

  describe('mails', () => {
    it('sends one mail per point and delegate for materials added together, with their link; a later one gets its own', async () => {
      const c = await aConferenceWithLinks();
      await dispatcher.drain();
      await upload(c.id, pdf(), 'bao-cao.pdf', { title: 'Báo cáo sơ kết' }).expect(201);
      await upload(c.id, pdf(), 'du-thao.pdf', { title: 'Dự thảo kết luận' }).expect(201);
      await upload(c.id, pdf(), 'dai-bieu.pdf', { title: 'Phiếu góp ý', audience: 'attendees' }).expect(201);
      await dispatcher.drain();
      const pointMails = mailsTo(c.emails.bacNinh, 'Tài liệu hội nghị');
      expect(pointMails).toHaveLength(1);
      const text = pointMails[0].parsed.text!;
      expect(text).toContain('Kính gửi đồng chí Nguyễn Văn Kỹ,');
      expect(text).toContain('Báo cáo sơ kết (bao-cao.pdf');
      expect(text).toContain('Dự thảo kết luận');
      expect(text).not.toContain('Phiếu góp ý');
      expect(mailsTo(c.emails.haTinh, 'Tài liệu hội nghị')).toHaveLength(1);
      const personMails = mailsTo(c.emails.an, 'Tài liệu hội nghị');
      expect(personMails).toHaveLength(1);
      expect(personMails[0].parsed.text).toContain('Phiếu góp ý');
      expect(mailsTo(c.emails.binh, 'Tài liệu hội nghị')).toHaveLength(1);
      // The mailed link opens the point's page, which lists the materials with download links that are recorded.
      const token = /\/bridge-points\/confirm\/([\w-]{20,})/.exec(text)![1];
      const page = await t.http.get(`/bridge-points/confirm/${token}`).expect(200);
      expect(page.text).toContain('Tài liệu hội nghị');
      expect(page.text).toContain('Báo cáo sơ kết');
      expect(page.text).not.toContain('Phiếu góp ý');
      const href = /href="(\/api\/public\/bridge-points\/[^"]+\/file)"/.exec(page.text)![1];
      await fetchFile(href).expect(200);
      const rsvpToken = /\/rsvp\/([\w-]{20,})/.exec(personMails[0].parsed.text!)![1];
      const rsvpPage = await t.http.get(`/rsvp/${rsvpToken}`).expect(200);
      expect(rsvpPage.text).toContain('Phiếu góp ý');
      expect(rsvpPage.text).toContain(`/api/public/rsvp/${rsvpToken}/materials/`);

      await upload(c.id, pdf(), 'bo-sung.pdf', { title: 'Tài liệu bổ sung' }).expect(201);
      await dispatcher.drain();
      const again = mailsTo(c.emails.bacNinh, 'Tài liệu hội nghị');
      expect(again).toHaveLength(2);
      expect(again[1].parsed.text).toContain('Tài liệu bổ sung');
      expect(again[1].parsed.text).not.toContain('Báo cáo sơ kết');
    });

    it('waits MATERIAL_NOTICE_DELAY_SECONDS before sending, and sends nothing before invitations went out', async () => {
      const draft = (await post('', aConference()).expect(201)).body;
      await post(`/${draft.id}/bridge-points`, aMainPoint({ contactEmail: 'chinh@tw.gov.vn' })).expect(201);
      await upload(draft.id, pdf(), 'a.pdf').expect(201);
      const queued: { n: string | number }[] = await db.query("SELECT COUNT(*) AS n FROM outbox_messages WHERE conference_id = $1 AND kind = 'material_notice'", [draft.id]);
      expect(Number(queued[0].n)).toBe(0);
      const c = await aConferenceWithLinks();
      const { MaterialsService } = await import('../../src/materials/materials.service');
      const config = (t.app.get(MaterialsService) as unknown as { config: { materials: { noticeDelayMs: number } } }).config;
      config.materials.noticeDelayMs = 600_000;
      try {
        await upload(c.id, pdf(), 'sau.pdf', { title: 'Gửi sau' }).expect(201);
        await dispatcher.drain();
        expect(mailsTo(c.emails.bacNinh, 'Tài liệu hội nghị')).toHaveLength(0);
        const rows: { next_attempt_at: string | Date }[] = await db.query("SELECT next_attempt_at FROM outbox_messages WHERE conference_id = $1 AND kind = 'material_notice'", [c.id]);
        expect(rows.length).toBe(4);
      } finally {
        config.materials.noticeDelayMs = 0;
      }
    });

    it('mails the points that have not downloaded a material again, once while the mail waits', async () => {
      const c = await aConferenceWithLinks();
      const m = (await upload(c.id, pdf(), 'bao-cao.pdf', { title: 'Báo cáo chính trị', audience: 'bridge_points' }).expect(201)).body as Material;
      await dispatcher.drain();
      await fetchFile(`/api/public/bridge-points/${c.links.bacNinh}/materials/${m.id}/file`).expect(200);
      const first = (await post(`/${c.id}/materials/${m.id}/resend`).expect(202)).body;
      // Hà Tĩnh has a contact and has not downloaded; the main point has no email.
      expect(first).toEqual({ queued: 1, notDownloaded: 2, withoutEmail: 1, alreadyQueued: 0 });
      expect((await post(`/${c.id}/materials/${m.id}/resend`).expect(202)).body).toMatchObject({ queued: 0, alreadyQueued: 1 });
      await dispatcher.drain();
      const reminders = mailsTo(c.emails.haTinh, 'Nhắc tải tài liệu');
      expect(reminders).toHaveLength(1);
      expect(reminders[0].parsed.text).toContain('Báo cáo chính trị');
      expect(mailsTo(c.emails.bacNinh, 'Nhắc tải tài liệu')).toHaveLength(0);
      const people = (await upload(c.id, pdf(), 'dai-bieu.pdf', { audience: 'attendees' }).expect(201)).body as Material;
      expect((await post(`/${c.id}/materials/${people.id}/resend`).expect(409)).body.details[0].code).toBe('audience_without_points');
    });
  });

  describe('delete and cancellation', () => {
    it('lists the materials on the confirmation and RSVP pages, downloaded by a click in Chromium, recorded, fitting 360 px', async () => {
      const c = await aConferenceWithLinks();
      const report = pdf('Báo cáo chính trị');
      const forPoints = (await upload(c.id, report, 'Báo cáo chính trị.pdf', { title: 'Báo cáo chính trị', audience: 'bridge_points' }).expect(201)).body as Material;
      const forAll = (await upload(c.id, png(), 'so-do-hoi-truong.png', { title: 'Sơ đồ hội trường', audience: 'all' }).expect(201)).body as Material;
      await t.app.listen(0, '127.0.0.1');
      const base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
      const browser = await launchBrowser();
      try {
        for (const width of [1280, 360]) {
          const page = await browser.newPage({ width, height: 900 });
          await page.goto(`${base}/bridge-points/confirm/${c.links.bacNinh}`);
          await page.getByRole('heading', { name: 'Tài liệu hội nghị' }).waitFor();
          expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
          await browser.screenshot(page, `materials-confirm-${width}`);
          if (width === 360) continue;
          const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Báo cáo chính trị/ }).click()]);
          expect(download.suggestedFilename()).toBe('Báo cáo chính trị.pdf');
          expect(createHash('sha256').update(readFileSync((await download.path())!)).digest('hex')).toBe(forPoints.sha256);
          const rsvp = await browser.newPage({ width, height: 900 });
          await rsvp.goto(`${base}/rsvp/${c.links.an}`);
          await rsvp.getByRole('heading', { name: 'Tài liệu hội nghị' }).waitFor();
          // A delegate sees what is for everyone, not what is for the points.
          expect(await rsvp.getByRole('link', { name: /Sơ đồ hội trường/ }).count()).toBe(1);
          expect(await rsvp.getByRole('link', { name: /Báo cáo chính trị/ }).count()).toBe(0);
          await browser.screenshot(rsvp, 'materials-rsvp-1280');
        }
      } finally {
        await browser.close();
      }
      const log = (await get(`/${c.id}/materials/${forPoints.id}/downloads`).expect(200)).body;
      expect(log.downloaded).toEqual([expect.objectContaining({ bridgePointId: c.bacNinh.id, count: 1 })]);
      expect(forAll.audience).toBe('all');
    });

    it('removes the material, its file and its log; audited', async () => {
      const c = await aConferenceWithLinks();
      const m = (await upload(c.id, pdf(), 'xoa.pdf').expect(201)).body as Material;
      await fetchFile(`/api/public/bridge-points/${c.links.bacNinh}/materials/${m.id}/file`).expect(200);
      const before = storedFiles().length;
      await t.http.delete(api(`/${c.id}/materials/${m.id}`)).auth(t.adminToken, bearer).expect(204);
      expect(storedFiles().length).toBe(before - 1);
      await fetchFile(`/api/public/bridge-points/${c.links.bacNinh}/materials/${m.id}/file`).expect(404);
      expect((await t.http.delete(api(`/${c.id}/materials/${m.id}`)).auth(t.adminToken, bearer).expect(404)).body.details[0].code).toBe('material_not_found');
      const rows: { n: string | number }[] = await db.query('SELECT COUNT(*) AS n FROM material_downloads WHERE material_id = $1', [m.id]);
      expect(Number(rows[0].n)).toBe(0);
      const audit = await db.getRepository(AuditEntry).find({ where: { conferenceId: c.id, entityType: 'material', action: 'material.delete' } });
      expect(audit).toHaveLength(1);
    });

    it('removes the files of a draft conference that is deleted, and keeps them when the deletion is refused', async () => {
      const draft = (await post('', aConference()).expect(201)).body as { id: string };
      await upload(draft.id, pdf(), 'mot.pdf').expect(201);
      await upload(draft.id, pdf(), 'hai.pdf').expect(201);
      const published = await aConferenceWithLinks();
      await upload(published.id, pdf(), 'ba.pdf').expect(201);
      const before = storedFiles().length;
      // A published conference cannot be deleted: its file stays.
      await t.http.delete(api(`/${published.id}`)).auth(t.adminToken, bearer).expect(409);
      expect(storedFiles().length).toBe(before);
      await t.http.delete(api(`/${draft.id}`)).auth(t.adminToken, bearer).expect(204);
      expect(storedFiles().length).toBe(before - 2);
      const rows: { n: string | number }[] = await db.query('SELECT COUNT(*) AS n FROM materials WHERE conference_id = $1', [draft.id]);
      expect(Number(rows[0].n)).toBe(0);
    });

    it('keeps the materials of a cancelled conference readable to organizers and refuses new ones with 409', async () => {
      const c = await aConferenceWithLinks();
      const file = pdf();
      const m = (await upload(c.id, file, 'giu-lai.pdf').expect(201)).body as Material;
      await post(`/${c.id}/cancel`, { reason: 'Thay đổi kế hoạch' }).expect(200);
      const refused = await upload(c.id, pdf(), 'moi.pdf').expect(409);
      expect(refused.body.details[0]).toMatchObject({ field: 'id', code: 'conference_cancelled' });
      expect((await get(`/${c.id}/materials`).expect(200)).body.items.map((x: Material) => x.id)).toEqual([m.id]);
      const res = await fetchFile(api(`/${c.id}/materials/${m.id}/file`)).auth(t.adminToken, bearer).expect(200);
      expect(Buffer.compare(res.body as Buffer, file)).toBe(0);
      expect((await post(`/${c.id}/materials/${m.id}/resend`).expect(409)).body.details[0].code).toBe('conference_cancelled');
    });
  });
});
