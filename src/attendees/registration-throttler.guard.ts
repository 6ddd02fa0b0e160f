import { Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerRequest } from '@nestjs/throttler';
import { refusal } from '../common/errors';

/** The throttler of AuthModule that counts self-registrations per client address. */
export const REGISTRATION_THROTTLER = 'registration';

/**
 * Counts self-registration posts per client address (REGISTRATION_RATE_LIMIT per
 * REGISTRATION_RATE_WINDOW_SECONDS) and answers 429 in the envelope beyond them. Only the
 * `registration` throttler applies here; the login ones count logins only.
 */
@Injectable()
export class RegistrationThrottlerGuard extends ThrottlerGuard {
  protected override async handleRequest(request: ThrottlerRequest): Promise<boolean> {
    return request.throttler.name === REGISTRATION_THROTTLER ? super.handleRequest(request) : true;
  }

  protected override async throwThrottlingException(): Promise<void> {
    throw refusal(429, [
      { field: 'body', code: 'too_many_registrations', message: 'Có quá nhiều lượt đăng ký từ địa chỉ này. Vui lòng thử lại sau.' },
    ]);
  }
}
