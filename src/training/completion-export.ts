import { streamedSheet } from '../common/spreadsheet-export';
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

/** One worksheet (streamed): text cells (never formulas), the counts and the percent as numbers. */
export function completionsXlsx(rows: CompletionExportRow[]): Promise<Buffer> {
  const lines = rows.map((row) => [
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
  return streamedSheet('Hoàn thành khóa học', COMPLETION_HEADERS, WIDTHS, lines);
}
