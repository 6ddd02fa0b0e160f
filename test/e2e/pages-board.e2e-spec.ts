import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Page } from 'playwright-core';
import { BoardFeed } from '../../src/web/board-feed';
import { aConference, aMainPoint } from '../factories';
import { launchBrowser, TestBrowser } from '../browser';
import { startAnotherInstance, startApp, TestApp } from '../harness';

const bearer = { type: 'bearer' as const };
const VIEWER = { email: 'theo-doi@bantochuc.gov.vn', password: 'mat-khau-theo-doi' };
const LIVE_MS = 2000;

interface Point {
  id: string;
  name: string;
  level: string;
  administrativeUnitCode: string | null;
  region: string | null;
}

interface SseEvent {
  event: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the board's JSON, read loosely by the tests
  data: any;
}

/** Reads a board event stream the way the page's script does: fetch with the bearer token and a stream reader. */
async function openStream(base: string, conferenceId: string, token: string) {
  const aborter = new AbortController();
  const res = await fetch(`${base}/api/conferences/${conferenceId}/board/events`, { headers: { authorization: `Bearer ${token}` }, signal: aborter.signal });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let ended = false;
  const pending: SseEvent[] = [];
  const pull = async (): Promise<void> => {
    const chunk = await reader.read();
    if (chunk.done) {
      ended = true;
      return;
    }
    buffer += decoder.decode(chunk.value, { stream: true });
    let at: number;
    while ((at = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, at);
      buffer = buffer.slice(at + 2);
      const event = /^event: (.+)$/m.exec(block)?.[1];
      const data = /^data: (.+)$/m.exec(block)?.[1];
      if (event && data) pending.push({ event, data: JSON.parse(data) });
    }
  };
  return {
    res,
    get ended() {
      return ended;
    },
    /** The next event, or null when none comes within `timeoutMs`. */
    async next(timeoutMs = 5000): Promise<SseEvent | null> {
      const deadline = Date.now() + timeoutMs;
      while (pending.length === 0 && !ended) {
        const left = deadline - Date.now();
        if (left <= 0) return null;
        let timer: NodeJS.Timeout | undefined;
        const timedOut = await Promise.race([pull().then(() => false), new Promise<boolean>((r) => (timer = setTimeout(() => r(true), left)))]);
        clearTimeout(timer);
        if (timedOut) return null;
      }
      return pending.shift() ?? null;
    },
    /** Reads until the stream ends (or the time is up); answers whether it ended. */
    async untilEnd(timeoutMs = 5000): Promise<boolean> {
      const deadline = Date.now() + timeoutMs;
      while (!ended && Date.now() < deadline) await this.next(deadline - Date.now());
      return ended;
    },
    close: () => aborter.abort(),
  };
}

