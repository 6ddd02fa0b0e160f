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

/**
 * A stored +84… number as people write it: "0912 345 678" (mobile), "024 3825 1234" (Hà Nội
 * and TP. Hồ Chí Minh, two-digit area code), "0222 3822 123" (other provinces, three-digit area
 * code). Anything else is shown as stored; nothing gives "".
 */
export function localPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  const national = phone.startsWith('+84') ? `0${phone.slice(3)}` : phone;
  if (/^0[1-9]\d{8}$/.test(national)) return `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`;
  if (/^02[48]\d{8}$/.test(national)) return `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`;
  if (/^02\d{9}$/.test(national)) return `${national.slice(0, 4)} ${national.slice(4, 8)} ${national.slice(8)}`;
  return phone;
}
