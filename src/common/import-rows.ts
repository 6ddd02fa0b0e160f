import { ApiProperty } from '@nestjs/swagger';
import { Cell, fileError, Sheet } from './import-file';
import { normalizePhone } from './phone';
import { controlCharacterIn, nfc, searchKey } from './text';

/**
 * Row checks shared by every list import (delegates, award recipients): headers matched in
 * Vietnamese or English, cells read as NFC text, formulas refused, every problem reported with
 * its row, field and message.
 */

export interface ImportRowError {
  /** The row as the person sees it in their spreadsheet: the header is row 1. */
  row: number;
  field: string;
  message: string;
  /** A stable machine code (`invalid_email`, `former_province`, …). */
  code: string;
}

/** A problem of one row (or, among warnings, something read differently from how it is written). */
export class ImportRowErrorDto {
  @ApiProperty({ description: 'the row in the file as a person sees it; the header is row 1' }) row!: number;
  @ApiProperty({ example: 'email', description: 'the field (column) of the row' }) field!: string;
  @ApiProperty({ description: 'what is wrong, or how the value was read, in Vietnamese' }) message!: string;
  @ApiProperty({ example: 'invalid_email', description: 'a stable machine code' }) code!: string;
}

/** A value as quoted in a message, shortened past 60 characters. */
export const quoted = (value: string): string => `"${value.length > 60 ? `${value.slice(0, 57)}...` : value}"`;

/**
 * A value a spreadsheet would run as a formula (CSV injection): `=…`, `@…`, or `+`/`-` followed
 * by more than a number. "+84 912 345 678" is a phone number, "-cmd|…" and "+SUM(…)" are not.
 */
export function looksLikeFormula(value: string): boolean {
  if (/^[=@]/.test(value)) return true;
  return /^[+-]/.test(value) && !/^[+-][\d\s.()+-]*$/.test(value);
}

/**
 * A phone number as a spreadsheet cell holds it, in the stored form (+84…), or null when it is
 * none: a column formatted as numbers loses the leading 0 in Excel (912345678).
 */
export function phoneOfCell(value: string): string | null {
  return normalizePhone(value) ?? (/^[1-9]\d{8,9}$/.test(value) ? normalizePhone(`0${value}`) : null);
}

/** A header as compared: no diacritics, no case, punctuation (`*`, `:`, `/`, `-`, …) as spaces. */
export const headerKey = (header: string): string =>
  searchKey(header.replace(/\([^)]*\)/g, ' ')).replace(/[^a-z0-9]+/g, ' ').trim();

/**
 * Reads headers as fields, given each field's aliases. "Họ và tên (full name)" and "Email *"
 * are recognised too: parenthesised text and marks are ignored. Unknown headers give undefined.
 */
export function headerMatcher<F extends string>(aliases: Record<F, string[]>): (header: string) => F | undefined {
  const byKey = new Map<string, F>(
    (Object.keys(aliases) as F[]).flatMap((field) => aliases[field].map((alias) => [headerKey(alias), field] as const)),
  );
  return (header) => byKey.get(headerKey(header));
}

/**
 * Which column holds which field. Refuses a file whose first row names no known column, one
 * where two columns give the same field, and one with nothing below its header; which
 * columns are required is the caller's rule.
 */
export function mapColumns<F extends string>(
  sheet: Sheet,
  fieldOf: (header: string) => F | undefined,
  labels: Record<F, string>,
): Map<F, number> {
  const columns = new Map<F, number>();
  sheet.headers.forEach((header, index) => {
    const field = fieldOf(header);
    if (!field) return;
    if (columns.has(field)) {
      throw fileError(`Hai cột "${sheet.headers[columns.get(field)!]}" và "${header}" cùng ghi ${labels[field]} (${field}).`, 'duplicate_column');
    }
    columns.set(field, index);
  });
  if (columns.size === 0) {
    const known = (Object.keys(labels) as F[]).map((f) => `${labels[f]} (${f})`).join(', ');
    throw fileError(`Dòng đầu tiên phải là dòng tiêu đề ghi tên các cột: ${known}.`, 'no_header_row');
  }
  return columns;
}

/** Refuses a header row without the required columns; `hint` says how else to give them. */
export function requireColumns<F extends string>(columns: Map<F, number>, required: F[], labels: Record<F, string>, hint = ''): void {
  const missing = required.filter((f) => !columns.has(f));
  if (missing.length > 0) {
    throw fileError(`Dòng tiêu đề thiếu cột ${missing.map((f) => `${labels[f]} (${f})`).join(' và ')}${hint}.`, 'missing_column');
  }
}

