import { BadRequestException, HttpException, HttpStatus } from '@nestjs/common';

export interface ErrorDetail {
  field: string;
  message: string;
  /** A stable machine code (`attendance_not_open`, `declined`, …) that clients rely on instead of the wording. */
  code?: string;
}

/** The one error shape every 4xx and 5xx answer has (DESIGN.md). */
export interface ErrorEnvelope {
  statusCode: number;
  error: string;
  message: string;
  details: ErrorDetail[];
}

const reasonPhrase = (status: number): string =>
  (HttpStatus[status] ?? 'Error')
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');

/** Turns a JSON body Fastify could not parse into a 400 that names the body. */
export function bodyError(error: Error & { code?: string }): BadRequestException {
  const message = error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? 'body must not be empty' : 'body is not valid JSON';
  return new BadRequestException({ message, details: [{ field: 'body', message }] });
}

/** Fastify's own refusals (reaching here as plain HttpExceptions) get a detail naming what was wrong. */
const detailByStatus: Record<number, ErrorDetail> = {
  413: { field: 'body', message: 'body is larger than the limit' },
  415: { field: 'content-type', message: 'unsupported content type' },
};

/** Builds the envelope for anything thrown; `unexpected` is true when it must be logged as a bug. */
export function toErrorEnvelope(error: unknown): { envelope: ErrorEnvelope; unexpected: boolean } {
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const body = error.getResponse();
    let message = error.message;
    let details: ErrorDetail[] = [];
    if (typeof body === 'object' && body !== null) {
      const fields = body as { message?: unknown; details?: unknown };
      if (Array.isArray(fields.message)) message = fields.message.join('; ');
      else if (typeof fields.message === 'string') message = fields.message;
      if (Array.isArray(fields.details)) details = fields.details as ErrorDetail[];
    } else if (typeof body === 'string') {
      message = body;
    }
    if (details.length === 0 && detailByStatus[status]) details = [detailByStatus[status]];
    return {
      envelope: { statusCode: status, error: reasonPhrase(status), message, details },
      unexpected: status >= 500,
    };
  }
  return {
    envelope: { statusCode: 500, error: 'Internal Server Error', message: 'internal server error', details: [] },
    unexpected: true,
  };
}