describe('status board', () => {
  let t: TestApp;
  let browser: TestBrowser;
  let base: string;
  let viewerToken: string;
  let conferenceId: string;
  let points: Point[];

  const api = (id: string, path = '') => `/api/conferences/${id}${path}`;
  const confirm = (id: string, pointId: string, body: Record<string, unknown> = {}) =>
    t.http.post(api(id, `/bridge-points/${pointId}/confirm`)).auth(t.adminToken, bearer).send(body).expect(200);
  const newConference = async () => (await t.http.post('/api/conferences').auth(t.adminToken, bearer).send(aConference()).expect(201)).body.id as string;
  const allPoints = async (id: string): Promise<Point[]> => {
    const items: Point[] = [];
    for (let page = 1; ; page++) {
      const res = await t.http.get(api(id, `/bridge-points?pageSize=500&page=${page}`)).auth(t.adminToken, bearer).expect(200);
      items.push(...res.body.items);
      if (items.length >= res.body.total) return items;
    }
  };
  const visibleTiles = (page: Page) => page.locator('#sections li[data-id]:visible').count();
  /** A new tab, signed in afresh (the sign-in is a session cookie every tab of the browser shares). */
  const openBoard = async (id: string, viewport?: { width: number; height: number }) => {
    await browser.context.clearCookies();
    const page = await browser.newPage(viewport);
    await page.goto(`${base}/board/${id}`);
    await page.getByLabel('Email').fill(VIEWER.email);
    await page.getByLabel('Mật khẩu').fill(VIEWER.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.locator('#sections li[data-id]').first().waitFor({ timeout: 20000 });
    return page;
  };

  beforeAll(async () => {
    t = await startApp();
    await t.app.listen(0, '127.0.0.1');
    base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    await t.http.post('/api/users').auth(t.adminToken, bearer).send({ ...VIEWER, fullName: 'Tổ kỹ thuật hội trường', role: 'viewer' }).expect(201);
    viewerToken = await t.login(VIEWER.email, VIEWER.password);
    conferenceId = await newConference();
    await t.http.post(api(conferenceId, '/bridge-points')).auth(t.adminToken, bearer).send(aMainPoint()).expect(201);
    await t.http.post(api(conferenceId, '/bridge-points')).auth(t.adminToken, bearer).send({ administrativeUnitSet: 'vn-34' }).expect(201);
    points = await allPoints(conferenceId);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  describe('page and data', () => {
    it('serves the page as a shell in Vietnamese with its script, and a Vietnamese 404 page for an id that is not one', async () => {
      const res = await t.http.get(`/board/${conferenceId}`).expect(200);
      expect(res.text).toContain('<html lang="vi">');
      expect(res.text).toContain('<script src="/assets/board.js" defer></script>');
      expect(res.text).toContain(`data-conference="${conferenceId}"`);
      const bad = await t.http.get('/board/khong-phai-ma').expect(404);
      expect(bad.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(bad.text).toContain('Không tìm thấy trang');
      const js = await t.http.get('/assets/board.js').expect(200);
      expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(js.headers['cache-control']).toBe('public, max-age=3600');
      expect((await t.http.get('/assets/site.css').expect(200)).headers['content-type']).toBe('text/css; charset=utf-8');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    });

    it('gives admins, organizers and viewers the board grouped by region; operators 403, no token 401', async () => {
      const res = await t.http.get(api(conferenceId, '/board')).auth(viewerToken, bearer).expect(200);
      expect(res.body.conference).toMatchObject({ id: conferenceId, title: aConference().title, time: 'từ 08:00 đến 11:30, thứ Ba, ngày 15/7/2025 (GMT+7)' });
      expect(res.body.counts).toMatchObject({ total: 35, byConfirmation: { pending: 35, confirmed: 0, declined: 0 } });
      expect(res.body.sections[0]).toMatchObject({ region: 'Trung ương và khác' });
      expect(res.body.sections[0].tiles[0]).toEqual([points[0].id, 'Điểm cầu Trung ương', 'p', 'u', null, null]);
      const tiles = res.body.sections.flatMap((s: { tiles: unknown[] }) => s.tiles);
      expect(tiles).toHaveLength(35);
      const organizer = await t.userWithRole('organizer');
      await t.http.get(api(conferenceId, '/board')).auth(organizer, bearer).expect(200);
      const operator = await t.userWithRole('operator', { administrativeUnitCode: '24' });
      await t.http.get(api(conferenceId, '/board')).auth(operator, bearer).expect(403);
      await t.http.get(api(conferenceId, '/board/events')).auth(operator, bearer).expect(403);
      await t.http.get(api(conferenceId, '/board')).expect(401);
      await t.http.get(api(conferenceId, '/board/events')).expect(401);
    });

    it('answers 404 for an unknown conference and 400 for an id that is not a UUID, on the data and on the stream', async () => {
      const missing = '00000000-0000-4000-8000-000000000000';
      const data = await t.http.get(api(missing, '/board')).auth(viewerToken, bearer).expect(404);
      expect(data.body.details).toEqual([{ field: 'id', code: 'conference_not_found', message: 'Không tìm thấy hội nghị.' }]);
      const stream = await t.http.get(api(missing, '/board/events')).auth(viewerToken, bearer).expect(404);
      expect(stream.body.details).toEqual([{ field: 'id', code: 'conference_not_found', message: 'Không tìm thấy hội nghị.' }]);
      const bad = await t.http.get(api('123', '/board/events')).auth(viewerToken, bearer).expect(400);
      expect(bad.body.details[0].field).toBe('id');
    });
  });

  describe('live stream', () => {
    it('sends the board, then within 2 s only the tiles a change touched, from one poller shared by every subscriber', async () => {
      const feed = t.app.get(BoardFeed);
      const first = await openStream(base, conferenceId, viewerToken);
      expect(first.res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
      const second = await openStream(base, conferenceId, viewerToken);
      expect((await first.next())!.event).toBe('snapshot');
      expect((await second.next())!.event).toBe('snapshot');
      expect(feed.watchedCount()).toBe(1);

      const target = points.find((p) => p.administrativeUnitCode === '24')!;
      await confirm(conferenceId, target.id, { expectedAttendees: 45 });
      const started = Date.now();
      const delta = await first.next(LIVE_MS + 500);
      expect(Date.now() - started).toBeLessThan(LIVE_MS);
      expect(delta).toMatchObject({ event: 'delta', data: { tiles: [[target.id, 'Điểm cầu tỉnh Bắc Ninh', 'c', 'u', 45, null]] } });
      expect(delta!.data.counts.byConfirmation).toEqual({ pending: 34, confirmed: 1, declined: 0 });
      expect(delta!.data.counts.expectedAttendees).toBe(45);
      expect((await second.next(LIVE_MS + 500))!.data.tiles[0][0]).toBe(target.id);

      first.close();
      second.close();
      for (let i = 0; i < 50 && feed.watchedCount() > 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(feed.watchedCount()).toBe(0);
    });

    it('sends the whole board again when points are added', async () => {
      const id = await newConference();
      await t.http.post(api(id, '/bridge-points')).auth(t.adminToken, bearer).send(aMainPoint()).expect(201);
      const stream = await openStream(base, id, viewerToken);
      expect((await stream.next())!.data.counts.total).toBe(1);
      await t.http.post(api(id, '/bridge-points')).auth(t.adminToken, bearer).send({ administrativeUnitSet: 'vn-34', level: 'commune', parentCode: '24' }).expect(201);
      const next = await stream.next(LIVE_MS + 500);
      expect(next!.event).toBe('snapshot');
      const bacNinh = next!.data.sections.find((s: { provinces: { code: string }[] }) => s.provinces.some((p) => p.code === '24'));
      expect(bacNinh.provinces[0]).toMatchObject({ code: '24', name: 'Bắc Ninh' });
      expect(bacNinh.provinces[0].tiles.length).toBeGreaterThan(50);
      stream.close();
    });

    it('shows a change made by another app instance on the same database within 2 s', async () => {
      const other = await startAnotherInstance();
      try {
        const stream = await openStream(base, conferenceId, viewerToken);
        await stream.next();
        const target = points.find((p) => p.administrativeUnitCode === '01')!;
        await other.getHttpAdapter().getInstance().ready();
        const res = await other
          .getHttpAdapter()
          .getInstance()
          .inject({
            method: 'POST',
            url: api(conferenceId, `/bridge-points/${target.id}/connection-checks`),
            headers: { authorization: `Bearer ${t.adminToken}`, 'content-type': 'application/json' },
            payload: JSON.stringify({ result: 'failed', note: 'Mất tín hiệu' }),
          });
        expect(res.statusCode).toBe(201);
        const started = Date.now();
        const delta = await stream.next(LIVE_MS + 500);
        expect(Date.now() - started).toBeLessThan(LIVE_MS);
        expect(delta!.data.tiles).toEqual([[target.id, 'Điểm cầu thành phố Hà Nội', 'p', 'f', null, null]]);
        stream.close();
      } finally {
        await other.close();
      }
    });

    it('ends open streams when the app closes, so shutting down does not wait for them', async () => {
      const other: NestFastifyApplication = await startAnotherInstance();
      await other.listen(0, '127.0.0.1');
      const url = (await other.getUrl()).replace('[::1]', '127.0.0.1');
      const stream = await openStream(url, conferenceId, viewerToken);
      expect((await stream.next())!.event).toBe('snapshot');
      const started = Date.now();
      await other.close();
      expect(Date.now() - started).toBeLessThan(3000);
      expect(await stream.untilEnd(2000)).toBe(true);
    });
  });

  describe('in the browser', () => {
    it('signs in, shows tiles by region with the counts, and changes a tile within 2 s of a confirmation through the API', async () => {
      const page = await openBoard(conferenceId);
      expect(await page.locator('#sections li[data-id]').count()).toBe(35);
      expect(await page.locator('#sections section.region h2').first().textContent()).toBe('Trung ương và khác (1 điểm cầu)');
      expect(await page.locator('#board-title').textContent()).toBe(aConference().title);
      const target = points.find((p) => p.administrativeUnitCode === '31')!;
      const tile = page.locator(`li[data-id="${target.id}"]`);
      expect(await tile.getAttribute('class')).toBe('t c-p n-u');
      const confirmedBefore = Number(await page.locator('#count-confirmed').textContent());

      await confirm(conferenceId, target.id, { expectedAttendees: 40 });
      const started = Date.now();
      await page.waitForSelector(`li[data-id="${target.id}"].c-c`, { timeout: LIVE_MS });
      expect(Date.now() - started).toBeLessThan(LIVE_MS);
      expect(Number(await page.locator('#count-confirmed').textContent())).toBe(confirmedBefore + 1);
      expect(await tile.getAttribute('title')).toContain('Đã xác nhận');
      await expect(page.locator('#live').textContent()).resolves.toMatch(/^Trực tiếp/);

      await t.http.post(api(conferenceId, `/bridge-points/${points[0].id}/connection-checks`)).auth(t.adminToken, bearer).send({ result: 'ok' }).expect(201);
      const declined = points.find((p) => p.administrativeUnitCode === '04')!;
      await t.http.post(api(conferenceId, `/bridge-points/${declined.id}/decline`)).auth(t.adminToken, bearer).send({ reason: 'Trùng lịch' }).expect(200);
      await page.waitForSelector(`li[data-id="${declined.id}"].c-d`, { timeout: LIVE_MS + 500 });
      await browser.screenshot(page, 'board');
      await page.close();
    });

    it('filters by confirmation, connection, region and a name typed without diacritics', async () => {
      const page = await openBoard(conferenceId);
      const counts = (await t.http.get(api(conferenceId, '/board')).auth(viewerToken, bearer).expect(200)).body.counts;
      await page.getByLabel('Xác nhận').selectOption({ label: 'Đã xác nhận' });
      expect(await visibleTiles(page)).toBe(counts.byConfirmation.confirmed);
      expect(await page.locator('#shown').textContent()).toBe(`Đang hiển thị ${counts.byConfirmation.confirmed} / 35 điểm cầu`);
      expect(page.url()).toContain('?c=c');
      await page.getByLabel('Xác nhận').selectOption({ label: 'Tất cả' });
      await page.getByLabel('Kết nối', { exact: true }).selectOption({ label: 'Kết nối lỗi' });
      expect(await visibleTiles(page)).toBe(counts.byConnection.failed);
      await page.getByLabel('Kết nối', { exact: true }).selectOption({ label: 'Tất cả' });
      await page.getByLabel('Tìm điểm cầu').fill('bac ninh');
      expect(await visibleTiles(page)).toBe(1);
      expect(await page.locator('#sections li[data-id]:visible').textContent()).toBe('tỉnh Bắc Ninh');
      expect(await page.locator('#sections section.region:visible').count()).toBe(1);
      await page.getByLabel('Tìm điểm cầu').fill('');
      const region = points.find((p) => p.administrativeUnitCode === '24')!.region!;
      await page.getByLabel('Vùng').selectOption({ label: region });
      const inRegion = points.filter((p) => p.region === region).length;
      expect(await visibleTiles(page)).toBe(inRegion);
      // The filters stay in the address: a reload shows the same selection.
      await page.reload();
      await page.locator('#sections li[data-id]').first().waitFor({ state: 'attached' });
      expect(await visibleTiles(page)).toBe(inRegion);
      await page.close();
    });

    it('fits a 360 px phone and shows a Vietnamese message for a wrong password and for an operator', async () => {
      await browser.context.clearCookies();
      const page = await browser.newPage({ width: 360, height: 740 });
      await page.goto(`${base}/board/${conferenceId}`);
      await page.getByLabel('Email').fill(VIEWER.email);
      await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByText('Email hoặc mật khẩu không đúng.').waitFor();
      await page.getByLabel('Email').fill('');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByText('Vui lòng nhập email và mật khẩu.').waitFor();
      const email = `dieu-hanh-${Date.now()}@bacninh.gov.vn`;
      await t.http.post('/api/users').auth(t.adminToken, bearer).send({ email, password: 'mat-khau-dieu-hanh', fullName: 'Điều hành', role: 'operator', administrativeUnitCode: '24' }).expect(201);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Mật khẩu').fill('mat-khau-dieu-hanh');
      await page.keyboard.press('Enter');
      await page.getByText('Tài khoản này không có quyền xem bảng trạng thái.').waitFor();
      await page.getByLabel('Email').fill(VIEWER.email);
      await page.getByLabel('Mật khẩu').fill(VIEWER.password);
      await page.keyboard.press('Enter');
      await page.locator('#sections li[data-id]').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await browser.screenshot(page, 'board-360');
      await page.close();
    });

    it('shows a check-in on its point within 2 s, and says "Đã kết thúc" rather than "Trực tiếp" once the conference is completed', async () => {
      const id = await newConference();
      const main = (await t.http.post(api(id, '/bridge-points')).auth(t.adminToken, bearer).send(aMainPoint()).expect(201)).body;
      const delegate = (await t.http.post(api(id, '/attendees')).auth(t.adminToken, bearer).send({ bridgePointId: main.id, fullName: 'Nguyễn Văn An' }).expect(201)).body;
      await t.http.post(api(id, '/publish')).auth(t.adminToken, bearer).expect(200);
      const page = await openBoard(id);
      await expect(page.locator('#live').textContent()).resolves.toMatch(/^Trực tiếp/);
      // A check-in moves no version, yet the board sees it: the point's actual attendance becomes 1.
      await t.http.post(api(id, `/attendees/${delegate.id}/check-in`)).auth(t.adminToken, bearer).expect(200);
      await page.waitForFunction((pointId) => document.querySelector(`li[data-id="${pointId}"]`)?.getAttribute('title')?.includes('thực tế 1'), main.id, { timeout: LIVE_MS });
      await t.http.post(api(id, '/start')).auth(t.adminToken, bearer).expect(200);
      await t.http.post(api(id, '/complete')).auth(t.adminToken, bearer).expect(200);
      await page.waitForFunction(() => document.getElementById('live')?.textContent === 'Đã kết thúc', undefined, { timeout: LIVE_MS + 500 });
      expect(await page.locator('#board-time').textContent()).toContain('Đã kết thúc');
      expect(await page.locator('header, #view').first().textContent()).not.toContain('Trực tiếp');
      await page.close();
    });

    it('shows each tile\'s actual/expected and opens a point\'s details by click or Enter; the sign-in holds across tabs', async () => {
      const id = await newConference();
      await t.http.post(api(id, '/bridge-points')).auth(t.adminToken, bearer).send(aMainPoint()).expect(201);
      const province = (
        await t.http
          .post(api(id, '/bridge-points'))
          .auth(t.adminToken, bearer)
          .send({ administrativeUnitCode: '24', chairName: 'Nguyễn Văn Chủ', chairTitle: 'Phó Bí thư Tỉnh ủy', contactName: 'Lê Văn Kỹ', contactPhone: '0222 3822 123', expectedAttendees: 40 })
          .expect(201)
      ).body;
      await t.http.post(api(id, `/bridge-points/${province.id}/connection-checks`)).auth(t.adminToken, bearer).send({ result: 'degraded', note: 'Âm thanh rè ở phút đầu' }).expect(201);
      await t.http.post(api(id, `/bridge-points/${province.id}/attendance`)).auth(t.adminToken, bearer).send({ actualAttendees: 38 }).expect(200);
      const page = await openBoard(id);
      const tile = page.locator(`li[data-id="${province.id}"]`);
      expect(await tile.getAttribute('data-fig')).toBe('38/40');
      expect(await tile.evaluate((e) => getComputedStyle(e, '::after').content)).toBe('" 38/40"');
      await tile.click();
      const details = page.locator('#details');
      await details.getByText('Lê Văn Kỹ · 0222 3822 123').waitFor();
      expect(await details.textContent()).toContain('Nguyễn Văn Chủ, Phó Bí thư Tỉnh ủy');
      expect(await details.textContent()).toContain('kết nối chập chờn');
      expect(await details.textContent()).toContain('Âm thanh rè ở phút đầu');
      await browser.screenshot(page, 'board-details');
      await page.keyboard.press('Escape');
      expect(await details.isHidden()).toBe(true);
      // The keyboard alone: focus the tile, Enter.
      await tile.focus();
      await page.keyboard.press('Enter');
      await details.getByText('Âm thanh rè ở phút đầu').waitFor();
      await page.getByRole('button', { name: 'Đóng' }).click();

      // Another tab of the same browser needs no second sign-in; signing out ends it for every tab.
      const second = await browser.newPage();
      await second.goto(`${base}/board/${id}`);
      await second.locator('#sections li[data-id]').first().waitFor({ timeout: 20000 });
      await second.getByRole('button', { name: 'Đăng xuất' }).click();
      const third = await browser.newPage();
      await third.goto(`${base}/board/${id}`);
      await third.getByLabel('Email').waitFor();
      await Promise.all([page.close(), second.close(), third.close()]);
    });

    it('shows names as text, never as markup', async () => {
      const id = await newConference();
      const name = '<img src=x onerror="window.hacked=1"> Điểm cầu & "thử"';
      await t.http.post(api(id, '/bridge-points')).auth(t.adminToken, bearer).send(aMainPoint({ name })).expect(201);
      const page = await openBoard(id);
      expect(await page.locator('#sections li[data-id]').textContent()).toBe(name);
      expect(await page.locator('#sections img').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
      await page.close();
    });

    it('stays light and live with 3,356 points (every commune of the country)', async () => {
      const id = await newConference();
      await t.http.post(api(id, '/bridge-points')).auth(t.adminToken, bearer).send(aMainPoint()).expect(201);
      await t.http.post(api(id, '/bridge-points')).auth(t.adminToken, bearer).send({ administrativeUnitSet: 'vn-34', level: 'commune' }).expect(201);
      const snapshot = await t.http.get(api(id, '/board')).auth(viewerToken, bearer).expect(200);
      expect(snapshot.body.counts.total).toBe(3356);
      expect(Buffer.byteLength(snapshot.text)).toBeLessThan(450_000);
      const started = Date.now();
      const page = await openBoard(id);
      await page.waitForFunction(() => document.querySelectorAll('#sections li[data-id]').length === 3356, undefined, { timeout: 20000 });
      const loaded = Date.now() - started;
      const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
      expect(elements).toBeLessThan(3356 + 400);
      const datMui = (await t.http.get(api(id, '/bridge-points?q=dat%20mui')).auth(t.adminToken, bearer).expect(200)).body.items[0];
      await confirm(id, datMui.id, { expectedAttendees: 12 });
      const changed = Date.now();
      await page.waitForSelector(`li[data-id="${datMui.id}"].c-c`, { timeout: LIVE_MS });
      expect(Date.now() - changed).toBeLessThan(LIVE_MS);
      console.log(`board with 3,356 points: snapshot ${Math.round(Buffer.byteLength(snapshot.text) / 1024)} KB, shown in ${loaded} ms, ${elements} elements`);
      await page.close();
    });
  });
});
