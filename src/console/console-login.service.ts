import { HttpException, Injectable } from '@nestjs/common';
import { forbidden } from '../common/errors';
import { FormFields } from '../web/form-body';
import { FieldErrors } from '../web/page-form';
import { ConsoleCaller } from './console-caller';
import { parseCookies, PRE_SESSION_COOKIE, safeNext, SESSION_COOKIE } from './console-cookies';
import { ConsoleResult } from './console-reply';
import { ConsoleSessions } from './console-sessions';
import { OPERATOR_HOME } from './console.guard';
import { loginPage } from './login-page';

const SIGNED_OUT = 'dang-xuat';

/** Signing in and out of the console. */
@Injectable()
export class ConsoleLoginService {
  constructor(private readonly sessions: ConsoleSessions) {}

  /** The sign-in form; someone already signed in goes straight on. */
  async show(cookieHeader: string | undefined, next: unknown, done: unknown): Promise<ConsoleResult> {
    const cookies = parseCookies(cookieHeader);
    const user = await this.sessions.userOf(cookies[SESSION_COOKIE]);
    if (user) return { redirect: this.destination(next, user.role) };
    const pre = cookies[PRE_SESSION_COOKIE] || this.sessions.newPreSession();
    return {
      status: 200,
      cookies: [this.sessions.preSessionCookie(pre)],
      html: loginPage({
        csrf: this.sessions.csrfForSignIn(pre),
        next: safeNext(next, ''),
        info: done === SIGNED_OUT ? 'Bạn đã đăng xuất.' : undefined,
      }),
    };
  }

  /** Checks the form's token, then the email and password by the API's rules; on success the session cookie and the page asked for. */
  async submit(cookieHeader: string | undefined, fields: FormFields | undefined): Promise<ConsoleResult> {
    const pre = parseCookies(cookieHeader)[PRE_SESSION_COOKIE];
    if (!this.sessions.signInCsrfHolds(pre, fields?._csrf)) {
      throw forbidden(
        '_csrf',
        'csrf_mismatch',
        'Biểu mẫu đăng nhập đã hết hạn hoặc trình duyệt chưa cho phép cookie. Vui lòng mở lại trang đăng nhập rồi thử lại.',
      );
    }
    const email = typeof fields?.email === 'string' ? fields.email.trim() : '';
    const password = typeof fields?.password === 'string' ? fields.password : '';
    const next = typeof fields?.next === 'string' ? fields.next : '';
    const errors: FieldErrors = {};
    if (!email) errors.email = 'Vui lòng nhập email.';
    if (!password) errors.password = 'Vui lòng nhập mật khẩu.';
    const again = (status: number, problem?: string) => ({
      status,
      html: loginPage({ csrf: this.sessions.csrfForSignIn(pre!), next: safeNext(next, ''), email, errors, problem }),
    });
    if (Object.keys(errors).length > 0) return again(400);
    let token: string;
    try {
      token = await this.sessions.signIn(email, password);
    } catch (error) {
      if (!(error instanceof HttpException)) throw error;
      const status = error.getStatus();
      if (status === 400 || status === 401) return again(401, 'Email hoặc mật khẩu không đúng.');
      if (status === 429) return again(429, 'Hệ thống đang bận xử lý nhiều lượt đăng nhập. Vui lòng thử lại sau vài giây.');
      throw error;
    }
    const user = (await this.sessions.userOf(token))!;
    return {
      redirect: this.destination(next, user.role),
      cookies: [this.sessions.sessionCookie(token), this.sessions.clearPreSessionCookie()],
    };
  }

  /** Ends the session (and every other session of the account, as the API's sign-out does). */
  async signOut(caller: ConsoleCaller): Promise<ConsoleResult> {
    await this.sessions.signOut(caller.user);
    return { redirect: `/console/login?xong=${SIGNED_OUT}`, cookies: [this.sessions.clearSessionCookie()] };
  }

  private destination(next: unknown, role: string): string {
    const fallback = role === 'operator' ? OPERATOR_HOME : '/console';
    return safeNext(next, fallback);
  }
}
