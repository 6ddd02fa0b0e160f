import { PassThrough } from 'node:stream';
import type { Worksheet } from 'exceljs';
import { searchKey } from './text';

/** What every exported list (delegates, awards) shares: Excel-safe cells, CSV with BOM, file names. */

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * exceljs, loaded with the first workbook read or written rather than at start: it holds ~29 MB
 * once loaded, and most of the app's work (and most of its processes) never touches an XLSX file.
 */
export const loadExcel = (): Promise<typeof import('exceljs')> => import('exceljs');

/**
 * One worksheet (`headers` in a bold, frozen, filterable first row) written with exceljs's
 * streaming writer, each row committed as it is added: a list of tens of thousands of rows is never
 * a workbook model in memory, only its compressed bytes. `setup` may format columns before any row.
 */
export async function streamedSheet(
  name: string,
  headers: string[],
  widths: number[],
  rows: Iterable<unknown[]>,
  setup?: (sheet: Pick<Worksheet, 'getColumn'>) => void,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new (await loadExcel()).stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Hội nghị';
  // The streaming writer takes its frozen header row as an option (its `views` cannot be set later).
  const sheet = workbook.addWorksheet(sheetName(name), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map((header, i) => ({ header, width: widths[i] }));
  setup?.(sheet);
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

/** A file as answered: its type, its Content-Disposition and its bytes. */
export interface ExportFile {
  contentType: string;
  disposition: string;
  body: Buffer;
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

/** UTF-8 with BOM (so Excel reads Vietnamese right), CRLF line ends, RFC 4180 quoting, every cell neutralized. */
export function csvBuffer(lines: Iterable<string[]>, separator: ',' | ';'): Buffer {
  // Encoded a thousand lines at a time: a list of 30,000 delegates is never one string of every line.
  const parts: Buffer[] = [Buffer.from('\uFEFF', 'utf8')];
  let pending: string[] = [];
  for (const cells of lines) {
    pending.push(cells.map((v) => csvField(v, separator)).join(separator), '\r\n');
    if (pending.length >= 2_000) {
      parts.push(Buffer.from(pending.join(''), 'utf8'));
      pending = [];
    }
  }
  parts.push(Buffer.from(pending.join(''), 'utf8'));
  return Buffer.concat(parts);
}

/** A worksheet name Excel accepts: no [ ] : * ? / \, at most 31 characters. */
export const sheetName = (name: string): string => name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

/** Bold header row, frozen, with a filter over `columns` columns. */
export function headerRow(sheet: Worksheet, row: number, columns: number): void {
  sheet.getRow(row).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: row }];
  sheet.autoFilter = { from: { row, column: 1 }, to: { row, column: columns } };
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
  // A name without an extension (or only a leading dot) keeps it all as its base.
  const [base, extension] = dot > 0 ? [clean.slice(0, dot), clean.slice(dot + 1)] : [clean, ''];
  const asciiExtension = searchKey(extension).replace(/[^a-z0-9]+/g, '');
  const ascii = `${searchKey(base).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'export'}${asciiExtension ? `.${asciiExtension}` : ''}`;
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A conference title short enough for a file name. */
export const shortTitle = (title: string, max = 80): string => (title.length > max ? `${title.slice(0, max - 1)}…` : title);
