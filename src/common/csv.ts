import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

/** Reads a UTF-8 CSV file (BOM or not) with a header row into one record per line. */
export function readCsvFile(path: string): Record<string, string>[] {
  return parse(readFileSync(path), {
    columns: true,
    bom: true,
    trim: true,
    skip_empty_lines: true,
  }) as Record<string, string>[];
}
