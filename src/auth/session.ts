import { createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import { Role } from './role';
import { UserCache } from './user-cache';

/** The signed-in session behind a request: whose token, at which token version, until when. */
export interface Session {
  userId: string;
  tokenVersion: number;
  /** When the token expires (ms since the epoch); null for a token without `exp`. */
  expiresAtMs: number | null;
}

/** The session of the request (set by AuthGuard on every route behind a token). */
export const CurrentSession = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Session => context.switchToHttp().getRequest<{ session: Session }>().session,
);

/**
 * Whether a session still holds, for what outlives its request (a live board stream): its token
 * has not expired, and its user is still active, at the same token version (no sign-out, new
 * password or deactivation since) and in one of `roles`. Reads the user through the cache, so a
 * change made through another instance is seen within its few seconds.
 */
@Injectable()
export class Sessions {
  constructor(private readonly users: UserCache) {}

  async stillValid(session: Session, roles: readonly Role[]): Promise<boolean> {
    if (session.expiresAtMs !== null && Date.now() >= session.expiresAtMs) return false;
    const user = await this.users.get(session.userId);
    return !!user && user.active && user.tokenVersion === session.tokenVersion && roles.includes(user.role);
  }
}
