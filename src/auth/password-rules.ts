import { registerDecorator, ValidationOptions } from 'class-validator';

export const MIN_PASSWORD_LENGTH = 12;

/**
 * Passwords people pick first, at least MIN_PASSWORD_LENGTH characters long (shorter ones are
 * refused anyway), compared ignoring case, spaces and diacritics. Keyboard runs, repeated
 * characters and counting sequences are caught by `looksTrivial` rather than listed.
 */
const COMMON = new Set([
  'password1234',
  'password12345',
  'password123456',
  'passwordpassword',
  'iloveyou1234',
  'qwertyuiop123',
  'qwerty123456',
  '123456qwerty',
  '1q2w3e4r5t6y',
  'q1w2e3r4t5y6',
  'abc123456789',
  'abcd12345678',
  'admin1234567',
  'administrator',
  'adminadmin123',
  'welcome12345',
  'changeme1234',
  'letmein12345',
  'matkhau12345',
  'matkhau123456',
  'matkhaumoi123',
  'matkhaucuatoi',
  'anhyeuem1234',
  'emyeuanh1234',
  'vietnam12345',
  'vietnam123456',
  'hanoi1234567',
  'saigon123456',
  'hoinghi12345',
  'hoinghi123456',
  'hoinghi@2025',
  'hoinghi@2026',
  'bandanvan123',
  'ubnd12345678',
  'songuoidung1',
]);

const fold = (password: string) =>
  password
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/\s+/g, '')
    .toLowerCase();

const RUNS = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** One character repeated, one short unit repeated ("abcabcabcabc"), or a run along the digits, the alphabet or a keyboard row. */
function looksTrivial(folded: string): boolean {
  if (/^(.{1,3})\1+$/.test(folded)) return true;
  const ascending = (s: string) => RUNS.some((run) => (run + run).includes(s));
  const reversed = [...folded].reverse().join('');
  return ascending(folded) || ascending(reversed);
}

export type PasswordProblem = { code: 'password_too_short' | 'password_blank' | 'password_common'; message: string };

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): PasswordProblem | null {
  if (password.trim() === '') return { code: 'password_blank', message: 'Mật khẩu không được chỉ gồm khoảng trắng.' };
  if ([...password.normalize('NFC')].length < MIN_PASSWORD_LENGTH) {
    return { code: 'password_too_short', message: `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.` };
  }
  const folded = fold(password);
  if (COMMON.has(folded) || looksTrivial(folded)) {
    return { code: 'password_common', message: 'Mật khẩu này quá phổ biến hoặc dễ đoán; vui lòng chọn mật khẩu khác.' };
  }
  return null;
}

/**
 * A new password: at least MIN_PASSWORD_LENGTH characters, not only whitespace, not a common or
 * trivially patterned one. Each refusal has its own code (the pipe reads it from the context).
 */
export function IsAcceptablePassword(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    for (const code of ['password_blank', 'password_too_short', 'password_common'] as const) {
      registerDecorator({
        name: code,
        target: target.constructor,
        propertyName: propertyName as string,
        options: { ...options, context: { code } },
        validator: {
          validate: (value: unknown) => typeof value !== 'string' || passwordProblem(value)?.code !== code,
          defaultMessage: (args) => passwordProblem(String(args?.value ?? ''))?.message ?? '',
        },
      });
    }
  };
}
