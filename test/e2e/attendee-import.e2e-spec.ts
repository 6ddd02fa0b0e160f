import { CellValue, Workbook, Worksheet } from 'exceljs';
import { DataSource } from 'typeorm';
import * as attendeeCodes from '../../src/attendees/attendee-code';
import { AttendeeImportRepository } from '../../src/attendees/attendee-import.repository';
import { Attendee } from '../../src/attendees/attendee.entity';
import { ImportJob } from '../../src/attendees/import-job.entity';
import { AuditEntry } from '../../src/audit/audit-entry.entity';
import { BridgePoint } from '../../src/bridge-points/bridge-point.entity';
import { Conference } from '../../src/conferences/conference.entity';
import { aConference, aMainPoint } from '../factories';
import { startApp, TestApp } from '../harness';
import { lyingWorkbook, zipBomb } from '../zip-files';

const bearer = { type: 'bearer' as const };
const HEADER = ['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị', 'Email', 'Số điện thoại', 'Điểm cầu', 'Vai trò'];
const CODE = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/;

/** A CSV file as spreadsheets save it: BOM, comma and LF unless told otherwise. */
function csvOf(rows: (string | number)[][], options: { separator?: string; bom?: boolean; eol?: string } = {}): Buffer {
  const separator = options.separator ?? ',';
  const eol = options.eol ?? '\n';
  const field = (value: string | number) => {
    const text = String(value);
    return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const body = rows.map((row) => row.map(field).join(separator)).join(eol) + eol;
  return Buffer.from(`${options.bom === false ? '' : '\uFEFF'}${body}`, 'utf8');
}

async function xlsxOf(rows: CellValue[][], setup?: (sheet: Worksheet) => void): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Đại biểu');
  for (const row of rows) sheet.addRow(row);
  setup?.(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

interface Report {
  jobId: string;
  status: string;
  dryRun: boolean;
  atomic: boolean;
  totalRows: number;
  processedRows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: { row: number; field: string; code: string; message: string }[];
  message?: string;
}

describe('importing delegates (đại biểu) from CSV and XLSX', () => {
  let t: TestApp;
  let db: DataSource;

  interface Setup {
    id: string;
    main: BridgePoint;
    byCode: (code: string) => BridgePoint;
  }

  /** A conference with the main point and the 34 provinces of vn-34. */
  const newConference = async (): Promise<Setup> => {
    const id = (await t.http.post('/api/conferences').auth(t.adminToken, bearer).send(aConference()).expect(201)).body.id as string;
    await t.http.post(`/api/conferences/${id}/bridge-points`).auth(t.adminToken, bearer).send(aMainPoint()).expect(201);
    await t.http.post(`/api/conferences/${id}/bridge-points`).auth(t.adminToken, bearer).send({ administrativeUnitSet: 'vn-34' }).expect(201);
    const points = await db.getRepository(BridgePoint).findBy({ conferenceId: id });
    return {
      id,
      main: points.find((p) => p.isMain)!,
      byCode: (code) => points.find((p) => p.administrativeUnitCode === code)!,
    };
  };

  const upload = (id: string, file: Buffer, name: string, query = '', token = t.adminToken) =>
    t.http.post(`/api/conferences/${id}/attendees/import${query}`).auth(token, bearer).attach('file', file, name);

  const attendeesOf = (id: string) => db.getRepository(Attendee).find({ where: { conferenceId: id }, order: { id: 'ASC' } });
  const byName = async (id: string) => new Map((await attendeesOf(id)).map((a) => [a.fullName, a]));

  /** Everything an import could touch, to show that a refused or atomic-failed import touched nothing. */
  const snapshot = async (id: string, withJobs = true) => ({
    attendees: await attendeesOf(id),
    points: await db.getRepository(BridgePoint).find({ where: { conferenceId: id }, order: { id: 'ASC' } }),
    conference: await db.getRepository(Conference).findOneBy({ id }),
    audit: await db.getRepository(AuditEntry).count({ where: { conferenceId: id } }),
    ...(withJobs && { jobs: await db.getRepository(ImportJob).count({ where: { conferenceId: id } }) }),
  });

  const waitForJob = async (id: string, jobId: string): Promise<Report> => {
    for (let i = 0; i < 600; i++) {
      const res = await t.http.get(`/api/conferences/${id}/attendees/import-jobs/${jobId}`).auth(t.adminToken, bearer).expect(200);
      if (res.body.status !== 'running') return res.body as Report;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`import job ${jobId} did not finish`);
  };

  beforeAll(async () => {
    t = await startApp();
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  it('imports a UTF-8 CSV with a BOM and Vietnamese headers: codes, search keys, lower-case emails, +84 phones, roles by label, points by name or code', async () => {
    const c = await newConference();
    const before = await snapshot(c.id, false);
    const file = csvOf([
      HEADER,
      ['1', 'Nguyễn Văn An'.normalize('NFD'), 'Phó Chủ tịch UBND tỉnh', 'UBND tỉnh Bắc Ninh', 'An.Nguyen@BacNinh.gov.vn', '0912 345 678', 'Điểm cầu tỉnh Bắc Ninh', 'Đại biểu'],
      ['2', 'Trần Thị Bình', 'Trưởng Ban Dân vận', 'Tỉnh ủy Bắc Ninh', 'binh.tt@bacninh.gov.vn', '+84 987 654 321', 'diem cau tinh bac ninh', 'khach moi'],
      ['3', 'Lê Hoàng Cường', 'Giảng viên', 'Học viện Chính trị', '', '024 3825 1234', '24', 'Báo cáo viên'],
      ['4', 'Phạm Thu Dung', '', '', 'dung@vtv.vn', '84-912-000-111', 'Bắc Ninh', 'press'],
      ['5', 'Hoàng Minh Đức', 'Trưởng Ban', 'Ban Dân vận Trung ương', 'duc@tw.vn', '', 'Điểm cầu Trung ương', 'Chủ trì'],
      ['6', 'Đỗ Văn Em', '', 'Văn phòng', 'em@tw.vn', '', '01', 'Ban tổ chức'],
    ]);
    const res = await upload(c.id, file, 'Danh sách đại biểu.csv').expect(201);
    expect(res.body).toMatchObject({
      status: 'done',
      dryRun: false,
      atomic: false,
      fileName: 'Danh sách đại biểu.csv',
      totalRows: 6,
      processedRows: 6,
      created: 6,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      errors: [],
    });

    const people = await byName(c.id);
    const bacNinh = c.byCode('24').id;
    expect(people.get('Nguyễn Văn An')).toMatchObject({
      title: 'Phó Chủ tịch UBND tỉnh',
      organization: 'UBND tỉnh Bắc Ninh',
      email: 'an.nguyen@bacninh.gov.vn',
      phone: '+84912345678',
      role: 'delegate',
      status: 'added',
      source: 'import',
      bridgePointId: bacNinh,
      searchKey: 'nguyen van an pho chu tich ubnd tinh ubnd tinh bac ninh',
      version: 1,
    });
    expect(people.get('Trần Thị Bình')).toMatchObject({ phone: '+84987654321', role: 'guest', bridgePointId: bacNinh });
    expect(people.get('Lê Hoàng Cường')).toMatchObject({ email: null, phone: '+842438251234', role: 'speaker', bridgePointId: bacNinh });
    expect(people.get('Phạm Thu Dung')).toMatchObject({ title: null, organization: null, phone: '+84912000111', role: 'press', bridgePointId: bacNinh });
    expect(people.get('Hoàng Minh Đức')).toMatchObject({ role: 'chair', bridgePointId: c.main.id, phone: null });
    expect(people.get('Đỗ Văn Em')).toMatchObject({ role: 'organizer', bridgePointId: c.byCode('01').id });
    const codes = [...people.values()].map((a) => a.code);
    expect(codes.every((code) => CODE.test(code))).toBe(true);
    expect(new Set(codes).size).toBe(6);

    // The delegates API sees them, and search ignores diacritics.
    const found = await t.http.get(`/api/conferences/${c.id}/attendees?q=nguyen%20van%20an`).auth(t.adminToken, bearer).expect(200);
    expect(found.body.items.map((a: { fullName: string }) => a.fullName)).toEqual(['Nguyễn Văn An']);

    // Nothing else changed: no bridge-point counts, no conference version.
    const after = await snapshot(c.id, false);
    expect(after.points).toEqual(before.points);
    expect(after.conference).toEqual(before.conference);

    const audit = await t.http.get(`/api/conferences/${c.id}/audit`).auth(t.adminToken, bearer).expect(200);
    const imports = audit.body.items.filter((e: { action: string }) => e.action === 'import_attendees');
    expect(imports).toHaveLength(1);
    expect(imports[0]).toMatchObject({
      entityType: 'conference',
      entityId: c.id,
      actor: 'admin@hoinghi.local',
      after: { jobId: res.body.jobId, fileName: 'Danh sách đại biểu.csv', created: 6, updated: 0, unchanged: 0, rejected: 0 },
    });

    const job = await t.http.get(`/api/conferences/${c.id}/attendees/import-jobs/${res.body.jobId}`).auth(t.adminToken, bearer).expect(200);
    expect(job.body).toEqual(res.body);
  });

  it('reads English headers, semicolons, no BOM, CRLF line ends and quoted values with separators and line breaks', async () => {
    const c = await newConference();
    const file = csvOf(
      [
        ['Full name', 'Title', 'Organization', 'E-mail', 'Phone', 'Bridge point', 'Role', 'Notes'],
        ['Vũ Thị Giang', 'Chuyên viên', 'Sở Nội vụ; tỉnh Bắc Ninh', 'giang@bacninh.gov.vn', '0912345670', 'Điểm cầu tỉnh Bắc Ninh', 'guest', 'Đi cùng\nlãnh đạo'],
        ['Ngô Văn Hải', 'Phó Giám đốc', 'Sở Tư pháp, tỉnh Bắc Ninh', 'hai@bacninh.gov.vn', '0912345671', '24', 'delegate', ''],
      ],
      { separator: ';', bom: false, eol: '\r\n' },
    );
    const res = await upload(c.id, file, 'delegates.csv').expect(201);
    expect(res.body).toMatchObject({ created: 2, rejected: 0, totalRows: 2 });
    const people = await byName(c.id);
    expect(people.get('Vũ Thị Giang')).toMatchObject({ organization: 'Sở Nội vụ; tỉnh Bắc Ninh', role: 'guest', notes: 'Đi cùng\nlãnh đạo' });
    expect(people.get('Ngô Văn Hải')).toMatchObject({ organization: 'Sở Tư pháp, tỉnh Bắc Ninh', phone: '+84912345671', notes: null });
  });

  it('reads an XLSX workbook: numbers that lost their leading zero, unit codes as numbers, rich text, hyperlinks, and formulas by their saved result', async () => {
    const c = await newConference();
    const file = await xlsxOf([
      ['Họ và tên', 'Chức vụ', 'Đơn vị', 'Email', 'Số điện thoại', 'Điểm cầu', 'Vai trò'],
      ['Vũ Thị Giang', 'Chuyên viên', { richText: [{ text: 'Ban ' }, { text: 'Dân vận' }] }, { text: 'Giang@X.vn', hyperlink: 'mailto:giang@x.vn' }, 912345679, 24, 'Đại biểu'],
      [
        { formula: 'CONCATENATE("Ngô ","Văn ","Hải")', result: 'Ngô Văn Hải' },
        'Phó Giám đốc',
        'Sở Tư pháp',
        'hai@x.vn',
        '0912 345 680',
        1,
        { formula: '"Khách mời"', result: 'Khách mời' },
      ],
    ]);
    const res = await upload(c.id, file, 'dai-bieu.xlsx').expect(201);
    expect(res.body).toMatchObject({ created: 2, rejected: 0, errors: [] });
    const people = await byName(c.id);
    expect(people.get('Vũ Thị Giang')).toMatchObject({
      organization: 'Ban Dân vận',
      email: 'giang@x.vn',
      phone: '+84912345679',
      bridgePointId: c.byCode('24').id,
    });
    expect(people.get('Ngô Văn Hải')).toMatchObject({ role: 'guest', bridgePointId: c.byCode('01').id });
  });

  it('never stores a formula: XLSX formulas without a saved result, error values and formula-like text are rejected on their row', async () => {
    const c = await newConference();
    const file = await xlsxOf([
      ['Họ và tên', 'Chức vụ', 'Email', 'Điểm cầu'],
      [{ formula: 'CONCATENATE("A","B")' } as CellValue, '', 'a@x.vn', '24'],
      ['Lý Thị Hoa', '', { error: '#N/A' } as CellValue, '24'],
      ['Hồ Văn Khánh', '=HYPERLINK("http://evil.example","Bấm vào đây")', 'khanh@x.vn', '24'],
      ['Đặng Thị Lan', { formula: 'A9', result: '=1+1' }, 'lan@x.vn', '24'],
      ['Bùi Văn Minh', 'Chuyên viên', 'minh@x.vn', '24'],
    ]);
    const res = await upload(c.id, file, 'cong-thuc.xlsx').expect(201);
    expect(res.body).toMatchObject({ totalRows: 5, created: 1, rejected: 4 });
    expect(res.body.errors).toEqual([
      { row: 2, field: 'fullName', code: 'formula_without_value', message: expect.stringContaining('Họ và tên là công thức chưa có giá trị đã lưu') },
      { row: 3, field: 'email', code: 'error_value', message: 'Email chứa giá trị lỗi #N/A.' },
      { row: 4, field: 'title', code: 'formula', message: expect.stringContaining('bắt đầu bằng "=" và sẽ chạy như công thức bảng tính') },
      { row: 5, field: 'title', code: 'formula', message: expect.stringContaining('bắt đầu bằng "=" và sẽ chạy như công thức bảng tính') },
    ]);
    const stored = await attendeesOf(c.id);
    expect(stored.map((a) => a.fullName)).toEqual(['Bùi Văn Minh']);
  });

  /** Line numbers: 1 header, 5 and 8 blank, 13–14 one quoted record. */
  const mixedFile = () =>
    Buffer.from(
      [
        'Họ và tên,Chức vụ,Đơn vị,Email,Số điện thoại,Điểm cầu,Vai trò',
        'Nguyễn Văn An,Giám đốc,Sở A,a@x.vn,0912 345 601,24,Đại biểu',
        'Trần Văn Bảo,,,not-an-email,,24,',
        'Lê Văn Chiến,,,,12345,24,',
        '',
        'Phạm Văn Dũng,,,dung@x.vn,,Điểm cầu tỉnh Không Có,',
        'Hoàng Văn Giáp,,,A@X.VN,,24,',
        ',,,,,,',
        `"=HYPERLINK(""http://evil.example"",""Bấm"")",+SUM(A1:A2),-2+3+cmd|' /C calc'!A0,,,24,@SUM(A1)`,
        ',Chuyên viên,,,,24,',
        'Võ Thị Hằng,,,hang@x.vn,,24,Thư ký',
        'Đặng Văn Khoa,,,khoa@x.vn,+84 912 345 602,24,',
        'Bùi Thị Lan,,"Ban Dân vận',
        'Tỉnh ủy",lan@x.vn,,24,',
        'Đỗ Văn Minh,,,minh@,,24,',
      ].join('\n') + '\n',
    );
  const mixedErrors = [
    { row: 3, field: 'email', code: 'invalid_email', message: '"not-an-email" không phải là địa chỉ email, ví dụ ten@coquan.gov.vn.' },
    { row: 4, field: 'phone', code: 'invalid_phone', message: '"12345" không phải là số điện thoại Việt Nam, ví dụ 0912 345 678.' },
    { row: 6, field: 'bridgePoint', code: 'unknown_point', message: '"Điểm cầu tỉnh Không Có" không phải là điểm cầu của hội nghị này.' },
    { row: 7, field: 'email', code: 'duplicate_email', message: 'a@x.vn đã có ở dòng 2 của tệp này.' },
    { row: 9, field: 'fullName', code: 'formula', message: expect.stringContaining('bắt đầu bằng "=" và sẽ chạy như công thức bảng tính') },
    { row: 9, field: 'title', code: 'formula', message: expect.stringContaining('bắt đầu bằng "+" và sẽ chạy như công thức bảng tính') },
    { row: 9, field: 'organization', code: 'formula', message: expect.stringContaining('bắt đầu bằng "-" và sẽ chạy như công thức bảng tính') },
    { row: 9, field: 'role', code: 'formula', message: expect.stringContaining('bắt đầu bằng "@" và sẽ chạy như công thức bảng tính') },
    { row: 10, field: 'fullName', code: 'required', message: 'Thiếu Họ và tên.' },
    { row: 11, field: 'role', code: 'unknown_role', message: expect.stringContaining('"Thư ký" không phải là vai trò; hãy ghi một trong các vai trò: Đại biểu (delegate)') },
    { row: 15, field: 'email', code: 'invalid_email', message: '"minh@" không phải là địa chỉ email, ví dụ ten@coquan.gov.vn.' },
  ];

  it('rejects bad rows and writes the rest: every rejected row is reported with its line, field and message; blank lines are skipped', async () => {
    const c = await newConference();
    const res = await upload(c.id, mixedFile(), 'hon-hop.csv').expect(201);
    expect(res.body).toMatchObject({ status: 'done', totalRows: 11, processedRows: 11, created: 3, updated: 0, rejected: 8 });
    expect(res.body.errors).toEqual(mixedErrors);
    const people = await byName(c.id);
    expect([...people.keys()].sort()).toEqual(['Bùi Thị Lan', 'Nguyễn Văn An', 'Đặng Văn Khoa'].sort());
    expect(people.get('Bùi Thị Lan')!.organization).toBe('Ban Dân vận Tỉnh ủy');
    expect(people.get('Đặng Văn Khoa')!.phone).toBe('+84912345602');
    const stored = (await attendeesOf(c.id)).flatMap((a) => [a.fullName, a.title, a.organization, a.email, a.phone, a.notes]);
    expect(stored.filter((v) => v && /^[=+\-@]/.test(v) && !/^\+84\d+$/.test(v))).toEqual([]);
  });

  it('with atomic=true writes nothing when any row is rejected, and reports every rejected row', async () => {
    const c = await newConference();
    const before = await snapshot(c.id, false);
    const res = await upload(c.id, mixedFile(), 'hon-hop.csv', '?atomic=true').expect(201);
    expect(res.body).toMatchObject({
      status: 'failed',
      atomic: true,
      totalRows: 11,
      created: 0,
      updated: 0,
      rejected: 8,
      message: '8/11 dòng bị từ chối; vì đã chọn atomic=true nên không dòng nào được nhập.',
    });
    expect(res.body.errors).toEqual(mixedErrors);
    expect(await snapshot(c.id, false)).toEqual(before);
    const job = await t.http.get(`/api/conferences/${c.id}/attendees/import-jobs/${res.body.jobId}`).auth(t.adminToken, bearer).expect(200);
    expect(job.body).toMatchObject({ status: 'failed', rejected: 8, created: 0 });

    const clean = csvOf([['Họ và tên', 'Điểm cầu'], ['Nguyễn Văn An', '24'], ['Trần Văn Bảo', '01']]);
    const ok = await upload(c.id, clean, 'sach.csv', '?atomic=true').expect(201);
    expect(ok.body).toMatchObject({ status: 'done', atomic: true, created: 2, rejected: 0 });
  });

  it('upserts by email ignoring case: changed details update the delegate (same id and code, version + 1), blank cells keep what is there, rows without email are always new', async () => {
    const c = await newConference();
    const header = ['Họ và tên', 'Chức vụ', 'Đơn vị', 'Email', 'Số điện thoại', 'Điểm cầu', 'Vai trò'];
    await upload(c.id, csvOf([header, ['Nguyễn Văn An', 'Phó Giám đốc', 'Sở A', 'an@x.vn', '0912 345 678', '24', 'Báo cáo viên'], ['Người Không Email', '', '', '', '', '24', '']]), 'lan-1.csv').expect(201);
    const first = (await byName(c.id)).get('Nguyễn Văn An')!;

    const second = csvOf([header, ['Nguyễn Văn An', 'Giám đốc', '', 'AN@X.VN', '', 'Điểm cầu Trung ương', ''], ['Người Không Email', '', '', '', '', '24', '']]);
    const res = await upload(c.id, second, 'lan-2.csv').expect(201);
    expect(res.body).toMatchObject({ created: 1, updated: 1, unchanged: 0, rejected: 0 });
    const all = await attendeesOf(c.id);
    expect(all).toHaveLength(3);
    const an = all.find((a) => a.email === 'an@x.vn')!;
    expect(an).toMatchObject({
      id: first.id,
      code: first.code,
      version: 2,
      title: 'Giám đốc',
      organization: 'Sở A',
      phone: '+84912345678',
      role: 'speaker',
      bridgePointId: c.main.id,
      source: 'import',
      searchKey: 'nguyen van an giam doc so a',
    });
    expect(all.filter((a) => a.fullName === 'Người Không Email')).toHaveLength(2);

    const again = await upload(c.id, second, 'lan-3.csv').expect(201);
    expect(again.body).toMatchObject({ created: 1, updated: 0, unchanged: 1 });
    expect((await attendeesOf(c.id)).find((a) => a.email === 'an@x.vn')!.version).toBe(2);
  });

  it('with dryRun=true (query or form field) reports what would happen and writes nothing', async () => {
    const c = await newConference();
    const header = ['Họ và tên', 'Chức vụ', 'Email', 'Điểm cầu'];
    await upload(c.id, csvOf([header, ['Nguyễn Văn An', 'Phó Giám đốc', 'an@x.vn', '24'], ['Trần Văn Bảo', 'Chuyên viên', 'bao@x.vn', '24']]), 'dau.csv').expect(201);
    const before = await snapshot(c.id, false);
    const file = csvOf([
      header,
      ['Nguyễn Văn An', 'Giám đốc', 'an@x.vn', '24'],
      ['Trần Văn Bảo', 'Chuyên viên', 'bao@x.vn', '24'],
      ['Lê Văn Cường', '', 'cuong@x.vn', '24'],
      ['Phạm Văn Dũng', '', 'sai', '24'],
    ]);
    const expected = { status: 'done', dryRun: true, totalRows: 4, created: 1, updated: 1, unchanged: 1, rejected: 1 };
    const byQuery = await upload(c.id, file, 'thu.csv', '?dryRun=true').expect(201);
    expect(byQuery.body).toMatchObject(expected);
    expect(byQuery.body.errors).toEqual([{ row: 5, field: 'email', code: 'invalid_email', message: '"sai" không phải là địa chỉ email, ví dụ ten@coquan.gov.vn.' }]);
    const byField = await upload(c.id, file, 'thu.csv').field('dryRun', 'true').expect(201);
    expect(byField.body).toMatchObject(expected);
    expect(await snapshot(c.id, false)).toEqual(before);
  });

  it('matches points by name without diacritics or by unit code, asks for the code when a name is ambiguous, and uses bridgePointId for rows that name none', async () => {
    const c = await newConference();
    for (const name of ['Hội trường Tỉnh ủy', 'Hội trường Tỉnh ủy']) {
      await t.http.post(`/api/conferences/${c.id}/bridge-points`).auth(t.adminToken, bearer).send({ name, level: 'other' }).expect(201);
    }
    const file = csvOf([
      ['Họ và tên', 'Điểm cầu'],
      ['Nguyễn Văn An', 'ĐIỂM CẦU THÀNH PHỐ HÀ NỘI'],
      ['Trần Văn Bảo', 'Hội trường Tỉnh ủy'],
      ['Lê Văn Cường', ''],
      ['Phạm Văn Dũng', '1'],
    ]);
    const res = await upload(c.id, file, 'diem-cau.csv', `?bridgePointId=${c.byCode('24').id}`).expect(201);
    expect(res.body.errors).toEqual([
      { row: 3, field: 'bridgePoint', code: 'ambiguous_point', message: expect.stringContaining('"Hội trường Tỉnh ủy" khớp với 2 điểm cầu') },
    ]);
    const people = await byName(c.id);
    expect(people.get('Nguyễn Văn An')!.bridgePointId).toBe(c.byCode('01').id);
    expect(people.get('Lê Văn Cường')!.bridgePointId).toBe(c.byCode('24').id);
    expect(people.get('Phạm Văn Dũng')!.bridgePointId).toBe(c.byCode('01').id);

    const noColumn = csvOf([['Họ và tên'], ['Võ Văn Em']]);
    await upload(c.id, noColumn, 'khong-cot.csv').field('bridgePointId', c.main.id).expect(201);
    expect((await byName(c.id)).get('Võ Văn Em')!.bridgePointId).toBe(c.main.id);
  });

  it('reads a province that no longer exists (vn-63) as the vn-34 province it became, with a warning on its row; what cannot be mapped is refused', async () => {
    const c = await newConference();
    const file = csvOf([
      ['Họ và tên', 'Điểm cầu'],
      ['Nguyễn Văn An', 'Bắc Giang'],
      ['Trần Văn Bảo', 'Điểm cầu tỉnh Hà Giang'],
      ['Lê Văn Cường', '27'],
      ['Phạm Văn Dũng', '24'],
      ['Hoàng Văn Em', 'Hà Tây'],
    ]);
    const res = await upload(c.id, file, 'tinh-cu.csv').expect(201);
    expect(res.body).toMatchObject({ status: 'done', created: 4, rejected: 1 });
    expect(res.body.warnings).toEqual([
      { row: 2, field: 'bridgePoint', code: 'former_province', message: 'Bắc Giang (tỉnh cũ) nay thuộc tỉnh Bắc Ninh; dòng này được ghi cho Điểm cầu tỉnh Bắc Ninh.' },
      { row: 3, field: 'bridgePoint', code: 'former_province', message: 'Hà Giang (tỉnh cũ) nay thuộc tỉnh Tuyên Quang; dòng này được ghi cho Điểm cầu tỉnh Tuyên Quang.' },
      { row: 4, field: 'bridgePoint', code: 'former_province', message: 'Mã 27 (tỉnh Bắc Ninh cũ) nay thuộc tỉnh Bắc Ninh; dòng này được ghi cho Điểm cầu tỉnh Bắc Ninh.' },
    ]);
    expect(res.body.errors).toEqual([{ row: 6, field: 'bridgePoint', code: 'unknown_point', message: '"Hà Tây" không phải là điểm cầu của hội nghị này.' }]);
    const people = await byName(c.id);
    expect(people.get('Nguyễn Văn An')!.bridgePointId).toBe(c.byCode('24').id);
    expect(people.get('Trần Văn Bảo')!.bridgePointId).toBe(c.byCode('08').id);
    expect(people.get('Lê Văn Cường')!.bridgePointId).toBe(c.byCode('24').id);
    // A code that is also a vn-34 code keeps its vn-34 meaning, without a warning.
    expect(people.get('Phạm Văn Dũng')!.bridgePointId).toBe(c.byCode('24').id);
    const job = await t.http.get(`/api/conferences/${c.id}/attendees/import-jobs/${res.body.jobId}`).auth(t.adminToken, bearer).expect(200);
    expect(job.body.warnings).toEqual(res.body.warnings);
  });

  it('reads vn-63 names only in a conference of vn-34 points: in a vn-63 conference "Bắc Giang" is its own point', async () => {
    const id = (await t.http.post('/api/conferences').auth(t.adminToken, bearer).send(aConference()).expect(201)).body.id as string;
    await t.http.post(`/api/conferences/${id}/bridge-points`).auth(t.adminToken, bearer).send({ administrativeUnitSet: 'vn-63' }).expect(201);
    const res = await upload(id, csvOf([['Họ và tên', 'Điểm cầu'], ['Nguyễn Văn An', 'Bắc Giang']]), 'a.csv').expect(201);
    expect(res.body).toMatchObject({ created: 1, rejected: 0, warnings: [] });
    const point = await db.getRepository(BridgePoint).findOneByOrFail({ conferenceId: id, administrativeUnitCode: '24' });
    expect(point.name).toBe('Điểm cầu tỉnh Bắc Giang');
    expect((await byName(id)).get('Nguyễn Văn An')!.bridgePointId).toBe(point.id);
  });

  describe('files it cannot read: 400 naming file, and nothing changes', () => {
    let c: Setup;
    beforeAll(async () => {
      c = await newConference();
    });

    it.each([
      ['an empty file', () => Buffer.alloc(0), 'trong.csv', 'empty_file', 'Tệp rỗng.'],
      ['a file of blank lines', () => Buffer.from('\uFEFF\n\n  \r\n;;;\n'), 'trong.csv', 'empty_file', 'Tệp rỗng.'],
      ['a header row and nothing below', () => csvOf([HEADER]), 'chi-tieu-de.csv', 'no_rows', 'Tệp chỉ có dòng tiêu đề, chưa có dòng dữ liệu nào.'],
      ['no header row', () => csvOf([['Nguyễn Văn An', 'Giám đốc', 'an@x.vn', '24'], ['Trần Văn Bảo', 'Chuyên viên', 'bao@x.vn', '01']]), 'khong-tieu-de.csv', 'no_header_row', 'Dòng đầu tiên phải là dòng tiêu đề ghi tên các cột: Họ và tên (fullName)'],
      ['no Họ và tên column', () => csvOf([['Email', 'Điểm cầu'], ['a@x.vn', '24']]), 'thieu.csv', 'missing_column', 'Dòng tiêu đề thiếu cột Họ và tên (fullName).'],
      ['no Điểm cầu column and no bridgePointId', () => csvOf([['Họ và tên'], ['Nguyễn Văn An']]), 'thieu.csv', 'missing_column', 'Dòng tiêu đề thiếu cột Điểm cầu (bridgePoint): hãy thêm cột này, hoặc gửi bridgePointId để ghi một điểm cầu cho cả tệp.'],
      ['two columns for one field', () => csvOf([['Họ và tên', 'Full name', 'Điểm cầu'], ['A', 'B', '24']]), 'trung.csv', 'duplicate_column', 'Hai cột "Họ và tên" và "Full name" cùng ghi Họ và tên (fullName).'],
      ['a picture', () => Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'), 'anh.png', 'not_csv_or_xlsx', 'Tệp phải là tệp CSV hoặc XLSX.'],
      ['an Excel 97-2003 workbook', () => Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]), 'cu.xls', 'old_or_protected_workbook', 'Tệp là sổ tính Excel 97-2003 (.xls) hoặc có mật khẩu'],
      ['a ZIP that is not a workbook', () => Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(200, 7)]), 'hong.xlsx', 'unreadable_xlsx', 'Không đọc được tệp XLSX.'],
      ['a CSV named .xlsx', () => csvOf([['Họ và tên', 'Điểm cầu'], ['A', '24']]), 'gia.xlsx', 'not_xlsx', 'Tệp có đuôi .xlsx nhưng không phải là sổ tính XLSX.'],
      ['a CSV that is not UTF-8', () => Buffer.from('H\xe4 t\xean,\xd0i\xeam c\xe2u\nNguy\xean,24\n', 'latin1'), 'latin1.csv', 'not_utf8', 'Tệp không phải văn bản UTF-8'],
      ['a quote that is never closed', () => Buffer.from('Họ và tên,Điểm cầu\n"Nguyễn Văn An,24\n'), 'ngoac.csv', 'unreadable_csv', 'Không đọc được tệp CSV'],
      ['a 1 MB ZIP bomb that declares 1 GB of XML', zipBomb, 'bom.xlsx', 'file_expands_too_much', 'Tệp XLSX khi giải nén lớn hơn 256 MB'],
      ['a workbook whose ZIP directory understates a sheet', () => lyingWorkbook(), 'doi.xlsx', 'file_expands_too_much', 'Tệp XLSX khi giải nén lớn hơn 256 MB'],
      ['a CSV header of a million columns', () => Buffer.from(`${'Họ và tên,'.repeat(1_000_000)}Điểm cầu\nA,24\n`), 'rong.csv', 'too_many_columns', 'Dòng 1 của tệp có hơn 200 cột'],
    ])('refuses %s', async (_what, build, name, code, message) => {
      const before = await snapshot(c.id);
      const res = await upload(c.id, build(), name).expect(400);
      expect(res.body.details).toEqual([{ field: 'file', code, message: expect.stringContaining(message) }]);
      expect(res.body.message).toContain(message);
      expect(await snapshot(c.id)).toEqual(before);
    });

    it('refuses a workbook whose first sheet has only a header', async () => {
      const before = await snapshot(c.id);
      const res = await upload(c.id, await xlsxOf([['Họ và tên', 'Điểm cầu']]), 'rong.xlsx').expect(400);
      expect(res.body.details).toEqual([{ field: 'file', code: 'no_rows', message: 'Tệp chỉ có dòng tiêu đề, chưa có dòng dữ liệu nào.' }]);
      expect(await snapshot(c.id)).toEqual(before);
    });

    it('answers 413 naming file for a file over 20 MB', async () => {
      const before = await snapshot(c.id);
      const line = 'Nguyễn Văn An,Giám đốc Sở Nội vụ tỉnh Bắc Ninh,an@x.vn,24\n';
      const big = Buffer.from(`Họ và tên,Chức vụ,Email,Điểm cầu\n${line.repeat(Math.ceil((20 * 1024 * 1024 + 1) / Buffer.byteLength(line)))}`);
      expect(big.length).toBeGreaterThan(20 * 1024 * 1024);
      const res = await upload(c.id, big, 'qua-lon.csv').expect(413);
      expect(res.body).toMatchObject({
        statusCode: 413,
        message: 'Tệp lớn hơn 20 MB.',
        details: [{ field: 'file', code: 'file_too_large', message: 'Tệp lớn hơn 20 MB.' }],
      });
      expect(await snapshot(c.id)).toEqual(before);
    });

    it.each([
      ['a JSON body', () => t.http.post(`/api/conferences/${c.id}/attendees/import`).auth(t.adminToken, bearer).send({ file: 'x' }), 'file', 'not_multipart', 'multipart/form-data'],
      ['a form without a file', () => t.http.post(`/api/conferences/${c.id}/attendees/import`).auth(t.adminToken, bearer).field('dryRun', 'true'), 'file', 'file_missing', 'Chưa có tệp gửi kèm (trường "file").'],
      ['a file in another field', () => t.http.post(`/api/conferences/${c.id}/attendees/import`).auth(t.adminToken, bearer).attach('upload', csvOf([['Họ và tên', 'Điểm cầu'], ['A', '24']]), 'a.csv'), 'file', 'wrong_file_field', 'Hãy gửi tệp trong trường "file", không phải "upload".'],
      ['two files', () => upload(c.id, csvOf([['Họ và tên', 'Điểm cầu'], ['A', '24']]), 'a.csv').attach('file', csvOf([['Họ và tên', 'Điểm cầu'], ['B', '24']]), 'b.csv'), 'file', 'too_many_files', 'Mỗi lần chỉ gửi một tệp.'],
      ['an unknown option', () => upload(c.id, csvOf([['Họ và tên', 'Điểm cầu'], ['A', '24']]), 'a.csv', '?mode=fast'), 'mode', 'unknown_field', 'Trường "mode" không phải là trường của yêu cầu này.'],
    ])('refuses %s with 400', async (_what, send, field, code, message) => {
      const before = await snapshot(c.id);
      const res = await send().expect(400);
      expect(res.body.details).toEqual([{ field, code, message: expect.stringContaining(message) }]);
      expect(await snapshot(c.id)).toEqual(before);
    });

    it.each([
      ['dryRun that is not true or false', () => upload(c.id, csvOf([['Họ và tên', 'Điểm cầu'], ['A', '24']]), 'a.csv', '?dryRun=maybe'), 'dryRun', 'not_allowed_value', 'Trường "dryRun" phải là một trong các giá trị: true, false.'],
      ['atomic as a form field that is not true or false', () => upload(c.id, csvOf([['Họ và tên', 'Điểm cầu'], ['A', '24']]), 'a.csv').field('atomic', 'yes'), 'atomic', 'not_allowed_value', 'Trường "atomic" phải là một trong các giá trị: true, false.'],
      ['a bridgePointId that is not a UUID', () => upload(c.id, csvOf([['Họ và tên'], ['A']]), 'a.csv', '?bridgePointId=24'), 'bridgePointId', 'not_a_uuid', expect.stringMatching(/^Trường "bridgePointId" phải là mã định danh UUID/)],
      ['a bridgePointId of another conference', () => upload(c.id, csvOf([['Họ và tên'], ['A']]), 'a.csv', '?bridgePointId=00000000-0000-4000-8000-000000000000'), 'bridgePointId', 'bridge_point_not_found', 'Điểm cầu 00000000-0000-4000-8000-000000000000 không thuộc hội nghị này.'],
    ])('refuses %s with 400, with a code and a Vietnamese message', async (_what, send, field, code, message) => {
      const before = await snapshot(c.id);
      const res = await send().expect(400);
      expect(res.body.details).toEqual([{ field, code, message }]);
      expect(await snapshot(c.id)).toEqual(before);
    });
  });

  it('answers 404 for an unknown conference, 409 for a cancelled one, 403 for operators and viewers', async () => {
    const file = csvOf([['Họ và tên', 'Điểm cầu'], ['Nguyễn Văn An', '24']]);
    const missing = await upload('00000000-0000-4000-8000-000000000000', file, 'a.csv').expect(404);
    expect(missing.body.details).toEqual([{ field: 'id', code: 'conference_not_found', message: 'Không tìm thấy hội nghị.' }]);
    const c = await newConference();
    const operator = await t.userWithRole('operator', { administrativeUnitCode: '24' });
    const viewer = await t.userWithRole('viewer');
    await upload(c.id, file, 'a.csv', '', operator).expect(403);
    await upload(c.id, file, 'a.csv', '', viewer).expect(403);
    const organizer = await t.userWithRole('organizer');
    await upload(c.id, file, 'a.csv', '', organizer).expect(201);

    await t.http.post(`/api/conferences/${c.id}/cancel`).auth(t.adminToken, bearer).send({ reason: 'Hoãn do thay đổi lịch công tác' }).expect(200);
    const before = await snapshot(c.id);
    const closed = await upload(c.id, file, 'a.csv').expect(409);
    expect(closed.body.details).toEqual([{ field: 'status', code: 'conference_closed', message: 'Hội nghị đã hủy; không thể thay đổi nữa.' }]);
    expect(await snapshot(c.id)).toEqual(before);
  });

  it('imports more than 2,000 rows as a background job: 202 at once, then progress and the report at import-jobs/:jobId', async () => {
    const c = await newConference();
    const rows: string[][] = [['Họ và tên', 'Chức vụ', 'Email', 'Số điện thoại', 'Điểm cầu']];
    for (let i = 0; i < 2500; i++) {
      rows.push([`Đại biểu số ${i}`, 'Chuyên viên', i === 100 ? 'sai-email' : `dai.bieu.${i}@x.vn`, i === 2000 ? '123' : '', i % 2 ? '24' : 'Điểm cầu thành phố Hà Nội']);
    }
    const res = await upload(c.id, csvOf(rows), 'lon.csv').expect(202);
    expect(res.body).toMatchObject({ jobId: expect.any(String), status: 'running', totalRows: 2500, created: 0 });
    const done = await waitForJob(c.id, res.body.jobId);
    expect(done).toMatchObject({ status: 'done', totalRows: 2500, processedRows: 2500, created: 2498, updated: 0, rejected: 2 });
    expect(done.errors).toEqual([
      { row: 102, field: 'email', code: 'invalid_email', message: '"sai-email" không phải là địa chỉ email, ví dụ ten@coquan.gov.vn.' },
      { row: 2002, field: 'phone', code: 'invalid_phone', message: '"123" không phải là số điện thoại Việt Nam, ví dụ 0912 345 678.' },
    ]);
    expect(await db.getRepository(Attendee).count({ where: { conferenceId: c.id } })).toBe(2498);
  });

  it('answers a 2,000-row file before returning (201), and an atomic background import that fails writes nothing', async () => {
    const c = await newConference();
    const rows = (n: number, bad?: number) => [
      ['Họ và tên', 'Email', 'Điểm cầu'],
      ...Array.from({ length: n }, (_, i) => [`Đại biểu ${i}`, i === bad ? 'khong-hop-le' : `db${i}@x.vn`, '24']),
    ];
    const sync = await upload(c.id, csvOf(rows(2000)), 'hai-nghin.csv').expect(201);
    expect(sync.body).toMatchObject({ status: 'done', created: 2000 });

    const other = await newConference();
    const before = await snapshot(other.id, false);
    const started = await upload(other.id, csvOf(rows(2100, 2050)), 'loi.csv', '?atomic=true').expect(202);
    const done = await waitForJob(other.id, started.body.jobId);
    expect(done).toMatchObject({ status: 'failed', created: 0, rejected: 1, errors: [{ row: 2052, field: 'email', code: 'invalid_email', message: '"khong-hop-le" không phải là địa chỉ email, ví dụ ten@coquan.gov.vn.' }] });
    expect(await snapshot(other.id, false)).toEqual(before);
  });

  it('rolls everything back when the database fails halfway through the writes, and marks the job failed', async () => {
    const c = await newConference();
    const before = await snapshot(c.id, false);
    const repository = t.app.get(AttendeeImportRepository);
    const insert = repository.insert.bind(repository);
    const spy = jest
      .spyOn(repository, 'insert')
      .mockImplementationOnce(insert)
      .mockRejectedValueOnce(new Error('disk I/O error'));
    try {
      const rows = [['Họ và tên', 'Email', 'Điểm cầu'], ...Array.from({ length: 1200 }, (_, i) => [`Đại biểu ${i}`, `db${i}@x.vn`, '24'])];
      const res = await upload(c.id, csvOf(rows), 'hong.csv').expect(500);
      expect(res.body).toEqual({
        statusCode: 500,
        error: 'Internal Server Error',
        message: 'Đã có lỗi xảy ra, chưa ghi nhận được yêu cầu. Vui lòng thử lại sau ít phút.',
        details: [{ field: 'request', code: 'internal_error', message: 'Lỗi hệ thống; đã ghi nhật ký để xử lý.' }],
      });
      expect(spy).toHaveBeenCalledTimes(2);
    } finally {
      spy.mockRestore();
    }
    expect(await snapshot(c.id, false)).toEqual(before);
    const job = await db.getRepository(ImportJob).findOneByOrFail({ conferenceId: c.id });
    expect(job).toMatchObject({ status: 'failed', created: 0, report: { message: 'Nhập danh sách không thành công do lỗi của hệ thống; chưa có dữ liệu nào được ghi.' } });
  });

  it('never gives a new delegate a code already used in the conference', async () => {
    const c = await newConference();
    await upload(c.id, csvOf([['Họ và tên', 'Điểm cầu'], ['Nguyễn Văn An', '24']]), 'a.csv').expect(201);
    const [first] = await attendeesOf(c.id);
    const spy = jest.spyOn(attendeeCodes, 'newAttendeeCode').mockReturnValueOnce(first.code).mockReturnValueOnce(first.code).mockReturnValueOnce('K7Q4ZP');
    try {
      await upload(c.id, csvOf([['Họ và tên', 'Điểm cầu'], ['Trần Văn Bảo', '24']]), 'b.csv').expect(201);
    } finally {
      spy.mockRestore();
    }
    expect((await byName(c.id)).get('Trần Văn Bảo')!.code).toBe('K7Q4ZP');
  });

  it('gives a job only within its conference and to admins and organizers', async () => {
    const c = await newConference();
    const res = await upload(c.id, csvOf([['Họ và tên', 'Điểm cầu'], ['A', '24']]), 'a.csv').expect(201);
    const other = await newConference();
    await t.http.get(`/api/conferences/${other.id}/attendees/import-jobs/${res.body.jobId}`).auth(t.adminToken, bearer).expect(404);
    const unknown = await t.http.get(`/api/conferences/${c.id}/attendees/import-jobs/00000000-0000-4000-8000-000000000000`).auth(t.adminToken, bearer).expect(404);
    expect(unknown.body.details).toEqual([{ field: 'jobId', code: 'import_job_not_found', message: 'Không tìm thấy lượt nhập danh sách này.' }]);
    await t.http.get(`/api/conferences/${c.id}/attendees/import-jobs/khong-phai-uuid`).auth(t.adminToken, bearer).expect(400);
    const viewer = await t.userWithRole('viewer');
    await t.http.get(`/api/conferences/${c.id}/attendees/import-jobs/${res.body.jobId}`).auth(viewer, bearer).expect(403);
  });

  it('keeps JSON routes as they were: a multipart body sent to one is refused as an empty body', async () => {
    const res = await t.http.post('/api/conferences').auth(t.adminToken, bearer).field('title', 'Hội nghị').expect(400);
    expect(res.body.details).toEqual([{ field: 'body', code: 'empty_body', message: 'Yêu cầu này cần dữ liệu JSON gửi kèm.' }]);
    await t.http.post('/api/conferences').auth(t.adminToken, bearer).send(aConference()).expect(201);
  });
});
