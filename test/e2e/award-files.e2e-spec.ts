import { parse } from 'csv-parse/sync';
import { CellValue, Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import { AuditEntry } from '../../src/audit/audit-entry.entity';
import { AwardRecipient } from '../../src/awards/award-recipient.entity';
import { BridgePoint } from '../../src/bridge-points/bridge-point.entity';
import { binary, readDocx } from '../documents';
import { aConference, aMainPoint, anAwardDecision, anAwardRecipient } from '../factories';
import { startApp, TestApp } from '../harness';

const bearer = { type: 'bearer' as const };
const TITLE = 'Hội nghị toàn quốc sơ kết công tác dân vận 6 tháng đầu năm 2025';
const HEADER_LINE = ['STT', 'Họ và tên / Tên tập thể', 'Chức vụ', 'Đơn vị', 'Thành tích', 'Nơi trao', 'Người trao'];

/** A CSV file as spreadsheets save it: BOM, the separator given, LF. */
function csvOf(rows: string[][], separator = ','): Buffer {
  const field = (value: string) => (value.includes(separator) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return Buffer.from(`\uFEFF${rows.map((row) => row.map(field).join(separator)).join('\n')}\n`, 'utf8');
}

async function xlsxOf(rows: CellValue[][]): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Khen thưởng');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const fileNameOf = (disposition: string) => decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)![1]);

/** Asserts that `expected` appear in `text` in that order. */
function expectInOrder(text: string, expected: string[]): void {
  let from = 0;
  for (const part of expected) {
    const at = text.indexOf(part, from);
    if (at < 0) throw new Error(`"${part}" not found after position ${from} (in order ${JSON.stringify(expected)})`);
    from = at + part.length;
  }
}

describe('award lists as files: recipient import (CSV, XLSX) and the list as CSV, XLSX and DOCX', () => {
  let t: TestApp;
  let db: DataSource;
  let id: string;
  let points: BridgePoint[];
  let ttg: string;
  let bdv: string;
  const point = (code: string) => points.find((p) => p.administrativeUnitCode === code)!;
  const main = () => points.find((p) => p.isMain)!;
  const decisions = () => `/api/conferences/${id}/award-decisions`;
  const upload = (decisionId: string, file: Buffer, name: string, query = '', token = t.adminToken) =>
    t.http.post(`${decisions()}/${decisionId}/recipients/import${query}`).auth(token, bearer).attach('file', file, name);
  const recipientsOf = (decisionId: string) =>
    db.getRepository(AwardRecipient).find({ where: { decisionId }, order: { position: 'ASC', id: 'ASC' } });
  const snapshot = async () => ({
    recipients: await db.getRepository(AwardRecipient).find({ where: { conferenceId: id }, order: { id: 'ASC' } }),
    audit: await db.getRepository(AuditEntry).count({ where: { conferenceId: id } }),
  });
  const get = (path: string, token = t.adminToken) =>
    t.http.get(`/api/conferences/${id}/${path}`).auth(token, bearer).buffer(true).parse(binary);

  beforeAll(async () => {
    t = await startApp();
    db = t.app.get(DataSource);
    id = (await t.http.post('/api/conferences').auth(t.adminToken, bearer).send(aConference()).expect(201)).body.id;
    await t.http.post(`/api/conferences/${id}/bridge-points`).auth(t.adminToken, bearer).send(aMainPoint()).expect(201);
    await t.http.post(`/api/conferences/${id}/bridge-points`).auth(t.adminToken, bearer).send({ administrativeUnitSet: 'vn-34' }).expect(201);
    points = await db.getRepository(BridgePoint).findBy({ conferenceId: id });
    ttg = (await t.http.post(decisions()).auth(t.adminToken, bearer).send(anAwardDecision()).expect(201)).body.id;
    bdv = (
      await t.http
        .post(decisions())
        .auth(t.adminToken, bearer)
        .send(
          anAwardDecision({
            number: '15/QĐ-BDVTW',
            signedAt: '2025-07-01',
            awardFormCode: 'bang-khen-ban-trung-uong',
            issuingAuthority: 'Ban Dân vận Trung ương',
            signerName: 'Phạm Tất Thắng',
            signerTitle: 'Phó Trưởng Ban Dân vận Trung ương',
          }),
        )
        .expect(201)
    ).body.id;
  });
  afterAll(() => t.close());

  describe('importing recipients', () => {
    it('imports a CSV with a BOM, semicolons and Vietnamese headers: kinds by label, points by name or code, units by code or name', async () => {
      const file = csvOf(
        [
          ['STT', 'Cá nhân/Tập thể', 'Họ và tên / Tên tập thể', 'Chức vụ', 'Đơn vị', 'Tỉnh, thành phố', 'Thành tích', 'Nơi trao', 'Người trao', 'Thứ tự trao'],
          ['1', 'Tập thể', 'Ban Dân vận Tỉnh ủy Bắc Ninh', '', '', '24', 'Hoàn thành xuất sắc nhiệm vụ công tác dân vận năm 2024', 'Điểm cầu tỉnh Bắc Ninh', 'Phạm Tất Thắng', '1'],
          ['2', 'tap the', 'Ủy ban MTTQ Việt Nam tỉnh Lạng Sơn'.normalize('NFD'), '', '', 'Lạng Sơn', 'Có thành tích xuất sắc', '20', 'Lê Văn Thành', '2'],
          ['3', 'Cá nhân', 'Nguyễn Thị Hồng Nhung', 'Trưởng Ban Dân vận Huyện ủy', 'Huyện ủy Lục Ngạn', 'bac ninh', 'Thành tích xuất sắc', 'Trung ương', 'Phạm Tất Thắng', '3'],
          ['4', 'CN', 'Trần Văn Bảo', 'Chủ tịch UBND xã', 'UBND xã Tân Lập', '', 'Thành tích tiêu biểu', 'diem cau tinh bac ninh', '', ''],
        ],
        ';',
      );
      const res = await upload(bdv, file, 'Danh sách khen thưởng.csv').expect(201);
      expect(res.body).toEqual({
        status: 'done',
        dryRun: false,
        fileName: 'Danh sách khen thưởng.csv',
        totalRows: 4,
        created: 4,
        updated: 0,
        unchanged: 0,
        rejected: 0,
        errors: [],
      });
      const stored = await recipientsOf(bdv);
      expect(stored.map((r) => [r.kind, r.name, r.administrativeUnitCode, r.bridgePointId, r.position])).toEqual([
        ['collective', 'Ban Dân vận Tỉnh ủy Bắc Ninh', '24', point('24').id, 1],
        ['collective', 'Ủy ban MTTQ Việt Nam tỉnh Lạng Sơn', '20', point('20').id, 2],
        ['individual', 'Nguyễn Thị Hồng Nhung', '24', main().id, 3],
        ['individual', 'Trần Văn Bảo', null, point('24').id, 4],
      ]);
      expect(stored[1].name).toBe('Ủy ban MTTQ Việt Nam tỉnh Lạng Sơn'.normalize('NFC'));
      expect(await db.getRepository(AuditEntry).countBy({ entityId: bdv, action: 'import_recipients' })).toBe(1);
    });

    it('reads an XLSX with English headers, matches recipients already there, and a dry run writes nothing', async () => {
      const file = await xlsxOf([
        ['No.', 'Kind', 'Name', 'Title', 'Organization', 'Achievement', 'Bridge point', 'Presenter'],
        ['1', 'collective', 'Ban Dân vận Tỉnh ủy Bắc Ninh', '', '', 'Hoàn thành xuất sắc nhiệm vụ công tác dân vận năm 2024', '', ''],
        ['2', 'individual', 'TRẦN VĂN BẢO', '', 'UBND xã Tân Lập', '', '', 'Bùi Thị Minh Hoài'],
        ['3', 'individual', 'Lê Thị Cúc', 'Bí thư Chi bộ', 'Thôn Đông, xã Tân Lập', 'Gương điển hình dân vận khéo', 'Bắc Ninh', ''],
      ]);
      const before = await snapshot();
      const dry = await upload(bdv, file, 'recipients.xlsx', '?dryRun=true').expect(201);
      expect(dry.body).toMatchObject({ status: 'done', dryRun: true, created: 1, updated: 1, unchanged: 1, rejected: 0 });
      expect(await snapshot()).toEqual(before);

      const res = await upload(bdv, file, 'recipients.xlsx').expect(201);
      expect(res.body).toMatchObject({ created: 1, updated: 1, unchanged: 1 });
      const stored = await recipientsOf(bdv);
      expect(stored).toHaveLength(5);
      const bao = stored.find((r) => r.title === 'Chủ tịch UBND xã')!;
      expect(bao).toMatchObject({ name: 'TRẦN VĂN BẢO', presenterName: 'Bùi Thị Minh Hoài', position: 4, version: 2 });
      expect(stored.find((r) => r.name === 'Lê Thị Cúc')).toMatchObject({ position: 5, bridgePointId: point('24').id });
    });

    it('takes the kind from a form that has one kind only, and an agenda item for the whole file', async () => {
      const flag = (await t.http.post(decisions()).auth(t.adminToken, bearer).send(anAwardDecision({ number: '77/QĐ-TTg', awardFormCode: 'co-thi-dua-chinh-phu' })).expect(201)).body.id;
      const ceremony = await t.http
        .post(`/api/conferences/${id}/agenda-items`)
        .auth(t.adminToken, bearer)
        .send({ startsAt: '2025-07-15T11:00:00+07:00', endsAt: '2025-07-15T11:20:00+07:00', kind: 'award_ceremony', title: 'Trao Cờ thi đua' })
        .expect(201);
      await upload(flag, csvOf([['Đơn vị', 'Thành tích'], ['Tỉnh ủy Quảng Ninh', 'Dẫn đầu phong trào thi đua']]), 'co.csv', `?agendaItemId=${ceremony.body.id}`).expect(201);
      expect(await recipientsOf(flag)).toEqual([
        expect.objectContaining({ kind: 'collective', name: null, organization: 'Tỉnh ủy Quảng Ninh', agendaItemId: ceremony.body.id, position: 1 }),
      ]);
      await t.http.delete(`${decisions()}/${flag}`).auth(t.adminToken, bearer).expect(204);
    });

    it('rejects the whole file when a row is bad, reports every bad row and field, and writes nothing', async () => {
      const file = csvOf([
        ['Loại', 'Họ và tên', 'Đơn vị', 'Tỉnh', 'Thành tích', 'Nơi trao'],
        ['Cá nhân', 'Đinh Văn Hòa', 'UBND xã A', '24', 'Tốt', 'Bắc Ninh'],
        ['Đoàn thể', 'Hà Thị Lan', '', '', '', ''],
        ['Cá nhân', '=HYPERLINK("http://x")', '', '', '', ''],
        ['Tập thể', '', '', '', 'Xuất sắc', ''],
        ['Cá nhân', 'Vũ Minh Khoa', '', '99', '', 'Lào Cai xyz'],
        ['Cá nhân', 'Đinh Văn Hoà', 'UBND xã A', '', '', ''],
        ['Cá nhân', 'Ngô Bảo Châu', '', 'Bắc Kạn', '', ''],
      ]);
      const before = await snapshot();
      const res = await upload(ttg, file, 'loi.csv').expect(400);
      expect(res.body).toMatchObject({
        statusCode: 400,
        error: 'Bad Request',
        status: 'failed',
        totalRows: 7,
        rejected: 6,
        created: 1,
        message: 'Có 6 trên 7 dòng bị từ chối; chưa nhập dòng nào.',
      });
      expect(res.body.errors.map((e: { row: number; field: string }) => `${e.row} ${e.field}`)).toEqual([
        '3 kind',
        '4 name',
        '5 name',
        '6 administrativeUnit',
        '6 bridgePoint',
        '7 name',
        '8 administrativeUnit',
      ]);
      expect(res.body.errors.map((e: { code: string }) => e.code)).toEqual([
        'unknown_kind',
        'formula',
        'name_or_organization_required',
        'unknown_administrative_unit',
        'unknown_point',
        'duplicate_recipient',
        'unknown_province',
      ]);
      expect(res.body.errors[1].message).toContain('công thức');
      expect(res.body.errors[5]).toEqual({
        row: 7,
        field: 'name',
        code: 'duplicate_recipient',
        message: '"Đinh Văn Hoà" đã có ở dòng 2 của tệp này.',
      });
      expect(res.body.details[0]).toEqual({
        field: 'rows.3.kind',
        code: 'unknown_kind',
        message: '"Đoàn thể" không phải là loại đối tượng khen thưởng; hãy ghi Cá nhân hoặc Tập thể.',
      });
      expect(await snapshot()).toEqual(before);
    });

    it('rejects a kind the award form does not take', async () => {
      const flag = (await t.http.post(decisions()).auth(t.adminToken, bearer).send(anAwardDecision({ number: '78/QĐ-TTg', awardFormCode: 'co-thi-dua-chinh-phu' })).expect(201)).body.id;
      const before = await snapshot();
      const res = await upload(flag, csvOf([['Loại', 'Họ và tên'], ['Cá nhân', 'Hà Văn Nam']]), 'x.csv').expect(400);
      expect(res.body.errors).toEqual([
        {
          row: 2,
          field: 'kind',
          code: 'kind_not_allowed',
          message: 'Cờ thi đua của Chính phủ không dành cho cá nhân (individual); hình thức này dành cho tập thể (collective).',
        },
      ]);
      expect(await snapshot()).toEqual(before);
      await t.http.delete(`${decisions()}/${flag}`).auth(t.adminToken, bearer).expect(204);
    });

    it.each([
      ['a file without a header row it knows', () => csvOf([['a', 'b'], ['1', '2']]), 'file'],
      ['a file without the kind column for a form that takes both kinds', () => csvOf([['Họ và tên'], ['Hà Văn Nam']]), 'file'],
      ['an empty file', () => Buffer.alloc(0), 'file'],
    ])('refuses %s with 400 naming the field, and writes nothing', async (_what, file, field) => {
      const before = await snapshot();
      const res = await upload(ttg, file(), 'x.csv').expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(await snapshot()).toEqual(before);
    });

    it('refuses an agenda item of another conference, a bad dryRun, and a viewer', async () => {
      const before = await snapshot();
      const file = csvOf([['Loại', 'Họ và tên'], ['Cá nhân', 'Hà Văn Nam']]);
      const other = '00000000-0000-4000-8000-000000000000';
      expect((await upload(ttg, file, 'x.csv', `?agendaItemId=${other}`).expect(400)).body.details).toEqual([
        { field: 'agendaItemId', code: 'agenda_item_not_found', message: `Mục chương trình ${other} không thuộc hội nghị này.` },
      ]);
      expect((await upload(ttg, file, 'x.csv', '?dryRun=yes').expect(400)).body.details[0]).toMatchObject({ field: 'dryRun', code: 'not_allowed_value' });
      await upload(ttg, file, 'x.csv', '', await t.userWithRole('viewer')).expect(403);
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('exporting the award list', () => {
    /** Every recipient in the order the list must show them: by decision, collectives first, by position. */
    const expected: string[] = [];
    beforeAll(async () => {
      await t.http
        .post(`${decisions()}/${ttg}/recipients`)
        .auth(t.adminToken, bearer)
        .send({
          items: [
            anAwardRecipient({ name: 'Đặng Quốc Hùng', position: 2, bridgePointId: main().id, presenterName: 'Bùi Thị Minh Hoài' }),
            anAwardRecipient({ name: 'Lý Thị Mai', position: 1, achievement: '=1+1 là công thức', bridgePointId: point('24').id }),
            anAwardRecipient({ kind: 'collective', name: 'Ban Dân vận Thành ủy Hải Phòng', title: null, organization: 'Thành ủy Hải Phòng', position: 3 }),
          ],
        })
        .expect(201);
      // 123/QĐ-TTg (the Prime Minister, signed 8 July) before 15/QĐ-BDVTW (a Ban of the Central Committee, signed 1 July): rank before date.
      const bdvRecipients = await recipientsOf(bdv);
      const order = (kind: string) => bdvRecipients.filter((r) => r.kind === kind).map((r) => r.name!);
      expected.push('Ban Dân vận Thành ủy Hải Phòng', 'Lý Thị Mai', 'Đặng Quốc Hùng', ...order('collective'), ...order('individual'));
    });

    it('writes the CSV with a BOM: title, conference, headers, each decision and its sections, every recipient in order', async () => {
      const res = await get('awards.csv').expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(fileNameOf(res.headers['content-disposition'])).toBe(`Danh sách khen thưởng - ${TITLE}.csv`);
      const body = res.body as Buffer;
      expect(body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const lines = parse(body, { bom: true, relax_column_count: true }) as string[][];
      expect(lines[0]).toEqual(['DANH SÁCH KHEN THƯỞNG']);
      expect(lines[1]).toEqual([TITLE]);
      expect(lines[3]).toEqual(HEADER_LINE);
      const firsts = lines.map((l) => l[0]);
      expectInOrder(firsts.join('\n'), [
        '(Kèm theo Quyết định số 123/QĐ-TTg ngày 08 tháng 7 năm 2025 của Thủ tướng Chính phủ)',
        'Hình thức khen thưởng: Bằng khen của Thủ tướng Chính phủ',
        'I. TẬP THỂ',
        'II. CÁ NHÂN',
        '(Kèm theo Quyết định số 15/QĐ-BDVTW ngày 01 tháng 7 năm 2025 của Ban Dân vận Trung ương)',
        'Hình thức khen thưởng: Bằng khen của Ban Dân vận Trung ương',
        'I. TẬP THỂ',
        'II. CÁ NHÂN',
      ]);
      expect(firsts).not.toContain('Hình thức khen thưởng: Bằng khen của Ban Trung ương Đảng');
      const rows = lines.filter((l) => l.length === 7 && /^\d+$/.test(l[0]));
      expect(rows.map((r) => r[1])).toEqual(expected);
      const mai = rows.find((r) => r[1] === 'Lý Thị Mai')!;
      expect(mai).toEqual(['1', 'Lý Thị Mai', 'Trưởng Ban Dân vận Huyện ủy', 'Huyện ủy Lục Ngạn, tỉnh Bắc Giang', "'=1+1 là công thức", 'Điểm cầu tỉnh Bắc Ninh', '']);
      expect(rows.find((r) => r[1] === 'Đặng Quốc Hùng')).toMatchObject({ 0: '2', 5: 'Điểm cầu Trung ương', 6: 'Bùi Thị Minh Hoài' });

      const semicolon = await get('awards.csv?separator=semicolon').expect(200);
      expect((semicolon.body as Buffer).toString('utf8').split('\r\n')[3]).toBe(`\uFEFF${HEADER_LINE.join(';')}`.slice(1));
    });

    it('writes the XLSX with the same lines, every value as text', async () => {
      const res = await get('awards.xlsx').expect(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(fileNameOf(res.headers['content-disposition'])).toBe(`Danh sách khen thưởng - ${TITLE}.xlsx`);
      const workbook = new Workbook();
      await workbook.xlsx.load(res.body as unknown as Parameters<typeof workbook.xlsx.load>[0]);
      const sheet = workbook.worksheets[0];
      const rows: string[][] = [];
      sheet.eachRow((row) => rows.push((row.values as CellValue[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
      expect(rows[0][0]).toBe('DANH SÁCH KHEN THƯỞNG');
      expect(rows[1][0]).toBe(TITLE);
      expect(rows[2]).toEqual(HEADER_LINE);
      expectInOrder(rows.map((r) => r[0]).join('\n'), [
        '123/QĐ-TTg',
        'Hình thức khen thưởng: Bằng khen của Thủ tướng Chính phủ',
        'I. TẬP THỂ',
        'II. CÁ NHÂN',
        '15/QĐ-BDVTW',
        'Hình thức khen thưởng: Bằng khen của Ban Dân vận Trung ương',
        'I. TẬP THỂ',
        'II. CÁ NHÂN',
      ]);
      const data = rows.filter((r) => /^\d+$/.test(r[0]));
      expect(data.map((r) => r[1])).toEqual(expected);
      expect(data.find((r) => r[1] === 'Lý Thị Mai')![4]).toBe('=1+1 là công thức');
      const formulas: unknown[] = [];
      sheet.eachRow((row) => row.eachCell((cell) => cell.formula && formulas.push(cell.formula)));
      expect(formulas).toEqual([]);
    });

    it('writes the DOCX in Times New Roman on A4: heading, decision lines, sections and every recipient in order', async () => {
      const res = await get('awards.docx').expect(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(fileNameOf(res.headers['content-disposition'])).toBe(`Danh sách khen thưởng - ${TITLE}.docx`);
      const { document: xml, text, styles } = await readDocx(res.body as Buffer);
      expectInOrder(text, [
        'DANH SÁCH KHEN THƯỞNG',
        TITLE,
        '(Kèm theo Quyết định số 123/QĐ-TTg ngày 08 tháng 7 năm 2025 của Thủ tướng Chính phủ)',
        'BẰNG KHEN CỦA THỦ TƯỚNG CHÍNH PHỦ',
        'STT',
        'Họ và tên / Tên tập thể',
        'Nơi trao',
        'Người trao',
        'I. TẬP THỂ',
        'Ban Dân vận Thành ủy Hải Phòng',
        'II. CÁ NHÂN',
        'Lý Thị Mai',
        'Đặng Quốc Hùng',
        '(Kèm theo Quyết định số 15/QĐ-BDVTW ngày 01 tháng 7 năm 2025 của Ban Dân vận Trung ương)',
        'BẰNG KHEN CỦA BAN DÂN VẬN TRUNG ƯƠNG',
        'I. TẬP THỂ',
        ...expected.slice(3, 5),
        'II. CÁ NHÂN',
        ...expected.slice(5, 8),
      ]);
      expect(styles).toContain('Times New Roman');
      const settings = xml.match(/<w:pgSz [^>]*>/)![0];
      expect(settings).toContain('w:w="11906"');
      expect(settings).toContain('w:h="16838"');
      expect(xml).toMatch(/<w:pgMar [^>]*w:left="1701"/);
    });

    it('gives an operator the list of the awards presented at its own bridge point only', async () => {
      const operator = await t.userWithRole('operator', { bridgePointIds: [point('24').id] });
      const res = await get('awards.csv', operator).expect(200);
      const lines = parse(res.body as Buffer, { bom: true, relax_column_count: true }) as string[][];
      const names = lines.filter((l) => l.length === 7 && /^\d+$/.test(l[0])).map((l) => l[1]);
      expect(names).toEqual(['Lý Thị Mai', 'Ban Dân vận Tỉnh ủy Bắc Ninh', 'TRẦN VĂN BẢO', 'Lê Thị Cúc']);
      await get('awards.docx', await t.userWithRole('viewer')).expect(200);
    });

    it('answers 404 for an unknown conference and 400 for a bad separator', async () => {
      await t.http.get('/api/conferences/00000000-0000-4000-8000-000000000000/awards.csv').auth(t.adminToken, bearer).expect(404);
      const res = await get('awards.csv?separator=tab').expect(400);
      expect(res.status).toBe(400);
    });
  });
});
