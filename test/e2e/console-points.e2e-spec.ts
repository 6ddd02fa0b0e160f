import { aConference, aMainPoint } from '../factories';
import { bearer, closeWorld, consoleWorld, ConsoleWorld, go, postActions, postForm, shoot, signIn, signInHttp } from '../console-screens';

const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n'), 'utf8');

/**
 * The console's bridge-point screen in chromium: connecting a nationwide conference (34
 * provinces and their 3,321 communes), the list 50 at a time with its filters, the contacts
 * import with its per-row report, the links, and a viewer who sees no form.
 */
describe('console: bridge points', () => {
  let w: ConsoleWorld;
  let id: string;
  const url = () => `${w.base}/console/conferences/${id}/points`;

  beforeAll(async () => {
    w = await consoleWorld('diem-cau');
    id = (await w.t.http.post('/api/conferences').auth(w.t.adminToken, bearer).send(aConference({ title: 'Hội nghị toàn quốc sơ kết công tác dân vận' })).expect(201)).body.id;
    await w.t.http.post(`/api/conferences/${id}/bridge-points`).auth(w.t.adminToken, bearer).send(aMainPoint()).expect(201);
  });
  afterAll(() => closeWorld(w));

  describe('as an organizer', () => {
    beforeAll(() => signIn(w, w.users.organizer));

    it('opens from the overview and connects the 34 provinces with one button', async () => {
      await w.page.goto(`${w.base}/console/conferences/${id}`);
      await go(w.page, `.sections a[href="/console/conferences/${id}/points"]`);
      expect(new URL(w.page.url()).pathname).toBe(`/console/conferences/${id}/points`);
      expect(await w.page.locator('p[role=status]').innerText()).toBe('Có 1 điểm cầu.');
      // Keyboard alone: focus the province form's button and press Enter.
      await w.page.focus('button:has-text("Kết nối các tỉnh, thành phố")');
      await Promise.all([w.page.waitForNavigation(), w.page.keyboard.press('Enter')]);
      expect(await w.page.locator('.alert.ok').innerText()).toBe('Đã tạo 34 điểm cầu mới; 0 điểm cầu đã có được giữ nguyên.');
      expect(await w.page.locator('p[role=status]').innerText()).toBe('Có 35 điểm cầu.');
    });

    it('shows a refusal of the API beside the field it names', async () => {
      await w.page.$eval('#xa-parentCode', (el) => el.insertAdjacentHTML('beforeend', '<option value="99">99</option>'));
      await w.page.selectOption('#xa-parentCode', '99');
      await go(w.page, 'button:has-text("Kết nối cấp xã")');
      expect(await w.page.locator('#xa-parentCode-loi').innerText()).toContain('"99" không phải là mã tỉnh, thành phố của bộ vn-34');
      expect(await w.page.locator('#xa-parentCode').getAttribute('aria-invalid')).toBe('true');
    });

    it('connects the communes of one province, then of the whole country (3,356 points in all)', async () => {
      await w.page.goto(url());
      const bacNinh = await w.page.locator('#xa-parentCode option', { hasText: 'Bắc Ninh' }).getAttribute('value');
      await w.page.selectOption('#xa-parentCode', bacNinh!);
      await go(w.page, 'button:has-text("Kết nối cấp xã")');
      expect(await w.page.locator('.alert.ok').innerText()).toMatch(/^Đã tạo \d+ điểm cầu mới; 34 điểm cầu đã có/);
      await w.page.selectOption('#xa-parentCode', '');
      await go(w.page, 'button:has-text("Kết nối cấp xã")');
      expect(await w.page.locator('.alert.ok').innerText()).toMatch(/^Đã tạo [\d.]+ điểm cầu mới; [\d.]+ điểm cầu đã có được giữ nguyên\.$/);
      expect(await w.page.locator('p[role=status]').innerText()).toBe('Hiển thị 1–50 trên tổng số 3.356 điểm cầu.');
      expect(await w.page.locator('table.stack tbody tr').count()).toBe(50);
      expect(await w.page.locator('.stats').innerText()).toMatch(/3\.356\s*điểm cầu/);
    });

    it('renders the list of a nationwide conference (3,356 points), searched and filtered, a page at a time', async () => {
      // How long it takes is measured in the bench (console render phase), not here.
      const cookie = `hn_console=${await signInHttp(w, w.users.organizer)}`;
      const path = `/console/conferences/${id}/points`;
      expect((await w.t.http.get(path).set('cookie', cookie).expect(200)).text).toContain('trên tổng số 3.356 điểm cầu');
      const searched = (await w.t.http.get(`${path}?q=xa&xn=pending&page=20`).set('cookie', cookie).expect(200)).text;
      expect(searched).toMatch(/Hiển thị [\d.]+–[\d.]+ trên tổng số [\d.]+ điểm cầu/);
    });

    it('pages through the list and finds a point by its name without diacritics, filtered by state', async () => {
      await w.page.goto(url());
      await go(w.page, '.pager a:has-text("Trang sau")');
      expect(await w.page.locator('p[role=status]').innerText()).toBe('Hiển thị 51–100 trên tổng số 3.356 điểm cầu.');
      await go(w.page, '.pager a:has-text("Trang cuối")');
      expect(await w.page.locator('.pager').innerText()).toContain('Trang 68/68');
      await w.page.fill('#tim-q', 'tinh bac ninh');
      await w.page.selectOption('#tim-xn', 'pending');
      await go(w.page, 'button:has-text("Lọc")');
      expect(await w.page.locator('table.stack tbody tr td:first-child strong').allInnerTexts()).toEqual(['Điểm cầu tỉnh Bắc Ninh']);
      expect(new URL(w.page.url()).search).toBe('?q=tinh+bac+ninh&xn=pending&kn=');
      await w.page.selectOption('#tim-xn', 'confirmed');
      await go(w.page, 'button:has-text("Lọc")');
      expect(await w.page.locator('p[role=status]').innerText()).toContain('Không có điểm cầu nào khớp với điều kiện tìm.');
      await w.page.goto(url());
      await shoot(w, 'points');
    });

    it('imports the contacts: a dry run reports each refused row in a table and writes nothing; the corrected file is imported', async () => {
      const header = ['Điểm cầu', 'Người chủ trì', 'Chức vụ', 'Cán bộ liên hệ', 'Email', 'Số điện thoại'];
      const wrong = csv([header, ['Điểm cầu tỉnh Bắc Ninh', 'Nguyễn Văn An', 'Phó Bí thư Tỉnh ủy', 'Trần Thị Bình', 'binh@bacninh.gov.vn', '0912345678'], ['Điểm cầu tỉnh Không Có', 'Lê Văn C', '', '', 'khong-phai-email', '']]);
      await w.page.goto(url());
      await w.page.setInputFiles('#lh-file', { name: 'liên hệ điểm cầu.csv', mimeType: 'text/csv', buffer: wrong });
      await go(w.page, 'button:has-text("Kiểm tra tệp (chưa ghi)")');
      expect(new URL(w.page.url()).pathname).toMatch(new RegExp(`/console/conferences/${id}/points/contacts/[\\w-]+$`));
      expect(await w.page.locator('h1').innerText()).toBe('Kết quả kiểm tra tệp liên hệ');
      expect(await w.page.locator('.alert.error').innerText()).toContain('không ghi thay đổi nào');
      const rows = await w.page.locator('table.stack').first().locator('tbody tr').allInnerTexts();
      expect(rows.some((r) => r.includes('3') && r.includes('Email'))).toBe(true);
      await shoot(w, 'points-contacts-report');

      const right = csv([header, ['Điểm cầu tỉnh Bắc Ninh', 'Nguyễn Văn An', 'Phó Bí thư Tỉnh ủy', 'Trần Thị Bình', 'binh@bacninh.gov.vn', '0912345678']]);
      await w.page.goto(url());
      await w.page.setInputFiles('#lh-file', { name: 'lien-he.csv', mimeType: 'text/csv', buffer: right });
      await go(w.page, 'button:has-text("Kiểm tra tệp (chưa ghi)")');
      expect(await w.page.locator('.alert.info').innerText()).toContain('1 điểm cầu sẽ được cập nhật');
      const listed = await w.t.http.get(`/api/conferences/${id}/bridge-points?q=tinh+bac+ninh&level=provincial`).auth(w.t.adminToken, bearer).expect(200);
      expect(listed.body.items[0].contactEmail).toBeNull();

      await w.page.goto(url());
      await w.page.setInputFiles('#lh-file', { name: 'lien-he.csv', mimeType: 'text/csv', buffer: right });
      await go(w.page, 'button:has-text("Nhập vào danh sách")');
      expect(await w.page.locator('.alert.ok').innerText()).toBe('Đã cập nhật 1 điểm cầu; 0 điểm cầu không đổi.');
      expect(await w.page.locator('table.stack').innerText()).toContain('Email: (trống) → binh@bacninh.gov.vn');
      const after = await w.t.http.get(`/api/conferences/${id}/bridge-points?q=tinh+bac+ninh&level=provincial`).auth(w.t.adminToken, bearer).expect(200);
      expect(after.body.items[0]).toMatchObject({ chairName: 'Nguyễn Văn An', contactEmail: 'binh@bacninh.gov.vn', contactPhone: '+84912345678' });
    });

    it('says which file is unreadable beside the file field', async () => {
      await w.page.goto(url());
      await w.page.setInputFiles('#lh-file', { name: 'danh-sach.csv', mimeType: 'text/csv', buffer: csv([['Họ và tên', 'Ghi chú'], ['A', 'B']]) });
      await go(w.page, 'button:has-text("Kiểm tra tệp (chưa ghi)")');
      expect(await w.page.locator('#lh-file-loi').count()).toBe(1);
      expect(await w.page.locator('#lh-file').getAttribute('aria-invalid')).toBe('true');
    });

    it('issues a link for every point and mails those with an email', async () => {
      await w.page.goto(url());
      await go(w.page, 'button:has-text("Cấp và gửi liên kết")');
      expect(await w.page.locator('.alert.ok').innerText()).toBe(
        'Đã cấp 3.356 liên kết xác nhận; 1 thư đang chờ gửi; 3.355 điểm cầu chưa có email liên hệ nên chưa gửi được thư.',
      );
      const mails = await w.t.http.get(`/api/conferences/${id}/deliveries?kind=bridge_point_link`).auth(w.t.adminToken, bearer).expect(200);
      expect(mails.body.items.map((m: { recipient: string }) => m.recipient)).toEqual(['binh@bacninh.gov.vn']);
      expect(await w.page.locator(`a[href="/board/${id}"]`).count()).toBe(1);
    });
  });

  describe('as a viewer', () => {
    it('sees the points without any form, and a post is refused', async () => {
      await signIn(w, w.users.viewer);
      await w.page.goto(url());
      expect(await w.page.locator('p[role=status]').innerText()).toBe('Hiển thị 1–50 trên tổng số 3.356 điểm cầu.');
      expect(await postActions(w.page)).toEqual(['/console/logout']);
      expect(await w.page.locator('input[type=file]').count()).toBe(0);
      const session = `hn_console=${await signInHttp(w, w.users.viewer)}`;
      const csrf = /name="_csrf" value="([^"]+)"/.exec((await w.t.http.get(`/console/conferences/${id}/points`).set('cookie', session).expect(200)).text)![1];
      const refused = await postForm(w, `/console/conferences/${id}/points/connect`, { _csrf: csrf, administrativeUnitSet: 'vn-63', level: 'province' }, session).expect(403);
      expect(refused.text).toContain('Không có quyền');
    });
  });

  it('refuses a form, or a file, posted without its CSRF token (403) and changes nothing', async () => {
    const session = `hn_console=${await signInHttp(w, w.users.organizer)}`;
    await postForm(w, `/console/conferences/${id}/points/connect`, { administrativeUnitSet: 'vn-63', level: 'province' }, session).expect(403);
    await postForm(w, `/console/conferences/${id}/points/links`, { send: 'true' }, session).expect(403);
    const upload = await w.t.http
      .post(`/console/conferences/${id}/points/contacts`)
      .set('cookie', session)
      .field('dryRun', 'false')
      .attach('file', csv([['Điểm cầu', 'Email'], ['Điểm cầu tỉnh Bắc Ninh', 'gia-mao@example.com']]), 'gia-mao.csv')
      .expect(403);
    expect(upload.text).toContain('Biểu mẫu không hợp lệ');
    const points = await w.t.http.get(`/api/conferences/${id}/bridge-points?q=tinh+bac+ninh&level=provincial`).auth(w.t.adminToken, bearer).expect(200);
    expect(points.body.items[0].contactEmail).toBe('binh@bacninh.gov.vn');
    expect((await w.t.http.get(`/api/conferences/${id}/bridge-points?pageSize=1`).auth(w.t.adminToken, bearer).expect(200)).body.total).toBe(3356);
  });
});
