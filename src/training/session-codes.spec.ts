import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { CODE_STEP_SECONDS, SessionCodes } from './session-codes';

describe('SessionCodes', () => {
  let now = new Date('2030-07-15T01:10:00Z');
  const clock = { now: () => now } as Clock;
  const codes = (secret = 'a-secret-of-at-least-thirty-two-characters') => new SessionCodes({ jwtSecret: secret } as AppConfig, clock);
  const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);

  it('gives six characters of the attendee alphabet, the same on every instance with the same secret', () => {
    const { code, expiresAt } = codes().current('item-1');
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect(codes().current('item-1').code).toBe(code);
    expect(codes('another-secret-of-thirty-two-characters!').current('item-1').code).not.toBe(code);
    expect(codes().current('item-2').code).not.toBe(code);
    expect(expiresAt.getTime() % (CODE_STEP_SECONDS * 1000)).toBe(0);
    expect(expiresAt.getTime()).toBeGreaterThan(now.getTime());
  });

  it('accepts the current code and the one before, typed loosely; an older one is expired, anything else wrong', () => {
    const start = now;
    const service = codes();
    const shown = service.current('item-1');
    expect(service.read('item-1', ` ${shown.code.toLowerCase().slice(0, 3)}-${shown.code.slice(3)}`)).toBe('current');
    now = later(CODE_STEP_SECONDS);
    expect(service.read('item-1', shown.code)).toBe('current');
    now = new Date(start.getTime() + 2 * CODE_STEP_SECONDS * 1000);
    expect(service.read('item-1', shown.code)).toBe('expired');
    expect(service.read('item-2', shown.code)).toBe('wrong');
    expect(service.read('item-1', 'ZZZZZZ')).toBe('wrong');
    expect(service.read('item-1', '')).toBe('wrong');
    now = start;
  });
});
