import { parseMailbox, quotableName } from './mailbox';

describe('parseMailbox (MAIL_FROM as ORGANIZER)', () => {
  it.each([
    ['Ban Tổ chức Hội nghị <hoinghi@hoinghi.local>', { name: 'Ban Tổ chức Hội nghị', email: 'hoinghi@hoinghi.local' }],
    ['"Văn phòng Ban Dân vận" <vp@danvan.gov.vn>', { name: 'Văn phòng Ban Dân vận', email: 'vp@danvan.gov.vn' }],
    ['<hoinghi@hoinghi.local>', { name: 'Ban Tổ chức', email: 'hoinghi@hoinghi.local' }],
    ['hoinghi@hoinghi.local', { name: 'Ban Tổ chức', email: 'hoinghi@hoinghi.local' }],
  ])('reads %s', (value, expected) => {
    expect(parseMailbox(value, 'Ban Tổ chức')).toEqual(expected);
  });

  it('refuses something that is not an address', () => {
    expect(() => parseMailbox('Ban Tổ chức', 'x')).toThrow(/MAIL_FROM/);
  });
});

describe('quotableName (CN="…")', () => {
  it('keeps Vietnamese letters, in NFC, and drops what a quoted parameter cannot hold', () => {
    const decomposed = 'Nguyễn Thị Thu Hương'.normalize('NFD');
    expect(quotableName(decomposed)).toBe('Nguyễn Thị Thu Hương');
    expect(quotableName(decomposed)).toBe('Nguyễn Thị Thu Hương'.normalize('NFC'));
    expect(quotableName('Lê "Ba"\\\n Văn')).toBe("Lê 'Ba'/ Văn");
  });
});
