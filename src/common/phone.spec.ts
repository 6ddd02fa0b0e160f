import { normalizePhone } from './phone';

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
