import { HttpException } from '@nestjs/common';
import { CsvError, parse } from 'csv-parse/sync';
import { fileError, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS, tooManyColumns, tooManyRows } from './import-limits';
import { readXlsxRows } from './xlsx-sheet';

export { fileError, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS, MAX_IMPORT_UNCOMPRESSED_BYTES } from './import-limits';

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
  refuseWideRecords(text, delimiter);
  let kept = 0;
  let rows: SheetRow[];
  try {
    rows = parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      on_record: (record: string[], context) => {
        if (record.length > MAX_IMPORT_COLUMNS) throw tooManyColumns(context.lines);
        if (record.every((value) => value.trim() === '')) return null;
        if (++kept > MAX_IMPORT_ROWS + 1) throw tooManyRows();
        // context.lines is the line where the record ends; a quoted value may span lines.
        const spanned = record.reduce((n, value) => n + (value.match(/\n/g)?.length ?? 0), 0);
        return { row: context.lines - spanned, cells: record };
      },
    }) as SheetRow[];
  } catch (error) {
    if (error instanceof HttpException) throw error;
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw fileError(`Không đọc được tệp CSV${line ? ` ở dòng ${line}` : ''} (${error.code}): hãy kiểm tra dấu ngoặc kép và dấu phân cách.`, 'unreadable_csv');
    }
    throw error;
  }
  return sheetOf('csv', rows);
}

/**
 * Refuses a record of more than MAX_IMPORT_COLUMNS fields before the parser builds it (a line
 * of a million separators would be a million strings). Quotes are read as the parser reads them
 * with relax_quotes: one opens a field only at its start; `""` inside is a quote.
 */
function refuseWideRecords(text: string, delimiter: string): void {
  const separator = delimiter.charCodeAt(0);
  let line = 1;
  let recordLine = 1;
  let fields = 1;
  let fieldStart = true;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === 0x0a) line++;
    if (quoted) {
      if (char !== 0x22) continue;
      const next = text.charCodeAt(i + 1);
      if (next === 0x22) i++;
      else if (next === separator || next === 0x0a || next === 0x0d || Number.isNaN(next)) quoted = false;
    } else if (char === separator) {
      if (++fields > MAX_IMPORT_COLUMNS) throw tooManyColumns(recordLine);
      fieldStart = true;
    } else if (char === 0x0a) {
      fields = 1;
      fieldStart = true;
      recordLine = line;
    } else if (char === 0x22 && fieldStart) {
      quoted = true;
      fieldStart = false;
    } else if (char !== 0x0d) {
      fieldStart = false;
    }
  }
}

/** The separator of the header line: whichever of `,` `;` and tab it has most of, outside quotes. */
function guessDelimiter(text: string): string {
  let firstLine = '';
  for (let start = text.charCodeAt(0) === 0xfeff ? 1 : 0; start < text.length && firstLine.trim() === ''; ) {
    const end = text.indexOf('\n', start);
    firstLine = text.slice(start, end === -1 ? text.length : end);
    start = end === -1 ? text.length : end + 1;
  }
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  // The first 64 K characters tell as well as a header line of megabytes.
  for (const char of firstLine.slice(0, 65536)) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  return [...counts.entries()].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

async function readXlsx(buffer: Buffer): Promise<Sheet> {
  return sheetOf('xlsx', await readXlsxRows(buffer));
}

function sheetOf(format: Sheet['format'], rows: SheetRow[]): Sheet {
  if (rows.length === 0) throw fileError('Tệp rỗng.', 'empty_file');
  const [header, ...data] = rows;
  const headers = header.cells.map((cell) => (typeof cell === 'string' ? cell.trim() : ''));
  if (data.length > MAX_IMPORT_ROWS) throw tooManyRows();
  return { format, headers, rows: data };
}
