import { isEmail } from 'class-validator';
import { fileError, Sheet } from '../common/import-file';
import { CellProblemWords, CellRules, ImportRowError, mapColumns, phoneOfCell, quoted, requireRows, RowReader } from '../common/import-rows';
import {
  CONTACT_COLUMN_LABELS,
  CONTACT_FIELDS,
  ContactField,
  contactFieldOfHeader,
  ContactImportField,
} from './bridge-point-contacts-import-columns';
import { PointDirectory, PointRef } from './point-directory';

/** One row that passed the checks: its point and the values it gives (a blank cell gives none, and keeps what is stored). */
export interface ContactRow {
  row: number;
  point: PointRef;
  values: Partial<Record<ContactField, string>>;
}

export interface CheckedContactRows {
  valid: ContactRow[];
  rejectedRows: Set<number>;
  errors: ImportRowError[];
  /** Rows read differently from how they are written (a vn-63 province as its vn-34 successor); they are kept. */
  warnings: ImportRowError[];
}

/**
 * Unusable cells in the words of this list (an error value named, a formula explained); the
 * other cell problems are worded as every list words them, in Vietnamese with a code.
 */
const vietnameseWords: CellProblemWords = (label, problem) => {
  if (problem.kind !== 'unusable') return undefined;
  if (problem.cell.reason === 'error_value') return { code: 'error_value', message: `${label} chứa giá trị lỗi ${problem.cell.value}.` };
  return {
    code: 'formula_without_value',
    message: `${label} là công thức chưa có giá trị đã lưu: hãy mở tệp bằng Excel, để Excel tính xong, lưu lại rồi nhập lại.`,
  };
};

const RULES: CellRules<ContactImportField> = {
  labels: CONTACT_COLUMN_LABELS,
  maxLength: { point: 300, code: 20, chairName: 200, chairTitle: 300, contactName: 200, contactEmail: 254 },
  words: vietnameseWords,
};

/**
 * Which column holds which field. A file must name its points (a Điểm cầu or a Mã đơn vị
 * column, or both) and give at least one contact column.
 */
export function contactColumnsOf(sheet: Sheet): Map<ContactImportField, number> {
  const columns = mapColumns(sheet, contactFieldOfHeader, CONTACT_COLUMN_LABELS);
  if (!columns.has('point') && !columns.has('code')) {
    throw fileError(
      `Dòng tiêu đề thiếu cột ${CONTACT_COLUMN_LABELS.point} (hoặc ${CONTACT_COLUMN_LABELS.code}): mỗi dòng ghi điểm cầu bằng tên hoặc mã đơn vị hành chính.`,
      'no_point_column',
    );
  }
  if (!CONTACT_FIELDS.some((field) => columns.has(field))) {
    const labels = CONTACT_FIELDS.map((field) => CONTACT_COLUMN_LABELS[field]).join(', ');
    throw fileError(`Dòng tiêu đề không có cột nào để ghi vào điểm cầu: ${labels}.`, 'no_contact_column');
  }
  requireRows(sheet);
  return columns;
}

/**
 * Checks every row on its own and against the rows above it: a later row naming a point
 * already named is the one rejected. A row may name its point in both columns, if they agree.
 */
export function checkContactRows(sheet: Sheet, columns: Map<ContactImportField, number>, points: PointDirectory): CheckedContactRows {
  const errors: ImportRowError[] = [];
  const warnings: ImportRowError[] = [];
  const rejectedRows = new Set<number>();
  const valid: ContactRow[] = [];
  const seen = new Map<string, number>();

  for (const { row, cells } of sheet.rows) {
    const reader = new RowReader(row, cells, columns, RULES);
    const byCode = pointOf(reader, 'code', points);
    const byName = pointOf(reader, 'point', points);
    let point = (byCode ?? byName)?.point;
    if (byCode && byName && byCode.point.id !== byName.point.id) {
      reader.fail(
        'point',
        `${CONTACT_COLUMN_LABELS.code} ${quoted(byCode.text)} là ${byCode.point.name}, còn ${CONTACT_COLUMN_LABELS.point} ${quoted(byName.text)} là ${byName.point.name}: hai cột phải chỉ cùng một điểm cầu.`,
        'point_mismatch',
      );
      point = undefined;
    } else if (!point && !reader.hasError('point') && !reader.hasError('code')) {
      reader.fail('point', 'Thiếu điểm cầu: ghi mã đơn vị hành chính hoặc tên điểm cầu.', 'point_required');
    }
    if (point) {
      const earlier = seen.get(point.id);
      if (earlier !== undefined) {
        reader.fail(byName ? 'point' : 'code', `${point.name} đã có ở dòng ${earlier} của tệp này.`, 'duplicate_point');
      } else {
        seen.set(point.id, row);
      }
    }

    const values: Partial<Record<ContactField, string>> = {};
    for (const field of ['chairName', 'chairTitle', 'contactName'] as const) {
      const value = reader.text(field);
      if (value !== undefined) values[field] = value;
    }
    const email = reader.text('contactEmail')?.toLowerCase();
    if (email !== undefined) {
      if (isEmail(email)) values.contactEmail = email;
      else reader.fail('contactEmail', `${quoted(email)} không phải là địa chỉ email.`, 'invalid_email');
    }
    const phone = reader.text('contactPhone');
    if (phone !== undefined) {
      const normalized = phoneOfCell(phone);
      if (normalized) values.contactPhone = normalized;
      else reader.fail('contactPhone', `${quoted(phone)} không phải là số điện thoại Việt Nam (ví dụ 0912 345 678).`, 'invalid_phone');
    }

    if (reader.errors.length > 0) {
      errors.push(...reader.errors);
      rejectedRows.add(row);
      continue;
    }
    warnings.push(...reader.warnings);
    valid.push({ row, point: point!, values });
  }
  return { valid, rejectedRows, errors, warnings };
}

/** The point a column of the row names and the cell's text; reports on that column why none, and what was read differently. */
function pointOf(
  reader: RowReader<ContactImportField>,
  field: 'point' | 'code',
  points: PointDirectory,
): { point: PointRef; text: string } | undefined {
  const text = reader.text(field);
  if (text === undefined) return undefined;
  const reading = points.read(text);
  if (!('point' in reading)) {
    // The directory's sentences are shared with the other lists, which end them themselves.
    reader.fail(field, `${reading.message}.`, reading.code);
    return undefined;
  }
  if (reading.warning) reader.warn(field, reading.warning.message, reading.warning.code);
  return { point: reading.point, text };
}
