import { RegistrationRequest } from './registration-request.entity';

/** The one answer to a registration post, whatever happened to the address behind it. */
export const PENDING_CONFIRMATION = {
  status: 'pending_confirmation' as const,
  message:
    'Vui lòng mở thư vừa được gửi tới địa chỉ email đã khai và bấm vào đường dẫn trong thư để xác nhận đăng ký. ' +
    'Đăng ký chỉ được ghi nhận sau khi xác nhận.',
};

/**
 * Confirmation mails one address gets for one conference per hour. Posts beyond it still answer
 * the same, so a stranger cannot use the form to flood someone's mailbox, nor learn anything.
 */
export const MAILS_PER_ADDRESS_PER_HOUR = 3;

const HOUR_MS = 3600_000;

export type RequestState = 'pending' | 'confirmed' | 'expired';

/** Where a request stands at `now`: a confirmed one stays confirmed (its link answers the same ever after). */
export function requestState(request: Pick<RegistrationRequest, 'confirmedAt' | 'expiresAt'>, now: Date): RequestState {
  if (request.confirmedAt) return 'confirmed';
  return request.expiresAt.getTime() <= now.getTime() ? 'expired' : 'pending';
}

/** Since when the requests of one address count toward MAILS_PER_ADDRESS_PER_HOUR. */
export function mailWindowStart(now: Date): Date {
  return new Date(now.getTime() - HOUR_MS);
}

/**
 * The outbox key of "you are already registered": one such mail per delegate per clock hour,
 * however often the form is posted with their address.
 */
export function alreadyRegisteredKey(attendeeId: string, now: Date): string {
  return `registration_exists:${attendeeId}:${Math.floor(now.getTime() / HOUR_MS)}`;
}
