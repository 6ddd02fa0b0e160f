import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';

/** Formats whose body is text (documented as a string); any other is documented as binary. */
const TEXT_TYPES = /^text\//;

/**
 * Documents a 200 answer that is a file (CSV, XLSX, DOCX, PDF, iCalendar) rather than JSON. The
 * content type is the 200 answer's own: the route's error answers stay JSON envelopes.
 */
export function ApiFileResponse(contentType: string, description: string) {
  return applyDecorators(
    ApiOkResponse({
      description,
      content: { [contentType]: { schema: TEXT_TYPES.test(contentType) ? { type: 'string' } : { type: 'string', format: 'binary' } } },
    }),
  );
}
