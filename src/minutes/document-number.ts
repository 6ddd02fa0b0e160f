/**
 * Document numbers in the Decree 30 form: "Số: 15/BB-BDVTW" is the serial given by the records
 * office, the code of the document type (BB biên bản, TB thông báo) and the issuing body's
 * abbreviation.
 */

export type DocumentTypeCode = 'BB' | 'TB';

/** A serial: digits, no leading zero ("15"). */
export const SERIAL_PATTERN = /^[1-9]\d{0,5}$/;
/** Capitals, digits and Đ, with hyphens between parts ("BDVTW", "UBND", "VP-BDVTW"). */
export const ABBREVIATION_PATTERN = /^[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$/;

/** Words abbreviated by convention rather than by their initials. */
const FIXED = new Map<string, string>([
  ['trung ương', 'TW'],
  ['nhân dân', 'ND'],
]);

function initial(word: string): string {
  const first = [...word.normalize('NFC')][0] ?? '';
  if (first === 'đ' || first === 'Đ') return 'Đ';
  return first.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase();
}

/**
 * The abbreviation of an issuing body from the initials of its words, as offices write them:
 * "Ban Dân vận Trung ương" → "BDVTW", "Ủy ban nhân dân tỉnh Bắc Giang" → "UBND".
 * A province or district name after "tỉnh", "thành phố", … is left out, as in "UBND".
 */
export function abbreviationOf(issuingBody: string): string {
  const words = issuingBody
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const cut = words.findIndex((w, i) => i > 0 && /^(tỉnh|thành|huyện|quận|xã|phường)$/i.test(w));
  const kept = cut > 0 ? words.slice(0, cut) : words;
  let result = '';
  for (let i = 0; i < kept.length; i++) {
    const pair = `${kept[i]} ${kept[i + 1] ?? ''}`.toLowerCase();
    const fixed = FIXED.get(pair);
    if (fixed) {
      result += fixed;
      i++;
    } else {
      result += initial(kept[i]);
    }
  }
  return result.replace(/[^A-ZĐ0-9]/g, '') || 'VP';
}

/** "15/BB-BDVTW", or null while the serial is not given. */
export function formatDocumentNumber(serial: string | null, type: DocumentTypeCode, abbreviation: string): string | null {
  return serial ? `${serial}/${type}-${abbreviation}` : null;
}

/** The number line as printed: "Số: 15/BB-BDVTW", or with blanks for the records office to fill in. */
export function numberLine(serial: string | null, type: DocumentTypeCode, abbreviation: string): string {
  return `Số: ${serial ?? '      '}/${type}-${abbreviation}`;
}
