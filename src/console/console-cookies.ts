/** The console's cookies: the session (the access token the API issues) and the sign-in form's pre-session. */
export const SESSION_COOKIE = 'hn_console';
export const PRE_SESSION_COOKIE = 'hn_console_pre';
export const CONSOLE_PATH = '/console';

export interface CookieOptions {
  /** Seconds; 0 deletes the cookie. */
  maxAge: number;
  secure: boolean;
}

/** The cookies a request sent, by name (the first of a repeated name wins, as browsers send the most specific first). */
export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name || Object.prototype.hasOwnProperty.call(cookies, name)) continue;
    const raw = part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    try {
      cookies[name] = decodeURIComponent(raw);
    } catch {
      cookies[name] = raw;
    }
  }
  return cookies;
}

/** A Set-Cookie value: HttpOnly, SameSite=Lax, only under /console, Secure when the site is served over https. */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  return [
    `${name}=${encodeURIComponent(value)}`,
    `Path=${CONSOLE_PATH}`,
    `Max-Age=${Math.max(0, Math.floor(options.maxAge))}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');
}

/**
 * Where a sign-in may lead: a console page of this site, as a relative path. Anything else
 * (another site, `//host`, a backslash browsers read as a slash, the sign-in page itself) leads
 * to the console's home.
 */
export function safeNext(next: unknown, fallback = CONSOLE_PATH): string {
  if (typeof next !== 'string' || next.length > 2000) return fallback;
  if (!/^\/console(?:[/?#]|$)/.test(next)) return fallback;
  // eslint-disable-next-line no-control-regex -- a control character in a Location header is refused
  if (/[\\\u0000-\u001f\u007f\s]/.test(next)) return fallback;
  if (/^\/console\/log(in|out)(?:[/?#]|$)/.test(next)) return fallback;
  return next;
}
