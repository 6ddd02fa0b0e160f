import { normalizeAttendeeCode } from '../attendees/attendee-code';
import { Attendee } from '../attendees/attendee.entity';
import { fileError, Sheet } from '../common/import-file';
import { CellRules, ImportRowError, mapColumns, quoted, requireRows, RowReader } from '../common/import-rows';
import { SHEET_COLUMN_LABELS, SheetField, sheetFieldOfHeader, statusOfCell } from './session-attendance-import-columns';
import { SessionAttendanceStatus } from './session-attendance.entity';
import { holdsPlace, notHoldingPlaceMessage } from './session-eligibility';

/** One row that passed the checks: the person it names and the status it gives (present when the column is blank or absent). */
export interface SheetRow {
  row: number;
  attendee: Attendee;
  status: SessionAttendanceStatus;
}

export interface CheckedSheetRows {
  valid: SheetRow[];
  rejectedRows: Set<number>;
  errors: ImportRowError[];
}

const RULES: CellRules<SheetField> = { labels: SHEET_COLUMN_LABELS, maxLength: { code: 20, email: 254, status: 50 } };

/** Which column holds which field: a sheet names its people by code or by email (or both). */
export function sheetColumnsOf(sheet: Sheet): Map<SheetField, number> {
  const columns = mapColumns(sheet, sheetFieldOfHeader, SHEET_COLUMN_LABELS);
  if (!columns.has('code') && !columns.has('email')) {
    throw fileError(
      `Dòng tiêu đề thiếu cột ${SHEET_COLUMN_LABELS.code} (hoặc ${SHEET_COLUMN_LABELS.email}): mỗi dòng ghi một đại biểu bằng mã điểm danh hoặc email.`,
      'no_attendee_column',
    );
  }
  requireRows(sheet);
  return columns;
}

/**
 * Checks every row: it names one person the caller may mark (by code, email, or both if they
 * agree) who holds a place, at most once in the file, with a status the column names. People the
 * caller may not see are `people` it was not given, so they read as unknown.
 */
export function checkSheetRows(sheet: Sheet, columns: Map<SheetField, number>, people: Attendee[]): CheckedSheetRows {
  const byCode = new Map(people.map((a) => [a.code, a]));
  const byEmail = new Map(people.filter((a) => a.email).map((a) => [a.email!.toLowerCase(), a]));
  const errors: ImportRowError[] = [];
  const rejectedRows = new Set<number>();
  const valid: SheetRow[] = [];
  const seen = new Map<string, number>();

  for (const { row, cells } of sheet.rows) {
    const reader = new RowReader(row, cells, columns, RULES);
    const codeText = reader.text('code');
    const emailText = reader.text('email')?.toLowerCase();
    const statusText = reader.text('status');
    let attendee: Attendee | undefined;
    const viaCode = codeText === undefined ? undefined : byCode.get(normalizeAttendeeCode(codeText));
    const viaEmail = emailText === undefined ? undefined : byEmail.get(emailText);
    if (codeText !== undefined && !viaCode) {
      reader.fail('code', `Không có đại biểu nào mang mã ${quoted(codeText)} trong hội nghị này.`, 'unknown_code');
    }
    if (emailText !== undefined && !viaEmail) {
      reader.fail('email', `Không có đại biểu nào có email ${quoted(emailText)} trong hội nghị này.`, 'unknown_email');
    }
    if (viaCode && viaEmail && viaCode.id !== viaEmail.id) {
      reader.fail(
        'email',
        `${SHEET_COLUMN_LABELS.code} ${viaCode.code} là ${viaCode.fullName}, còn email ${quoted(emailText!)} là ${viaEmail.fullName}: hai cột phải chỉ cùng một người.`,
        'attendee_mismatch',
      );
    } else {
      attendee = viaCode ?? viaEmail;
    }
    if (codeText === undefined && emailText === undefined && !reader.hasError('code') && !reader.hasError('email')) {
      reader.fail('code', 'Thiếu mã điểm danh hoặc email của đại biểu.', 'attendee_required');
    }
    if (attendee && !reader.errors.some((e) => e.field === 'code' || e.field === 'email')) {
      const earlier = seen.get(attendee.id);
      if (!holdsPlace(attendee)) {
        reader.fail(codeText !== undefined ? 'code' : 'email', notHoldingPlaceMessage(attendee), 'not_holding_place');
      } else if (earlier !== undefined) {
        reader.fail(codeText !== undefined ? 'code' : 'email', `${attendee.fullName} đã có ở dòng ${earlier} của tệp này.`, 'duplicate_attendee');
      } else {
        seen.set(attendee.id, row);
      }
    }
    const status = statusText === undefined ? 'present' : statusOfCell(statusText);
    if (!status && !reader.hasError('status')) {
      reader.fail(
        'status',
        `${SHEET_COLUMN_LABELS.status} ${quoted(statusText!)} không hợp lệ: ghi "có mặt", "đi muộn", "có phép" hoặc "vắng" (hoặc present, late, excused, absent); để trống là có mặt.`,
        'invalid_status',
      );
    }
    if (reader.errors.length > 0 || !attendee || !status) {
      errors.push(...reader.errors);
      rejectedRows.add(row);
      continue;
    }
    valid.push({ row, attendee, status });
  }
  return { valid, rejectedRows, errors };
}
