import { HttpException } from '@nestjs/common';
import { posix } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser } from 'saxes';
import type { Cell, SheetRow } from './import-file';
import { fileError, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS, tooManyColumns, tooManyRows } from './import-limits';
import { expandsTooMuch, inflateEntry, readZipDirectory, ZipEntry } from './zip-directory';

/*
 * Reads the rows of a workbook's first sheet as its XML is inflated, instead of loading the
 * whole workbook: memory holds the shared strings and the rows kept, never the inflated parts,
 * and reading stops at the first row or column over the limits. Cells read as exceljs' whole
 * workbook reader gave them (merged cells repeat their first cell's value).
 */

const notAWorkbook = () => fileError('Tệp là tệp nén ZIP nhưng không phải sổ tính XLSX có trang tính.', 'not_xlsx');
const unreadable = () => fileError('Không đọc được tệp XLSX.', 'unreadable_xlsx');
const MAX_MERGED_CELLS = 20 * MAX_IMPORT_ROWS;
/**
 * The shared strings are the one part held in memory whole (a 100,000-row, 9-column list has
 * 12 MB of them), so they have a limit of their own under the file's.
 */
const MAX_SHARED_STRINGS_BYTES = 40 * 1024 * 1024;

interface XmlHandlers {
  open?(name: string, attributes: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
}

/** Streams one part of the package through a SAX parser; element names lose their namespace prefix. */
async function parseXml(buffer: Buffer, entry: ZipEntry, handlers: XmlHandlers): Promise<void> {
  const parser = new SaxesParser();
  const local = (name: string) => name.slice(name.indexOf(':') + 1);
  if (handlers.open) parser.on('opentag', (tag) => handlers.open!(local(tag.name), tag.attributes as Record<string, string>));
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  if (handlers.close) parser.on('closetag', (tag) => handlers.close!(local(tag.name)));
  const decoder = new StringDecoder('utf8');
  try {
    for await (const chunk of inflateEntry(buffer, entry)) parser.write(decoder.write(chunk));
    parser.write(decoder.end());
    parser.close();
  } catch (error) {
    if (error instanceof HttpException) throw error;
    throw unreadable();
  }
}

/** Text of `<t>` elements, `_x000D_` escapes decoded; phonetic runs (`<rPh>`) left out. */
class TextCollector {
  private depthInPhonetic = 0;
  private inText = false;
  private parts: string[] = [];

