import { aConference, aMainPoint } from '../factories';
import { launchBrowser, TestBrowser } from '../browser';
import { startApp, TestApp } from '../harness';

const bearer = { type: 'bearer' as const };

/**
 * Served over plain HTTP at an address other than localhost (an office intranet), the pages keep
 * their stylesheet and script: the Content-Security-Policy asks for no upgrade to https, and no
 * HSTS is sent, unless PUBLIC_BASE_URL is https.
 */
describe('pages on a plain-HTTP intranet address', () => {
  let t: TestApp;
  let browser: TestBrowser;
  let base: string;
  let conferenceId: string;
  let token: string;

  beforeAll(async () => {
    t = await startApp({ PUBLIC_BASE_URL: 'http://127.0.0.2:3000' });
    // A second loopback address: not "localhost", which browsers treat as secure anyway.
    await t.app.listen(0, '127.0.0.2');
    base = `http://127.0.0.2:${new URL(await t.app.getUrl()).port}`;
    conferenceId = (await t.http.post('/api/conferences').auth(t.adminToken, bearer).send(aConference()).expect(201)).body.id;
    const point = (await t.http.post(`/api/conferences/${conferenceId}/bridge-points`).auth(t.adminToken, bearer).send(aMainPoint()).expect(201)).body;
    token = (await t.http.post(`/api/conferences/${conferenceId}/bridge-points/${point.id}/links`).auth(t.adminToken, bearer).send({ sendEmail: false }).expect(201)).body.token;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('sends no upgrade-insecure-requests and no HSTS', async () => {
    const res = await t.http.get(`/bridge-points/confirm/${token}`).expect(200);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('keeps the confirmation page styled and the board scripted in chromium at http://127.0.0.2', async () => {
    const page = await browser.newPage();
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(request.url()));
    await page.goto(`${base}/bridge-points/confirm/${token}`);
    const styled = await page.evaluate(() => Array.from(document.styleSheets).some((sheet) => sheet.cssRules.length > 0));
    expect(styled).toBe(true);
    await page.goto(`${base}/board/${conferenceId}`);
    // The board's script shows the sign-in form; blocked, the page would stay blank.
    await page.locator('#login-email').waitFor({ state: 'visible', timeout: 5000 });
    expect(failed).toEqual([]);
    await page.close();
  });
});
