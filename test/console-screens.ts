import { join } from 'node:path';
import { Page } from 'playwright-core';
import { launchBrowser, TestBrowser } from './browser';
import { startApp, TestApp } from './harness';

/** What the console's screen specs share: the app listening for chromium, users of each role, sign-in, plain form posts and screenshots. */

export const bearer = { type: 'bearer' as const };
export const PASSWORD = 'mat-khau-du-dai';
/**
 * Where the screenshots go: test-output/screenshots on every run, so a test run changes no tracked
 * file; docs/screenshots (the README's) with SCREENSHOTS=docs, to refresh them on purpose.
 */
export const SHOTS = process.env.SCREENSHOTS === 'docs' ? join(__dirname, '..', 'docs', 'screenshots') : join(__dirname, '..', 'test-output', 'screenshots');

/** The value of a named cookie among Set-Cookie headers. */
export const cookieFrom = (headers: Record<string, unknown>, name: string): string | undefined => {
  const all = ([] as string[]).concat((headers['set-cookie'] as string[] | string | undefined) ?? []);
  const found = all.find((c) => c.startsWith(`${name}=`));
  return found ? decodeURIComponent(found.slice(name.length + 1).split(';')[0]) : undefined;
};
export const csrfIn = (text: string): string => /name="_csrf" value="([^"]+)"/.exec(text)![1];

export interface ConsoleWorld {
  t: TestApp;
  browser: TestBrowser;
  page: Page;
  base: string;
  users: Record<'organizer' | 'viewer', string>;
}

/** The app on a port, chromium, and an organizer and a viewer account. */
export async function consoleWorld(tag: string): Promise<ConsoleWorld> {
  const t = await startApp();
  await t.app.listen(0, '127.0.0.1');
  const base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
  const users = { organizer: '', viewer: '' };
  for (const role of ['organizer', 'viewer'] as const) {
    const email = `${role}-${tag}@test.hoinghi.local`;
    await t.http
      .post('/api/users')
      .auth(t.adminToken, bearer)
      .send({ email, password: PASSWORD, fullName: role === 'organizer' ? 'Trần Thị Tổ Chức' : 'Lê Văn Theo Dõi', role })
      .expect(201);
    users[role] = email;
  }
  const browser = await launchBrowser();
  const page = await browser.newPage();
  return { t, browser, page, base, users };
}

export async function closeWorld(w: ConsoleWorld | undefined): Promise<void> {
  await w?.browser?.close();
  await w?.t?.close();
}

/** Signs in through the console's form in chromium. */
export async function signIn(w: ConsoleWorld, email: string, password = PASSWORD): Promise<void> {
  await w.browser.context.clearCookies();
  await w.page.goto(`${w.base}/console/login`);
  await w.page.fill('#dn-email', email);
  await w.page.fill('#dn-password', password);
  await Promise.all([w.page.waitForNavigation(), w.page.click('button:has-text("Đăng nhập")')]);
}

/** Signs in through the form with supertest; returns the session cookie's value. */
export async function signInHttp(w: ConsoleWorld, email: string, password = PASSWORD): Promise<string> {
  const shown = await w.t.http.get('/console/login').expect(200);
  const pre = cookieFrom(shown.headers, 'hn_console_pre')!;
  const res = await postForm(w, '/console/login', { _csrf: csrfIn(shown.text), email, password }, `hn_console_pre=${pre}`).expect(303);
  return cookieFrom(res.headers, 'hn_console')!;
}

export function postForm(w: ConsoleWorld, path: string, fields: Record<string, string>, cookie?: string) {
  const req = w.t.http.post(path).type('form');
  if (cookie) void req.set('cookie', cookie);
  return req.send(new URLSearchParams(fields).toString());
}

/** Screenshots of the screen at 1280 px and 360 px (console-<name>.png, -360.png in SHOTS), checking there is no horizontal scroll at 360. */
export async function shoot(w: ConsoleWorld, name: string): Promise<void> {
  const { page } = w;
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: join(SHOTS, `console-${name}.png`), fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: join(SHOTS, `console-${name}-360.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Clicks and waits for the page it leads to. */
export async function go(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

/** The actions of every post form on the page. */
export const postActions = (page: Page): Promise<(string | null)[]> =>
  page.locator('form[method=post]').evaluateAll((forms) => forms.map((f) => f.getAttribute('action')));
