import { isEmail } from 'class-validator';
import { PointDirectory, PointRef } from '../bridge-points/point-directory';
import { Sheet } from '../common/import-file';
import { ImportRowError, mapColumns, phoneOfCell, quoted, requireColumns, requireRows, RowReader } from '../common/import-rows';
import { COLUMN_LABELS, fieldOfHeader, ImportField, ROLE_LABELS, roleOf } from './attendee-import-columns';
import { AttendeeRole } from './attendee.entity';

/**
 * One row that passed the checks. An optional value that is absent (no such column, or a blank
 * cell) leaves an existing delegate's value as it is; a new delegate gets null.
 */
export interface ImportRow {
  row: number;
  fullName: string;
  title?: string;
  organization?: string;
  email?: string;
  phone?: string;
  bridgePointId: string;
  role?: AttendeeRole;
  notes?: string;
}

export interface CheckedRows {
  totalRows: number;
  valid: ImportRow[];
  /** Rows with at least one error. */
  rejectedRows: Set<number>;
  errors: ImportRowError[];
  /** What was read differently from how it is written (a vn-63 province as its vn-34 successor); the rows are kept. */
  warnings: ImportRowError[];
}

const MAX_LENGTH: Partial<Record<ImportField, number>> = {
  fullName: 200,
  title: 300,
  organization: 300,
  email: 254,
  notes: 5000,
};

/**
 * Which column holds which field. Refuses a file whose first row does not name the columns,
 * and then one with nothing below its header.
 */
export function columnsOf(sheet: Sheet, hasDefaultPoint: boolean): Map<ImportField, number> {
  const columns = mapColumns(sheet, fieldOfHeader, COLUMN_LABELS);
  const required: ImportField[] = ['fullName', ...(hasDefaultPoint ? [] : ['bridgePoint' as const])];
  const hint = !columns.has('bridgePoint') && !hasDefaultPoint ? ': hãy thêm cột này, hoặc gửi bridgePointId để ghi một điểm cầu cho cả tệp' : '';
  requireColumns(columns, required, COLUMN_LABELS, hint);
  requireRows(sheet);
  return columns;
}

/** A sentence of a row problem ends with a period (some shared wordings come without one). */
const sentence = (text: string): string => (/[.!?…]$/.test(text) ? text : `${text}.`);

/**
 * Checks every row on its own and against the rows above it: a later row repeating an email
 * is the one rejected. Every problem is reported with the row, the field, a stable code and a
 * message in Vietnamese.
 */
export function checkRows(
  sheet: Sheet,
  columns: Map<ImportField, number>,
  points: PointDirectory,
  defaultPoint: PointRef | null,
): CheckedRows {
  const errors: ImportRowError[] = [];
  const warnings: ImportRowError[] = [];
  const rejectedRows = new Set<number>();
  const valid: ImportRow[] = [];
  const emailRows = new Map<string, number>();
  const roleList = Object.entries(ROLE_LABELS)
    .map(([code, label]) => `${label} (${code})`)
    .join(', ');

  for (const { row, cells } of sheet.rows) {
    const reader = new RowReader(row, cells, columns, { labels: COLUMN_LABELS, maxLength: MAX_LENGTH, multiline: ['notes'] });
    const rowErrors = reader.errors;
    const fail = (field: string, code: string, message: string) => reader.fail(field, sentence(message), code);
    const text = (field: ImportField) => reader.text(field);

    const fullName = reader.required('fullName');
    const title = text('title');
    const organization = text('organization');
    const notes = text('notes');

    const email = text('email')?.toLowerCase();
    if (email !== undefined) {
      if (!isEmail(email)) {
        fail('email', 'invalid_email', `${quoted(email)} không phải là địa chỉ email, ví dụ ten@coquan.gov.vn`);
      } else if (emailRows.has(email)) {
        fail('email', 'duplicate_email', `${email} đã có ở dòng ${emailRows.get(email)} của tệp này`);
      } else {
        emailRows.set(email, row);
      }
    }

    let phone = text('phone');
    if (phone !== undefined) {
      const normalized = phoneOfCell(phone);
      if (!normalized) fail('phone', 'invalid_phone', `${quoted(phone)} không phải là số điện thoại Việt Nam, ví dụ 0912 345 678`);
      else phone = normalized;
    }

    let role: AttendeeRole | undefined;
    const roleText = text('role');
    if (roleText !== undefined) {
      role = roleOf(roleText);
      if (!role) fail('role', 'unknown_role', `${quoted(roleText)} không phải là vai trò; hãy ghi một trong các vai trò: ${roleList}`);
    }

    let point: PointRef | null = null;
    const pointText = text('bridgePoint');
    if (pointText !== undefined) {
      const reading = points.read(pointText);
      if ('point' in reading) {
        point = reading.point;
        if (reading.warning) reader.warn('bridgePoint', reading.warning.message, reading.warning.code);
      } else {
        fail('bridgePoint', reading.code, reading.message);
      }
    } else if (defaultPoint) {
      point = defaultPoint;
    } else if (!rowErrors.some((e) => e.field === 'bridgePoint')) {
      fail('bridgePoint', 'required', `Thiếu ${COLUMN_LABELS.bridgePoint}: hãy ghi tên hoặc mã đơn vị hành chính của điểm cầu`);
    }

    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      rejectedRows.add(row);
      continue;
    }
    warnings.push(...reader.warnings);
    valid.push({ row, fullName: fullName!, title, organization, email, phone, bridgePointId: point!.id, role, notes });
  }
  return { totalRows: sheet.rows.length, valid, rejectedRows, errors, warnings };
}
