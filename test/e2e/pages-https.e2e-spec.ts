import { startApp, TestApp } from '../harness';

/** Behind https (PUBLIC_BASE_URL https://…), browsers are told to stay on https. */
describe('pages when PUBLIC_BASE_URL is https', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp({ PUBLIC_BASE_URL: 'https://hoinghi.example.vn' });
  });
  afterAll(() => t.close());

  it('asks for upgrade-insecure-requests and sends HSTS', async () => {
    const res = await t.http.get('/health/live').expect(200);
    expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });
});
