import { aConference } from '../factories';
import { readDocx } from '../documents';
import { readFileSync } from 'node:fs';
import { bearer, closeWorld, consoleWorld, ConsoleWorld, csrfIn, go, postActions, postForm, shoot, signIn, signInHttp } from '../console-screens';

/**
 * The console's awards screen in chromium: a decision with the API's checks beside its fields,
 * recipients one by one and from a file (a dry run first, each rejected cell in a table), the
 * award list downloaded through the console's own route, a decision edited at the version read
 * and removed with its recipients after a confirmation.
 */
describe('organizer console: awards', () => {
  let w: ConsoleWorld;
  let id: string;
  const api = (path: string) => `/api/conferences${path}`;
  const decisionsOf = async () => (await w.t.http.get(api(`/${id}/award-decisions`)).auth(w.t.adminToken, bearer).expect(200)).body.items;
  const flash = () => w.page.locator('.alert.ok').innerText();
  const sheet = (rows: string[][]) => ({ name: 'Danh sách khen thưởng.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.map((r) => r.map((cell) => `"${cell}"`).join(',')).join('\n'), 'utf8') });
  const HEADER = ['Cá nhân/Tập thể', 'Họ và tên / Tên tập thể', 'Chức vụ', 'Đơn vị', 'Thành tích'];

  beforeAll(async () => {
    w = await consoleWorld('awards');
    id = (
      await w.t.http
        .post('/api/conferences')
        .auth(w.t.adminToken, bearer)
        .send(aConference({ title: 'Hội nghị tổng kết công tác dân vận năm 2027', startsAt: '2027-12-20T08:00:00+07:00', endsAt: '2027-12-20T11:30:00+07:00' }))
        .expect(201)
    ).body.id;
    await signIn(w, w.users.organizer);
  });
  afterAll(() => closeWorld(w));

  it('adds a decision from the overview, with the errors beside their fields', async () => {
    const { page } = w;
    await page.goto(`${w.base}/console/conferences/${id}`);
    await go(page, 'a:has-text("Khen thưởng")');
    expect(new URL(page.url()).pathname).toBe(`/console/conferences/${id}/awards`);
    await page.fill('#qd-number', '123/ABC');
    await page.fill('#qd-signedAt', '31/11/2027');
    await go(page, 'button:has-text("Thêm quyết định")');
    expect(await page.locator('#qd-awardFormCode-loi').innerText()).toBe('Vui lòng chọn hình thức khen thưởng.');
    expect(await page.locator('#qd-signedAt-loi').innerText()).toContain('Ngày ký phải là một ngày có thật');
    await page.selectOption('#qd-awardFormCode', 'bang-khen-thu-tuong-chinh-phu');
    await page.fill('#qd-signedAt', '08/12/2027');
    await go(page, 'button:has-text("Thêm quyết định")');
    expect(await page.locator('#qd-number-loi').innerText()).toContain('QĐ');
    await page.fill('#qd-number', '1026/QĐ-TTg');
    await page.fill('#qd-signerName', 'Phạm Minh Chính');
    await page.fill('#qd-signerTitle', 'Thủ tướng Chính phủ');
    await go(page, 'button:has-text("Thêm quyết định")');
    expect(await flash()).toBe('Đã thêm quyết định khen thưởng.');
    expect(await page.locator('section[id^="qd-"] h2').first().innerText()).toBe('Bằng khen của Thủ tướng Chính phủ');
    const [decision] = await decisionsOf();
    expect(decision).toMatchObject({ number: '1026/QĐ-TTg', signedAt: '2027-12-08', signerName: 'Phạm Minh Chính' });
  });

  it('adds a recipient by hand', async () => {
    const { page } = w;
    await page.click('summary:has-text("Thêm một người, tập thể")');
    await page.selectOption('select[id$="-kind"]', 'collective');
    await page.fill('input[id^="nguoi-"][id$="-name"]', 'Ban Dân vận Tỉnh ủy Bắc Ninh');
    await page.fill('textarea[id^="nguoi-"][id$="-achievement"]', 'Đã có thành tích xuất sắc trong công tác dân vận năm 2027');
    await go(page, 'button:has-text("Thêm vào quyết định")');
    expect(await flash()).toBe('Đã thêm vào quyết định.');
    expect(await page.locator('table tbody tr').count()).toBe(1);
  });

  it('imports recipients from a file: a dry run with a per-row report first, then the import itself', async () => {
    const { page } = w;
    await page.click('summary:has-text("Nhập danh sách từ tệp")');
    expect(await page.isChecked('input[name=dryRun]')).toBe(true);
    await page.setInputFiles('input[type=file]', sheet([HEADER, ['Cá nhân', 'Nguyễn Văn An', 'Bí thư Chi bộ', 'Thôn Đông, xã Tiên Du', 'Hoàn thành xuất sắc'], ['Hội đồng', '', '', '', '']]));
    await go(page, 'button:has-text("Gửi tệp")');
    expect(await page.locator('.import-report .alert').innerText()).toContain('1 trên 2 dòng có lỗi');
    const rows = await page.locator('.import-report tbody tr').allInnerTexts();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]).toMatch(/^3\t/);
    await shoot(w, 'awards-import-report');
    expect((await decisionsOf())[0].recipients).toHaveLength(1);

    await page.setInputFiles('input[type=file]', sheet([HEADER, ['Cá nhân', 'Nguyễn Văn An', 'Bí thư Chi bộ', 'Thôn Đông, xã Tiên Du', 'Hoàn thành xuất sắc'], ['Cá nhân', 'Trần Thị Bình', 'Chủ tịch Hội Phụ nữ', 'Xã Lim', 'Tiêu biểu']]));
    await go(page, 'button:has-text("Gửi tệp")');
    expect(await page.locator('.import-report .alert').innerText()).toContain('sẽ thêm 2');
    expect((await decisionsOf())[0].recipients).toHaveLength(1);
    await page.uncheck('input[name=dryRun]');
    await page.setInputFiles('input[type=file]', sheet([HEADER, ['Cá nhân', 'Nguyễn Văn An', 'Bí thư Chi bộ', 'Thôn Đông, xã Tiên Du', 'Hoàn thành xuất sắc'], ['Cá nhân', 'Trần Thị Bình', 'Chủ tịch Hội Phụ nữ', 'Xã Lim', 'Tiêu biểu']]));
    await go(page, 'button:has-text("Gửi tệp")');
    expect(await flash()).toBe('Đã nhập danh sách khen thưởng.');
    expect(await page.locator('table tbody tr').count()).toBe(3);
    expect((await decisionsOf())[0].recipients).toHaveLength(3);
    await shoot(w, 'awards');
  });

  it('downloads the award list through the console', async () => {
    const { page } = w;
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a:has-text("Tải danh sách (Word)")')]);
    const docx = await readDocx(readFileSync((await download.path())!));
    expect(docx.text).toContain('Trần Thị Bình');
    expect(docx.text).toContain('Ban Dân vận Tỉnh ủy Bắc Ninh');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('a:has-text("Tải danh sách (Excel)")')]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  });

  it('edits a decision with the keyboard, through the service (changed, audited)', async () => {
    const { page } = w;
    const [before] = await decisionsOf();
    await page.goto(`${w.base}/console/conferences/${id}/awards`);
    await page.focus('a[aria-label="Sửa quyết định số 1026/QĐ-TTg"]');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).pathname).toBe(`/console/conferences/${id}/awards/${before.id}/edit`);
    expect(await page.inputValue('#qd-signedAt')).toBe('08/12/2027');
    expect(await page.inputValue('#qd-awardFormCode')).toBe('bang-khen-thu-tuong-chinh-phu');
    await shoot(w, 'award-decision-edit');
    for (const [field, text] of [['#qd-signedAt', '09/12/2027'], ['#qd-signerName', 'Trần Lưu Quang'], ['#qd-signerTitle', 'Phó Thủ tướng Chính phủ']]) {
      await page.focus(field);
      await page.keyboard.press('Control+A');
      await page.keyboard.type(text);
    }
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(await flash()).toBe('Đã lưu quyết định khen thưởng.');
    expect(await page.locator(`#qd-${before.id} .muted`).first().innerText()).toContain('người ký: Phó Thủ tướng Chính phủ Trần Lưu Quang');
    const [after] = await decisionsOf();
    expect(after).toMatchObject({ id: before.id, number: '1026/QĐ-TTg', signedAt: '2027-12-09', signerName: 'Trần Lưu Quang', signerTitle: 'Phó Thủ tướng Chính phủ', version: before.version + 1 });
    expect(after.recipients).toHaveLength(3);
    const audit = (await w.t.http.get(api(`/${id}/audit`)).auth(w.t.adminToken, bearer).expect(200)).body.items;
    expect(audit.find((e: { entityId: string; action: string }) => e.entityId === before.id && e.action === 'update')).toMatchObject({
      entityType: 'award_decision',
      before: { signedAt: '2027-12-08', signerName: 'Phạm Minh Chính' },
      after: { signedAt: '2027-12-09', signerName: 'Trần Lưu Quang' },
    });
  });

  it('refuses a save made on a stale copy with the conflict on the form, keeping what was typed', async () => {
    const { page } = w;
    const [decision] = await decisionsOf();
    await page.goto(`${w.base}/console/conferences/${id}/awards/${decision.id}/edit`);
    await page.fill('#qd-signerTitle', 'Thủ tướng Chính phủ');
    await page.fill('#qd-signerName', 'Phạm Minh Chính');
    // Someone else saves meanwhile, through the API.
    await w.t.http.patch(api(`/${id}/award-decisions/${decision.id}`)).auth(w.t.adminToken, bearer).send({ version: decision.version, issuingAuthority: 'Chính phủ' }).expect(200);
    const [response] = await Promise.all([page.waitForNavigation(), page.click('button:has-text("Lưu thay đổi")')]);
    expect(response!.status()).toBe(409);
    expect(await page.locator('.alert.error').innerText()).toContain('Quyết định này vừa được người khác sửa');
    expect(await page.inputValue('#qd-signerTitle')).toBe('Thủ tướng Chính phủ');
    expect(await page.inputValue('#qd-signerName')).toBe('Phạm Minh Chính');
    expect(await page.inputValue('#qd-issuingAuthority')).toBe('Thủ tướng Chính phủ');
    const [stored] = await decisionsOf();
    expect(stored).toMatchObject({ issuingAuthority: 'Chính phủ', signerName: 'Trần Lưu Quang', signerTitle: 'Phó Thủ tướng Chính phủ', version: decision.version + 1 });
    await page.goto(`${w.base}/console/conferences/${id}/awards/${decision.id}/edit`);
    expect(await page.inputValue('#qd-issuingAuthority')).toBe('Chính phủ');
  });

  it('removes a decision with its recipients only after a confirmation', async () => {
    const { page } = w;
    const extra = (
      await w.t.http
        .post(api(`/${id}/award-decisions`))
        .auth(w.t.adminToken, bearer)
        .send({ number: '1027/QĐ-TTg', signedAt: '2027-12-10', awardFormCode: 'bang-khen-thu-tuong-chinh-phu', recipients: [{ kind: 'individual', name: 'Lê Văn Cường', organization: 'Xã Tân Chi' }] })
        .expect(201)
    ).body;
    await page.goto(`${w.base}/console/conferences/${id}/awards`);
    await go(page, 'a[aria-label="Xóa quyết định số 1027/QĐ-TTg"]');
    expect(await page.locator('h1').innerText()).toBe('Xóa quyết định số 1027/QĐ-TTg?');
    expect(await page.locator('.card.message').innerText()).toContain('1 người, tập thể được khen');
    expect(await page.locator('.card.message li').allInnerTexts()).toEqual(['Lê Văn Cường, Xã Tân Chi']);
    await shoot(w, 'award-decision-remove');
    await go(page, 'a:has-text("Không xóa, quay lại")');
    await w.t.http.get(api(`/${id}/award-decisions/${extra.id}`)).auth(w.t.adminToken, bearer).expect(200);
    await go(page, 'a[aria-label="Xóa quyết định số 1027/QĐ-TTg"]');
    await page.focus('button:has-text("Xóa quyết định số 1027/QĐ-TTg")');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).pathname).toBe(`/console/conferences/${id}/awards`);
    expect(await flash()).toBe('Đã xóa quyết định khen thưởng.');
    await w.t.http.get(api(`/${id}/award-decisions/${extra.id}`)).auth(w.t.adminToken, bearer).expect(404);
    expect((await decisionsOf()).map((d: { number: string }) => d.number)).toEqual(['1026/QĐ-TTg']);
    const audit = (await w.t.http.get(api(`/${id}/audit`)).auth(w.t.adminToken, bearer).expect(200)).body.items;
    expect(audit.find((e: { entityId: string; action: string }) => e.entityId === extra.id && e.action === 'delete')).toMatchObject({
      entityType: 'award_decision',
      before: { number: '1027/QĐ-TTg', recipients: 1 },
    });
    // Gone: its pages answer 404.
    expect((await page.goto(`${w.base}/console/conferences/${id}/awards/${extra.id}/remove`))!.status()).toBe(404);
  });

  it('shows a viewer the awards without forms, and refuses posts without a CSRF token or from a viewer', async () => {
    const { page } = w;
    const [decision] = await decisionsOf();
    const organizer = await signInHttp(w, w.users.organizer);
    await postForm(w, `/console/conferences/${id}/awards`, { number: '1/QĐ-TTg', signedAt: '01/12/2027', awardFormCode: 'bang-khen-thu-tuong-chinh-phu' }, `hn_console=${organizer}`).expect(403);
    const multipart = await w.t.http
      .post(`/console/conferences/${id}/awards/${decision.id}/import`)
      .set('cookie', `hn_console=${organizer}`)
      .field('dryRun', 'false')
      .attach('file', sheet([HEADER, ['Cá nhân', 'Giả Mạo', '', '', '']]).buffer, 'gia-mao.csv')
      .expect(403);
    expect(multipart.text).toContain('Biểu mẫu không hợp lệ');
    await postForm(w, `/console/conferences/${id}/awards/${decision.id}/edit`, { version: String(decision.version), number: decision.number, signedAt: '01/12/2027', awardFormCode: decision.awardFormCode, issuingAuthority: 'Giả mạo' }, `hn_console=${organizer}`).expect(403);
    await postForm(w, `/console/conferences/${id}/awards/${decision.id}/remove`, {}, `hn_console=${organizer}`).expect(403);

    await signIn(w, w.users.viewer);
    await page.goto(`${w.base}/console/conferences/${id}/awards`);
    expect(await postActions(page)).toEqual(['/console/logout']);
    expect(await page.locator('a[href$="/edit"], a[href$="/remove"]').count()).toBe(0);
    const viewer = await signInHttp(w, w.users.viewer);
    const csrf = csrfIn((await w.t.http.get(`/console/conferences/${id}/awards`).set('cookie', `hn_console=${viewer}`).expect(200)).text);
    await postForm(w, `/console/conferences/${id}/awards/${decision.id}/recipients`, { _csrf: csrf, kind: 'individual', name: 'Người xem' }, `hn_console=${viewer}`).expect(403);
    await w.t.http.get(`/console/conferences/${id}/awards/${decision.id}/edit`).set('cookie', `hn_console=${viewer}`).expect(403);
    await w.t.http.get(`/console/conferences/${id}/awards/${decision.id}/remove`).set('cookie', `hn_console=${viewer}`).expect(403);
    await postForm(w, `/console/conferences/${id}/awards/${decision.id}/edit`, { _csrf: csrf, version: String(decision.version), number: decision.number, signedAt: '01/12/2027', awardFormCode: decision.awardFormCode, issuingAuthority: 'Giả mạo' }, `hn_console=${viewer}`).expect(403);
    await postForm(w, `/console/conferences/${id}/awards/${decision.id}/remove`, { _csrf: csrf }, `hn_console=${viewer}`).expect(403);
    const [after] = await decisionsOf();
    expect(after).toMatchObject({ id: decision.id, version: decision.version, issuingAuthority: decision.issuingAuthority });
    expect(after.recipients).toHaveLength(3);
  });
});
