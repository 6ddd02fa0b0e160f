/** Vietnamese text helpers: one stored form (NFC) and one search form (no diacritics). */

/** Trims and normalizes to NFC, the form every Vietnamese string is stored in. */
export function nfc(value: string): string {
  return value.normalize('NFC').trim();
}

/**
 * The diacritics-free, lower-case form used for search, so "bac giang" finds "Bắc Giang"
 * and "dat mui" finds "Đất Mũi". `đ` has no decomposition in Unicode, so it is mapped by hand.
 */
export function searchKey(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The search key of a person (a delegate, a speaker): their name, title and organization. */
export const personSearchKey = (p: { fullName: string; title?: string | null; organization?: string | null }): string =>
  searchKey([p.fullName, p.title, p.organization].filter(Boolean).join(' '));

/** A LIKE pattern matching `query` anywhere in a search key, with LIKE wildcards escaped (ESCAPE '\'). */
export function containsPattern(query: string): string {
  return `%${searchKey(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Control characters no text of this system holds: all but tab and line feed (and a carriage
 * return that starts a Windows line end). PostgreSQL refuses NUL in text; the rest would reach
 * calendar files, mail subjects and Word documents.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|\r(?!\n)/;

/** The first control character of `text` (see CONTROL) written as U+0000, or null when it has none. */
export function controlCharacterIn(text: string): string | null {
  const found = CONTROL.exec(text);
  return found ? `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : null;
}
