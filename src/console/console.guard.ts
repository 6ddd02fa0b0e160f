import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyRequest } from 'fastify';
import { REQUIRED_ROLES } from '../auth/auth.decorators';
import { Role, ROLE_WORDS } from '../auth/role';
import { forbidden } from '../common/errors';
import { ConsoleRedirect, ConsoleRequest, CSRF_FIELD } from './console-caller';
import { parseCookies, safeNext, SESSION_COOKIE } from './console-cookies';
import { ConsoleSessions } from './console-sessions';
import { CONSOLE_UPLOAD } from './console-upload';

export const SIGN_IN_PATH = '/console/login';
export const OPERATOR_HOME = '/console/points';

export const WRITERS: readonly Role[] = ['admin', 'organizer'];

/** Where an unauthenticated request is sent: the sign-in page, coming back here after (for a page; a form post starts over at home). */
export function signInLocation(method: string, url: string): string {
  const next = method === 'GET' ? safeNext(url, '') : '';
  return next && next !== '/console' ? `${SIGN_IN_PATH}?next=${encodeURIComponent(next)}` : SIGN_IN_PATH;
}

/**
 * Every console page needs a session cookie (otherwise: to the sign-in page); every form post
 * its CSRF token (otherwise 403); and one of the roles named by `@Roles()` on the route, as in
 * the API. An operator who opens a conference page is sent to the page of their own points.
 */
@Injectable()
export class ConsoleGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: ConsoleSessions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest & ConsoleRequest>();
    const token = parseCookies(request.headers.cookie)[SESSION_COOKIE];
    const user = await this.sessions.userOf(token);
    if (!user) throw new ConsoleRedirect(signInLocation(request.method, request.url), !!token);

    // A file upload's token is among its multipart fields, which only the route reads: readConsoleUpload checks it there.
    const upload = this.reflector.getAllAndOverride<boolean | undefined>(CONSOLE_UPLOAD, [context.getHandler()]) === true && request.isMultipart?.() === true;
    if (request.method !== 'GET' && request.method !== 'HEAD' && !upload) {
      const body = request.body as Record<string, unknown> | undefined;
      if (!this.sessions.sessionCsrfHolds(token, body?.[CSRF_FIELD])) {
        throw forbidden(CSRF_FIELD, 'csrf_mismatch', 'Biểu mẫu đã hết hạn hoặc không được gửi từ trang của hệ thống. Vui lòng tải lại trang rồi thử lại.');
      }
    }

    // Set before the role check, so that a refusal page still shows who is signed in (and the sign-out button).
    request.console = { user, csrf: this.sessions.csrfForSession(token!), canWrite: WRITERS.includes(user.role) };
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, [context.getHandler(), context.getClass()]);
    if (roles && !roles.includes(user.role)) {
      if (user.role === 'operator' && request.method === 'GET') throw new ConsoleRedirect(OPERATOR_HOME);
      throw forbidden(
        'role',
        'role_not_allowed',
        `Thao tác này dành cho ${roles.map((r) => ROLE_WORDS[r]).join(' hoặc ')}; tài khoản của bạn có vai trò ${ROLE_WORDS[user.role]}.`,
      );
    }
    return true;
  }
}
