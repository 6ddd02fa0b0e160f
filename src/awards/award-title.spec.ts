import { awardTitle } from './award-title';

describe('awardTitle', () => {
  it('names the decision’s own authority after "của"', () => {
    expect(awardTitle('Bằng khen của Ban Trung ương Đảng', 'Ban Dân vận Trung ương')).toBe('Bằng khen của Ban Dân vận Trung ương');
    expect(awardTitle('Bằng khen của Chủ tịch UBND tỉnh', 'Chủ tịch Ủy ban nhân dân tỉnh Bắc Ninh')).toBe(
      'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Bắc Ninh',
    );
  });

  it('keeps a form whose authority is the decision’s as it is', () => {
    expect(awardTitle('Bằng khen của Thủ tướng Chính phủ', 'Thủ tướng Chính phủ')).toBe('Bằng khen của Thủ tướng Chính phủ');
  });

  it('replaces only what follows the first "của"', () => {
    expect(awardTitle('Cờ thi đua của bộ, ban, ngành, tỉnh của Chính phủ', 'Ủy ban nhân dân tỉnh Lạng Sơn')).toBe(
      'Cờ thi đua của Ủy ban nhân dân tỉnh Lạng Sơn',
    );
  });

  it.each([
    ['Danh hiệu Chiến sĩ thi đua toàn quốc', 'Thủ tướng Chính phủ'],
    ['Huân chương Lao động hạng Ba', 'Chủ tịch nước'],
    ['Kỷ niệm chương Vì sự nghiệp Dân vận', 'Ban Dân vận Trung ương'],
  ])('keeps "%s", which has no "của", as it is', (name, authority) => {
    expect(awardTitle(name, authority)).toBe(name);
  });

  it('keeps the form’s name when the decision gives the catalogue’s own generic authority', () => {
    expect(awardTitle('Bằng khen của Ban Trung ương Đảng', 'Trưởng ban của Ban Trung ương Đảng', 'Trưởng ban của Ban Trung ương Đảng')).toBe(
      'Bằng khen của Ban Trung ương Đảng',
    );
  });

  it('keeps the form’s name when the decision names no authority, rather than leave "của" hanging', () => {
    expect(awardTitle('Giấy khen của Thủ trưởng cơ quan, đơn vị', '  ')).toBe('Giấy khen của Thủ trưởng cơ quan, đơn vị');
  });
});
