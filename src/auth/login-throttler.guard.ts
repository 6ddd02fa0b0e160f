import { createHash } from 'node:crypto';
import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerRequest } from '@nestjs/throttler';
import { refusal } from '../common/errors';

/** The client's address (behind a proxy, as TRUST_PROXY lets Fastify read it from X-Forwarded-For). */
export const address = (request: Record<string, unknown>): string => String(request.ip);

/** The client's address and the email it tries. */
export function addressAndEmail(request: Record<string, unknown>): string {
  const body = request.body as { email?: unknown } | undefined;
  const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
  return `${address(request)}|${email}`;
}

/**
 * Counts login attempts per client address and email, and per address over all emails (the
 * throttlers of AuthModule); answers 429 in the envelope when either is spent.
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  /** The throttlers named `login…` only: the others (self-registration) count other routes. */
  protected override async handleRequest(request: ThrottlerRequest): Promise<boolean> {
    return request.throttler.name?.startsWith('login') ? super.handleRequest(request) : true;
  }

  /** One count per client and email whichever sign-in route it goes through (the API's or the console's). */
  protected override generateKey(_context: ExecutionContext, suffix: string, name: string): string {
    return createHash('sha256').update(`sign-in-${name}-${suffix}`).digest('hex');
  }

  protected override async throwThrottlingException(): Promise<void> {
    throw refusal(429, [{ field: 'email', code: 'too_many_logins', message: 'Có quá nhiều lượt đăng nhập từ địa chỉ này hoặc vào tài khoản này. Vui lòng thử lại sau ít phút.' }]);
  }
}
