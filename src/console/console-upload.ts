import { SetMetadata } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { forbidden } from '../common/errors';
import { readUpload, Upload } from '../common/import-upload';
import { CSRF_FIELD } from './console-caller';
import { parseCookies, SESSION_COOKIE } from './console-cookies';
import { ConsoleSessions } from './console-sessions';

export const CONSOLE_UPLOAD = 'console:upload';

/**
 * Marks a console route that takes a file (multipart/form-data). Its CSRF token travels among
 * the multipart fields, which ConsoleGuard cannot read: the route reads them with
 * `readConsoleUpload`, which refuses the upload (403) unless the token holds.
 */
export const ConsoleUpload = () => SetMetadata(CONSOLE_UPLOAD, true);

/** The upload of a console form, once its CSRF token has been checked against the session cookie. */
export async function readConsoleUpload(request: FastifyRequest, sessions: ConsoleSessions): Promise<Upload> {
  const upload = await readUpload(request);
  const token = parseCookies(request.headers.cookie)[SESSION_COOKIE];
  if (!sessions.sessionCsrfHolds(token, upload.fields[CSRF_FIELD])) {
    throw forbidden(CSRF_FIELD, 'csrf_mismatch', 'Biểu mẫu đã hết hạn hoặc không được gửi từ trang của hệ thống. Vui lòng tải lại trang rồi thử lại.');
  }
  const fields = { ...upload.fields };
  delete fields[CSRF_FIELD];
  return { ...upload, fields };
}
