import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AccessTokens } from '../auth/access-tokens';
import { AuthService } from '../auth/auth.service';
import { resolveJwtSecret } from '../auth/jwt-secret';
import { LoginDto } from '../auth/user.dto';
import { User } from '../auth/user.entity';
import { validateBody } from '../common/validate-body';
import { AppConfig } from '../config/app-config';
import { PRE_SESSION_COOKIE, serializeCookie, SESSION_COOKIE } from './console-cookies';
import { csrfKey, csrfMatches, csrfToken } from './console-csrf';

/** How long the sign-in form's pre-session cookie lasts: long enough to type a password. */
const PRE_SESSION_SECONDS = 2 * 60 * 60;

/**
 * Console sessions are the API's own: the cookie holds the access token that `POST /api/auth/login`
 * would have answered, checked by the same AccessTokens, so a sign-out, a new password or a
 * deactivation ends a console session exactly as it ends a bearer token.
 */
@Injectable()
export class ConsoleSessions {
  private readonly key: Buffer;
  private readonly secure: boolean;
  private readonly ttlSeconds: number;

  constructor(
    config: AppConfig,
    private readonly auth: AuthService,
    private readonly tokens: AccessTokens,
  ) {
    this.key = csrfKey(resolveJwtSecret(config));
    this.secure = new URL(config.publicBaseUrl).protocol === 'https:';
    this.ttlSeconds = config.jwtTtlSeconds;
  }

  /**
   * The access token for an email and password, by the API's rules (the same users, password
   * check and its queue); 401 invalid_credentials or 429 login_busy otherwise. The rate limits
   * are the route's LoginThrottlerGuard, shared with the API's sign-in.
   */
  async signIn(email: string, password: string): Promise<string> {
    const dto = await validateBody(LoginDto, { email, password });
    return (await this.auth.login(dto)).accessToken;
  }

  /** The user a session cookie stands for, or null when it is not (or no longer) a valid session. */
  async userOf(token: string | undefined): Promise<User | null> {
    if (!token) return null;
    try {
      return (await this.tokens.authenticate(token)).user;
    } catch {
      return null;
    }
  }

  /** Ends every session of the user, console and API alike (the API's "sign out everywhere"). */
  signOut(user: User): Promise<void> {
    return this.auth.logout(user);
  }

  sessionCookie(token: string): string {
    return serializeCookie(SESSION_COOKIE, token, { maxAge: this.ttlSeconds, secure: this.secure });
  }

  clearSessionCookie(): string {
    return serializeCookie(SESSION_COOKIE, '', { maxAge: 0, secure: this.secure });
  }

  newPreSession(): string {
    return randomBytes(24).toString('base64url');
  }

  preSessionCookie(value: string): string {
    return serializeCookie(PRE_SESSION_COOKIE, value, { maxAge: PRE_SESSION_SECONDS, secure: this.secure });
  }

  clearPreSessionCookie(): string {
    return serializeCookie(PRE_SESSION_COOKIE, '', { maxAge: 0, secure: this.secure });
  }

  csrfForSession(token: string): string {
    return csrfToken(this.key, 'session', token);
  }

  csrfForSignIn(preSession: string): string {
    return csrfToken(this.key, 'sign-in', preSession);
  }

  sessionCsrfHolds(token: string | undefined, given: unknown): boolean {
    return csrfMatches(this.key, 'session', token, given);
  }

  signInCsrfHolds(preSession: string | undefined, given: unknown): boolean {
    return csrfMatches(this.key, 'sign-in', preSession, given);
  }
}
