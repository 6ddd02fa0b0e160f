import { localPhone } from '../common/phone';
import { csvBuffer, streamedSheet } from '../common/spreadsheet-export';
import { wallClock } from '../common/vietnamese-time';
import { COLUMN_LABELS, ROLE_LABELS } from './attendee-import-columns';
import { AttendeeRole, AttendeeStatus } from './attendee.entity';

/** One delegate as exported. */
export interface ExportRow {
  code: string;
  fullName: string;
  title: string | null;
  organization: string | null;
  email: string | null;
  phone: string | null;
  bridgePoint: string;
  role: AttendeeRole;
  status: AttendeeStatus;
  checkedInAt: Date | null;
}

export const STATUS_LABELS: Record<AttendeeStatus, string> = {
  added: 'Chưa gửi giấy mời',
  invited: 'Đã mời',
  registered: 'Đã đăng ký',
  waitlisted: 'Danh sách chờ',
  accepted: 'Nhận lời',
  declined: 'Từ chối',
  cancelled: 'Đã hủy',
  attended: 'Có mặt',
  substituted: 'Cử người đi thay',
};

/** The exported columns, in order. Their headers read back through the import's column names. */
export const EXPORT_HEADERS = [
  'Mã',
  COLUMN_LABELS.fullName,
  COLUMN_LABELS.title,
  COLUMN_LABELS.organization,
  COLUMN_LABELS.email,
  COLUMN_LABELS.phone,
  COLUMN_LABELS.bridgePoint,
  COLUMN_LABELS.role,
  'Trạng thái',
  'Giờ điểm danh',
];



/** "15/07/2025 08:05" in the conference's time zone. */
export function localTime(instant: Date, timeZone: string): string {
  const t = wallClock(instant, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(t.day)}/${two(t.month)}/${t.year} ${two(t.hour)}:${two(t.minute)}`;
}

function cells(row: ExportRow): string[] {
  return [
    row.code,
    row.fullName,
    row.title ?? '',
    row.organization ?? '',
    row.email ?? '',
    localPhone(row.phone),
    row.bridgePoint,
    ROLE_LABELS[row.role] ?? row.role,
    STATUS_LABELS[row.status] ?? row.status,
  ];
}

/** UTF-8 with BOM (so Excel reads Vietnamese right), CRLF line ends, RFC 4180 quoting. */
export function toCsv(rows: Iterable<ExportRow>, timeZone: string, separator: ',' | ';'): Buffer {
  return csvBuffer(
    (function* () {
      yield EXPORT_HEADERS;
      for (const row of rows) yield [...cells(row), row.checkedInAt ? localTime(row.checkedInAt, timeZone) : ''];
    })(),
    separator,
  );
}

const WIDTHS = [10, 28, 30, 36, 30, 16, 32, 14, 14, 18];

/** One worksheet (streamed), every value a text cell (never a formula); check-in times as dates in the conference's time zone. */
export function toXlsx(rows: Iterable<ExportRow>, timeZone: string, sheetName: string): Promise<Buffer> {
  const lines = (function* () {
    for (const row of rows) {
      let checkedIn: Date | null = null;
      if (row.checkedInAt) {
        // Excel dates have no zone: write the wall-clock time of the conference's zone.
        const t = wallClock(row.checkedInAt, timeZone);
        checkedIn = new Date(Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute));
      }
      yield [...cells(row), checkedIn];
    }
  })();
  return streamedSheet(sheetName, EXPORT_HEADERS, WIDTHS, lines, (sheet) => {
    sheet.getColumn(10).numFmt = 'dd/mm/yyyy hh:mm';
  });
}
