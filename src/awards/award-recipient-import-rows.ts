import { PointDirectory } from '../bridge-points/point-directory';
import { Sheet } from '../common/import-file';
import { CellProblemWords, CellRules, ImportRowError, mapColumns, quoted, requireColumns, requireRows, RowReader } from '../common/import-rows';
import { searchKey } from '../common/text';
import { AwardForm } from './award-form.entity';
import {
  RECIPIENT_COLUMN_LABELS,
  recipientFieldOfHeader,
  RecipientImportField,
  recipientKindOf,
} from './award-recipient-import-columns';
import { RecipientKind } from './award-recipient.entity';
import { recipientKey, recipientKindsOf, recipientProblems } from './award-recipient-rules';

/**
 * One row that passed the checks. An optional value that is absent (no such column, or a blank
 * cell) keeps what a recipient already there has; a new recipient gets null.
 */
export interface RecipientImportRow {
  row: number;
  key: string;
  kind: RecipientKind;
  name?: string;
  title?: string;
  organization?: string;
  administrativeUnitCode?: string;
  achievement?: string;
  position?: number;
  bridgePointId?: string;
  presenterName?: string;
}

export interface CheckedRecipientRows {
  valid: RecipientImportRow[];
  rejectedRows: Set<number>;
  errors: ImportRowError[];
}

const MAX_LENGTH: Partial<Record<RecipientImportField, number>> = {
  name: 300,
  title: 300,
  organization: 300,
  achievement: 5000,
  presenterName: 200,
};

/** Cell problems in the words of the award list: Vietnamese, each with its code. */
const vietnameseWords: CellProblemWords = (label, problem) => {
  switch (problem.kind) {
    case 'unusable':
      if (problem.cell.reason === 'error_value') {
        return { code: 'error_value', message: `${label} chứa giá trị lỗi${problem.cell.value ? ` ${problem.cell.value}` : ''}.` };
      }
      return {
        code: 'formula_without_value',
        message: `${label} là công thức chưa có giá trị đã lưu: hãy mở tệp bằng Excel, để Excel tính xong, lưu lại rồi nhập lại.`,
      };
    case 'formula':
      return {
        code: 'formula',
        message: `${quoted(problem.value)} bắt đầu bằng "${problem.value[0]}" nên sẽ chạy như công thức bảng tính; không nhập công thức.`,
      };
    case 'too_long':
      return { code: 'too_long', message: `${label} dài quá ${problem.max} ký tự.` };
    case 'required':
      return { code: 'required', message: `Thiếu ${label}.` };
  }
};

const RULES: CellRules<RecipientImportField> = {
  labels: RECIPIENT_COLUMN_LABELS,
  maxLength: MAX_LENGTH,
  multiline: ['achievement'],
  words: vietnameseWords,
};

/** Why a cell names no unit, in Vietnamese, with a stable code. */
export interface UnitProblem {
  code: 'unknown_administrative_unit' | 'unknown_province';
  message: string;
}

interface UnitRef {
  code: string;
  name: string;
  level: string;
}

/** Administrative units as a file may name them: code (Excel may drop its leading 0) or a province's name. */
export class UnitDirectory {
  private readonly byCode = new Map<string, UnitRef>();
  private readonly byName = new Map<string, UnitRef[]>();

  constructor(
    units: UnitRef[],
    private readonly set: string,
  ) {
    for (const unit of units) {
      this.byCode.set(unit.code, unit);
      if (unit.level !== 'province') continue;
      const name = searchKey(unit.name);
      for (const key of [name, `tinh ${name}`, `thanh pho ${name}`, `tp ${name}`]) {
        this.byName.set(key, [...(this.byName.get(key) ?? []), unit]);
      }
    }
  }

  find(value: string): UnitRef | UnitProblem {
    const key = searchKey(value).replace(/^tp\.\s*/, 'tp ');
    if (/^\d+$/.test(key)) {
      const found = this.byCode.get(key) ?? this.byCode.get(key.padStart(2, '0')) ?? this.byCode.get(key.padStart(5, '0'));
      return (
        found ?? {
          code: 'unknown_administrative_unit',
          message: `${quoted(value)} không phải là mã đơn vị hành chính trong danh mục ${this.set}, danh mục áp dụng vào ngày diễn ra hội nghị.`,
        }
      );
    }
    const found = this.byName.get(key) ?? [];
    if (found.length === 1) return found[0];
    return {
      code: 'unknown_province',
      message: `${quoted(value)} không phải là tỉnh, thành phố trong danh mục ${this.set}, danh mục áp dụng vào ngày diễn ra hội nghị: hãy ghi tên hoặc mã.`,
    };
  }
}

/**
 * Which column holds which field. The kind may be left out when the decision's award form
 * takes one kind only; a name or organization column is needed.
 */
export function recipientColumnsOf(sheet: Sheet, form: Pick<AwardForm, 'recipientKinds'>): Map<RecipientImportField, number> {
  const columns = mapColumns(sheet, recipientFieldOfHeader, RECIPIENT_COLUMN_LABELS);
  const required: RecipientImportField[] = recipientKindsOf(form).length > 1 ? ['kind'] : [];
  if (!columns.has('organization')) required.push('name');
  requireColumns(columns, required, RECIPIENT_COLUMN_LABELS);
  requireRows(sheet);
  return columns;
}

