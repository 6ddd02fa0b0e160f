import { unsupportedType } from '../common/errors';
import { FastifyInstance } from 'fastify';

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/** The parsed fields of a form post: the last value wins when a name repeats. */
export type FormFields = Record<string, string>;

export function parseFormBody(body: string): FormFields {
  // Object.fromEntries defines own properties, so a field named "__proto__" stays a plain field.
  return Object.fromEntries(new URLSearchParams(body));
}

/**
 * Form posts for the server-rendered pages (they work without JavaScript). The JSON API keeps
 * refusing form bodies with 415, as it always has: only page routes accept them.
 */
export function registerFormBodyParser(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(FORM_CONTENT_TYPE, { parseAs: 'string' }, (request, body, done) => {
    if (request.url.startsWith('/api/') || request.url === '/api') {
      done(
        unsupportedType('content-type', 'unsupported_media_type', `API chỉ nhận dữ liệu JSON (application/json), không nhận ${FORM_CONTENT_TYPE}.`),
        undefined,
      );
      return;
    }
    done(null, parseFormBody(body as string));
  });
}
