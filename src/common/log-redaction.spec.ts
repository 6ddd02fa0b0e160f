import { maskTokens, redactRequest } from './log-redaction';

describe('log redaction', () => {
  it.each([
    ['/bridge-points/confirm/Abc_123-xyz', '/bridge-points/confirm/***'],
    ['/bridge-points/confirm/Abc_123-xyz?xong=1', '/bridge-points/confirm/***?xong=1'],
    ['/rsvp/Abc_123-xyz/accept', '/rsvp/***/accept'],
    ['/api/public/rsvp/Abc_123-xyz/decline', '/api/public/rsvp/***/decline'],
    ['/api/public/bridge-points/Abc_123-xyz/confirm', '/api/public/bridge-points/***/confirm'],
    ['/api/public/calendar/Abc_123-xyz.ics', '/api/public/calendar/***.ics'],
    ['/registration/confirm/Abc_123-xyz', '/registration/confirm/***'],
    ['/api/public/registration-confirmations/Abc_123-xyz', '/api/public/registration-confirmations/***'],
    ['/api/feed?token=Abc_123&x=1', '/api/feed?token=***&x=1'],
    ['/api/feed?x=1&access_token=Abc', '/api/feed?x=1&access_token=***'],
  ])('masks the token of %s', (url, masked) => {
    expect(maskTokens(url)).toBe(masked);
  });

  it.each(['/api/conferences/3f2b8c1e-5d4a-4b7e-9c1f-2a6d8e0b4c7a/bridge-points/summary', '/api/conferences?page=2', '/board/abc', '/api/public/conferences/3f2b8c1e-5d4a-4b7e-9c1f-2a6d8e0b4c7a/registration'])(
    'leaves %s as it is',
    (url) => expect(maskTokens(url)).toBe(url),
  );

  it('masks the URL, params and query of a logged request without changing the request', () => {
    const req = { method: 'GET', url: '/rsvp/secret-token', params: { token: 'secret-token' }, query: { token: 'secret-token', q: 'x' } };
    expect(redactRequest(req)).toEqual({ method: 'GET', url: '/rsvp/***', params: { token: '***' }, query: { token: '***', q: 'x' } });
    expect(req.url).toBe('/rsvp/secret-token');
  });
});
