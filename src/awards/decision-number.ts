import { nfc } from '../common/text';

/**
 * Numbers of award decisions (số quyết định), as Decree 30 writes them: the number, "/QĐ-", and
 * the issuer's abbreviation, e.g. 123/QĐ-TTg, 45/QĐ-UBND, 12/QĐ-CTUBND, 15/QĐ-BDVTW or
 * 1234/QĐ-BNN-TCCB (a unit of a ministry adds its own part). Some decisions carry the year too
 * (123/2022/QĐ-TTg).
 *
 * Input is forgiving in what people type without a Vietnamese keyboard or with stray spaces:
 * "QD" (any case) is read as "QĐ", white space is dropped, and the issuer is upper-cased
 * except "TTg" (Thủ tướng), which the decree writes with a lower-case g. What is stored is
 * that normalized form, in NFC.
 */
const NUMBER = /^(\d{1,6})(?:\/(\d{4}))?\/Q[ĐD]-([A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*)$/iu;
const PART = /^[A-ZĐ][A-ZĐ0-9]*$/u;

/** How a decision number is written, as a refusal explains it. */
export const DECISION_NUMBER_HINT = 'Số quyết định phải viết như 123/QĐ-TTg: số, "/QĐ-" và chữ viết tắt của cơ quan ban hành (ví dụ UBND, BNV, BDVTW).';

export interface DecisionNumber {
  /** As stored and shown: "123/QĐ-TTg". */
  number: string;
  /** As compared: without leading zeros, so "01/QĐ-TTg" and "1/QĐ-TTg" are one number. */
  key: string;
}

/** Reads a decision number in its normalized form, or null when it is not one. */
export function parseDecisionNumber(input: unknown): DecisionNumber | null {
  if (typeof input !== 'string') return null;
  const compact = nfc(input).replace(/\s+/g, '');
  const match = NUMBER.exec(compact);
  if (!match) return null;
  const [, digits, year, issuer] = match;
  if (/^0+$/.test(digits)) return null;
  const parts = issuer.split('-').map((part) => (part.toUpperCase() === 'TTG' ? 'TTg' : part.toUpperCase()));
  if (!parts.every((part) => part === 'TTg' || PART.test(part))) return null;
  const tail = `${year ? `/${year}` : ''}/QĐ-${parts.join('-')}`;
  return { number: `${digits}${tail}`, key: `${String(Number(digits))}${tail}` };
}

/** The leading number, for ordering decisions signed on one day: 45/QĐ-… before 123/QĐ-…. */
export const decisionOrdinal = (number: string): number => Number(/^\d+/.exec(number)?.[0] ?? 0);
