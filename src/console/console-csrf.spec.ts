import { csrfKey, csrfMatches, csrfToken } from './console-csrf';

describe('console CSRF tokens', () => {
  const key = csrfKey('a-jwt-secret-long-enough-for-tests-0123456789');

  it('accepts the token made for the same session', () => {
    const token = csrfToken(key, 'session', 'jwt-of-session-a');
    expect(csrfMatches(key, 'session', 'jwt-of-session-a', token)).toBe(true);
  });

  it("refuses another session's token, a sign-in token for a session, and a token made under another secret", () => {
    const other = csrfToken(key, 'session', 'jwt-of-session-b');
    expect(csrfMatches(key, 'session', 'jwt-of-session-a', other)).toBe(false);
    const signIn = csrfToken(key, 'sign-in', 'jwt-of-session-a');
    expect(csrfMatches(key, 'session', 'jwt-of-session-a', signIn)).toBe(false);
    const foreign = csrfToken(csrfKey('another-secret-entirely-0123456789abcdef'), 'session', 'jwt-of-session-a');
    expect(csrfMatches(key, 'session', 'jwt-of-session-a', foreign)).toBe(false);
  });

  it('refuses a missing token, a missing cookie, an empty or oversized token and a non-string', () => {
    const token = csrfToken(key, 'session', 'jwt');
    expect(csrfMatches(key, 'session', 'jwt', undefined)).toBe(false);
    expect(csrfMatches(key, 'session', undefined, token)).toBe(false);
    expect(csrfMatches(key, 'session', '', token)).toBe(false);
    expect(csrfMatches(key, 'session', 'jwt', '')).toBe(false);
    expect(csrfMatches(key, 'session', 'jwt', token + 'x'.repeat(100))).toBe(false);
    expect(csrfMatches(key, 'session', 'jwt', [token])).toBe(false);
  });

  it('derives a key that depends on the secret and is not the secret', () => {
    expect(csrfKey('s1-0123456789abcdef0123456789abcdef').equals(csrfKey('s2-0123456789abcdef0123456789abcdef'))).toBe(false);
    expect(csrfKey('secret').toString()).not.toContain('secret');
  });
});
