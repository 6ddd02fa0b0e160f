import { PasswordHasher } from './password-hasher';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher();

  it('verifies the password it hashed and nothing else', async () => {
    const stored = await hasher.hash('Mật khẩu 2025');
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(stored).not.toContain('Mật khẩu');
    await expect(hasher.verify('Mật khẩu 2025', stored)).resolves.toBe(true);
    await expect(hasher.verify('mật khẩu 2025', stored)).resolves.toBe(false);
  });

  it('salts each hash', async () => {
    const [a, b] = await Promise.all([hasher.hash('same'), hasher.hash('same')]);
    expect(a).not.toBe(b);
  });

  it('accepts the same password typed in decomposed Unicode', async () => {
    const stored = await hasher.hash('Hà Nội');
    await expect(hasher.verify('Hà Nội'.normalize('NFD'), stored)).resolves.toBe(true);
  });

  it('refuses a malformed stored hash', async () => {
    await expect(hasher.verify('x', 'plain-text')).resolves.toBe(false);
  });
});
