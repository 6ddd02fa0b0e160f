'use strict';

// `node docs/screenshots.js`: builds the app, starts it on a fresh SQLite database with the demo
// conference, and saves docs/screenshots/{confirm,rsvp,board}.png from chromium (CHROMIUM_PATH,
// default /usr/bin/chromium). The pages show a copy of the demo conference made with the clone
// endpoint (its points, agenda and date, with the answers reset), so the forms are open, and a
// few points are confirmed, declined and tested so the board shows every state.

const { execFileSync, spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(__dirname, 'screenshots');
const DEMO_ID = '5f1b6a2e-7c3d-4e8a-9b0f-2022000715aa';
const ADMIN = { email: 'admin@hoinghi.local', password: 'HoiNghi@2025' };
const say = (text) => process.stdout.write(`${text}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function startApp(port, dir) {
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'true',
    PORT: String(port),
    HOST: '127.0.0.1',
    SQLITE_PATH: path.join(dir, 'demo.sqlite'),
    JWT_SECRET: randomBytes(48).toString('base64url'),
    MAIL_DIR: path.join(dir, 'mail'),
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
  };
  delete env.DATABASE_URL;
  delete env.SMTP_URL;
  const log = fs.openSync(path.join(dir, 'app.log'), 'w');
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/main.js')], { cwd: ROOT, env, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  return child;
}

async function waitForHealth(base, child, dir) {
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${base}/health`, { signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  throw new Error(`the app did not start; its log:\n${fs.readFileSync(path.join(dir, 'app.log'), 'utf8')}`);
}

function client(base, token) {
  return async (method, url, body) => {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: { ...(token && { authorization: `Bearer ${token}` }), ...(body && { 'content-type': 'application/json' }) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}: ${text}`);
    return text ? JSON.parse(text) : null;
  };
}

async function allPoints(call, conferenceId) {
  const items = [];
  for (let page = 1; ; page++) {
    const res = await call('GET', `/api/conferences/${conferenceId}/bridge-points?pageSize=500&page=${page}`);
    items.push(...res.items);
    if (items.length >= res.total) return items;
  }
}

/** A day of preparation: most provinces confirmed, a few declined, line tests ok, poor or failed. */
async function prepare(call, conferenceId, points) {
  const provinces = points.filter((p) => p.level === 'provincial');
  const main = points.find((p) => p.isMain);
  await call('POST', `/api/conferences/${conferenceId}/bridge-points/${main.id}/confirm`, { expectedAttendees: 80 });
  await call('POST', `/api/conferences/${conferenceId}/bridge-points/${main.id}/connection-checks`, { result: 'ok' });
  for (const [i, point] of provinces.entries()) {
    if (i % 9 === 4) continue;
    if (i === 17 || i === 40) {
      await call('POST', `/api/conferences/${conferenceId}/bridge-points/${point.id}/decline`, { reason: 'Trùng lịch kỳ họp Hội đồng nhân dân tỉnh' });
      continue;
    }
    await call('POST', `/api/conferences/${conferenceId}/bridge-points/${point.id}/confirm`, { expectedAttendees: 40 + (i % 5) * 10 });
    if (i % 7 === 3) continue;
    const result = i === 11 || i === 52 ? 'failed' : i === 26 ? 'degraded' : 'ok';
    await call('POST', `/api/conferences/${conferenceId}/bridge-points/${point.id}/connection-checks`, { result });
  }
}

async function main() {
  say('building the app');
  execFileSync(path.join(ROOT, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoi-nghi-screenshots-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const app = startApp(port, dir);
  let browser;
  try {
    await waitForHealth(base, app, dir);
    const { accessToken } = await client(base)('POST', '/api/auth/login', ADMIN);
    const call = client(base, accessToken);
    const demo = await call('GET', `/api/conferences/${DEMO_ID}`);
    const copy = await call('POST', `/api/conferences/${DEMO_ID}/clone`, { startsAt: demo.startsAt });
    const points = await allPoints(call, copy.id);
    const target = points.find((p) => p.administrativeUnitCode === '24') ?? points.find((p) => !p.isMain);
    const link = await call('POST', `/api/conferences/${copy.id}/bridge-points/${target.id}/links`, { sendEmail: false });
    const delegate = await call('POST', `/api/conferences/${copy.id}/attendees`, {
      bridgePointId: target.id,
      fullName: 'Nguyễn Thị Lan',
      title: 'Phó Trưởng Ban Dân vận Tỉnh ủy',
      organization: 'Ban Dân vận Tỉnh ủy Bắc Giang',
      email: 'nguyen.thi.lan@bacgiang.gov.vn',
    });
    const rsvp = await call('POST', `/api/conferences/${copy.id}/attendees/${delegate.id}/links`, {});
    await prepare(call, copy.id, points.filter((p) => p.id !== target.id));

    fs.mkdirSync(OUT, { recursive: true });
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'hoi-nghi-chromium-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      headless: true,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 960, height: 900 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const page = await browser.newPage();

    await page.goto(`${base}/bridge-points/confirm/${link.token}`);
    await page.screenshot({ path: path.join(OUT, 'confirm.png'), fullPage: true });
    say('docs/screenshots/confirm.png');

    await page.goto(`${base}/rsvp/${rsvp.token}`);
    await page.screenshot({ path: path.join(OUT, 'rsvp.png'), fullPage: true });
    say('docs/screenshots/rsvp.png');

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${base}/board/${copy.id}`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Mật khẩu').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.locator('#sections li[data-id]').first().waitFor();
    await page.screenshot({ path: path.join(OUT, 'board.png'), fullPage: true });
    say('docs/screenshots/board.png');
    await browser.close();
    browser = null;
    fs.rmSync(profile, { recursive: true, force: true });
  } finally {
    if (browser) await browser.close();
    app.kill('SIGTERM');
    await new Promise((resolve) => (app.exitCode !== null ? resolve() : app.once('exit', resolve)));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
