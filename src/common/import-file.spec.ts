import { HttpException } from '@nestjs/common';
import { CellValue, Workbook } from 'exceljs';
import { deflated, lyingWorkbook, workbookWith, zipBomb, zipOf } from '../../test/zip-files';
import { MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS, readImportFile } from './import-file';

/** The refusal's single detail, or a failure when the file was read. */
async function refusalOf(read: Promise<unknown>): Promise<{ field: string; code: string; message: string }> {
  const error = await read.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof HttpException)) throw new Error(`expected a refusal, got ${String(error)}`);
  expect(error.getStatus()).toBe(400);
  const details = (error.getResponse() as { details: { field: string; code: string; message: string }[] }).details;
  expect(details).toHaveLength(1);
  return details[0];
}

const sheetXml = (rows: string) =>
  `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
/** A hand-written workbook of `count` data rows below a header, cells as inline strings. */
const inlineWorkbook = (count: number) => {
  const rows = [`<row r="1">${inline('A1', 'Họ và tên')}${inline('B1', 'Email')}</row>`];
  for (let r = 2; r <= count + 1; r++) rows.push(`<row r="${r}">${inline(`A${r}`, `Người ${r}`)}${inline(`B${r}`, `n${r}@x.vn`)}</row>`);
  return workbookWith(deflated('xl/worksheets/sheet1.xml', sheetXml(rows.join(''))));
};

describe('readImportFile: files that expand', () => {
  it('refuses a 1 MB workbook that declares 1 GB of XML before inflating any of it', async () => {
    const bomb = zipBomb();
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const started = Date.now();
    expect(await refusalOf(readImportFile(bomb, 'bom.xlsx'))).toEqual({
      field: 'file',
      code: 'file_expands_too_much',
      message: expect.stringMatching(/^Tệp XLSX khi giải nén lớn hơn 256 MB/),
    });
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('refuses sizes declared in a ZIP64 extra field the same way', async () => {
    const bomb = workbookWith({ name: 'xl/worksheets/sheet1.xml', stored: Buffer.alloc(1000), method: 0, declaredSize: 5 * 1024 ** 3, zip64: true });
    expect((await refusalOf(readImportFile(bomb, 'bom.xlsx'))).code).toBe('file_expands_too_much');
  });

  it('refuses an entry that expands more than 200 to 1, even under the total limit', async () => {
    const dense = workbookWith({ ...deflated('xl/worksheets/sheet1.xml', sheetXml(' '.repeat(8 * 1024 * 1024))) });
    expect((await refusalOf(readImportFile(dense, 'dac.xlsx'))).code).toBe('file_expands_too_much');
  });

  it('refuses shared strings over 40 MB, the part read into memory whole', async () => {
    const file = zipOf([
      deflated('xl/workbook.xml', '<workbook><sheets><sheet name="A" r:id="rId1"/></sheets></workbook>'),
      deflated('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id="rId2" Type="x/sharedStrings" Target="sharedStrings.xml"/></Relationships>'),
      { name: 'xl/sharedStrings.xml', stored: Buffer.alloc(1024 * 1024), method: 8, declaredSize: 41 * 1024 * 1024 },
    ]);
    expect((await refusalOf(readImportFile(file, 'chuoi.xlsx'))).code).toBe('file_expands_too_much');
  });

  it('stops inflating where the directory said the entry ends, when it lies about the size', async () => {
    expect((await refusalOf(readImportFile(lyingWorkbook(), 'doi.xlsx'))).code).toBe('file_expands_too_much');
  });

  it('refuses two directory entries that share their data (overlapping entries)', async () => {
    const sheet = deflated('xl/worksheets/sheet1.xml', sheetXml(`<row r="1">${inline('A1', 'Họ và tên')}</row>`));
    const file = zipOf([deflated('_rels/.rels', ''), sheet, { ...sheet, sameDataAs: sheet.name }]);
    expect((await refusalOf(readImportFile(file, 'chong.xlsx'))).code).toBe('malformed_zip');
  });

  it('refuses a local header that disagrees with the directory about the size', async () => {
    const file = inlineWorkbook(3);
    const local = file.indexOf('xl/worksheets/sheet1.xml') - 30;
    file.writeUInt32LE(file.readUInt32LE(local + 22) + 1, local + 22);
    expect(await refusalOf(readImportFile(file, 'sua.xlsx'))).toEqual({
      field: 'file',
      code: 'malformed_zip',
      message: 'Không đọc được tệp XLSX: mục lục của tệp nén không khớp với nội dung (tệp hỏng hoặc đã bị sửa).',
    });
  });

  it('refuses an encrypted entry as a protected workbook, and a ZIP without a directory as unreadable', async () => {
    const file = inlineWorkbook(1);
    for (let at = file.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at !== -1; at = file.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) {
      file.writeUInt16LE(file.readUInt16LE(at + 8) | 1, at + 8);
    }
    expect((await refusalOf(readImportFile(file, 'mat-khau.xlsx'))).code).toBe('old_or_protected_workbook');
    const truncated = inlineWorkbook(1).subarray(0, 300);
    expect((await refusalOf(readImportFile(truncated, 'cut.xlsx'))).code).toBe('unreadable_xlsx');
  });
});

describe('readImportFile: rows and columns', () => {
  it('refuses a CSV header of a million columns without building them', async () => {
    const header = Buffer.from(`${'Cột,'.repeat(1_000_000)}Email\nA,a@x.vn\n`);
    const started = Date.now();
    expect(await refusalOf(readImportFile(header, 'rong.csv'))).toEqual({
      field: 'file',
      code: 'too_many_columns',
      message: `Dòng 1 của tệp có hơn ${MAX_IMPORT_COLUMNS} cột: hãy xóa các cột thừa rồi nhập lại.`,
    });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses a CSV row of a million empty fields, naming its line', async () => {
    const file = Buffer.from(`Họ và tên;Email\nA;a@x.vn\n${';'.repeat(1_000_000)}\n`);
    expect((await refusalOf(readImportFile(file, 'rong.csv'))).message).toMatch(/^Dòng 3 của tệp có hơn 200 cột/);
  });

  it('reads 200 columns', async () => {
    const file = Buffer.from(`${Array.from({ length: MAX_IMPORT_COLUMNS }, (_, i) => `C${i}`).join(',')}\n${'x,'.repeat(MAX_IMPORT_COLUMNS - 1)}x\n`);
    const sheet = await readImportFile(file, 'rong.csv');
    expect(sheet.headers).toHaveLength(MAX_IMPORT_COLUMNS);
    expect(sheet.rows[0].cells).toHaveLength(MAX_IMPORT_COLUMNS);
  });

  it('refuses an XLSX cell with a value beyond column 200, and ignores empty ones there', async () => {
    const far = workbookWith(deflated('xl/worksheets/sheet1.xml', sheetXml(`<row r="1">${inline('A1', 'Họ và tên')}<c r="GS1" s="1"/></row><row r="2">${inline('A2', 'An')}${inline('GS2', 'x')}</row>`)));
    expect(await refusalOf(readImportFile(far, 'rong.xlsx'))).toMatchObject({ code: 'too_many_columns', message: expect.stringMatching(/^Dòng 2 /) });
    const empty = workbookWith(deflated('xl/worksheets/sheet1.xml', sheetXml(`<row r="1">${inline('A1', 'Họ và tên')}<c r="XFD1" s="1"/></row><row r="2">${inline('A2', 'An')}</row>`)));
    expect((await readImportFile(empty, 'rong.xlsx')).headers).toEqual(['Họ và tên']);
  });

  it.each([
    ['CSV', (n: number) => Buffer.from(`Họ và tên,Email\n${Array.from({ length: n }, (_, i) => `Người ${i},n${i}@x.vn\n`).join('')}`), 'a.csv'],
    ['XLSX', inlineWorkbook, 'a.xlsx'],
  ])('reads %s files of 100,000 rows and refuses 100,001', async (_format, build, name) => {
    const most = await readImportFile(build(MAX_IMPORT_ROWS), name);
    expect(most.rows).toHaveLength(MAX_IMPORT_ROWS);
    expect(most.rows[MAX_IMPORT_ROWS - 1]).toEqual({ row: MAX_IMPORT_ROWS + 1, cells: [`Người ${_format === 'CSV' ? MAX_IMPORT_ROWS - 1 : MAX_IMPORT_ROWS + 1}`, expect.any(String)] });
    expect(await refusalOf(readImportFile(build(MAX_IMPORT_ROWS + 1), name))).toEqual({
      field: 'file',
      code: 'too_many_rows',
      message: 'Tệp có hơn 100.000 dòng: hãy chia thành nhiều tệp.',
    });
  });
});

describe('readImportFile: XLSX cells as the person saw them', () => {
  it('reads text, rich text, hyperlinks, numbers, dates, booleans, saved formula results, errors and merged cells', async () => {
    const workbook = new Workbook();
    const hidden = workbook.addWorksheet('Ẩn');
    hidden.state = 'hidden';
    hidden.addRow(['không đọc']);
    const sheet = workbook.addWorksheet('Đại biểu');
    const rows: CellValue[][] = [
      ['Họ và tên', 'Đơn vị', 'Email', 'Số', 'Ngày', 'Ghi chú'],
      ['Vũ Thị Giang', { richText: [{ text: 'Ban ' }, { text: 'Dân vận' }] }, { text: 'Giang@X.vn', hyperlink: 'mailto:giang@x.vn' }, 912345679, new Date('2024-03-05'), 'a & b <c>'],
      [{ formula: 'CONCATENATE("A","B")' } as CellValue, { formula: '1/0', result: { error: '#DIV/0!' } } as CellValue, { error: '#N/A' } as CellValue, 1.5, true, { formula: '"Khách mời"', result: 'Khách mời' }],
      [],
      ['Gộp'],
    ];
    for (const row of rows) sheet.addRow(row);
    sheet.mergeCells('A5:B6');
    const read = await readImportFile(Buffer.from(await workbook.xlsx.writeBuffer()), 'dai-bieu.xlsx');
    expect(read.headers).toEqual(['Họ và tên', 'Đơn vị', 'Email', 'Số', 'Ngày', 'Ghi chú']);
    expect(read.rows).toEqual([
      { row: 2, cells: ['Vũ Thị Giang', 'Ban Dân vận', 'Giang@X.vn', '912345679', '2024-03-05', 'a & b <c>'] },
      {
        row: 3,
        cells: [
          { invalid: expect.stringContaining('là công thức chưa có giá trị đã lưu'), reason: 'formula_without_value' },
          { invalid: 'chứa giá trị lỗi #DIV/0!', reason: 'error_value', value: '#DIV/0!' },
          { invalid: 'chứa giá trị lỗi #N/A', reason: 'error_value', value: '#N/A' },
          '1.5',
          'TRUE',
          'Khách mời',
        ],
      },
      { row: 5, cells: ['Gộp', 'Gộp'] },
      { row: 6, cells: ['Gộp', 'Gộp'] },
    ]);
  });

  it('reads a sheet whose elements carry a namespace prefix, and escaped control characters', async () => {
    const xml = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Ghi chú</x:t></x:is></x:c></x:row><x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>Dòng 1_x000D_</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`;
    const read = await readImportFile(workbookWith(deflated('xl/worksheets/sheet1.xml', xml)), 'x.xlsx');
    expect(read.rows).toEqual([{ row: 2, cells: ['Dòng 1\r'] }]);
  });
});
