import { Workbook } from 'exceljs';
import { streamedSheet } from './spreadsheet-export';

describe('streamedSheet', () => {
  it('writes a workbook Excel reads back: bold, frozen, filterable headers, then the rows with their types', async () => {
    const when = new Date(Date.UTC(2030, 6, 15, 8, 5));
    const body = await streamedSheet('Đại biểu Hà Nội', ['Họ và tên', 'Số buổi', 'Điểm danh lúc'], [28, 10, 18], [['Nguyễn Thị Ánh', 2, when], ['Trần Văn Bình', 0, null]], (sheet) => {
      sheet.getColumn(3).numFmt = 'dd/mm/yyyy hh:mm';
    });
    const workbook = new Workbook();
    await workbook.xlsx.load(body as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('Đại biểu Hà Nội');
    expect(sheet.getRow(1).values).toEqual([undefined, 'Họ và tên', 'Số buổi', 'Điểm danh lúc']);
    expect(sheet.getRow(1).font).toMatchObject({ bold: true });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getRow(2).values).toEqual([undefined, 'Nguyễn Thị Ánh', 2, when]);
    expect(sheet.getRow(2).getCell(3).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(sheet.getRow(3).getCell(1).value).toBe('Trần Văn Bình');
  });
});
