/**
 * What to answer to a `Range` header (RFC 9110 §14): the whole file, one range of it, or 416.
 * Only one `bytes` range is served; a header this does not understand (another unit, several
 * ranges, a malformed one) is ignored and the whole file sent, as the RFC allows.
 */
export type RangeAnswer = { kind: 'full' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

const FULL: RangeAnswer = { kind: 'full' };
const SPEC = /^bytes=\s*(\d*)\s*-\s*(\d*)\s*$/i;

export function parseRange(header: string | undefined, size: number): RangeAnswer {
  if (header === undefined || header.includes(',')) return FULL;
  const match = SPEC.exec(header.trim());
  if (!match) return FULL;
  const [, first, last] = match;
  if (first === '' && last === '') return FULL;
  if (first === '') {
    // A suffix: the last N bytes.
    const length = Number(last);
    if (!Number.isSafeInteger(length)) return FULL;
    if (length === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? Number.MAX_SAFE_INTEGER : Number(last);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || end < start) return FULL;
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end: Math.min(end, size - 1) };
}
