/**
 * Signed-link tokens are credentials: whoever holds one confirms a bridge point or answers for a
 * delegate. They travel in paths (the links mailed out) and never reach a log line; what the log
 * keeps is the route with `***` in the token's place.
 */
const TOKEN_IN_PATH = /(\/(?:api\/public\/(?:rsvp|bridge-points|calendar|registration-confirmations)|rsvp|bridge-points\/confirm|registration\/confirm)\/)([^/?#]+?)(\.ics)?(?=[/?#]|$)/g;
const TOKEN_IN_QUERY = /([?&](?:token|access_token)=)[^&#]*/gi;

export const MASK = '***';

/** `url` with every signed-link token (path segment or `token` query parameter) replaced by ***. */
export function maskTokens(url: string): string {
  return url.replace(TOKEN_IN_PATH, (_all, prefix: string, _token: string, ics = '') => `${prefix}${MASK}${ics}`).replace(TOKEN_IN_QUERY, `$1${MASK}`);
}

/** pino-http's request as logged, with tokens masked in its URL and gone from its params and query. */
export function redactRequest<R extends { url?: string; params?: Record<string, unknown>; query?: Record<string, unknown> }>(req: R): R {
  const masked = { ...req };
  if (typeof masked.url === 'string') masked.url = maskTokens(masked.url);
  for (const key of ['params', 'query'] as const) {
    const values = masked[key];
    if (values && typeof values === 'object' && ('token' in values || 'access_token' in values)) {
      masked[key] = { ...values, ...('token' in values && { token: MASK }), ...('access_token' in values && { access_token: MASK }) };
    }
  }
  return masked;
}
