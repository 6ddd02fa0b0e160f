import { isIsoInstant } from './validators';

describe('isIsoInstant', () => {
  it.each(['2025-07-15T08:00:00+07:00', '2025-07-15T01:00:00Z', '2025-07-15T08:00+07:00', '2024-02-29T08:00:00.123+07:00'])(
    'accepts %s',
    (value) => expect(isIsoInstant(value)).toBe(true),
  );

  it.each([
    '2025-07-15T08:00:00',
    '2025-07-15',
    '2025-02-30T08:00:00+07:00',
    '2025-02-29T08:00:00+07:00',
    '2025-07-15T24:00:00+07:00',
    '2025-07-15 08:00:00+07:00',
    '15/07/2025 08:00',
    20250715,
    null,
  ])('refuses %p', (value) => expect(isIsoInstant(value)).toBe(false));
});
