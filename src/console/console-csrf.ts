import { createHmac, timingSafeEqual } from 'node:crypto';

/** The key CSRF tokens are made with, derived from the JWT secret so that no other secret needs keeping. */
export function csrfKey(jwtSecret: string): Buffer {
  return createHmac('sha256', jwtSecret).update('hoi-nghi console csrf v1').digest();
}

/**
 * The token every console form carries: an HMAC of what the browser's cookie holds (the
 * session's access token, or the sign-in form's pre-session value), so another site, which
 * cannot read the cookie, cannot make it; a new session gets a new token.
 */
export function csrfToken(key: Buffer, purpose: 'session' | 'sign-in', cookieValue: string): string {
  return createHmac('sha256', key).update(`${purpose}:${cookieValue}`).digest('base64url');
}

/** Whether `given` is the token for that cookie value (compared in constant time). */
export function csrfMatches(key: Buffer, purpose: 'session' | 'sign-in', cookieValue: string | undefined, given: unknown): boolean {
  if (!cookieValue || typeof given !== 'string' || given.length === 0 || given.length > 100) return false;
  const expected = Buffer.from(csrfToken(key, purpose, cookieValue));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
