import { passwordProblem } from './password-rules';

describe('password rules', () => {
  it.each([
    ['mat-khau-du-dai', null],
    ['Trời hôm nay đẹp quá', null],
    ['HoiNghi@2025-rieng', null],
    ['             ', 'password_blank'],
    ['ngan-qua', 'password_too_short'],
    ['đủ 11 chữ!', 'password_too_short'],
    ['Password1234', 'password_common'],
    ['mật khẩu 12345', 'password_common'],
    ['HoiNghi@2025', 'password_common'],
    ['aaaaaaaaaaaaaa', 'password_common'],
    ['abcabcabcabc', 'password_common'],
    ['123456789012', 'password_common'],
    ['9876543210987', 'password_common'],
    ['qwertyuiopqw', 'password_common'],
  ])('%j → %s', (password, code) => {
    expect(passwordProblem(password)?.code ?? null).toBe(code);
  });

  it('counts characters, not UTF-16 units or bytes', () => {
    expect(passwordProblem('Đường xa ướt')).toBeNull();
  });
});
