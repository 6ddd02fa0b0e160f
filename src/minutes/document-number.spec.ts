import { abbreviationOf, ABBREVIATION_PATTERN, formatDocumentNumber, numberLine, SERIAL_PATTERN } from './document-number';

describe('document numbers (số văn bản)', () => {
  it('abbreviates an issuing body by the initials of its words', () => {
    expect(abbreviationOf('Ban Dân vận Trung ương')).toBe('BDVTW');
    expect(abbreviationOf('BAN DÂN VẬN TRUNG ƯƠNG')).toBe('BDVTW');
    expect(abbreviationOf('Ủy ban nhân dân tỉnh Bắc Giang')).toBe('UBND');
    expect(abbreviationOf('Văn phòng Chính phủ')).toBe('VPCP');
    expect(abbreviationOf('Ban Chỉ đạo')).toBe('BCĐ');
  });

  it('gives an abbreviation that the number pattern accepts', () => {
    for (const body of ['Ban Dân vận Trung ương', 'Sở Nội vụ', 'Đảng ủy Khối']) {
      expect(abbreviationOf(body)).toMatch(ABBREVIATION_PATTERN);
    }
  });

  it('formats the number as serial/type-abbreviation, or null without a serial', () => {
    expect(formatDocumentNumber('15', 'BB', 'BDVTW')).toBe('15/BB-BDVTW');
    expect(formatDocumentNumber('7', 'TB', 'BDVTW')).toBe('7/TB-BDVTW');
    expect(formatDocumentNumber(null, 'BB', 'BDVTW')).toBeNull();
  });

  it('prints blanks for a serial the records office has not given yet', () => {
    expect(numberLine('15', 'BB', 'BDVTW')).toBe('Số: 15/BB-BDVTW');
    expect(numberLine(null, 'TB', 'BDVTW')).toMatch(/^Số: +\/TB-BDVTW$/);
  });

  it('accepts serials without leading zeros and abbreviations in capitals', () => {
    expect(SERIAL_PATTERN.test('15')).toBe(true);
    expect(SERIAL_PATTERN.test('015')).toBe(false);
    expect(SERIAL_PATTERN.test('15a')).toBe(false);
    expect(ABBREVIATION_PATTERN.test('VP-BDVTW')).toBe(true);
    expect(ABBREVIATION_PATTERN.test('bdvtw')).toBe(false);
    expect(ABBREVIATION_PATTERN.test('B D')).toBe(false);
  });
});
