import { Workbook } from 'exceljs';
import { searchKey } from '../common/text';
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
  invited: 'Đã mời',
  registered: 'Đã đăng ký',
  waitlisted: 'Danh sách chờ',
  accepted: 'Nhận lời',
  declined: 'Từ chối',
  cancelled: 'Đã hủy',
  attended: 'Có mặt',
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

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** +84912345678 → "0912 345 678", +842438251234 → "024 3825 1234": how people write them, and kept as text by Excel. */
export function displayPhone(phone: string | null): string {
  if (!phone) return '';
  const national = phone.startsWith('+84') ? `0${phone.slice(3)}` : phone;
  if (/^0\d{9}$/.test(national)) return `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`;
  if (/^0\d{10}$/.test(national)) return `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`;
  return phone;
}


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
    displayPhone(row.phone),
    row.bridgePoint,
    ROLE_LABELS[row.role] ?? row.role,
    STATUS_LABELS[row.status] ?? row.status,
  ];
}

/**
 * A value a spreadsheet would run as a formula (=, +, -, @, or a leading tab or CR) gets a
 * leading apostrophe, so Excel shows it as text (OWASP's advice against CSV injection).
 */
export function neutralize(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvField(value: string, separator: string): string {
  const safe = neutralize(value);
  return safe.includes(separator) || /["\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 with BOM (so Excel reads Vietnamese right), CRLF line ends, RFC 4180 quoting. */
export function toCsv(rows: ExportRow[], timeZone: string, separator: ',' | ';'): Buffer {
  const lines = [EXPORT_HEADERS.map((h) => csvField(h, separator)).join(separator)];
  for (const row of rows) {
    const checkedIn = row.checkedInAt ? localTime(row.checkedInAt, timeZone) : '';
    lines.push([...cells(row), checkedIn].map((v) => csvField(v, separator)).join(separator));
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

const WIDTHS = [10, 28, 30, 36, 30, 16, 32, 14, 14, 18];

/** One worksheet, every value a text cell (never a formula); check-in times as dates in the conference's time zone. */
export async function toXlsx(rows: ExportRow[], timeZone: string, sheetName: string): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'Hội nghị';
  const sheet = workbook.addWorksheet(sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = EXPORT_HEADERS.map((header, i) => ({ header, width: WIDTHS[i] }));
  sheet.getRow(1).font = { bold: true };
  sheet.getColumn(10).numFmt = 'dd/mm/yyyy hh:mm';
  for (const row of rows) {
    let checkedIn: Date | null = null;
    if (row.checkedInAt) {
      // Excel dates have no zone: write the wall-clock time of the conference's zone.
      const t = wallClock(row.checkedInAt, timeZone);
      checkedIn = new Date(Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute));
    }
    sheet.addRow([...cells(row), checkedIn]);
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_HEADERS.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * `attachment` with an ASCII `filename` for old clients and the real name in `filename*`
 * (RFC 5987/6266), so "Danh sách đại biểu.xlsx" arrives with its diacritics.
 */
export function contentDisposition(name: string): string {
  const printable = [...name.normalize('NFC')].map((c) => (c.charCodeAt(0) < 0x20 ? ' ' : c)).join('');
  const clean = printable
    .replace(/[\\/:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/ (\.\w+)$/, '$1')
    .trim();
  const dot = clean.lastIndexOf('.');
  const ascii = `${searchKey(clean.slice(0, dot)).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'export'}${clean.slice(dot)}`;
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
