import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { ErrorDetail } from '../common/error-envelope';
import { errorPage } from '../web/page-exception.filter';
import { ConsoleRedirect, ConsoleRequest } from './console-caller';
import { parseCookies, PRE_SESSION_COOKIE } from './console-cookies';
import { consoleMessagePage } from './console-layout';
import { sendConsole } from './console-reply';
import { ConsoleSessions } from './console-sessions';
import { loginPage } from './login-page';

const HOME = { href: '/console', label: 'Về danh sách hội nghị' };

/** The title and sentence a console user sees for a refusal. */
export function consoleError(status: number, details: ErrorDetail[]): { title: string; message: string; hint?: string } {
  const coded = details.find((d) => d.code)?.message;
  if (status === 403) {
    return details.some((d) => d.code === 'csrf_mismatch')
      ? { title: 'Biểu mẫu không hợp lệ', message: coded!, hint: 'Vì an toàn, mỗi biểu mẫu chỉ dùng được trong phiên đăng nhập đã mở nó.' }
      : { title: 'Không có quyền', message: coded ?? 'Tài khoản của bạn không được thực hiện thao tác này.' };
  }
  if (status === 404) return { title: 'Không tìm thấy', message: coded ?? 'Địa chỉ này không đúng hoặc nội dung không còn tồn tại.' };
  return errorPage(status, null, details);
}

/**
 * Errors of the console: a missing session becomes the sign-in page (303), too many sign-in
 * attempts the sign-in form with the reason, anything else a Vietnamese page with its status.
 */
@Catch()
export class ConsoleExceptionFilter implements ExceptionFilter {
  constructor(
    @InjectPinoLogger(ConsoleExceptionFilter.name) private readonly logger: PinoLogger,
    private readonly sessions: ConsoleSessions,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest & ConsoleRequest>();
    const reply = http.getResponse<FastifyReply>();
    if (exception instanceof ConsoleRedirect) {
      sendConsole(reply, { redirect: exception.location, cookies: exception.clearSession ? [this.sessions.clearSessionCookie()] : [] });
      return;
    }
    let status = 500;
    let details: ErrorDetail[] = [];
    if (exception instanceof HttpException) {
      status = exception.getStatus();
      const body = exception.getResponse() as { details?: unknown };
      if (typeof body === 'object' && body !== null && Array.isArray(body.details)) details = body.details as ErrorDetail[];
    }
    if (status >= 500) this.logger.error({ err: exception, reqId: request.id, url: request.url }, 'unexpected error on a console page');

    if (status === 429 && request.method === 'POST' && request.url.split('?')[0] === '/console/login') {
      const pre = parseCookies(request.headers.cookie)[PRE_SESSION_COOKIE];
      const body = (request.body ?? {}) as Record<string, unknown>;
      if (pre) {
        const html = loginPage({
          csrf: this.sessions.csrfForSignIn(pre),
          next: typeof body.next === 'string' ? body.next : '',
          email: typeof body.email === 'string' ? body.email : '',
          problem: details[0]?.message ?? 'Có quá nhiều lượt đăng nhập. Vui lòng thử lại sau ít phút.',
        });
        sendConsole(reply, { status, html });
        return;
      }
    }
    const page = consoleError(status, details);
    sendConsole(reply, { status, html: consoleMessagePage(page.title, page.message, { hint: page.hint, back: HOME, caller: request.console }) });
  }
}
