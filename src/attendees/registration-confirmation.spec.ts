import { alreadyRegisteredKey, mailWindowStart, PENDING_CONFIRMATION, requestState } from './registration-confirmation';

describe('self-registration confirmation rules', () => {
  const now = new Date('2025-07-01T08:00:00Z');
  const at = (iso: string) => new Date(iso);

  it('tells a pending request from an expired one by its expiry, the instant itself counting as expired', () => {
    expect(requestState({ confirmedAt: null, expiresAt: at('2025-07-01T08:00:01Z') }, now)).toBe('pending');
    expect(requestState({ confirmedAt: null, expiresAt: at('2025-07-01T08:00:00Z') }, now)).toBe('expired');
  });

  it('keeps a confirmed request confirmed after its link would have expired', () => {
    expect(requestState({ confirmedAt: at('2025-06-30T08:00:00Z'), expiresAt: at('2025-06-30T09:00:00Z') }, now)).toBe('confirmed');
  });

  it('counts the mails of an address over the last hour', () => {
    expect(mailWindowStart(now).toISOString()).toBe('2025-07-01T07:00:00.000Z');
  });

  it('keys "already registered" mails by delegate and clock hour, so a burst of posts sends one', () => {
    const id = 'a1';
    expect(alreadyRegisteredKey(id, at('2025-07-01T08:00:00Z'))).toBe(alreadyRegisteredKey(id, at('2025-07-01T08:59:59Z')));
    expect(alreadyRegisteredKey(id, at('2025-07-01T08:59:59Z'))).not.toBe(alreadyRegisteredKey(id, at('2025-07-01T09:00:00Z')));
    expect(alreadyRegisteredKey(id, now)).not.toBe(alreadyRegisteredKey('a2', now));
  });

  it('answers every post with one Vietnamese sentence that names no address', () => {
    expect(PENDING_CONFIRMATION.status).toBe('pending_confirmation');
    expect(PENDING_CONFIRMATION.message).toMatch(/^Vui lòng mở thư .* để xác nhận đăng ký\./);
  });
});
