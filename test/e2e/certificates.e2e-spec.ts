import { DataSource } from 'typeorm';
import { AuditEntry } from '../../src/audit/audit-entry.entity';
import { Clock } from '../../src/common/clock';
import { OutboxMessage } from '../../src/outbox/outbox-message.entity';
import { binary, decodeQr, flatten, rasterizePdf, readPdf } from '../documents';
import { aConference, aMainPoint, anAgendaItem } from '../factories';
import { startApp, TestApp } from '../harness';

const bearer = { type: 'bearer' as const };
const DAY = '2030-07-15';
const PUBLIC_BASE_URL = 'https://hoinghi.example.vn';
const ISSUER = { office: 'Ban Dân vận Tỉnh ủy Hà Tĩnh', signerName: 'Nguyễn Văn Hùng', signerTitle: 'Trưởng ban', place: 'Hà Tĩnh' };

interface Cert {
  id: string;
  attendeeId: string;
  holderName: string;
  number: string;
  code: string;
  status: string;
  revokedReason: string | null;
  verifyUrl: string;
}

/** Certificates (giấy chứng nhận): issued to who completed, numbered from the office's register, verified in public. */
describe('certificates of a training (giấy chứng nhận)', () => {
  let t: TestApp;
  let db: DataSource;
  let clock: jest.SpyInstance | undefined;
  const api = (path: string) => `/api/conferences${path}`;
  const post = (path: string, body: object = {}, token = t.adminToken) => t.http.post(api(path)).auth(token, bearer).send(body);
  const patch = (path: string, body: object, token = t.adminToken) => t.http.patch(api(path)).auth(token, bearer).send(body);
  const get = (path: string, token = t.adminToken) => t.http.get(api(path)).auth(token, bearer);
  const pdf = async (path: string, token = t.adminToken) => (await get(path, token).buffer(true).parse(binary).expect(200)).body as Buffer;

  /** Three sessions; An attends all (one late), Bình one, Cường two: with the default rule (100 %) only An completes. */
  async function aTraining(title = 'Lớp tập huấn nghiệp vụ công tác dân vận năm 2030') {
    const c = (await post('', aConference({ kind: 'training', title, venue: 'Hội trường Tỉnh ủy Hà Tĩnh', startsAt: `${DAY}T08:00:00+07:00`, endsAt: `${DAY}T11:30:00+07:00` })).expect(201)).body;
    const main = (await post(`/${c.id}/bridge-points`, aMainPoint()).expect(201)).body;
    const sessions: { id: string }[] = [];
    for (const [from, to] of [['08:00', '09:00'], ['09:00', '10:00'], ['10:00', '11:00']]) {
      sessions.push((await post(`/${c.id}/agenda-items`, anAgendaItem(DAY, from, to, { title: `Chuyên đề ${from}`, attendanceRequired: true })).expect(201)).body);
    }
    const person = async (fullName: string, extra: object = {}) => (await post(`/${c.id}/attendees`, { bridgePointId: main.id, fullName, ...extra }).expect(201)).body as { id: string };
    const an = await person('Nguyễn Thị Ánh Tuyết', { email: 'anh.tuyet@example.vn', phone: '0912345678' });
    const binh = await person('Trần Văn Bình', { email: 'binh@example.vn' });
    const cuong = await person('Lê Văn Cường', { email: 'cuong@example.vn' });
    await post(`/${c.id}/publish`).expect(200);
    clock = jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(`${DAY}T10:30:00+07:00`));
    const marks: [{ id: string }, string[]][] = [
      [an, ['present', 'present', 'late']],
      [binh, ['present', 'excused', 'absent']],
      [cuong, ['present', 'late', 'excused']],
    ];
    for (const [who, statuses] of marks) {
      for (const [i, status] of statuses.entries()) await post(`/${c.id}/agenda-items/${sessions[i].id}/attendance`, { attendeeId: who.id, status }).expect(200);
    }
    clock.mockRestore();
    return { id: c.id as string, an, binh, cuong };
  }

  const list = async (id: string, token = t.adminToken) => (await get(`/${id}/certificates`, token).expect(200)).body.items as Cert[];
  /** Lets Cường (2 of 3) complete too. */
  async function lowerTheBar(id: string) {
    const c = (await get(`/${id}`).expect(200)).body;
    await patch(`/${id}`, { version: c.version, completionRule: { minAttendancePercent: 66 } }).expect(200);
  }

  beforeAll(async () => {
    t = await startApp({ PUBLIC_BASE_URL });
    db = t.app.get(DataSource);
  });
  afterEach(() => clock?.mockRestore());
  afterAll(() => t.close());

  it('issues to those who completed only, again only to the new ones, numbered serially per office and never reused; audited', async () => {
    const c = await aTraining();
    expect((await post(`/${c.id}/certificates`, ISSUER).expect(200)).body).toEqual({ issued: 1, alreadyIssued: 0 });
    const first = await list(c.id);
    expect(first.map((x) => x.holderName)).toEqual(['Nguyễn Thị Ánh Tuyết']);
    const year = new Date().getFullYear();
    const serial = (x: Cert) => Number(x.number.split('/')[0]);
    expect(first[0].number).toMatch(new RegExp(`^\\d+/${year}/GCN$`));
    expect(first[0].code).toMatch(/^[A-HJKMNP-Z2-9]{12}$/);
    expect(first[0].verifyUrl).toBe(`${PUBLIC_BASE_URL}/verify/${first[0].code}`);
    expect((await post(`/${c.id}/certificates`, ISSUER).expect(200)).body).toEqual({ issued: 0, alreadyIssued: 1 });

    // Revoked: its number stays taken; the next one gets the next number; the revoked holder is not issued again.
    await post(`/${c.id}/certificates/${first[0].id}/revoke`, { reason: 'Cấp nhầm người' }).expect(200);
    await lowerTheBar(c.id);
    expect((await post(`/${c.id}/certificates`, ISSUER).expect(200)).body).toEqual({ issued: 1, alreadyIssued: 1 });
    const second = await list(c.id);
    expect(second.map((x) => [x.holderName, x.status])).toEqual([
      ['Nguyễn Thị Ánh Tuyết', 'revoked'],
      ['Lê Văn Cường', 'valid'],
    ]);
    expect(serial(second[1])).toBe(serial(second[0]) + 1);

    // The same office's register runs on across conferences; another office starts at 1.
    const other = await aTraining('Lớp bồi dưỡng kỹ năng dân vận khéo');
    await post(`/${other.id}/certificates`, ISSUER).expect(200);
    expect(serial((await list(other.id))[0])).toBe(serial(second[1]) + 1);
    const third = await aTraining('Lớp bồi dưỡng lần ba');
    await post(`/${third.id}/certificates`, { ...ISSUER, office: `Ban Tuyên giáo ${Date.now()}` }).expect(200);
    expect((await list(third.id))[0].number).toBe(`1/${year}/GCN`);

    const audit = await db.getRepository(AuditEntry).find({ where: { conferenceId: c.id, entityType: 'certificate' } });
    expect(audit.map((a) => a.action).sort()).toEqual(['certificate.issue', 'certificate.issue', 'certificate.revoke']);
  });

  it('prints one A4 landscape PDF per certificate and one of all, with the national header, name, number, the verify link and its QR', async () => {
    const c = await aTraining();
    await lowerTheBar(c.id);
    await post(`/${c.id}/certificates`, ISSUER).expect(200);
    const byName = (all: Cert[], name: string) => all.find((x) => x.holderName === name)!;
    const certs = await list(c.id);
    const [an, cuong] = [byName(certs, 'Nguyễn Thị Ánh Tuyết'), byName(certs, 'Lê Văn Cường')];
    const one = await pdf(`/${c.id}/certificates/${an.id}.pdf`);
    expect(one.subarray(0, 5).toString()).toBe('%PDF-');
    // Landscape A4: 841.89 × 595.28 points.
    expect(one.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.89\d* 595\.2\d*\]/);
    const text = await readPdf(one);
    expect(text.pages).toHaveLength(1);
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Nguyễn Thị Ánh Tuyết',
      `Số: ${an.number}`,
      'GIẤY CHỨNG NHẬN',
      'Lớp tập huấn nghiệp vụ công tác dân vận năm 2030',
      'ngày 15/7/2030',
      'Hội trường Tỉnh ủy Hà Tĩnh',
      'BAN DÂN VẬN TỈNH ỦY HÀ TĨNH',
      'Nguyễn Văn Hùng',
      'TRƯỞNG BAN',
      an.verifyUrl,
    ]) {
      expect(text.flat).toContain(expected);
    }
    // The QR, as a phone camera would read the printed page: exactly the verification page of this certificate.
    const [image] = await rasterizePdf(one);
    expect(image.width).toBeGreaterThan(image.height);
    expect(decodeQr(image)).toBe(`${PUBLIC_BASE_URL}/verify/${an.code}`);

    const allPdf = await pdf(`/${c.id}/certificates.pdf`);
    const all = await readPdf(allPdf);
    expect(all.pages).toHaveLength(2);
    expect(all.flat).toContain('Lê Văn Cường');
    expect(all.flat).toContain(cuong.number);
    // Each page's QR is its own certificate's: the page is told by the number printed on it.
    const images = await rasterizePdf(allPdf);
    expect(images).toHaveLength(2);
    const onPage = all.pages.map((text) => [an, cuong].filter((x) => flatten(text).includes(`Số: ${x.number}`)));
    expect(onPage.map((found) => found.length)).toEqual([1, 1]);
    expect(images.map(decodeQr)).toEqual(onPage.map(([x]) => `${PUBLIC_BASE_URL}/verify/${x.code}`));
    expect(new Set(onPage.map(([x]) => x.id)).size).toBe(2);
  });

  it('answers the public verification for valid, revoked, unknown and malformed codes, revealing nothing else', async () => {
    const c = await aTraining();
    await lowerTheBar(c.id);
    await post(`/${c.id}/certificates`, ISSUER).expect(200);
    const certs = await list(c.id);
    const an = certs.find((x) => x.holderName === 'Nguyễn Thị Ánh Tuyết')!;
    const cuong = certs.find((x) => x.holderName === 'Lê Văn Cường')!;
    await post(`/${c.id}/certificates/${cuong.id}/revoke`, { reason: 'Không đủ điều kiện' }).expect(200);

    const valid = (await t.http.get(`/api/public/certificates/${an.code}`).expect(200)).body;
    expect(valid).toMatchObject({ status: 'valid', holderName: 'Nguyễn Thị Ánh Tuyết', number: an.number, issuer: ISSUER.office, revokedReason: null });
    expect(valid.conferenceTitle).toBe('Lớp tập huấn nghiệp vụ công tác dân vận năm 2030');
    expect(JSON.stringify(valid)).not.toMatch(/example\.vn|0912345678|Cường|attendeeId|code/);
    // A code as typed from paper: lower case with dashes.
    await t.http.get(`/api/public/certificates/${an.code.slice(0, 6).toLowerCase()}-${an.code.slice(6)}`).expect(200);
    const revoked = (await t.http.get(`/api/public/certificates/${cuong.code}`).expect(200)).body;
    expect(revoked).toMatchObject({ status: 'revoked', revokedReason: 'Không đủ điều kiện', holderName: 'Lê Văn Cường' });

    const page = await t.http.get(`/verify/${an.code}`).expect(200);
    expect(page.text).toContain('Nguyễn Thị Ánh Tuyết');
    expect(page.text).toContain('còn hiệu lực');
    expect(page.text).not.toMatch(/example\.vn|0912345678|Cường/);
    const revokedPage = await t.http.get(`/verify/${cuong.code}`).expect(200);
    expect(revokedPage.text).toContain('đã bị thu hồi');
    expect(revokedPage.text).toContain('Không đủ điều kiện');

    const unknown = 'ABCDEFGHJKMN';
    const pages = [];
    for (const code of [unknown, 'x', '%27%20OR%201%3D1', 'a'.repeat(300)]) {
      const json = await t.http.get(`/api/public/certificates/${code}`).expect(404);
      expect(json.body.details).toEqual([expect.objectContaining({ field: 'code', code: 'certificate_not_found' })]);
      pages.push((await t.http.get(`/verify/${code}`).expect(404)).text);
    }
    expect(new Set(pages).size).toBe(1);
  });

  it('queues one mail per new certificate with send: true, with its number and verify link', async () => {
    const c = await aTraining();
    await post(`/${c.id}/certificates`, { ...ISSUER, send: true }).expect(200);
    await lowerTheBar(c.id);
    await post(`/${c.id}/certificates`, { ...ISSUER, send: true }).expect(200);
    const mails = await db.getRepository(OutboxMessage).find({ where: { conferenceId: c.id, kind: 'certificate' } });
    expect(mails.map((m) => m.recipient).sort()).toEqual(['anh.tuyet@example.vn', 'cuong@example.vn']);
    const certs = await list(c.id);
    expect(mails.map((m) => (m.payload as { certificateId: string }).certificateId).sort()).toEqual(certs.map((x) => x.id).sort());
  });

  it.each([
    [{ ...ISSUER, office: undefined }, 'office'],
    [{ ...ISSUER, office: '   ' }, 'office'],
    [{ ...ISSUER, signerName: 'x'.repeat(201) }, 'signerName'],
    [{ ...ISSUER, place: 'x'.repeat(101) }, 'place'],
    [{ ...ISSUER, send: 'có' }, 'send'],
  ])('refuses a bad issue body %#', async (body, field) => {
    const c = await aTraining();
    const res = await post(`/${c.id}/certificates`, body).expect(400);
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, code: expect.any(String) })]));
    expect(await list(c.id)).toEqual([]);
  });

  it('refuses a revoke without reason and unknown certificates', async () => {
    const c = await aTraining();
    await post(`/${c.id}/certificates`, ISSUER).expect(200);
    const [an] = await list(c.id);
    const res = await post(`/${c.id}/certificates/${an.id}/revoke`, {}).expect(400);
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'reason' })]));
    await post(`/${c.id}/certificates/00000000-0000-4000-8000-000000000000/revoke`, { reason: 'x' }).expect(404);
    await get(`/${c.id}/certificates/00000000-0000-4000-8000-000000000000.pdf`).expect(404);
  });

  it('lets admins and organizers issue and revoke, viewers read, and refuses operators', async () => {
    const c = await aTraining();
    const organizer = await t.userWithRole('organizer');
    const viewer = await t.userWithRole('viewer');
    const operator = await t.userWithRole('operator', { bridgePointIds: [] });
    await post(`/${c.id}/certificates`, ISSUER, viewer).expect(403);
    await post(`/${c.id}/certificates`, ISSUER, operator).expect(403);
    await post(`/${c.id}/certificates`, ISSUER, organizer).expect(200);
    const [an] = await list(c.id, viewer);
    await pdf(`/${c.id}/certificates/${an.id}.pdf`, viewer);
    await get(`/${c.id}/certificates`, operator).expect(403);
    await get(`/${c.id}/certificates.pdf`, operator).expect(403);
    await post(`/${c.id}/certificates/${an.id}/revoke`, { reason: 'Sai tên' }, viewer).expect(403);
    await post(`/${c.id}/certificates/${an.id}/revoke`, { reason: 'Sai tên' }, organizer).expect(200);
  });
});
