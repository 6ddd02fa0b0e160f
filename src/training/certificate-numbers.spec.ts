import { certificateNumber, CODE_ALPHABET, CODE_LENGTH, newVerificationCode, normalizeCode } from './certificate-numbers';

describe('certificate numbers and codes', () => {
  it('prints the register number with the year', () => {
    expect(certificateNumber(12, 2026)).toBe('12/2026/GCN');
  });

  it('makes codes of the unambiguous alphabet, all different', () => {
    const codes = new Set(Array.from({ length: 2000 }, newVerificationCode));
    expect(codes.size).toBe(2000);
    for (const code of codes) {
      expect(code).toHaveLength(CODE_LENGTH);
      expect([...code].every((c) => CODE_ALPHABET.includes(c))).toBe(true);
    }
    expect(CODE_ALPHABET).not.toMatch(/[0O1IL]/);
  });

  it('reads a typed code (case, spaces, dashes) and refuses what cannot be one', () => {
    const code = newVerificationCode();
    expect(normalizeCode(code.toLowerCase())).toBe(code);
    expect(normalizeCode(`${code.slice(0, 4)}-${code.slice(4, 8)} ${code.slice(8)}`)).toBe(code);
    expect(normalizeCode('short')).toBeNull();
    expect(normalizeCode('O'.repeat(CODE_LENGTH))).toBeNull();
    expect(normalizeCode('../../etc/passwd')).toBeNull();
  });
});
