import { parseCookies, safeNext, serializeCookie } from './console-cookies';

describe('console session cookies', () => {
  it('are HttpOnly, SameSite=Lax and limited to /console; Secure only over https', () => {
    const plain = serializeCookie('hn_console', 'a.b.c', { maxAge: 43200, secure: false });
    expect(plain).toBe('hn_console=a.b.c; Path=/console; Max-Age=43200; HttpOnly; SameSite=Lax');
    expect(serializeCookie('hn_console', 'a.b.c', { maxAge: 43200, secure: true })).toMatch(/; Secure$/);
  });

  it('are deleted with Max-Age=0', () => {
    expect(serializeCookie('hn_console', '', { maxAge: 0, secure: false })).toContain('Max-Age=0');
  });

  it('are read from the Cookie header, the first of a repeated name winning', () => {
    expect(parseCookies('a=1; hn_console=x.y.z; hn_console=old; b="q%20r"')).toEqual({ a: '1', hn_console: 'x.y.z', b: 'q r' });
    expect(parseCookies(undefined)).toEqual({});
    expect(parseCookies('broken; =v; c=%E0')).toEqual({ c: '%E0' });
  });
});

describe('where a sign-in leads (next)', () => {
  it('keeps a console page of this site, with its query', () => {
    expect(safeNext('/console/conferences/1?xong=publish')).toBe('/console/conferences/1?xong=publish');
    expect(safeNext('/console')).toBe('/console');
    expect(safeNext('/console?q=bac+giang')).toBe('/console?q=bac+giang');
  });

  it('refuses another site, protocol-relative and backslash tricks, other paths of this site, and the sign-in page', () => {
    for (const next of ['https://evil.example/console', '//evil.example/console', '/\\evil.example', '/console\\..\\x', '/consolex', '/api/users', '/console/login', '/console/logout', 'console', '/console/\nSet-Cookie:x', 42, undefined]) {
      expect(safeNext(next)).toBe('/console');
    }
    expect(safeNext('//evil.example', '')).toBe('');
  });
});
