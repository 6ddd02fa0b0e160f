import { HttpException, HttpStatus } from '@nestjs/common';
import { badField, CodedDetail } from './errors';

export interface ErrorDetail {
  field: string;
  message: string;
  /** A stable machine code (`attendance_not_open`, `declined`, …) that clients rely on instead of the wording. */
  code: string;
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
export function bodyError(error: Error & { code?: string }): HttpException {
  return error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
    ? badField('body', 'empty_body', 'Yêu cầu khai báo nội dung JSON nhưng không gửi kèm dữ liệu.')
    : badField('body', 'invalid_json', 'Dữ liệu gửi lên không phải là JSON hợp lệ.');
}

/**
 * What an answer without details says: refusals made outside this API's helpers (Fastify's own
 * limits, the router's unknown route, the rate limiter) get the envelope's Vietnamese and a code.
 */
const fallbackByStatus: Record<number, CodedDetail & { field: string }> = {
  400: { field: 'request', code: 'bad_request', message: 'Yêu cầu không hợp lệ.' },
  401: { field: 'authorization', code: 'unauthenticated', message: 'Vui lòng đăng nhập.' },
  403: { field: 'authorization', code: 'forbidden', message: 'Bạn không có quyền thực hiện thao tác này.' },
  404: { field: 'path', code: 'route_not_found', message: 'Không có địa chỉ này trong API.' },
  405: { field: 'method', code: 'method_not_allowed', message: 'Địa chỉ này không nhận phương thức này.' },
  406: { field: 'accept', code: 'not_acceptable', message: 'Không có định dạng trả về nào phù hợp với yêu cầu.' },
  413: { field: 'body', code: 'body_too_large', message: 'Nội dung gửi lên vượt quá giới hạn cho phép.' },
  415: { field: 'content-type', code: 'unsupported_media_type', message: 'Kiểu nội dung gửi lên không được hỗ trợ ở địa chỉ này.' },
  429: { field: 'request', code: 'too_many_requests', message: 'Có quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau ít phút.' },
  503: { field: 'request', code: 'unavailable', message: 'Hệ thống tạm thời không nhận yêu cầu. Vui lòng thử lại sau ít phút.' },
};

const INTERNAL: ErrorEnvelope = {
  statusCode: 500,
  error: 'Internal Server Error',
  message: 'Đã có lỗi xảy ra, chưa ghi nhận được yêu cầu. Vui lòng thử lại sau ít phút.',
  details: [{ field: 'request', code: 'internal_error', message: 'Lỗi hệ thống; đã ghi nhật ký để xử lý.' }],
};

/** Builds the envelope for anything thrown; `unexpected` is true when it must be logged as a bug. */
export function toErrorEnvelope(error: unknown): { envelope: ErrorEnvelope; unexpected: boolean } {
  if (error instanceof HttpException && error.getStatus() < 500) {
    const status = error.getStatus();
    const body = error.getResponse();
    const fields = typeof body === 'object' && body !== null ? (body as { message?: unknown; details?: unknown }) : {};
    let details = Array.isArray(fields.details) ? (fields.details as ErrorDetail[]) : [];
    let message = typeof fields.message === 'string' ? fields.message : '';
    if (details.length === 0) {
      const fallback = fallbackByStatus[status] ?? fallbackByStatus[400];
      details = [fallback];
      message = fallback.message;
    }
    return { envelope: { statusCode: status, error: reasonPhrase(status), message, details }, unexpected: false };
  }
  if (error instanceof HttpException && error.getStatus() === 503) {
    const body = error.getResponse() as { message?: unknown; details?: unknown };
    const details = Array.isArray(body?.details) ? (body.details as ErrorDetail[]) : [fallbackByStatus[503]];
    const message = typeof body?.message === 'string' && Array.isArray(body?.details) ? body.message : fallbackByStatus[503].message;
    return { envelope: { statusCode: 503, error: reasonPhrase(503), message, details }, unexpected: false };
  }
  return { envelope: INTERNAL, unexpected: true };
}
