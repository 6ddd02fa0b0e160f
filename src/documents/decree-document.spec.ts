import { recipientLines, upper } from './decree-document';

describe('Decree 30 document parts', () => {
  it('punctuates the recipient list: a semicolon after each entry, a full stop after the last', () => {
    expect(recipientLines(['Như trên', '- Các điểm cầu;', 'Lưu: VT.'])).toEqual(['- Như trên;', '- Các điểm cầu;', '- Lưu: VT.']);
  });

  it('writes Vietnamese capitals', () => {
    expect(upper('Ban Dân vận Trung ương')).toBe('BAN DÂN VẬN TRUNG ƯƠNG');
    expect(upper('đồng chí')).toBe('ĐỒNG CHÍ');
  });
});
