import { headerRow, loadExcel, sheetName } from '../common/spreadsheet-export';
import { CompletionResponseDto } from './completion.dto';

/** One person as exported: their completion and the name of their bridge point. */
export type CompletionExportRow = CompletionResponseDto & { bridgePoint: string };

export const COMPLETION_HEADERS = [
  'Họ và tên',
  'Chức vụ',
  'Đơn vị',
  'Điểm cầu',
  'Số buổi phải học',
  'Số buổi tham gia',
  'Tỷ lệ (%)',
  'Đã nộp phiếu đánh giá',
  'Hoàn thành',
];

const WIDTHS = [28, 30, 36, 32, 16, 16, 10, 20, 12];
const yesNo = (value: boolean) => (value ? 'Có' : 'Không');

/** One worksheet: text cells (never formulas), the counts and the percent as numbers. */
export async function completionsXlsx(rows: CompletionExportRow[]): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'Hội nghị';
  const sheet = workbook.addWorksheet(sheetName('Hoàn thành khóa học'));
  sheet.columns = COMPLETION_HEADERS.map((header, i) => ({ header, width: WIDTHS[i] }));
  for (const row of rows) {
    sheet.addRow([
      row.fullName,
      row.title ?? '',
      row.organization ?? '',
      row.bridgePoint,
      row.sessionsRequired,
      row.sessionsAttended,
      row.attendancePercent,
      yesNo(row.evaluationSubmitted),
      yesNo(row.completed),
    ]);
  }
  headerRow(sheet, 1, COMPLETION_HEADERS.length);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
