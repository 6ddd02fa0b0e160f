import { decisionOrdinal, parseDecisionNumber } from './decision-number';

describe('decision numbers (số quyết định)', () => {
  it.each([
    ['123/QĐ-TTg', '123/QĐ-TTg'],
    ['45/QĐ-UBND', '45/QĐ-UBND'],
    ['1234/QĐ-BNV', '1234/QĐ-BNV'],
    ['12/QĐ-CTUBND', '12/QĐ-CTUBND'],
    ['15/QĐ-BDVTW', '15/QĐ-BDVTW'],
    ['1234/QĐ-BNN-TCCB', '1234/QĐ-BNN-TCCB'],
    ['07/QĐ-BGDĐT', '07/QĐ-BGDĐT'],
    ['123/2022/QĐ-TTg', '123/2022/QĐ-TTg'],
    [' 123 / QĐ - TTg ', '123/QĐ-TTg'],
    ['123/QD-TTg', '123/QĐ-TTg'],
    ['123/qd-ttg', '123/QĐ-TTg'],
    ['45/qđ-ubnd', '45/QĐ-UBND'],
    ['123/QĐ-TTg'.normalize('NFD'), '123/QĐ-TTg'],
  ])('reads %p as %p', (input, number) => {
    expect(parseDecisionNumber(input)?.number).toBe(number);
  });

  it('stores the normalized form in NFC', () => {
    const parsed = parseDecisionNumber('45/QĐ-UBND'.normalize('NFD'));
    expect(parsed?.number).toBe('45/QĐ-UBND');
    expect(parsed?.number.normalize('NFC')).toBe(parsed?.number);
  });

  it.each([
    '',
    'QĐ-TTg',
    '123',
    '123/TTg',
    '123-QĐ-TTg',
    '123/QĐ',
    '123/QĐ-',
    '123/QĐ-TTg-',
    '123/QĐ--TTg',
    'ABC/QĐ-TTg',
    '0/QĐ-TTg',
    '1234567/QĐ-TTg',
    '123/NQ-CP',
    '123/QĐ-TT g!',
    '123/QĐ-1TTG',
    '12/22/QĐ-TTg',
    '123/QĐ-Thủ tướng',
    123,
    null,
  ])('refuses %p', (input) => {
    expect(parseDecisionNumber(input)).toBeNull();
  });

  it('compares numbers without their leading zeros', () => {
    expect(parseDecisionNumber('01/QĐ-TTg')?.key).toBe(parseDecisionNumber('1/qd-ttg')?.key);
    expect(parseDecisionNumber('01/QĐ-TTg')?.number).toBe('01/QĐ-TTg');
    expect(parseDecisionNumber('1/QĐ-TTg')?.key).not.toBe(parseDecisionNumber('1/QĐ-UBND')?.key);
  });

  it('orders by the leading number, not as text', () => {
    expect(decisionOrdinal('45/QĐ-UBND')).toBeLessThan(decisionOrdinal('123/QĐ-TTg'));
  });
});