  open(name: string): void {
    if (name === 'rPh') this.depthInPhonetic++;
    else if (name === 't' && this.depthInPhonetic === 0) this.inText = true;
  }
  text(text: string): void {
    if (this.inText) this.parts.push(text);
  }
  close(name: string): void {
    if (name === 'rPh') this.depthInPhonetic--;
    else if (name === 't') this.inText = false;
  }
  take(): string {
    const text = this.parts.join('').replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    this.parts = [];
    return text;
  }
}

interface Relationship {
  type: string;
  target: string;
}

/** Relationships of `part`, targets resolved to package paths. */
async function relationshipsOf(buffer: Buffer, parts: Map<string, ZipEntry>, part: string): Promise<Map<string, Relationship>> {
  const relsPath = posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
  const entry = parts.get(relsPath.toLowerCase());
  const rels = new Map<string, Relationship>();
  if (!entry) return rels;
  await parseXml(buffer, entry, {
    open(name, a) {
      if (name !== 'Relationship' || !a.Target || a.TargetMode === 'External') return;
      const target = a.Target.startsWith('/') ? a.Target.slice(1) : posix.join(posix.dirname(part), a.Target);
      rels.set(a.Id, { type: a.Type ?? '', target: posix.normalize(target) });
    },
  });
  return rels;
}

const byType = (rels: Map<string, Relationship>, type: string) => [...rels.values()].find((r) => r.type.endsWith(`/${type}`))?.target;

/** Built-in number formats that show a date or time (ECMA-376 §18.8.30, and the East Asian ones). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
/** As exceljs decides: y, m, d, h, s or b outside quotes and brackets. */
const isDateFormat = (code: string) => /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

/** For each cell style (`s`), whether its number format shows a date. */
async function dateStyles(buffer: Buffer, entry: ZipEntry | undefined): Promise<boolean[]> {
  const styles: boolean[] = [];
  if (!entry) return styles;
  const custom = new Map<number, boolean>();
  let inCellXfs = false;
  await parseXml(buffer, entry, {
    open(name, a) {
      if (name === 'numFmt') custom.set(Number(a.numFmtId), isDateFormat(a.formatCode ?? ''));
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        styles.push(custom.get(id) ?? DATE_FORMAT_IDS.has(id));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return styles;
}

async function sharedStrings(buffer: Buffer, entry: ZipEntry | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (!entry) return strings;
  if (entry.uncompressedSize > MAX_SHARED_STRINGS_BYTES) throw expandsTooMuch();
  const text = new TextCollector();
  await parseXml(buffer, entry, {
    open: (name) => text.open(name),
    text: (value) => text.text(value),
    close(name) {
      text.close(name);
      if (name === 'si') strings.push(text.take());
    },
  });
  return strings;
}

const columnOf = (ref: string): number => {
  let column = 0;
  for (const char of ref) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    column = column * 26 + code - 64;
  }
  return column;
};

/** `B3:D7` as numbers; undefined when it is not a range. */
function rangeOf(ref: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const match = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
  if (!match) return undefined;
  return { left: columnOf(match[1]), top: Number(match[2]), right: columnOf(match[3]), bottom: Number(match[4]) };
}

const isBlank = (cell: Cell | undefined) => cell === undefined || (typeof cell === 'string' && cell.trim() === '');

interface Workbook {
  date1904: boolean;
  strings: string[];
  dates: boolean[];
}

/** A serial day number as the date it shows, YYYY-MM-DD (exceljs' conversion). */
function dateOf(serial: number, date1904: boolean): string {
  const date = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
  return Number.isNaN(date.getTime()) ? String(serial) : date.toISOString().slice(0, 10);
}

interface RawCell {
  type: string;
  style: number;
  formula: boolean;
  value?: string;
  inline?: string;
}

/**
 * A cell's text. A formula gives its cached result (the value the person saw in Excel), never
 * the formula itself; a formula saved without a result, or an error value (#N/A), is unusable.
 */
function cellOf(raw: RawCell, book: Workbook): Cell {
  const { type, value } = raw;
  if (type === 'inlineStr') return raw.inline ?? '';
  if (value === undefined) {
    if (!raw.formula) return '';
    return {
      invalid: 'là công thức chưa có giá trị đã lưu: hãy mở tệp bằng Excel, để Excel tính xong, lưu lại rồi nhập lại',
      reason: 'formula_without_value',
    };
  }
  switch (type) {
    case 's':
      return book.strings[Number.parseInt(value, 10)] ?? '';
    case 'str':
      return value;
    case 'e':
      return { invalid: `chứa giá trị lỗi ${value}`, reason: 'error_value', value };
    case 'b':
      return Number.parseInt(value, 10) !== 0 ? 'TRUE' : 'FALSE';
    case 'd': {
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? value : date.toISOString().slice(0, 10);
    }
    default: {
      if (value.trim() === '') return '';
      const number = Number.parseFloat(value);
      if (Number.isNaN(number)) return value;
      if (book.dates[raw.style]) return dateOf(number, book.date1904);
      return Number.isInteger(number) ? number.toFixed(0) : String(number);
    }
  }
}

/** The non-blank rows of one worksheet, merged cells filled in; stops at the limits. */
async function sheetRows(buffer: Buffer, entry: ZipEntry, book: Workbook): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  const merges: string[] = [];
  const text = new TextCollector();
  let inSheetData = false;
  let rowNumber = 0;
  let cells: Cell[] = [];
  let lastColumn = 0;
  let column = 0;
  let raw: RawCell | undefined;
  let inValue = false;
  let inInline = false;

  await parseXml(buffer, entry, {
    open(name, a) {
      if (name === 'sheetData') inSheetData = true;
      else if (!inSheetData) {
        if (name === 'mergeCell' && a.ref) {
          if (merges.length >= MAX_IMPORT_ROWS) throw tooManyMerges();
          merges.push(a.ref);
        }
      } else if (name === 'row') {
        rowNumber = a.r ? Number.parseInt(a.r, 10) : rowNumber + 1;
        cells = [];
        lastColumn = 0;
      } else if (name === 'c') {
        column = a.r ? columnOf(a.r) : lastColumn + 1;
        lastColumn = column;
        raw = { type: a.t ?? 'n', style: a.s ? Number.parseInt(a.s, 10) : 0, formula: false };
      } else if (raw) {
        if (name === 'f') raw.formula = true;
        else if (name === 'v') {
          inValue = true;
          raw.value = '';
        } else if (name === 'is') inInline = true;
        if (inInline) text.open(name);
      }
    },
    text(value) {
      if (inValue) raw!.value += value;
      else if (inInline) text.text(value);
    },
    close(name) {
      if (name === 'sheetData') inSheetData = false;
      else if (!inSheetData) return;
      else if (name === 'v') inValue = false;
      else if (name === 'is') {
        inInline = false;
        raw!.inline = text.take();
      } else if (inInline) text.close(name);
      else if (name === 'c' && raw) {
        const cell = cellOf(raw, book);
        raw = undefined;
        if (isBlank(cell)) return;
        if (column > MAX_IMPORT_COLUMNS) throw tooManyColumns(rowNumber);
        cells[column - 1] = cell;
      } else if (name === 'row') {
        if (cells.every(isBlank)) return;
        rows.push({ row: rowNumber, cells: Array.from(cells, (cell) => cell ?? '') });
        if (rows.length > MAX_IMPORT_ROWS + 1) throw tooManyRows();
      }
    },
  });
  return merges.length === 0 ? rows : withMergedCells(rows, merges);
}

const tooManyMerges = () => fileError('Trang tính có quá nhiều ô gộp: hãy bỏ gộp ô rồi nhập lại.', 'too_many_merged_cells');

/** Each cell of a merged range shows its top-left cell's value, as Excel shows it. */
function withMergedCells(rows: SheetRow[], merges: string[]): SheetRow[] {
  const byNumber = new Map(rows.map((row) => [row.row, row]));
  let filled = 0;
  for (const ref of merges) {
    const range = rangeOf(ref);
    if (!range) continue;
    const value = byNumber.get(range.top)?.cells[range.left - 1];
    if (isBlank(value)) continue;
    if (range.right > MAX_IMPORT_COLUMNS) throw tooManyColumns(range.top);
    for (let r = range.top; r <= range.bottom; r++) {
      let row = byNumber.get(r);
      if (!row) {
        row = { row: r, cells: [] };
        byNumber.set(r, row);
        if (byNumber.size > MAX_IMPORT_ROWS + 1) throw tooManyRows();
      }
      for (let c = range.left; c <= range.right; c++) {
        if (++filled > MAX_MERGED_CELLS) throw tooManyMerges();
        row.cells[c - 1] = value!;
      }
      row.cells = Array.from(row.cells, (cell) => cell ?? '');
    }
  }
  return [...byNumber.values()].sort((a, b) => a.row - b.row);
}

/**
 * The rows of the workbook's first visible sheet that has any (or of the first sheet with
 * any), header included; blank rows left out. The ZIP directory is checked before anything is
 * inflated (see zip-directory.ts).
 */
export async function readXlsxRows(buffer: Buffer): Promise<SheetRow[]> {
  const parts = new Map(readZipDirectory(buffer).map((entry) => [entry.name.replace(/^\//, '').toLowerCase(), entry]));
  const packageRels = await relationshipsOf(buffer, parts, '');
  const workbookPath = byType(packageRels, 'officeDocument') ?? 'xl/workbook.xml';
  const workbookEntry = parts.get(workbookPath.toLowerCase());
  if (!workbookEntry) throw notAWorkbook();

  const sheets: { id: string; visible: boolean }[] = [];
  let date1904 = false;
  await parseXml(buffer, workbookEntry, {
    open(name, a) {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (name === 'sheet') {
        const id = Object.entries(a).find(([key]) => key === 'id' || key.endsWith(':id'))?.[1] ?? '';
        sheets.push({ id, visible: (a.state ?? 'visible') === 'visible' });
      }
    },
  });
  const rels = await relationshipsOf(buffer, parts, workbookPath);
  const part = (path: string | undefined) => (path ? parts.get(path.toLowerCase()) : undefined);
  const book: Workbook = {
    date1904,
    dates: await dateStyles(buffer, part(byType(rels, 'styles'))),
    strings: await sharedStrings(buffer, part(byType(rels, 'sharedStrings'))),
  };
  const candidates = [...sheets.filter((s) => s.visible), ...sheets.filter((s) => !s.visible)]
    .map((sheet) => part(rels.get(sheet.id)?.target))
    .filter((entry): entry is ZipEntry => entry !== undefined);
  if (candidates.length === 0) throw notAWorkbook();
  for (const entry of candidates) {
    const rows = await sheetRows(buffer, entry, book);
    if (rows.length > 0) return rows;
  }
  return [];
}
