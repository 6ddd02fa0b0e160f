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
}

/**
 * Every route needs a valid bearer token unless marked `@Public()`, and one of the roles named
 * by `@Roles()` when it has them. The user is re-read (through a few-second cache that user
 * changes clear) so that a deactivated user or a changed role takes effect.
 */
@Injectable()
export class AuthGuard implements CanActivate {
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
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(match[1]);
    } catch {
      throw new UnauthorizedException('the token is invalid or has expired');
    }
    const user = typeof payload.sub === 'string' ? await this.users.get(payload.sub) : null;
    if (!user || !user.active) throw new UnauthorizedException('the token is invalid or has expired');
    return user;
  }
}
