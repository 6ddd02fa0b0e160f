import { HttpException } from '@nestjs/common';
import { badField } from './errors';

/** Data rows an import reads at most (the header row besides). */
export const MAX_IMPORT_ROWS = 100_000;
/** Columns a row may have; the lists imported have a dozen at most. */
export const MAX_IMPORT_COLUMNS = 200;
/**
 * Bytes an XLSX may expand to, all its parts together, as its ZIP directory declares them and
 * as they are inflated. A 100,000-row, 9-column delegate list saved by Excel or exceljs is
 * about 48 MB of XML; this leaves room for wider and longer lists.
 */
export const MAX_IMPORT_UNCOMPRESSED_BYTES = 256 * 1024 * 1024;

/** A 400 about the uploaded file as a whole. */
export function fileError(message: string, code: string): HttpException {
  return badField('file', code, message);
}

export const tooManyRows = () =>
  fileError(`Tệp có hơn ${MAX_IMPORT_ROWS.toLocaleString('vi-VN')} dòng: hãy chia thành nhiều tệp.`, 'too_many_rows');

export const tooManyColumns = (row: number) =>
  fileError(`Dòng ${row} của tệp có hơn ${MAX_IMPORT_COLUMNS} cột: hãy xóa các cột thừa rồi nhập lại.`, 'too_many_columns');
