import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { User } from '../auth/user.entity';

/** Who is using the console on this request (set by ConsoleGuard). */
export interface ConsoleCaller {
  user: User;
  /** The CSRF token every form of the page carries. */
  csrf: string;
  /** Admins and organizers change; viewers only look. */
  canWrite: boolean;
}

export const CSRF_FIELD = '_csrf';

export interface ConsoleRequest {
  console?: ConsoleCaller;
}

export const Caller = createParamDecorator(
  (_data: unknown, context: ExecutionContext): ConsoleCaller => context.switchToHttp().getRequest<ConsoleRequest>().console!,
);

/** Thrown where the console sends the browser elsewhere (to sign in, or an operator to their points). */
export class ConsoleRedirect extends Error {
  constructor(
    readonly location: string,
    /** The session cookie no longer holds: clear it. */
    readonly clearSession = false,
  ) {
    super(`redirect to ${location}`);
    this.name = 'ConsoleRedirect';
  }
}
