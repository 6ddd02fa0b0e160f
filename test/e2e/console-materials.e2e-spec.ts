import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { aConference, aMainPoint } from '../factories';
import { bearer, closeWorld, consoleWorld, ConsoleWorld, csrfIn, go, postActions, postForm, shoot, signIn, signInHttp } from '../console-screens';

/**
 * The console's materials screen in chromium: an upload through a multipart form (its refusals
 * on the page), the list with who downloaded each file per point, the reminder to the points
 * that have not, and the file itself through the console's own route.
 */
describe('organizer console: materials', () => {
  let w: ConsoleWorld;
  let id: string;
  let bacNinhLink: string;
  const api = (path: string) => `/api/conferences${path}`;
  const post = (path: string, body: object = {}) => w.t.http.post(api(path)).auth(w.t.adminToken, bearer).send(body);
  const flash = () => w.page.locator('.alert.ok').innerText();
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n% Báo cáo\n'), randomBytes(3000), Buffer.from('\n%%EOF\n')]);

  beforeAll(async () => {
    w = await consoleWorld('materials');
    id = (await post('', aConference({ title: 'Hội nghị triển khai nhiệm vụ công tác dân vận năm 2027', startsAt: '2027-01-15T08:00:00+07:00', endsAt: '2027-01-15T11:30:00+07:00' })).expect(201)).body.id;
    await post(`/${id}/bridge-points`, aMainPoint()).expect(201);
    const bacNinh = (await post(`/${id}/bridge-points`, { name: 'Điểm cầu tỉnh Bắc Ninh', level: 'provincial', contactName: 'Nguyễn Văn Kỹ', contactEmail: 'bn@bacninh.gov.vn' }).expect(201)).body;
    await post(`/${id}/bridge-points`, { name: 'Điểm cầu tỉnh Hà Tĩnh', level: 'provincial', contactName: 'Lê Thị Thuật', contactEmail: 'ht@hatinh.gov.vn' }).expect(201);
    await post(`/${id}/publish`).expect(200);
    bacNinhLink = (await post(`/${id}/bridge-points/${bacNinh.id}/links`, { send: false }).expect(201)).body.token;
    await signIn(w, w.users.organizer);
  });
  afterAll(() => closeWorld(w));

  it('uploads a material through the form, refusing a file of the wrong type on the page', async () => {
    const { page } = w;
    await page.goto(`${w.base}/console/conferences/${id}`);
    await go(page, 'a:has-text("Tài liệu hội nghị")');
    await page.fill('#tl-title', 'Báo cáo tổng kết công tác dân vận năm 2026');
    await page.setInputFiles('#tl-file', { name: 'bao-cao.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ không phải PDF') });
    await go(page, 'button:has-text("Gửi tài liệu")');
    // 415 from the service: the content is no accepted type, said beside the file field.
    expect(await page.locator('#tl-file-loi').innerText()).toMatch(/tệp/i);
    expect(await page.locator('.error-summary').count()).toBe(1);
    await page.fill('#tl-title', 'Báo cáo tổng kết công tác dân vận năm 2026');
    await page.selectOption('#tl-audience', 'bridge_points');
    await page.setInputFiles('#tl-file', { name: 'Báo cáo tổng kết.pdf', mimeType: 'application/pdf', buffer: pdf });
    await go(page, 'button:has-text("Gửi tài liệu")');
    expect(await flash()).toBe('Đã gửi tài liệu.');
    expect(await page.locator('.results h3').allInnerTexts()).toEqual(['Báo cáo tổng kết công tác dân vận năm 2026']);
    expect(await page.locator('.results summary').innerText()).toBe('Điểm cầu đã tải: 0, chưa tải: 3');
  });

  it('shows which points downloaded it, reminds the others, and gives the file through the console', async () => {
    const { page } = w;
    const [material] = (await w.t.http.get(api(`/${id}/materials`)).auth(w.t.adminToken, bearer).expect(200)).body.items;
    await w.t.http.get(`/api/public/bridge-points/${bacNinhLink}/materials/${material.id}/file`).expect(200);
    await page.reload();
    await page.click('.results summary');
    expect(await page.locator('.results summary').innerText()).toBe('Điểm cầu đã tải: 1, chưa tải: 2');
    expect(await page.locator('.results table').innerText()).toContain('Điểm cầu tỉnh Bắc Ninh');
    expect(await page.locator('.results details').innerText()).toContain('Điểm cầu tỉnh Hà Tĩnh');
    await shoot(w, 'materials');
    await go(page, 'button:has-text("Nhắc các điểm cầu chưa tải")');
    expect(await flash()).toBe('Đã xếp lịch gửi thư nhắc tới 1 điểm cầu chưa tải; 1 điểm cầu chưa có email liên hệ.');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a:has-text("Tải về")')]);
    expect(readFileSync((await download.path())!).equals(pdf)).toBe(true);
  });

  it('shows a viewer the materials without forms, and refuses an upload without its CSRF token', async () => {
    const { page } = w;
    const organizer = await signInHttp(w, w.users.organizer);
    const forged = await w.t.http
      .post(`/console/conferences/${id}/materials`)
      .set('cookie', `hn_console=${organizer}`)
      .field('title', 'Tài liệu giả mạo')
      .field('audience', 'all')
      .attach('file', pdf, 'gia-mao.pdf')
      .expect(403);
    expect(forged.text).toContain('Biểu mẫu không hợp lệ');
    await postForm(w, `/console/conferences/${id}/materials`, { title: 'x', audience: 'all' }, `hn_console=${organizer}`).expect(403);
    const [material] = (await w.t.http.get(api(`/${id}/materials`)).auth(w.t.adminToken, bearer).expect(200)).body.items;
    await postForm(w, `/console/conferences/${id}/materials/${material.id}/resend`, {}, `hn_console=${organizer}`).expect(403);
    await postForm(w, `/console/conferences/${id}/materials/${material.id}/remove`, {}, `hn_console=${organizer}`).expect(403);
    expect((await w.t.http.get(api(`/${id}/materials`)).auth(w.t.adminToken, bearer).expect(200)).body.items).toHaveLength(1);

    await signIn(w, w.users.viewer);
    await page.goto(`${w.base}/console/conferences/${id}/materials`);
    expect(await postActions(page)).toEqual(['/console/logout']);
    const viewer = await signInHttp(w, w.users.viewer);
    const csrf = csrfIn((await w.t.http.get(`/console/conferences/${id}/materials`).set('cookie', `hn_console=${viewer}`).expect(200)).text);
    await postForm(w, `/console/conferences/${id}/materials/${material.id}/resend`, { _csrf: csrf }, `hn_console=${viewer}`).expect(403);
    expect(await page.locator('a[href$="/remove"]').count()).toBe(0);
    await w.t.http.get(`/console/conferences/${id}/materials/${material.id}/remove`).set('cookie', `hn_console=${viewer}`).expect(403);
    await postForm(w, `/console/conferences/${id}/materials/${material.id}/remove`, { _csrf: csrf }, `hn_console=${viewer}`).expect(403);
    expect((await w.t.http.get(api(`/${id}/materials`)).auth(w.t.adminToken, bearer).expect(200)).body.items).toHaveLength(1);
  });

  it('deletes a material after a confirmation, through the service (file gone, audited)', async () => {
    const { page } = w;
    const extra = (
      await w.t.http
        .post(api(`/${id}/materials`))
        .auth(w.t.adminToken, bearer)
        .field('title', 'Dự thảo chương trình (bản cũ)')
        .field('audience', 'all')
        .attach('file', pdf, 'du-thao.pdf')
        .expect(201)
    ).body;
    await signIn(w, w.users.organizer);
    await page.goto(`${w.base}/console/conferences/${id}/materials`);
    await go(page, 'a[aria-label="Xóa Dự thảo chương trình (bản cũ)"]');
    expect(await page.locator('h1').innerText()).toBe('Xóa tài liệu Dự thảo chương trình (bản cũ)?');
    await shoot(w, 'material-remove');
    await go(page, 'a:has-text("Không xóa, quay lại")');
    expect((await w.t.http.get(api(`/${id}/materials`)).auth(w.t.adminToken, bearer).expect(200)).body.items).toHaveLength(2);
    await go(page, 'a[aria-label="Xóa Dự thảo chương trình (bản cũ)"]');
    await page.focus('button:has-text("Xóa tài liệu")');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(await flash()).toBe('Đã xóa tài liệu.');
    expect(await page.locator('.results h3').allInnerTexts()).toEqual(['Báo cáo tổng kết công tác dân vận năm 2026']);
    const left = (await w.t.http.get(api(`/${id}/materials`)).auth(w.t.adminToken, bearer).expect(200)).body.items;
    expect(left.map((m: { id: string }) => m.id)).not.toContain(extra.id);
    await w.t.http.get(api(`/${id}/materials/${extra.id}/file`)).auth(w.t.adminToken, bearer).expect(404);
    const [entry] = (await w.t.http.get(api(`/${id}/audit`)).auth(w.t.adminToken, bearer).expect(200)).body.items;
    expect(entry).toMatchObject({ entityType: 'material', entityId: extra.id, action: 'material.delete' });
  });
});
