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

/** A LIKE pattern matching `query` anywhere in a search key, with LIKE wildcards escaped (ESCAPE '\'). */
export function containsPattern(query: string): string {
  return `%${searchKey(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
