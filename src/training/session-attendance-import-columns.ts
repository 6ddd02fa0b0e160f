import { headerMatcher } from '../common/import-rows';
import { searchKey } from '../common/text';
import { SessionAttendanceStatus } from './session-attendance.entity';

/** The columns of a paper sign-in sheet (danh sách ký tên) as typed in: who (by code or email) and, optionally, how. */
export const SHEET_FIELDS = ['code', 'email', 'status'] as const;
export type SheetField = (typeof SHEET_FIELDS)[number];

/** The Vietnamese header of each column: what error messages name. */
export const SHEET_COLUMN_LABELS: Record<SheetField, string> = {
  code: 'Mã',
  email: 'Email',
  status: 'Trạng thái',
};

const HEADER_ALIASES: Record<SheetField, string[]> = {
  code: ['mã', 'mã điểm danh', 'mã đại biểu', 'mã số', 'code', 'check-in code', 'attendee code'],
  email: ['email', 'e-mail', 'thư điện tử', 'địa chỉ email'],
  status: ['trạng thái', 'điểm danh', 'tình trạng', 'status', 'attendance'],
};

/** The field a header names, or undefined for a column the import ignores (STT, Họ và tên, Chữ ký…). */
export const sheetFieldOfHeader = headerMatcher(HEADER_ALIASES);

/** Words of the status column, compared without diacritics or case. */
const STATUS_WORDS: Record<SessionAttendanceStatus, string[]> = {
  present: ['có mặt', 'có', 'x', 'đã ký', 'present'],
  late: ['đi muộn', 'muộn', 'đến muộn', 'đi trễ', 'late'],
  excused: ['có phép', 'vắng có phép', 'excused'],
  absent: ['vắng', 'vắng mặt', 'vắng không phép', 'không phép', 'absent'],
};
const STATUS_BY_KEY = new Map<string, SessionAttendanceStatus>(
  (Object.keys(STATUS_WORDS) as SessionAttendanceStatus[]).flatMap((status) => STATUS_WORDS[status].map((word) => [searchKey(word), status] as const)),
);

/** The status a cell names ("Có mặt", "vang co phep", "LATE"), or undefined for anything else. */
export function statusOfCell(value: string): SessionAttendanceStatus | undefined {
  return STATUS_BY_KEY.get(searchKey(value).replace(/\s+/g, ' ').trim());
}
