import { localPhone, normalizePhone } from './phone';

describe('normalizePhone', () => {
  it.each(['0912 345 678', '+84912345678', '84-912-345-678', '0912.345.678', '(+84) 912 345 678', '0084912345678'])(
    'reads %s as +84912345678',
    (input) => {
      expect(normalizePhone(input)).toBe('+84912345678');
    },
  );

  it('keeps a Hà Nội landline with its area code', () => {
    expect(normalizePhone('024 3825 1234')).toBe('+842438251234');
  });

  it.each(['', 'abc', '12345', '0912 345', '+1 202 555 0101', '0912345678901', '00912345678'])('refuses %p', (input) => {
    expect(normalizePhone(input)).toBeNull();
  });
});

describe('localPhone', () => {
  it.each([
    ['+84912345678', '0912 345 678'],
    ['+842438251234', '024 3825 1234'],
    ['+842838123456', '028 3812 3456'],
    ['+842223822123', '0222 3822 123'],
    [null, ''],
  ])('writes %p as %p, as people write it (and Excel keeps as text)', (stored, shown) => {
    expect(localPhone(stored)).toBe(shown);
  });

  it('shows anything else as it is stored', () => {
    expect(localPhone('+1 202 555 0101')).toBe('+1 202 555 0101');
  });
});
