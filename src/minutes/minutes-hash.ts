import { createHash } from 'node:crypto';
import { MinutesSections } from './minutes-sections';

/**
 * Canonical JSON, so that the same content always hashes the same whatever the order its keys
 * were written in or the Unicode form its text arrived in:
 * - object keys sorted by code point, members whose value is undefined dropped;
 * - arrays kept in order; strings normalized to NFC; numbers as JSON writes them
 *   (non-finite numbers refused);
 * - no whitespace between tokens; the result is UTF-8 encoded for hashing.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.normalize('NFC'));
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('canonical JSON cannot hold a non-finite number');
    return JSON.stringify(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k.normalize('NFC'))}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new Error(`canonical JSON cannot hold a ${typeof value}`);
}

/** What an approval seals: the conference, the number and every section. */
export interface MinutesContent {
  conferenceId: string;
  number: string | null;
  sections: MinutesSections;
}

/** SHA-256, lower-case hex, of the canonical JSON of `{ conferenceId, number, sections }`. */
export function minutesContentHash(content: MinutesContent): string {
  const canonical = canonicalJson({ conferenceId: content.conferenceId, number: content.number, sections: content.sections });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
