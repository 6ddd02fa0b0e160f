import { csvBuffer, loadExcel, sheetName } from '../common/spreadsheet-export';
import { AWARD_LIST_HEADERS, AwardList, awardListLines } from './award-list';

/** The award list as CSV: UTF-8 with BOM, Excel-safe cells, one line per line of the list. */
export function awardListCsv(list: AwardList, separator: ',' | ';'): Buffer {
  return csvBuffer(
    awardListLines(list).map((line) => line.cells),
    separator,
  );
}

const WIDTHS = [6, 32, 28, 34, 50, 28, 22];

/** The award list as one worksheet: title lines merged across the columns, every value a text cell. */
export async function awardListXlsx(list: AwardList): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'Hội nghị';
  const sheet = workbook.addWorksheet(sheetName('Danh sách khen thưởng'));
  sheet.columns = WIDTHS.map((width) => ({ width }));
  const span = AWARD_LIST_HEADERS.length;
  for (const line of awardListLines(list)) {
    const row = sheet.addRow(line.cells);
    const across = line.kind !== 'row' && line.kind !== 'header' && line.kind !== 'blank';
    if (across) sheet.mergeCells(row.number, 1, row.number, span);
    if (line.kind === 'title' || line.kind === 'subtitle' || line.kind === 'decision') {
      row.alignment = { horizontal: 'center', wrapText: true };
    }
    if (line.kind === 'row') row.alignment = { vertical: 'top', wrapText: true };
    if (line.kind === 'title' || line.kind === 'header' || line.kind === 'section' || line.kind === 'form') row.font = { bold: true };
    if (line.kind === 'title') row.font = { bold: true, size: 14 };
    if (line.kind === 'subtitle' || line.kind === 'decision') row.font = { italic: true };
    if (line.kind === 'header') sheet.views = [{ state: 'frozen', ySplit: row.number }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
