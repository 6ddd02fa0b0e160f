import { HttpException } from '@nestjs/common';
import { CsvError, parse } from 'csv-parse/sync';
import type { Workbook, Worksheet } from 'exceljs';
import { badField } from './errors';
import { loadExcel } from './spreadsheet-export';

/** A cell as read: its text, or why it cannot be used (a formula without a value, an error value). */
export type Cell = string | { invalid: string; reason?: 'formula_without_value' | 'error_value'; value?: string };

export interface SheetRow {
  /** The row number a person sees: the spreadsheet row, or the CSV line where the record starts. */
  row: number;
  cells: Cell[];
}

export interface Sheet {
  format: 'csv' | 'xlsx';
  headers: string[];
  /** Data rows below the header; blank rows are left out. */
  rows: SheetRow[];
}

export const MAX_IMPORT_ROWS = 100_000;

const isRefusal = (error: unknown): error is HttpException => error instanceof HttpException;

/** A 400 about the uploaded file as a whole. */
export function fileError(message: string, code: string): HttpException {
  return badField('file', code, message);
}

const startsWith = (buffer: Buffer, bytes: number[]) => bytes.every((byte, i) => buffer[i] === byte);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** OLE2 compound file: Excel 97-2003 workbooks, and password-protected .xlsx files. */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Reads an uploaded list (delegates, award recipients…): XLSX (recognised by its content, not its name) or CSV in
 * UTF-8, with or without BOM, separated by commas, semicolons or tabs. Anything that cannot be
 * read as a whole is refused with a 400 naming `file`; problems of single cells are left to
 * the row checks.
 */
export async function readImportFile(buffer: Buffer, fileName: string): Promise<Sheet> {
  if (buffer.length === 0) throw fileError('Tệp rỗng.', 'empty_file');
  const named = fileName.toLowerCase();
  if (startsWith(buffer, ZIP)) return readXlsx(buffer);
  if (startsWith(buffer, OLE2)) {
    throw fileError('Tệp là sổ tính Excel 97-2003 (.xls) hoặc có mật khẩu: hãy lưu lại dưới dạng .xlsx (không đặt mật khẩu) hoặc CSV UTF-8.', 'old_or_protected_workbook');
  }
  if (named.endsWith('.xlsx')) throw fileError('Tệp có đuôi .xlsx nhưng không phải là sổ tính XLSX.', 'not_xlsx');
  if (buffer.subarray(0, 8192).includes(0)) throw fileError('Tệp phải là tệp CSV hoặc XLSX.', 'not_csv_or_xlsx');
  return readCsv(buffer);
}

function readCsv(buffer: Buffer): Sheet {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
  } catch {
    throw fileError('Tệp không phải văn bản UTF-8: hãy lưu danh sách dưới dạng "CSV UTF-8" (hoặc .xlsx).', 'not_utf8');
  }
  if (text.trim() === '') throw fileError('Tệp rỗng.', 'empty_file');
  const delimiter = guessDelimiter(text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }) as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw fileError(`Không đọc được tệp CSV${line ? ` ở dòng ${line}` : ''} (${error.code}): hãy kiểm tra dấu ngoặc kép và dấu phân cách.`, 'unreadable_csv');
    }
    throw error;
  }
  const rows: SheetRow[] = [];
  for (const { record, info } of records) {
    if (record.every((value) => value.trim() === '')) continue;
    // info.lines is the line where the record ends; a quoted value may span lines.
    const spanned = record.reduce((n, value) => n + (value.match(/\n/g)?.length ?? 0), 0);
    rows.push({ row: info.lines - spanned, cells: record });
    if (rows.length > MAX_IMPORT_ROWS + 1) throw tooManyRows();
  }
  return sheetOf('csv', rows);
}

/** The separator of the header line: whichever of `,` `;` and tab it has most of, outside quotes. */
function guessDelimiter(text: string): string {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  return [...counts.entries()].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

async function readXlsx(buffer: Buffer): Promise<Sheet> {
  const workbook = new (await loadExcel()).Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as Parameters<Workbook['xlsx']['load']>[0], {
      ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst', 'drawing', 'picture', 'tableParts', 'autoFilter'],
    } as Parameters<Workbook['xlsx']['load']>[1]);
  } catch (error) {
    if (isRefusal(error)) throw error;
    throw fileError('Không đọc được tệp XLSX.', 'unreadable_xlsx');
  }
  const sheet = firstSheet(workbook);
  if (!sheet) throw fileError('Tệp là tệp nén ZIP nhưng không phải sổ tính XLSX có trang tính.', 'not_xlsx');
  if (sheet.actualRowCount > MAX_IMPORT_ROWS + 1) throw tooManyRows();
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as unknown[];
    const cells: Cell[] = [];
    for (let column = 1; column < values.length; column++) cells.push(cellOf(values[column]));
    if (cells.every((cell) => typeof cell === 'string' && cell.trim() === '')) return;
    rows.push({ row: rowNumber, cells });
  });
  return sheetOf('xlsx', rows);
}

/** The first visible worksheet that has something in it. */
function firstSheet(workbook: Workbook): Worksheet | undefined {
  const sheets = workbook.worksheets;
  return (
    sheets.find((s) => s.state === 'visible' && s.actualRowCount > 0) ??
    sheets.find((s) => s.actualRowCount > 0) ??
    sheets[0]
  );
}

/**
 * A cell's text. A formula gives its cached result (the value the person saw in Excel), never
 * the formula itself; a formula saved without a result, or an error value (#N/A), is unusable.
 */
function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v) {
      if (v.result === undefined || v.result === null) {
        return {
          invalid: 'là công thức chưa có giá trị đã lưu: hãy mở tệp bằng Excel, để Excel tính xong, lưu lại rồi nhập lại',
          reason: 'formula_without_value',
        };
      }
      return cellOf(v.result);
    }
    if ('error' in v) return { invalid: `chứa giá trị lỗi ${String(v.error)}`, reason: 'error_value', value: String(v.error) };
    if (Array.isArray(v.richText)) return (v.richText as { text: string }[]).map((part) => part.text).join('');
    if ('text' in v) return cellOf(v.text);
  }
  return String(value);
}

function sheetOf(format: Sheet['format'], rows: SheetRow[]): Sheet {
  if (rows.length === 0) throw fileError('Tệp rỗng.', 'empty_file');
  const [header, ...data] = rows;
  const headers = header.cells.map((cell) => (typeof cell === 'string' ? cell.trim() : ''));
  if (data.length > MAX_IMPORT_ROWS) throw tooManyRows();
  return { format, headers, rows: data };
}

const tooManyRows = () =>
  fileError(`Tệp có hơn ${MAX_IMPORT_ROWS.toLocaleString('vi-VN')} dòng: hãy chia thành nhiều tệp.`, 'too_many_rows');