type RecipientRowReader = RowReader<RecipientImportField>;

/** The row's kind: the one its cell names, else the award form's only kind; refused when neither gives one. */
function kindOfRow(reader: RecipientRowReader, kinds: RecipientKind[]): RecipientKind | undefined {
  let kind: RecipientKind | undefined = kinds.length === 1 ? kinds[0] : undefined;
  const kindText = reader.text('kind');
  if (kindText !== undefined) {
    kind = recipientKindOf(kindText);
    if (!kind) reader.fail('kind', `${quoted(kindText)} không phải là loại đối tượng khen thưởng; hãy ghi Cá nhân hoặc Tập thể.`, 'unknown_kind');
  } else if (!kind && !reader.hasError('kind')) {
    reader.fail('kind', `Thiếu ${RECIPIENT_COLUMN_LABELS.kind}: hãy ghi Cá nhân hoặc Tập thể.`, 'required');
  }
  return kind;
}

/** The row's place in the presentation order: a whole number of at most 6 digits. */
function positionOfRow(reader: RecipientRowReader): number | undefined {
  let position: number | undefined;
  const positionText = reader.text('position');
  if (positionText !== undefined) {
    position = Number(positionText);
    if (!/^\d{1,6}$/.test(positionText)) {
      reader.fail('position', `${quoted(positionText)} không phải là thứ tự trao (một số nguyên không âm).`, 'invalid_position');
      position = undefined;
    }
  }
  return position;
}

/** The code of the administrative unit the row names (by code or a province's name). */
function unitCodeOfRow(reader: RecipientRowReader, units: UnitDirectory): string | undefined {
  let administrativeUnitCode: string | undefined;
  const unitText = reader.text('administrativeUnit');
  if (unitText !== undefined) {
    const found = units.find(unitText);
    if ('message' in found) reader.fail('administrativeUnit', found.message, found.code);
    else administrativeUnitCode = found.code;
  }
  return administrativeUnitCode;
}

/** The id of the bridge point the row names. */
function pointIdOfRow(reader: RecipientRowReader, points: PointDirectory): string | undefined {
  let bridgePointId: string | undefined;
  const pointText = reader.text('bridgePoint');
  if (pointText !== undefined) {
    const found = points.read(pointText);
    if ('point' in found) bridgePointId = found.point.id;
    else reader.fail('bridgePoint', `${found.message}.`, found.code);
  }
  return bridgePointId;
}

/**
 * What the award form refuses of the row's recipient (a kind it does not take, neither name nor
 * organization); a missing name is not reported again when its cell could not be read.
 */
function checkAgainstForm(
  reader: RecipientRowReader,
  form: Pick<AwardForm, 'name' | 'recipientKinds'>,
  kind: RecipientKind,
  name: string | undefined,
  organization: string | undefined,
): void {
  const fields = { kind, name: name ?? null, organization: organization ?? null };
  const unreadable = reader.hasError('name') || reader.hasError('organization');
  for (const problem of recipientProblems({ ...fields, title: null, administrativeUnitCode: null, achievement: null, agendaItemId: null, bridgePointId: null, presenterName: null }, form)) {
    if (problem.field === 'name' && unreadable) continue;
    const message =
      problem.field === 'name' ? `Dòng cần có ${RECIPIENT_COLUMN_LABELS.name} hoặc ${RECIPIENT_COLUMN_LABELS.organization}.` : problem.message;
    reader.fail(problem.field, message, problem.code);
  }
}

/**
 * Checks every row on its own, against the decision's award form and against the rows above
 * it: a later row naming the same recipient (kind, name and organization) is the one rejected.
 */
export function checkRecipientRows(
  sheet: Sheet,
  columns: Map<RecipientImportField, number>,
  form: Pick<AwardForm, 'name' | 'recipientKinds'>,
  points: PointDirectory,
  units: UnitDirectory,
): CheckedRecipientRows {
  const errors: ImportRowError[] = [];
  const rejectedRows = new Set<number>();
  const valid: RecipientImportRow[] = [];
  const seen = new Map<string, number>();
  const kinds = recipientKindsOf(form);

  for (const { row, cells } of sheet.rows) {
    const reader = new RowReader(row, cells, columns, RULES);
    const kind = kindOfRow(reader, kinds);
    const name = reader.text('name');
    const title = reader.text('title');
    const organization = reader.text('organization');
    const achievement = reader.text('achievement');
    const presenterName = reader.text('presenterName');
    const position = positionOfRow(reader);
    const administrativeUnitCode = unitCodeOfRow(reader, units);
    const bridgePointId = pointIdOfRow(reader, points);
    if (kind) checkAgainstForm(reader, form, kind, name, organization);

    const key = kind ? recipientKey({ kind, name: name ?? null, organization: organization ?? null }) : '';
    if (reader.errors.length === 0 && seen.has(key)) {
      reader.fail('name', `${quoted(name ?? organization ?? '')} đã có ở dòng ${seen.get(key)} của tệp này.`, 'duplicate_recipient');
    }
    if (reader.errors.length > 0) {
      errors.push(...reader.errors);
      rejectedRows.add(row);
      continue;
    }
    seen.set(key, row);
    valid.push({ row, key, kind: kind!, name, title, organization, administrativeUnitCode, achievement, position, bridgePointId, presenterName });
  }
  return { valid, rejectedRows, errors };
}
