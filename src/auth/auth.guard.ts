import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { FastifyRequest } from 'fastify';
import { IS_PUBLIC, REQUIRED_ROLES } from './auth.decorators';
import { forbidden, unauthorized } from '../common/errors';
import { Role, ROLE_WORDS } from './role';
import { Session } from './session';
import { UserCache } from './user-cache';
import { User } from './user.entity';

interface TokenPayload {
  sub: string;
  exp?: number;
  /** The user's tokenVersion when it was issued (absent in tokens older than the version: 0). */
  tv?: number;
}

interface Subject {
  sub: string;
  tokenVersion: number;
  expiresAtMs: number | null;
}

const endedSession = () =>
  unauthorized('authorization', 'session_ended', 'Phiên đăng nhập đã kết thúc (đã đăng xuất, đổi mật khẩu hoặc khóa tài khoản). Vui lòng đăng nhập lại.');
const invalidToken = () => unauthorized('authorization', 'token_invalid', 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.');

/** How many verified tokens are remembered (one per signed-in session, at most). */
const MAX_VERIFIED_TOKENS = 10_000;

/**
 * Every route needs a valid bearer token unless marked `@Public()`, and one of the roles named
 * by `@Roles()` when it has them. The user is re-read (through a few-second cache that user
 * changes clear) so that a deactivated user or a changed role takes effect.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  /**
   * Tokens already verified, with their subject and expiry: checking the signature of the same
   * token again on each of a client's requests cost a sixth of a simple read. An entry is used
   * only until the token's own expiry.
   */
  private readonly verified = new Map<string, Subject & { expiresAtMs: number }>();

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly users: UserCache,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: User; session?: Session }>();
    const { user, session } = await this.authenticate(request.headers.authorization);
    request.user = user;
    request.session = session;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.includes(user.role)) {
      throw forbidden('role', 'role_not_allowed', `Thao tác này dành cho vai trò ${roles.map((r) => ROLE_WORDS[r]).join(' hoặc ')}; tài khoản của bạn có vai trò ${ROLE_WORDS[user.role]}.`);
    }
    return true;
  }

  private async authenticate(header: string | undefined): Promise<{ user: User; session: Session }> {
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    if (!match) throw unauthorized('authorization', 'token_missing', 'Vui lòng đăng nhập: yêu cầu cần mã truy cập (Bearer token).');
    const subject = await this.subjectOf(match[1]);
    const user = subject !== null ? await this.users.get(subject.sub) : null;
    if (!user || !user.active) throw invalidToken();
    if (subject!.tokenVersion !== user.tokenVersion) throw endedSession();
    return { user, session: { userId: user.id, tokenVersion: subject!.tokenVersion, expiresAtMs: subject!.expiresAtMs } };
  }

  /** The user id and token version a valid, unexpired token was issued with (null when it names none). */
  private async subjectOf(token: string): Promise<Subject | null> {
    const known = this.verified.get(token);
    if (known && Date.now() < known.expiresAtMs) return known;
    if (known) this.verified.delete(token);
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token);
    } catch {
      throw invalidToken();
    }
    if (typeof payload.sub !== 'string') return null;
    const expiresAtMs = typeof payload.exp === 'number' ? payload.exp * 1000 : null;
    const subject = { sub: payload.sub, tokenVersion: typeof payload.tv === 'number' ? payload.tv : 0, expiresAtMs };
    if (expiresAtMs !== null) {
      if (this.verified.size >= MAX_VERIFIED_TOKENS) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, { ...subject, expiresAtMs });
    }
    return subject;
  }
}
