import { randomInt } from 'node:crypto';

/**
 * Certificate numbers and verification codes. The number is the place in the issuing office's
 * register (sổ cấp) for the year, printed "Số: 12/2026/GCN" (GCN: giấy chứng nhận); the
 * verification code is random, from an alphabet without the look-alikes 0/O, 1/I/L, so it can be
 * read off paper and typed.
 */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 12;

export const certificateNumber = (serial: number, year: number): string => `${serial}/${year}/GCN`;

/** A new verification code, from the system's cryptographic generator. */
export function newVerificationCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** A code as typed (any case, spaces and dashes) as stored, or null when it cannot be one: unknown and malformed alike. */
export function normalizeCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== CODE_LENGTH) return null;
  for (const c of code) if (!CODE_ALPHABET.includes(c)) return null;
  return code;
}
