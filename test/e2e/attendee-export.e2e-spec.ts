import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { ValueType, Workbook } from 'exceljs';
import { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { Attendee } from '../../src/attendees/attendee.entity';
import { BridgePoint } from '../../src/bridge-points/bridge-point.entity';
import { aConference, aMainPoint } from '../factories';
import { startApp, TestApp } from '../harness';

const bearer = { type: 'bearer' as const };
const HEADERS = ['Mã', 'Họ và tên', 'Chức vụ', 'Đơn vị', 'Email', 'Số điện thoại', 'Điểm cầu', 'Vai trò', 'Trạng thái', 'Giờ điểm danh'];
const TITLE = 'Hội nghị toàn quốc sơ kết công tác dân vận 6 tháng đầu năm 2025';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Collects the body as bytes, whatever its type, so the BOM and the XLSX arrive untouched. */
function binary(res: Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

const fileNameOf = (disposition: string) => decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)![1]);

describe('exporting the delegate list (CSV and XLSX)', () => {
  let t: TestApp;
  let db: DataSource;
  let id: string;
  let points: BridgePoint[];
  const point = (code: string) => points.find((p) => p.administrativeUnitCode === code)!;

  const get = (path: string, token = t.adminToken) =>
    t.http.get(`/api/conferences/${id}/attendees/${path}`).auth(token, bearer).buffer(true).parse(binary);
  const csvRows = (body: Buffer, delimiter = ',') =>
    parse(body, { bom: true, columns: true, delimiter }) as Record<string, string>[];
  const readXlsx = async (body: Buffer) => {
    const workbook = new Workbook();
    await workbook.xlsx.load(body as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    return workbook.worksheets[0];
  };

  beforeAll(async () => {
    t = await startApp();
    db = t.app.get(DataSource);
    id = (await t.http.post('/api/conferences').auth(t.adminToken, bearer).send(aConference({ title: TITLE })).expect(201)).body.id;
    await t.http.post(`/api/conferences/${id}/bridge-points`).auth(t.adminToken, bearer).send(aMainPoint()).expect(201);
    await t.http.post(`/api/conferences/${id}/bridge-points`).auth(t.adminToken, bearer).send({ administrativeUnitSet: 'vn-34', level: 'commune', parentCode: '24' }).expect(201);
    await t.http.post(`/api/conferences/${id}/bridge-points`).auth(t.adminToken, bearer).send({ administrativeUnitSet: 'vn-34' }).expect(201);
    points = await db.getRepository(BridgePoint).findBy({ conferenceId: id });
    const commune = points.find((p) => p.level === 'commune' && p.provinceCode === '24')!;
    const csv = [
      'Họ và tên,Chức vụ,Đơn vị,Email,Số điện thoại,Điểm cầu,Vai trò',
      'Trần Văn Minh,Trưởng Ban Dân vận Trung ương,Ban Dân vận Trung ương,minh@tw.vn,0912 000 001,Điểm cầu Trung ương,Chủ trì',
      'Nguyễn Thị Ánh,Phó Chủ tịch UBND tỉnh,"UBND tỉnh Bắc Ninh, Sở Nội vụ",anh@bacninh.gov.vn,0912 345 678,24,Đại biểu',
      `Lê Văn Đông,Bí thư Đảng ủy xã,Đảng ủy xã,dong@xa.vn,024 3825 1234,${commune.administrativeUnitCode},Khách mời`,
      'Phạm Thu Hà,Phóng viên,Báo Nhân Dân,,,01,Báo chí',
    ].join('\n');
    await t.http.post(`/api/conferences/${id}/attendees/import`).auth(t.adminToken, bearer).attach('file', Buffer.from(csv), 'ds.csv').expect(201);
    const anh = await db.getRepository(Attendee).findOneByOrFail({ conferenceId: id, email: 'anh@bacninh.gov.vn' });
    await db.getRepository(Attendee).update({ id: anh.id }, { status: 'attended', checkedInAt: new Date('2025-07-15T01:05:00Z') });
    // Written straight to the table: a value a spreadsheet would run, however it got there.
    await db.getRepository(Attendee).insert({
      id: randomUUID(),
      conferenceId: id,
      bridgePointId: point('24').id,
      fullName: '=HYPERLINK("http://evil.example","Bấm")',
      title: '+84 là mã vùng',
      organization: '@Ban Tổ chức',
      role: 'delegate',
      status: 'invited',
      source: 'manual',
      code: 'ZZZZZZ',
      searchKey: 'hyperlink',
      createdAt: new Date(),
      updatedAt: new Date(),
    });
  });
  afterAll(() => t.close());

  it('exports every delegate as CSV: UTF-8 with a BOM, Vietnamese headers and labels, times in the conference zone, points in their order', async () => {
    const res = await get('export.csv').expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.toString('utf8').split('\r\n')[0]).toBe(`\uFEFF${HEADERS.join(',')}`);

    const rows = csvRows(body);
    expect(Object.keys(rows[0])).toEqual(HEADERS);
    // As bridge points are listed: the main point, then by province (Hà Nội 01, Bắc Ninh 24), then by name.
    expect(rows.map((r) => r['Họ và tên'])).toEqual([
      'Trần Văn Minh',
      'Phạm Thu Hà',
      'Lê Văn Đông',
      `'=HYPERLINK("http://evil.example","Bấm")`,
      'Nguyễn Thị Ánh',
    ]);
    const anh = rows.find((r) => r['Email'] === 'anh@bacninh.gov.vn')!;
    expect(anh).toEqual({
      'Mã': expect.stringMatching(/^[23456789A-HJKMNP-Z]{6}$/),
      'Họ và tên': 'Nguyễn Thị Ánh',
      'Chức vụ': 'Phó Chủ tịch UBND tỉnh',
      'Đơn vị': 'UBND tỉnh Bắc Ninh, Sở Nội vụ',
      'Email': 'anh@bacninh.gov.vn',
      'Số điện thoại': '0912 345 678',
      'Điểm cầu': 'Điểm cầu tỉnh Bắc Ninh',
      'Vai trò': 'Đại biểu',
      'Trạng thái': 'Có mặt',
      'Giờ điểm danh': '15/07/2025 08:05',
    });
    expect(rows.find((r) => r['Họ và tên'] === 'Lê Văn Đông')).toMatchObject({ 'Số điện thoại': '024 3825 1234', 'Vai trò': 'Khách mời', 'Trạng thái': 'Chưa gửi giấy mời', 'Giờ điểm danh': '' });
    expect(rows.find((r) => r['Họ và tên'] === 'Phạm Thu Hà')).toMatchObject({ 'Email': '', 'Điểm cầu': 'Điểm cầu thành phố Hà Nội', 'Vai trò': 'Báo chí' });
    expect(rows[0]).toMatchObject({ 'Điểm cầu': 'Điểm cầu Trung ương', 'Vai trò': 'Chủ trì', 'Số điện thoại': '0912 000 001' });
  });

  it('neutralizes cells that start with = + - @ so a spreadsheet shows them as text', async () => {
    const rows = csvRows((await get('export.csv').expect(200)).body);
    const injected = rows.find((r) => r['Mã'] === 'ZZZZZZ')!;
    expect(injected['Họ và tên']).toBe(`'=HYPERLINK("http://evil.example","Bấm")`);
    expect(injected['Chức vụ']).toBe(`'+84 là mã vùng`);
    expect(injected['Đơn vị']).toBe(`'@Ban Tổ chức`);
  });

  it('names the file in Content-Disposition with its Vietnamese name (RFC 5987) and an ASCII fallback', async () => {
    const res = await get('export.csv').expect(200);
    const disposition = res.headers['content-disposition'] as string;
    expect(disposition).toMatch(/^attachment; filename="danh-sach-dai-bieu-hoi-nghi-toan-quoc-so-ket-cong-tac-dan-van-6-thang-dau-nam-2025\.csv"; filename\*=UTF-8''/);
    expect(fileNameOf(disposition)).toBe(`Danh sách đại biểu - ${TITLE}.csv`);
  });

  it('writes semicolons on request, for Excel with Vietnamese regional settings', async () => {
    const res = await get('export.csv?separator=semicolon').expect(200);
    const rows = csvRows(res.body, ';');
    expect(Object.keys(rows[0])).toEqual(HEADERS);
    expect(rows.find((r) => r['Email'] === 'anh@bacninh.gov.vn')!['Đơn vị']).toBe('UBND tỉnh Bắc Ninh, Sở Nội vụ');
  });

  it('exports XLSX with the same columns, text cells (never formulas) and the check-in time as a date in the conference zone', async () => {
    const res = await get('export.xlsx').expect(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    expect(fileNameOf(res.headers['content-disposition'] as string)).toBe(`Danh sách đại biểu - ${TITLE}.xlsx`);
    const sheet = await readXlsx(res.body);
    expect(sheet.name).toBe('Đại biểu');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(sheet.actualRowCount).toBe(6);
    const rows = Array.from({ length: 5 }, (_, i) => sheet.getRow(i + 2));
    const anh = rows.find((r) => r.getCell(5).value === 'anh@bacninh.gov.vn')!;
    expect((anh.values as unknown[]).slice(1, 10)).toEqual([
      expect.stringMatching(/^[23456789A-HJKMNP-Z]{6}$/),
      'Nguyễn Thị Ánh',
      'Phó Chủ tịch UBND tỉnh',
      'UBND tỉnh Bắc Ninh, Sở Nội vụ',
      'anh@bacninh.gov.vn',
      '0912 345 678',
      'Điểm cầu tỉnh Bắc Ninh',
      'Đại biểu',
      'Có mặt',
    ]);
    expect(anh.getCell(10).value).toEqual(new Date(Date.UTC(2025, 6, 15, 8, 5)));
    expect(anh.getCell(10).numFmt).toBe('dd/mm/yyyy hh:mm');
    const injected = rows.find((r) => r.getCell(1).value === 'ZZZZZZ')!;
    expect(injected.getCell(2).type).toBe(ValueType.String);
    expect(injected.getCell(2).value).toBe('=HYPERLINK("http://evil.example","Bấm")');
  });

  it('exports one bridge point with ?bridgePointId=, named after it', async () => {
    const res = await get(`export.csv?bridgePointId=${point('24').id}`).expect(200);
    const rows = csvRows(res.body);
    expect(rows.map((r) => r['Họ và tên']).sort()).toEqual(["'=HYPERLINK(\"http://evil.example\",\"Bấm\")", 'Nguyễn Thị Ánh'].sort());
    expect(fileNameOf(res.headers['content-disposition'] as string)).toBe(`Danh sách đại biểu - ${TITLE} - Điểm cầu tỉnh Bắc Ninh.csv`);
    const xlsx = await get(`export.xlsx?bridgePointId=${point('01').id}`).expect(200);
    const sheet = await readXlsx(xlsx.body);
    expect(sheet.name).toBe('Điểm cầu thành phố Hà Nội');
    expect(sheet.getRow(2).getCell(2).value).toBe('Phạm Thu Hà');
    expect(sheet.actualRowCount).toBe(2);
  });

  it("gives an operator only their points' delegates, and 404 for another point or a conference without their points", async () => {
    const operator = await t.userWithRole('operator', { administrativeUnitCode: '24' });
    const rows = csvRows((await get('export.csv', operator).expect(200)).body);
    expect(rows.map((r) => r['Họ và tên']).sort()).toEqual(["'=HYPERLINK(\"http://evil.example\",\"Bấm\")", 'Lê Văn Đông', 'Nguyễn Thị Ánh'].sort());
    const sheet = await readXlsx((await get('export.xlsx', operator).expect(200)).body);
    expect(sheet.actualRowCount).toBe(4);
    await get(`export.csv?bridgePointId=${point('01').id}`, operator).expect(404);
    const elsewhere = await t.userWithRole('operator', { administrativeUnitCode: '01' });
    const other = (await t.http.post('/api/conferences').auth(t.adminToken, bearer).send(aConference()).expect(201)).body.id;
    await t.http.get(`/api/conferences/${other}/attendees/export.csv`).auth(elsewhere, bearer).expect(404);
    const viewer = await t.userWithRole('viewer');
    expect(csvRows((await get('export.csv', viewer).expect(200)).body)).toHaveLength(5);
  });

  it('answers 404 for an unknown conference or point, 400 for a malformed id or separator, 401 without a token', async () => {
    await t.http.get('/api/conferences/00000000-0000-4000-8000-000000000000/attendees/export.csv').auth(t.adminToken, bearer).expect(404);
    const unknownPoint = await get('export.xlsx?bridgePointId=00000000-0000-4000-8000-000000000000').expect(404);
    expect(JSON.parse(unknownPoint.body.toString()).details).toEqual([
      { field: 'bridgePointId', code: 'bridge_point_not_found', message: 'Không tìm thấy điểm cầu 00000000-0000-4000-8000-000000000000 trong hội nghị này.' },
    ]);
    const bad = await get('export.csv?bridgePointId=24').expect(400);
    expect(JSON.parse(bad.body.toString()).details).toEqual([
      { field: 'bridgePointId', code: 'not_a_uuid', message: expect.stringMatching(/^Trường "bridgePointId" phải là mã định danh UUID/) },
    ]);
    const separator = await get('export.csv?separator=tab').expect(400);
    expect(JSON.parse(separator.body.toString()).details).toEqual([
      { field: 'separator', code: 'not_allowed_value', message: 'Trường "separator" phải là một trong các giá trị: comma, semicolon.' },
    ]);
    await t.http.get(`/api/conferences/${id}/attendees/export.csv`).expect(401);
  });

  it('runs the same number of queries for 5 delegates as for 605', async () => {
    const runner = db.createQueryRunner();
    const prototype = Object.getPrototypeOf(runner) as { query: (...args: unknown[]) => Promise<unknown> };
    await runner.release();
    const count = async (path: string) => {
      const spy = jest.spyOn(prototype, 'query');
      try {
        await get(path).expect(200);
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    };
    await count('export.csv');
    const small = { csv: await count('export.csv'), xlsx: await count(`export.xlsx?bridgePointId=${point('24').id}`) };

    const lines = ['Họ và tên,Email,Điểm cầu', ...Array.from({ length: 600 }, (_, i) => `Đại biểu ${i},db${i}@x.vn,${i % 2 ? '24' : '01'}`)];
    await t.http.post(`/api/conferences/${id}/attendees/import`).auth(t.adminToken, bearer).attach('file', Buffer.from(lines.join('\n')), 'them.csv').expect(201);
    const large = { csv: await count('export.csv'), xlsx: await count(`export.xlsx?bridgePointId=${point('24').id}`) };
    expect(small.csv).toBeGreaterThan(0);
    expect(large).toEqual(small);
    expect(csvRows((await get('export.csv').expect(200)).body)).toHaveLength(605);
  });

  it('reads back into an import: the exported XLSX creates the same delegates elsewhere, except the one a spreadsheet would run', async () => {
    const target = (await t.http.post('/api/conferences').auth(t.adminToken, bearer).send(aConference()).expect(201)).body.id;
    await t.http.post(`/api/conferences/${target}/bridge-points`).auth(t.adminToken, bearer).send(aMainPoint()).expect(201);
    await t.http.post(`/api/conferences/${target}/bridge-points`).auth(t.adminToken, bearer).send({ administrativeUnitSet: 'vn-34', level: 'commune', parentCode: '24' }).expect(201);
    await t.http.post(`/api/conferences/${target}/bridge-points`).auth(t.adminToken, bearer).send({ administrativeUnitSet: 'vn-34' }).expect(201);
    const total = await db.getRepository(Attendee).count({ where: { conferenceId: id } });
    const exported = await get('export.xlsx').expect(200);
    const res = await t.http.post(`/api/conferences/${target}/attendees/import`).auth(t.adminToken, bearer).attach('file', exported.body, 'xuat.xlsx').expect(201);
    expect(res.body).toMatchObject({ totalRows: total, created: total - 1, rejected: 1 });
    const row = res.body.errors[0].row;
    expect(res.body.errors).toEqual(
      ['fullName', 'title', 'organization'].map((field) => ({ row, field, code: 'formula', message: expect.stringContaining('sẽ chạy như công thức bảng tính') })),
    );
    const copied = await db.getRepository(Attendee).findOneByOrFail({ conferenceId: target, email: 'anh@bacninh.gov.vn' });
    expect(copied).toMatchObject({ fullName: 'Nguyễn Thị Ánh', phone: '+84912345678', organization: 'UBND tỉnh Bắc Ninh, Sở Nội vụ', role: 'delegate' });
  });
});
