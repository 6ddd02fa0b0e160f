import { parse } from 'csv-parse/sync';
import { CellValue, Workbook } from 'exceljs';
import { binary, readDocx } from '../documents';
import { aMinutesConference, anAwardDecision, anAwardRecipient } from '../factories';
import { startApp, TestApp } from '../harness';

const bearer = { type: 'bearer' as const };

/**
 * Decisions entered in the order they reached the office, not the order the record must show:
 * a commune's first, a province's, a custom provincial form, the Ban's, the Prime Minister's,
 * the President's, and last a ministry's signed before the Ban's.
 */
const ENTERED = [
  {
    number: '31/QĐ-UBND',
    signedAt: '2025-06-01',
    awardFormCode: 'giay-khen-chu-tich-ubnd-xa',
    issuingAuthority: 'Chủ tịch Ủy ban nhân dân xã Tân Lập',
    recipient: 'Trần Văn Bảo',
  },
  {
    number: '210/QĐ-UBND',
    signedAt: '2025-06-20',
    awardFormCode: 'bang-khen-chu-tich-ubnd-tinh',
    issuingAuthority: 'Chủ tịch Ủy ban nhân dân tỉnh Bắc Ninh',
    recipient: 'Lê Thị Cúc',
  },
  {
    number: '88/QĐ-BDVTU',
    signedAt: '2025-06-15',
    awardFormCode: 'giay-khen-ban-dan-van-tinh-uy',
    issuingAuthority: 'Ban Dân vận Tỉnh ủy Bắc Ninh',
    recipient: 'Hà Văn Nam',
  },
  {
    number: '15/QĐ-BDVTW',
    signedAt: '2025-07-01',
    awardFormCode: 'bang-khen-ban-trung-uong',
    issuingAuthority: 'Ban Dân vận Trung ương',
    recipient: 'Nguyễn Thị Hồng Nhung',
  },
  {
    number: '123/QĐ-TTg',
    signedAt: '2025-07-08',
    awardFormCode: 'bang-khen-thu-tuong-chinh-phu',
    issuingAuthority: 'Thủ tướng Chính phủ',
    recipient: 'Đặng Quốc Hùng',
  },
  {
    number: '1350/QĐ-CTN',
    signedAt: '2025-07-10',
    awardFormCode: 'huan-chuong-lao-dong-hang-ba',
    issuingAuthority: 'Chủ tịch nước',
    recipient: 'Lý Thị Mai',
  },
  {
    number: '702/QĐ-BNV',
    signedAt: '2025-06-25',
    awardFormCode: 'bang-khen-bo-truong',
    issuingAuthority: 'Bộ trưởng Bộ Nội vụ',
    recipient: 'Vũ Minh Khoa',
  },
];

