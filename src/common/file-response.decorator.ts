import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';

/** Formats whose body is text (documented as a string); any other is documented as binary. */
const TEXT_TYPES = /^text\//;

/** Documents a 200 answer that is a file (CSV, XLSX, DOCX, PDF, iCalendar) rather than JSON. */
export function ApiFileResponse(contentType: string, description: string) {
  return applyDecorators(
    ApiProduces(contentType),
    ApiOkResponse({
      description,
      schema: TEXT_TYPES.test(contentType) ? { type: 'string' } : { type: 'string', format: 'binary' },
    }),
  );
}
