import { containsPattern, nfc, searchKey } from './text';

describe('Vietnamese text helpers', () => {
  it('stores decomposed input in NFC form', () => {
    const decomposed = 'Bắc Giang'.normalize('NFD');
    expect(decomposed).not.toBe('Bắc Giang');
    expect(nfc(`  ${decomposed} `)).toBe('Bắc Giang');
  });

  it('drops diacritics and case for search', () => {
    expect(searchKey('Bắc Giang')).toBe('bac giang');
    expect(searchKey('THỪA THIÊN HUẾ')).toBe('thua thien hue');
    expect(searchKey('Hồ Chí Minh'.normalize('NFD'))).toBe('ho chi minh');
  });

  it('maps đ and Đ to d, which Unicode does not decompose', () => {
    expect(searchKey('Đắk Lắk')).toBe('dak lak');
    expect(searchKey('Xã Đất Mũi')).toBe('xa dat mui');
  });

  it('collapses runs of white space', () => {
    expect(searchKey('  Hà \t  Nội ')).toBe('ha noi');
  });

  it('escapes LIKE wildcards in a query', () => {
    expect(containsPattern('50%_x')).toBe('%50\\%\\_x%');
  });
});
