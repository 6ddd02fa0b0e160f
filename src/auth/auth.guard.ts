import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { FastifyRequest } from 'fastify';
import { IS_PUBLIC, REQUIRED_ROLES } from './auth.decorators';
import { Role } from './role';
import { UserCache } from './user-cache';
import { User } from './user.entity';

interface TokenPayload {
  sub: string;
  exp?: number;
}

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
  private readonly verified = new Map<string, { sub: string; expiresAtMs: number }>();

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly users: UserCache,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: User }>();
    const user = await this.authenticate(request.headers.authorization);
    request.user = user;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.includes(user.role)) {
      throw new ForbiddenException(`this action needs the role ${roles.join(' or ')}`);
    }
    return true;
  }

  private async authenticate(header: string | undefined): Promise<User> {
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    if (!match) throw new UnauthorizedException('a bearer token is required');
    const sub = await this.subjectOf(match[1]);
    const user = sub !== null ? await this.users.get(sub) : null;
    if (!user || !user.active) throw new UnauthorizedException('the token is invalid or has expired');
    return user;
  }

  /** The user id a valid, unexpired token was issued to (null when it names none). */
  private async subjectOf(token: string): Promise<string | null> {
    const known = this.verified.get(token);
    if (known && Date.now() < known.expiresAtMs) return known.sub;
    if (known) this.verified.delete(token);
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token);
    } catch {
      throw new UnauthorizedException('the token is invalid or has expired');
    }
    if (typeof payload.sub !== 'string') return null;
    if (typeof payload.exp === 'number') {
      if (this.verified.size >= MAX_VERIFIED_TOKENS) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, { sub: payload.sub, expiresAtMs: payload.exp * 1000 });
    }
    return payload.sub;
  }
}