export const requireRows = (sheet: Sheet): void => {
  if (sheet.rows.length === 0) throw fileError('Tệp chỉ có dòng tiêu đề, chưa có dòng dữ liệu nào.', 'no_rows');
};

/** What can be wrong with a cell before its field's own rules look at it. */
export type CellProblem =
  | { kind: 'unusable'; cell: Exclude<Cell, string> }
  | { kind: 'formula'; value: string }
  | { kind: 'too_long'; max: number }
  | { kind: 'control'; character: string }
  | { kind: 'required' };

/** How a list words a cell problem for the person who sent the file (undefined: as `cellProblemWords` does). */
export type CellProblemWords = (label: string, problem: CellProblem) => { message: string; code: string } | undefined;

/** How cell problems are worded unless a list gives its own: Vietnamese, each with its code. */
export const cellProblemWords = (label: string, problem: CellProblem): { message: string; code: string } => {
  switch (problem.kind) {
    case 'unusable':
      return { code: problem.cell.reason ?? 'unusable_cell', message: `${label} ${problem.cell.invalid}.` };
    case 'formula':
      return {
        code: 'formula',
        message: `${quoted(problem.value)} bắt đầu bằng "${problem.value[0]}" và sẽ chạy như công thức bảng tính: không nhập công thức.`,
      };
    case 'too_long':
      return { code: 'too_long', message: `${label} dài quá ${problem.max} ký tự.` };
    case 'control':
      return { code: 'control_character', message: `${label} chứa ký tự điều khiển (${problem.character}).` };
    case 'required':
      return { code: 'required', message: `Thiếu ${label}.` };
  }
};

export interface CellRules<F extends string> {
  labels: Record<F, string>;
  maxLength: Partial<Record<F, number>>;
  /** Fields whose line breaks are kept; in the others a value split over lines is one line. */
  multiline?: F[];
  /** How cell problems are worded; `cellProblemWords` unless given. */
  words?: CellProblemWords;
}

/**
 * Reads the cells of one row, collecting its problems: `text(field)` is the cell's text (NFC,
 * trimmed), or undefined for a blank cell, an absent column, or a cell already reported
 * (unusable, a formula, too long).
 */
export class RowReader<F extends string> {
  readonly errors: ImportRowError[] = [];
  /** What the row says that was read differently from how it is written; they do not reject the row. */
  readonly warnings: ImportRowError[] = [];

  constructor(
    readonly row: number,
    private readonly cells: Cell[],
    private readonly columns: Map<F, number>,
    private readonly rules: CellRules<F>,
  ) {}

  fail(field: string, message: string, code: string): void {
    this.errors.push({ row: this.row, field, message, code });
  }

  warn(field: string, message: string, code: string): void {
    this.warnings.push({ row: this.row, field, message, code });
  }

  hasError(field: string): boolean {
    return this.errors.some((e) => e.field === field);
  }

  text(field: F): string | undefined {
    const index = this.columns.get(field);
    if (index === undefined) return undefined;
    const cell: Cell = this.cells[index] ?? '';
    if (typeof cell !== 'string') {
      this.problem(field, { kind: 'unusable', cell });
      return undefined;
    }
    const value = this.rules.multiline?.includes(field) ? nfc(cell) : nfc(cell).replace(/\s+/g, ' ');
    if (value === '') return undefined;
    const control = controlCharacterIn(value);
    if (control) {
      this.problem(field, { kind: 'control', character: control });
      return undefined;
    }
    if (looksLikeFormula(value)) {
      this.problem(field, { kind: 'formula', value });
      return undefined;
    }
    const max = this.rules.maxLength[field];
    if (max && value.length > max) {
      this.problem(field, { kind: 'too_long', max });
      return undefined;
    }
    return value;
  }

  /** The cell's text, or a "… is required" error when it is blank. */
  required(field: F): string | undefined {
    const value = this.text(field);
    if (value === undefined && !this.hasError(field)) this.problem(field, { kind: 'required' });
    return value;
  }

  private problem(field: F, problem: CellProblem): void {
    const label = this.rules.labels[field];
    const { message, code } = this.rules.words?.(label, problem) ?? cellProblemWords(label, problem);
    this.fail(field, message, code);
  }
}