/** The record's order (authority's rank, then signing date) with each decision's heading and line. */
const EXPECTED = [
  ['1350/QĐ-CTN', 'Huân chương Lao động hạng Ba', '(Kèm theo Quyết định số 1350/QĐ-CTN ngày 10 tháng 7 năm 2025 của Chủ tịch nước)'],
  ['123/QĐ-TTg', 'Bằng khen của Thủ tướng Chính phủ', '(Kèm theo Quyết định số 123/QĐ-TTg ngày 08 tháng 7 năm 2025 của Thủ tướng Chính phủ)'],
  ['702/QĐ-BNV', 'Bằng khen của Bộ trưởng Bộ Nội vụ', '(Kèm theo Quyết định số 702/QĐ-BNV ngày 25 tháng 6 năm 2025 của Bộ trưởng Bộ Nội vụ)'],
  ['15/QĐ-BDVTW', 'Bằng khen của Ban Dân vận Trung ương', '(Kèm theo Quyết định số 15/QĐ-BDVTW ngày 01 tháng 7 năm 2025 của Ban Dân vận Trung ương)'],
  ['88/QĐ-BDVTU', 'Giấy khen của Ban Dân vận Tỉnh ủy Bắc Ninh', '(Kèm theo Quyết định số 88/QĐ-BDVTU ngày 15 tháng 6 năm 2025 của Ban Dân vận Tỉnh ủy Bắc Ninh)'],
  ['210/QĐ-UBND', 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Bắc Ninh', '(Kèm theo Quyết định số 210/QĐ-UBND ngày 20 tháng 6 năm 2025 của Chủ tịch Ủy ban nhân dân tỉnh Bắc Ninh)'],
  ['31/QĐ-UBND', 'Giấy khen của Chủ tịch Ủy ban nhân dân xã Tân Lập', '(Kèm theo Quyết định số 31/QĐ-UBND ngày 01 tháng 6 năm 2025 của Chủ tịch Ủy ban nhân dân xã Tân Lập)'],
];
const NUMBERS = EXPECTED.map(([number]) => number);
const recipientOf = (number: string) => ENTERED.find((d) => d.number === number)!.recipient;

/** The decision lines of a list with the line that follows each (its form heading). */
function headingsOf(lines: string[]): [string, string][] {
  return lines.flatMap((line, i) => (line.startsWith('(Kèm theo Quyết định số') ? [[line, lines[i + 1]] as [string, string]] : []));
}

describe('the award list and the minutes: each decision headed by its own authority, ordered by the authority’s rank', () => {
  let t: TestApp;
  let id: string;
  const get = (path: string) => t.http.get(`/api/conferences/${id}/${path}`).auth(t.adminToken, bearer).buffer(true).parse(binary);

  beforeAll(async () => {
    t = await startApp();
    id = (await aMinutesConference(t.http, t.adminToken)).id;
    await t.http
      .post('/api/award-forms')
      .auth(t.adminToken, bearer)
      .send({
        code: 'giay-khen-ban-dan-van-tinh-uy',
        name: 'Giấy khen của Ban Dân vận Tỉnh ủy',
        kind: 'certificate',
        level: 'province',
        issuingAuthority: 'Trưởng Ban Dân vận Tỉnh ủy',
        decisionSuffix: 'BDVTU',
        recipientKinds: ['individual', 'collective'],
      })
      .expect(201);
    for (const { recipient, ...decision } of ENTERED) {
      await t.http
        .post(`/api/conferences/${id}/award-decisions`)
        .auth(t.adminToken, bearer)
        .send({ ...anAwardDecision(decision), recipients: [anAwardRecipient({ name: recipient })] })
        .expect(201);
    }
  });
  afterAll(() => t.close());

  it('lists the decisions in that order, keeping the catalogue name in awardFormName and the heading in awardTitle', async () => {
    const res = await t.http.get(`/api/conferences/${id}/award-decisions`).auth(t.adminToken, bearer).expect(200);
    const items = res.body.items as { number: string; awardFormName: string; awardTitle: string }[];
    expect(items.map((d) => [d.number, d.awardTitle])).toEqual(EXPECTED.map(([number, title]) => [number, title]));
    expect(items.find((d) => d.number === '15/QĐ-BDVTW')!.awardFormName).toBe('Bằng khen của Ban Trung ương Đảng');
    expect(items.find((d) => d.number === '210/QĐ-UBND')!.awardFormName).toBe('Bằng khen của Chủ tịch UBND tỉnh');
  });

  it('writes the CSV in that order, each decision headed by its own authority', async () => {
    const lines = parse((await get('awards.csv').expect(200)).body as Buffer, { bom: true, relax_column_count: true }) as string[][];
    expect(headingsOf(lines.map((l) => l[0]))).toEqual(EXPECTED.map(([, title, line]) => [line, `Hình thức khen thưởng: ${title}`]));
    const names = lines.filter((l) => l.length === 7 && /^\d+$/.test(l[0])).map((l) => l[1]);
    expect(names).toEqual(NUMBERS.map(recipientOf));
  });

  it('writes the XLSX in that order, each decision headed by its own authority', async () => {
    const workbook = new Workbook();
    await workbook.xlsx.load((await get('awards.xlsx').expect(200)).body as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const rows: string[][] = [];
    workbook.worksheets[0].eachRow((row) => rows.push((row.values as CellValue[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    expect(headingsOf(rows.map((r) => r[0]))).toEqual(EXPECTED.map(([, title, line]) => [line, `Hình thức khen thưởng: ${title}`]));
    expect(rows.filter((r) => /^\d+$/.test(r[0])).map((r) => r[1])).toEqual(NUMBERS.map(recipientOf));
  });

  it('writes the DOCX in that order, each decision headed by its own authority', async () => {
    const { text } = await readDocx((await get('awards.docx').expect(200)).body as Buffer);
    expect(headingsOf(text.split('\n'))).toEqual(EXPECTED.map(([, title, line]) => [line, title.toUpperCase()]));
  });

  it('drafts minutes that record the awards in that order, with those headings', async () => {
    const res = await t.http.post(`/api/conferences/${id}/minutes`).auth(t.adminToken, bearer).send({}).expect(201);
    const awards = res.body.sections.awards as { number: string; awardFormName: string; issuingAuthority: string; recipients: { name: string }[] }[];
    expect(awards.map((a) => [a.number, a.awardFormName, a.recipients.map((r) => r.name)])).toEqual(
      EXPECTED.map(([number, title]) => [number, title, [recipientOf(number)]]),
    );
    const { text } = await readDocx((await get('minutes.docx').expect(200)).body as Buffer);
    const printed = text.split('\n').filter((line) => line.startsWith('Trao tặng '));
    expect(printed).toEqual(
      EXPECTED.map(([number, title]) => `Trao tặng ${title} (Quyết định số ${number} của ${ENTERED.find((d) => d.number === number)!.issuingAuthority}) cho:`),
    );
  });
});
