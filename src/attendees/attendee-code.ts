import { randomInt } from 'node:crypto';

/** Letters and digits that cannot be mistaken for each other when read out or typed (no 0/O, 1/I/L). */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const LENGTH = 6;

/** A short attendee code for check-in, e.g. "K7Q4ZP" (31⁶ ≈ 887 million codes). */
export function newAttendeeCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** Codes as people type them: case, spaces and dashes ignored. */
export function normalizeAttendeeCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}
