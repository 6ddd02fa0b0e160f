import { PointDirectory, PointRef } from '../bridge-points/point-directory';
import { Sheet } from '../common/import-file';
import { ImportRowError, mapColumns, quoted, requireColumns, requireRows, RowReader } from '../common/import-rows';
import { searchKey } from '../common/text';
import { AwardForm } from './award-form.entity';
import {
  RECIPIENT_COLUMN_LABELS,
  recipientFieldOfHeader,
  RecipientImportField,
  recipientKindOf,
} from './award-recipient-import-columns';
import { RecipientKind } from './award-recipient.entity';
import { KIND_LABELS, recipientKey, recipientKindsOf, recipientProblems } from './award-recipient-rules';

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

  find(value: string): UnitRef | string {
    const key = searchKey(value).replace(/^tp\.\s*/, 'tp ');
    if (/^\d+$/.test(key)) {
      const found = this.byCode.get(key) ?? this.byCode.get(key.padStart(2, '0')) ?? this.byCode.get(key.padStart(5, '0'));
      return found ?? `${quoted(value)} is not an administrative unit code of ${this.set}, the catalogue in force on the conference's date`;
    }
    const found = this.byName.get(key) ?? [];
    if (found.length === 1) return found[0];
    return `${quoted(value)} is not a province of ${this.set}, the catalogue in force on the conference's date: write its name or code`;
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
    const reader = new RowReader(row, cells, columns, { labels: RECIPIENT_COLUMN_LABELS, maxLength: MAX_LENGTH, multiline: ['achievement'] });
    let kind: RecipientKind | undefined = kinds.length === 1 ? kinds[0] : undefined;
    const kindText = reader.text('kind');
    if (kindText !== undefined) {
      kind = recipientKindOf(kindText);
      if (!kind) reader.fail('kind', `${quoted(kindText)} is not a kind of recipient; write ${KIND_LABELS.individual} or ${KIND_LABELS.collective}`);
    } else if (!kind && !reader.hasError('kind')) {
      reader.fail('kind', `${RECIPIENT_COLUMN_LABELS.kind} is required: ${KIND_LABELS.individual} or ${KIND_LABELS.collective}`);
    }
    const name = reader.text('name');
    const title = reader.text('title');
    const organization = reader.text('organization');
    const achievement = reader.text('achievement');
    const presenterName = reader.text('presenterName');

    let position: number | undefined;
    const positionText = reader.text('position');
    if (positionText !== undefined) {
      position = Number(positionText);
      if (!/^\d{1,6}$/.test(positionText)) {
        reader.fail('position', `${quoted(positionText)} is not an order of presentation (a whole number)`);
        position = undefined;
      }
    }

    let administrativeUnitCode: string | undefined;
    const unitText = reader.text('administrativeUnit');
    if (unitText !== undefined) {
      const found = units.find(unitText);
      if (typeof found === 'string') reader.fail('administrativeUnit', found);
      else administrativeUnitCode = found.code;
    }

    let bridgePointId: string | undefined;
    const pointText = reader.text('bridgePoint');
    if (pointText !== undefined) {
      const found: PointRef | string = points.find(pointText);
      if (typeof found === 'string') reader.fail('bridgePoint', found);
      else bridgePointId = found.id;
    }

    if (kind) {
      const fields = { kind, name: name ?? null, organization: organization ?? null };
      const unreadable = reader.hasError('name') || reader.hasError('organization');
      for (const problem of recipientProblems({ ...fields, title: null, administrativeUnitCode: null, achievement: null, agendaItemId: null, bridgePointId: null, presenterName: null }, form)) {
        if (problem.field === 'name' && unreadable) continue;
        reader.fail(problem.field, problem.field === 'name' ? `a row needs ${RECIPIENT_COLUMN_LABELS.name} or ${RECIPIENT_COLUMN_LABELS.organization}` : problem.message);
      }
    }

    const key = kind ? recipientKey({ kind, name: name ?? null, organization: organization ?? null }) : '';
    if (reader.errors.length === 0 && seen.has(key)) {
      reader.fail('name', `${quoted(name ?? organization ?? '')} is already on row ${seen.get(key)} of this file`);
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
