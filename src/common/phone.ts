/**
 * Vietnamese phone numbers in one form (+84…), so `0912 345 678`, `+84912345678` and
 * `84-912-345-678` are the same number. Returns null for something that is not a phone number.
 */
export function normalizePhone(input: string): string | null {
  const compact = input.trim().replace(/[\s.\-()]/g, '');
  let national: string;
  if (/^\+84\d+$/.test(compact)) national = compact.slice(3);
  else if (/^0084\d+$/.test(compact)) national = compact.slice(4);
  else if (/^84\d{9,10}$/.test(compact)) national = compact.slice(2);
  else if (/^0\d+$/.test(compact)) national = compact.slice(1);
  else return null;
  // Mobile numbers have 9 digits after the 0; landlines (02x…) have 10.
  if (!/^[1-9]\d{8,9}$/.test(national)) return null;
  return `+84${national}`;
}
