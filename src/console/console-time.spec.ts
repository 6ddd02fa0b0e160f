import { formatWallTime, parseWallTime } from './console-time';

describe('console times', () => {
  it('reads a Vietnamese date and time as the instant on a clock in Hà Nội', () => {
    expect(parseWallTime('15/07/2025 08:00', 'Asia/Ho_Chi_Minh')).toBe('2025-07-15T08:00:00+07:00');
    expect(parseWallTime(' 5/7/2025 8:05 ', 'Asia/Ho_Chi_Minh')).toBe('2025-07-05T08:05:00+07:00');
  });

  it('uses the offset the zone has on that day', () => {
    expect(parseWallTime('15/01/2026 09:30', 'Europe/Paris')).toBe('2026-01-15T09:30:00+01:00');
    expect(parseWallTime('15/07/2026 09:30', 'Europe/Paris')).toBe('2026-07-15T09:30:00+02:00');
  });

  it('refuses a day that does not exist, an hour skipped by daylight saving, and other shapes', () => {
    expect(parseWallTime('31/02/2026 08:00', 'Asia/Ho_Chi_Minh')).toBeNull();
    expect(parseWallTime('29/03/2026 02:30', 'Europe/Paris')).toBeNull();
    expect(parseWallTime('2026-07-15T08:00', 'Asia/Ho_Chi_Minh')).toBeNull();
    expect(parseWallTime('15/07/2026', 'Asia/Ho_Chi_Minh')).toBeNull();
    expect(parseWallTime('15/07/2026 24:00', 'Asia/Ho_Chi_Minh')).toBeNull();
  });

  it('writes an instant the way it is typed, in the conference zone', () => {
    expect(formatWallTime(new Date('2025-07-15T01:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe('15/07/2025 08:00');
    expect(formatWallTime(new Date('2025-07-15T01:00:00Z'), 'Europe/Paris')).toBe('15/07/2025 03:00');
  });
});
