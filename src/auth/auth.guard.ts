import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyRequest } from 'fastify';
import { IS_PUBLIC, REQUIRED_ROLES } from './auth.decorators';
import { forbidden, unauthorized } from '../common/errors';
import { AccessTokens } from './access-tokens';
import { Role, ROLE_WORDS } from './role';
import { Session } from './session';
import { User } from './user.entity';

/**
 * Every route needs a valid bearer token unless marked `@Public()`, and one of the roles named
 * by `@Roles()` when it has them. AccessTokens checks the token and re-reads its user.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: User; session?: Session }>();
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match) throw unauthorized('authorization', 'token_missing', 'Vui lòng đăng nhập: yêu cầu cần mã truy cập (Bearer token).');
    const { user, session } = await this.tokens.authenticate(match[1]);
    request.user = user;
    request.session = session;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.includes(user.role)) {
      throw forbidden('role', 'role_not_allowed', `Thao tác này dành cho vai trò ${roles.map((r) => ROLE_WORDS[r]).join(' hoặc ')}; tài khoản của bạn có vai trò ${ROLE_WORDS[user.role]}.`);
    }
    return true;
  }
}
