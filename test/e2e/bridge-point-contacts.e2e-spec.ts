import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CellValue, Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import { AuditEntry } from '../../src/audit/audit-entry.entity';
import { BridgePoint } from '../../src/bridge-points/bridge-point.entity';
import { OutboxMessage } from '../../src/outbox/outbox-message.entity';
import { searchKey } from '../../src/common/text';
import { aConference, aMainPoint } from '../factories';
import { startApp, TestApp } from '../harness';

const bearer = { type: 'bearer' as const };
const HEADER = ['STT', 'Điểm cầu', 'Người chủ trì', 'Chức vụ người chủ trì', 'Cán bộ liên hệ', 'Email', 'Số điện thoại'];

interface Province {
  code: string;
  name: string;
}

const PROVINCES: Province[] = readFileSync(join(__dirname, '../../seeds/administrative-units/provinces-34.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [code, name] = line.split(',');
    return { code, name };
  });

/** A CSV file as spreadsheets save it: BOM, comma, LF. */
function csvOf(rows: string[][]): Buffer {
  const field = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return Buffer.from(`\uFEFF${rows.map((row) => row.map(field).join(',')).join('\n')}\n`, 'utf8');
}

async function xlsxOf(rows: CellValue[][]): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Điểm cầu');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** How the file names each province: codes (some without their leading 0) and names in several spellings. */
function pointCell(p: Province, i: number): string {
  if (p.code === '24') return 'Bắc Giang';
  switch (i % 4) {
    case 0:
      return String(Number(p.code));
    case 1:
      return `Điểm cầu ${p.code === '01' || p.code === '31' || p.code === '46' || p.code === '48' || p.code === '79' || p.code === '92' ? 'thành phố' : 'tỉnh'} ${p.name}`;
    case 2:
      return searchKey(p.name).toUpperCase();
    default:
      return p.name;
  }
}

const emailOf = (p: Province) => `VanPhong.${p.code}@Tinh.Gov.VN`;
/** Cao Bằng's row gives no email: the point keeps none, and its link mail reaches nobody. */
const WITHOUT_EMAIL = '04';

