import { isEmail } from 'class-validator';
import { PointDirectory, PointRef } from '../bridge-points/point-directory';
import { Sheet } from '../common/import-file';
import { CellRules, ImportRowError, mapColumns, phoneOfCell, quoted, requireColumns, requireRows, RowReader } from '../common/import-rows';
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

type DelegateRowReader = RowReader<ImportField>;

const RULES: CellRules<ImportField> = { labels: COLUMN_LABELS, maxLength: MAX_LENGTH, multiline: ['notes'] };

/** Records a problem of the row, its message ended as a sentence. */
function fail(reader: DelegateRowReader, field: string, code: string, message: string): void {
  reader.fail(field, sentence(message), code);
}

/** The row's email, lowercased; refused when it is not an email or a row above has it (`emailRows`, which a new one joins). */
function emailOfRow(reader: DelegateRowReader, emailRows: Map<string, number>): string | undefined {
  const email = reader.text('email')?.toLowerCase();
  if (email !== undefined) {
    if (!isEmail(email)) {
      fail(reader, 'email', 'invalid_email', `${quoted(email)} không phải là địa chỉ email, ví dụ ten@coquan.gov.vn`);
    } else if (emailRows.has(email)) {
      fail(reader, 'email', 'duplicate_email', `${email} đã có ở dòng ${emailRows.get(email)} của tệp này`);
    } else {
      emailRows.set(email, reader.row);
    }
  }
  return email;
}

/** The row's phone number, normalized; refused when it is not a Vietnamese number. */
function phoneOfRow(reader: DelegateRowReader): string | undefined {
  let phone = reader.text('phone');
  if (phone !== undefined) {
    const normalized = phoneOfCell(phone);
    if (!normalized) fail(reader, 'phone', 'invalid_phone', `${quoted(phone)} không phải là số điện thoại Việt Nam, ví dụ 0912 345 678`);
    else phone = normalized;
  }
  return phone;
}

/** The row's role, by label or code; refused when it names none (`roleList` lists them). */
function roleOfRow(reader: DelegateRowReader, roleList: string): AttendeeRole | undefined {
  let role: AttendeeRole | undefined;
  const roleText = reader.text('role');
  if (roleText !== undefined) {
    role = roleOf(roleText);
    if (!role) fail(reader, 'role', 'unknown_role', `${quoted(roleText)} không phải là vai trò; hãy ghi một trong các vai trò: ${roleList}`);
  }
  return role;
}

/**
 * The row's bridge point: the one its cell names (a warning when read differently from how it
 * is written), else the file's default point; refused when neither names one.
 */
function pointOfRow(reader: DelegateRowReader, points: PointDirectory, defaultPoint: PointRef | null): PointRef | null {
  let point: PointRef | null = null;
  const pointText = reader.text('bridgePoint');
  if (pointText !== undefined) {
    const reading = points.read(pointText);
    if ('point' in reading) {
      point = reading.point;
      if (reading.warning) reader.warn('bridgePoint', reading.warning.message, reading.warning.code);
    } else {
      fail(reader, 'bridgePoint', reading.code, reading.message);
    }
  } else if (defaultPoint) {
    point = defaultPoint;
  } else if (!reader.errors.some((e) => e.field === 'bridgePoint')) {
    fail(reader, 'bridgePoint', 'required', `Thiếu ${COLUMN_LABELS.bridgePoint}: hãy ghi tên hoặc mã đơn vị hành chính của điểm cầu`);
  }
  return point;
}

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
    const reader = new RowReader(row, cells, columns, RULES);
    const fullName = reader.required('fullName');
    const title = reader.text('title');
    const organization = reader.text('organization');
    const notes = reader.text('notes');
    const email = emailOfRow(reader, emailRows);
    const phone = phoneOfRow(reader);
    const role = roleOfRow(reader, roleList);
    const point = pointOfRow(reader, points, defaultPoint);

    if (reader.errors.length > 0) {
      errors.push(...reader.errors);
      rejectedRows.add(row);
      continue;
    }
    warnings.push(...reader.warnings);
    valid.push({ row, fullName: fullName!, title, organization, email, phone, bridgePointId: point!.id, role, notes });
  }
  return { totalRows: sheet.rows.length, valid, rejectedRows, errors, warnings };
}
