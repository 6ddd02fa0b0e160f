import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { ErrorDetail } from '../common/error-envelope';
import { messagePage } from './layout';
import { HTML_TYPE } from './page-result';

const CONTACT = 'Vui lòng liên hệ Ban Tổ chức hội nghị để được hỗ trợ.';

/** Why a signed link did not open: `unknown`, `revoked` or `expired`, the code of the detail naming the token. */
function linkReason(details: ErrorDetail[]): string | undefined {
  return details.find((d) => d.field === 'token')?.code;
}

/** The title and sentence a person sees for an error, never a stack or an English envelope. */
export function errorPage(status: number, message: string | null, details: ErrorDetail[]): { title: string; message: string; hint?: string } {
  const reason = linkReason(details);
  if (status === 410) {
    return {
      title: reason === 'revoked' ? 'Liên kết đã bị thu hồi' : 'Liên kết đã hết hạn',
      message: message ?? 'Liên kết không còn hiệu lực.',
    };
  }
  if (status === 404) {
    return {
      title: reason ? 'Liên kết không hợp lệ' : 'Không tìm thấy trang',
      message: reason ? (message ?? 'Liên kết không hợp lệ.') : 'Địa chỉ này không đúng hoặc không còn tồn tại.',
      hint: 'Hãy kiểm tra lại đường dẫn trong thư mời (đường dẫn phải đầy đủ, không bị ngắt dòng). ' + CONTACT,
    };
  }
  if (status === 413) return { title: 'Nội dung quá dài', message: 'Nội dung gửi lên vượt quá giới hạn cho phép.' };
  if (status >= 400 && status < 500) {
    // The details are written for people (a control character pasted into a form, a request sent twice …): say which.
    const why = details.map((d) => d.message).filter(Boolean).join(' ');
    return { title: 'Yêu cầu không hợp lệ', message: why || 'Không thể xử lý yêu cầu này.', hint: CONTACT };
  }
  return { title: 'Hệ thống đang gặp sự cố', message: 'Đã có lỗi xảy ra, chưa ghi nhận được yêu cầu. Vui lòng thử lại sau ít phút.', hint: CONTACT };
}

/** Errors of the pages answer a Vietnamese page with the right status; unexpected ones are logged, nothing leaks. */
@Catch()
export class PageExceptionFilter implements ExceptionFilter {
  constructor(@InjectPinoLogger(PageExceptionFilter.name) private readonly logger: PinoLogger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    let status = 500;
    let message: string | null = null;
    let details: ErrorDetail[] = [];
    if (exception instanceof Error && exception.name === 'EntityNotFoundError') {
      // What a link pointed at is gone (a deleted delegate): the link no longer leads anywhere.
      status = 404;
      details = [{ field: 'token', code: 'unknown', message: 'Liên kết không hợp lệ.' }];
    } else if (exception instanceof HttpException) {
      status = exception.getStatus();
      const body = exception.getResponse() as { message?: unknown; details?: unknown };
      if (typeof body === 'object' && body !== null) {
        if (typeof body.message === 'string') message = body.message;
        if (Array.isArray(body.details)) details = body.details as ErrorDetail[];
      }
    }
    if (status >= 500) this.logger.error({ err: exception, reqId: request.id, url: request.url }, 'unexpected error on a page');
    const page = errorPage(status, status === 404 || status === 410 ? message : null, details);
    void reply
      .status(status)
      .header('content-type', HTML_TYPE)
      .header('cache-control', 'no-store')
      .send(messagePage(page.title, page.message, page.hint));
  }
}