describe('importing bridge-point contacts (chair, contact, email, phone) from CSV and XLSX', () => {
  let t: TestApp;
  let db: DataSource;

  interface Setup {
    id: string;
    main: BridgePoint;
    byCode: (code: string) => BridgePoint;
  }

  const newConference = async (): Promise<Setup> => {
    const id = (await t.http.post('/api/conferences').auth(t.adminToken, bearer).send(aConference()).expect(201)).body.id as string;
    await t.http.post(`/api/conferences/${id}/bridge-points`).auth(t.adminToken, bearer).send(aMainPoint()).expect(201);
    await t.http.post(`/api/conferences/${id}/bridge-points`).auth(t.adminToken, bearer).send({ administrativeUnitSet: 'vn-34' }).expect(201);
    const points = await db.getRepository(BridgePoint).findBy({ conferenceId: id });
    return { id, main: points.find((p) => p.isMain)!, byCode: (code) => points.find((p) => p.administrativeUnitCode === code)! };
  };

  const upload = (id: string, file: Buffer, name: string, token = t.adminToken) =>
    t.http.post(`/api/conferences/${id}/bridge-points/contacts/import`).auth(token, bearer).attach('file', file, name);

  const pointsOf = (id: string) => db.getRepository(BridgePoint).find({ where: { conferenceId: id }, order: { id: 'ASC' } });
  const snapshot = async (id: string) => ({
    points: await pointsOf(id),
    audit: await db.getRepository(AuditEntry).count({ where: { conferenceId: id } }),
  });

  const contactsFile = () =>
    csvOf([
      HEADER,
      ...PROVINCES.map((p, i) => [
        String(i + 1),
        pointCell(p, i),
        `Chủ trì ${p.name}`,
        'Phó Bí thư Thường trực Tỉnh ủy',
        `Cán bộ ${p.name}`,
        p.code === WITHOUT_EMAIL ? '' : emailOf(p),
        `0912 345 ${String(100 + i).padStart(3, '0')}`,
      ]),
    ]);
  const bacGiangRow = PROVINCES.findIndex((p) => p.code === '24') + 2;
  const bacGiangWarning = {
    row: bacGiangRow,
    field: 'point',
    code: 'former_province',
    message: 'Bắc Giang (tỉnh cũ) nay thuộc tỉnh Bắc Ninh; dòng này được ghi cho Điểm cầu tỉnh Bắc Ninh.',
  };

  beforeAll(async () => {
    t = await startApp();
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  it('reads a CSV with a BOM and Vietnamese headers for the 34 provinces, codes and names mixed, "Bắc Giang" as Bắc Ninh: a dry run writes nothing and says what would change', async () => {
    const c = await newConference();
    const before = await snapshot(c.id);
    const res = await upload(c.id, contactsFile(), 'Danh bạ điểm cầu.csv').field('dryRun', 'true').expect(201);
    expect(res.body).toMatchObject({
      status: 'done',
      dryRun: true,
      fileName: 'Danh bạ điểm cầu.csv',
      totalRows: 34,
      updated: 34,
      unchanged: 0,
      rejected: 0,
      errors: [],
      warnings: [bacGiangWarning],
    });
    expect(res.body.points).toHaveLength(34);
    const bacNinh = c.byCode('24');
    expect(res.body.points).toContainEqual({
      row: bacGiangRow,
      bridgePointId: bacNinh.id,
      name: 'Điểm cầu tỉnh Bắc Ninh',
      changes: [
        { field: 'chairName', from: null, to: 'Chủ trì Bắc Ninh' },
        { field: 'chairTitle', from: null, to: 'Phó Bí thư Thường trực Tỉnh ủy' },
        { field: 'contactName', from: null, to: 'Cán bộ Bắc Ninh' },
        { field: 'contactEmail', from: null, to: 'vanphong.24@tinh.gov.vn' },
        { field: 'contactPhone', from: null, to: expect.stringMatching(/^\+84912345\d{3}$/) },
      ],
    });
    expect(await snapshot(c.id)).toEqual(before);
  });

  it('then imports it: every point has its contacts (emails lower-cased, phones +84…), its version bumped and its own audit entry; the same file again changes nothing', async () => {
    const c = await newConference();
    const res = await upload(c.id, contactsFile(), 'danh-ba.csv').expect(201);
    expect(res.body).toMatchObject({ status: 'done', dryRun: false, totalRows: 34, updated: 34, unchanged: 0, rejected: 0, errors: [], warnings: [bacGiangWarning] });

    const points = await pointsOf(c.id);
    for (const [i, p] of PROVINCES.entries()) {
      const point = points.find((x) => x.administrativeUnitCode === p.code)!;
      expect(point).toMatchObject({
        chairName: `Chủ trì ${p.name}`,
        chairTitle: 'Phó Bí thư Thường trực Tỉnh ủy',
        contactName: `Cán bộ ${p.name}`,
        contactEmail: p.code === WITHOUT_EMAIL ? null : emailOf(p).toLowerCase(),
        contactPhone: `+84912345${String(100 + i).padStart(3, '0')}`,
        version: 2,
      });
    }
    expect(points.find((p) => p.isMain)).toMatchObject({ contactEmail: null, version: 1 });

    const audit = await t.http.get(`/api/conferences/${c.id}/audit?pageSize=100`).auth(t.adminToken, bearer).expect(200);
    const entries = audit.body.items.filter((e: { action: string }) => e.action === 'import_contacts');
    expect(entries).toHaveLength(34);
    expect(entries.every((e: { entityType: string; actor: string }) => e.entityType === 'bridge_point' && e.actor === 'admin@hoinghi.local')).toBe(true);
    const bacNinh = entries.find((e: { entityId: string }) => e.entityId === c.byCode('24').id);
    expect(bacNinh).toMatchObject({
      before: { contactEmail: null, version: 1 },
      after: { contactEmail: 'vanphong.24@tinh.gov.vn', chairName: 'Chủ trì Bắc Ninh', version: 2 },
    });

    const before = await snapshot(c.id);
    const again = await upload(c.id, contactsFile(), 'danh-ba.csv').expect(201);
    expect(again.body).toMatchObject({ status: 'done', updated: 0, unchanged: 34, rejected: 0 });
    expect(await snapshot(c.id)).toEqual(before);
  });

  it('reads an XLSX with English headers: codes as numbers, a phone that lost its leading 0, and blank cells that keep what is stored', async () => {
    const c = await newConference();
    await upload(c.id, contactsFile(), 'danh-ba.csv').expect(201);
    const file = await xlsxOf([
      ['code', 'point', 'chairName', 'chairTitle', 'contactName', 'contactEmail', 'contactPhone'],
      [1, 'Hà Nội', 'Nguyễn Văn An', 'Bí thư Thành ủy', '', '', 912000111],
      ['', 'Điểm cầu Trung ương', '', '', 'Lê Thị Mai', 'Mai.Le@DanVan.Gov.VN', '024 3825 1234'],
      [27, '', '', '', '', 'bacninh@tinh.gov.vn', ''],
    ]);
    const res = await upload(c.id, file, 'contacts.xlsx').expect(201);
    expect(res.body).toMatchObject({ status: 'done', totalRows: 3, updated: 3, rejected: 0, errors: [] });
    expect(res.body.warnings).toEqual([
      {
        row: 4,
        field: 'code',
        code: 'former_province',
        message: 'Mã 27 (tỉnh Bắc Ninh cũ) nay thuộc tỉnh Bắc Ninh; dòng này được ghi cho Điểm cầu tỉnh Bắc Ninh.',
      },
    ]);
    const points = await pointsOf(c.id);
    expect(points.find((p) => p.administrativeUnitCode === '01')).toMatchObject({
      chairName: 'Nguyễn Văn An',
      chairTitle: 'Bí thư Thành ủy',
      contactName: 'Cán bộ Hà Nội',
      contactEmail: 'vanphong.01@tinh.gov.vn',
      contactPhone: '+84912000111',
      version: 3,
    });
    expect(points.find((p) => p.isMain)).toMatchObject({
      chairName: null,
      contactName: 'Lê Thị Mai',
      contactEmail: 'mai.le@danvan.gov.vn',
      contactPhone: '+842438251234',
      version: 2,
    });
    expect(points.find((p) => p.administrativeUnitCode === '24')).toMatchObject({ contactEmail: 'bacninh@tinh.gov.vn', chairName: 'Chủ trì Bắc Ninh', version: 3 });
  });

  it('refuses a file with bad rows (unknown point, bad email, bad phone, the same point twice, a formula): 400 with the per-row report, and nothing written', async () => {
    const c = await newConference();
    const before = await snapshot(c.id);
    const file = csvOf([
      ['Điểm cầu', 'Người chủ trì', 'Email', 'Số điện thoại'],
      ['01', 'Nguyễn Văn An', 'vp@hanoi.gov.vn', '0912 345 678'],
      ['Điểm cầu tỉnh Không Có', 'Trần Văn Bảo', '', ''],
      ['24', '', 'khong-phai-email', ''],
      ['Lào Cai', '', '', '12345'],
      ['bac ninh', 'Lê Văn Cường', '', ''],
      ['', 'Phạm Văn Dũng', '', ''],
      ['Hà Tây', '', '', ''],
      ['Huế', '=HYPERLINK("http://evil.example","Bấm")', '', ''],
    ]);
    const res = await upload(c.id, file, 'loi.csv').expect(400);
    const errors = [
      { row: 3, field: 'point', code: 'unknown_point', message: '"Điểm cầu tỉnh Không Có" không phải là điểm cầu của hội nghị này.' },
      { row: 4, field: 'contactEmail', code: 'invalid_email', message: '"khong-phai-email" không phải là địa chỉ email.' },
      { row: 5, field: 'contactPhone', code: 'invalid_phone', message: '"12345" không phải là số điện thoại Việt Nam (ví dụ 0912 345 678).' },
      { row: 6, field: 'point', code: 'duplicate_point', message: 'Điểm cầu tỉnh Bắc Ninh đã có ở dòng 4 của tệp này.' },
      { row: 7, field: 'point', code: 'point_required', message: 'Thiếu điểm cầu: ghi mã đơn vị hành chính hoặc tên điểm cầu.' },
      { row: 8, field: 'point', code: 'unknown_point', message: '"Hà Tây" không phải là điểm cầu của hội nghị này.' },
      { row: 9, field: 'chairName', code: 'formula', message: expect.stringContaining('sẽ chạy như công thức') },
    ];
    expect(res.body).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      message: '7 trong 8 dòng bị từ chối; không ghi thay đổi nào.',
      status: 'failed',
      dryRun: false,
      totalRows: 8,
      rejected: 7,
      errors,
    });
    expect(res.body.details).toEqual(errors.map((e) => ({ field: `rows.${e.row}.${e.field}`, code: e.code, message: e.message })));
    expect(await snapshot(c.id)).toEqual(before);

    const dry = await upload(c.id, file, 'loi.csv').field('dryRun', 'true').expect(201);
    expect(dry.body).toMatchObject({ status: 'failed', dryRun: true, rejected: 7, errors });
    expect(await snapshot(c.id)).toEqual(before);
  });

  it('refuses a file that names no point column, or no contact column, with 400 naming file', async () => {
    const c = await newConference();
    const before = await snapshot(c.id);
    const noPoint = await upload(c.id, csvOf([['Người chủ trì', 'Email'], ['Nguyễn Văn An', 'a@x.vn']]), 'a.csv').expect(400);
    expect(noPoint.body.details).toEqual([{ field: 'file', code: 'no_point_column', message: expect.stringContaining('Điểm cầu') }]);
    const noContact = await upload(c.id, csvOf([['Điểm cầu', 'Ghi chú'], ['24', 'x']]), 'b.csv').expect(400);
    expect(noContact.body.details).toEqual([{ field: 'file', code: 'no_contact_column', message: expect.stringContaining('Email') }]);
    expect(await snapshot(c.id)).toEqual(before);
  });

  it('answers 403 to viewers and operators, 404 for an unknown conference, 409 for a cancelled one, and lets organizers import', async () => {
    const c = await newConference();
    const file = csvOf([['Điểm cầu', 'Email'], ['24', 'bacninh@tinh.gov.vn']]);
    const before = await snapshot(c.id);
    const viewer = await t.userWithRole('viewer');
    const operator = await t.userWithRole('operator', { administrativeUnitCode: '24' });
    await upload(c.id, file, 'a.csv', viewer).expect(403);
    await upload(c.id, file, 'a.csv', operator).expect(403);
    const missing = await upload('00000000-0000-4000-8000-000000000000', file, 'a.csv').expect(404);
    expect(missing.body.details).toEqual([{ field: 'id', code: 'conference_not_found', message: 'Không tìm thấy hội nghị.' }]);
    expect(await snapshot(c.id)).toEqual(before);
    const organizer = await t.userWithRole('organizer');
    await upload(c.id, file, 'a.csv', organizer).expect(201);
    expect((await pointsOf(c.id)).find((p) => p.administrativeUnitCode === '24')!.contactEmail).toBe('bacninh@tinh.gov.vn');

    await t.http.post(`/api/conferences/${c.id}/cancel`).auth(t.adminToken, bearer).send({ reason: 'Hoãn do thay đổi lịch công tác' }).expect(200);
    const closed = await snapshot(c.id);
    const refused = await upload(c.id, csvOf([['Điểm cầu', 'Email'], ['24', 'moi@tinh.gov.vn']]), 'b.csv').expect(409);
    expect(refused.body.details).toEqual([{ field: 'status', code: 'conference_closed', message: 'Hội nghị đã hủy; không thể thay đổi nữa.' }]);
    expect(await snapshot(c.id)).toEqual(closed);
  });

  it('then sends the link mails with send: true: queued counts the points with an email, withoutEmail names the others', async () => {
    const c = await newConference();
    await upload(c.id, contactsFile(), 'danh-ba.csv').expect(201);
    const outbox = () => db.getRepository(OutboxMessage).find({ where: { conferenceId: c.id, kind: 'bridge_point_link' } });
    expect(await outbox()).toHaveLength(0);

    const res = await t.http.post(`/api/conferences/${c.id}/bridge-points/links`).auth(t.adminToken, bearer).send({ send: true }).expect(201);
    expect(res.body.items).toHaveLength(35);
    expect(res.body.queued).toBe(33);
    expect(res.body.withoutEmail).toEqual([
      { bridgePointId: c.main.id, name: 'Điểm cầu Trung ương' },
      { bridgePointId: c.byCode(WITHOUT_EMAIL).id, name: 'Điểm cầu tỉnh Cao Bằng' },
    ]);
    const queued = await outbox();
    expect(queued).toHaveLength(33);
    expect(queued.map((m) => m.recipient)).toContain('vanphong.24@tinh.gov.vn');

    const quiet = await t.http.post(`/api/conferences/${c.id}/bridge-points/links`).auth(t.adminToken, bearer).send({ send: false, provinceCode: '24' }).expect(201);
    expect(quiet.body).toMatchObject({ queued: 0, withoutEmail: [] });
    const legacy = await t.http.post(`/api/conferences/${c.id}/bridge-points/links`).auth(t.adminToken, bearer).send({ sendEmail: false }).expect(201);
    expect(legacy.body.queued).toBe(0);
    expect(await outbox()).toHaveLength(33);
  });
});
