import { DataSource } from 'typeorm';
import { Attendee } from '../../src/attendees/attendee.entity';
import { searchKey } from '../../src/common/text';
import { aConference, aMainPoint } from '../factories';
import { bearer, closeWorld, consoleWorld, ConsoleWorld, go, postActions, postForm, shoot, signIn, signInHttp } from '../console-screens';

const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n'), 'utf8');
const HEADER = ['Họ và tên', 'Chức vụ', 'Đơn vị', 'Email', 'Số điện thoại', 'Điểm cầu', 'Vai trò'];

/**
 * The console's delegate screens in chromium: the list with its filters and diacritic-free
 * search, add and edit with the API's refusals beside their fields, the import (dry run first,
 * a large file followed on its job's page), the export and the check-in desk; a viewer sees no form.
 */
describe('console: delegates', () => {
  let w: ConsoleWorld;
  let id: string;
  let mainId: string;
  let provinceId: string;
  const base = () => `${w.base}/console/conferences/${id}/attendees`;

  beforeAll(async () => {
    w = await consoleWorld('dai-bieu');
    const soon = Date.now() + 30 * 60_000;
    id = (
      await w.t.http
        .post('/api/conferences')
        .auth(w.t.adminToken, bearer)
        .send(aConference({ title: 'Hội nghị tập huấn nghiệp vụ dân vận', startsAt: new Date(soon).toISOString(), endsAt: new Date(soon + 3 * 3600_000).toISOString() }))
        .expect(201)
    ).body.id;
    mainId = (await w.t.http.post(`/api/conferences/${id}/bridge-points`).auth(w.t.adminToken, bearer).send(aMainPoint()).expect(201)).body.id;
    provinceId = (
      await w.t.http.post(`/api/conferences/${id}/bridge-points`).auth(w.t.adminToken, bearer).send({ name: 'Điểm cầu tỉnh Bắc Ninh', level: 'provincial' }).expect(201)
    ).body.id;
    await w.t.http.post(`/api/conferences/${id}/publish`).auth(w.t.adminToken, bearer).send({}).expect(200);
  });
  afterAll(() => closeWorld(w));

  describe('as an organizer', () => {
    beforeAll(() => signIn(w, w.users.organizer));

    it('adds a delegate: the errors come back beside their fields, then it is saved', async () => {
      await w.page.goto(`${w.base}/console/conferences/${id}`);
      await go(w.page, `.sections a[href="/console/conferences/${id}/attendees"]`);
      expect(await w.page.locator('p[role=status]').innerText()).toBe('Chưa có đại biểu nào.');
      await go(w.page, 'a:has-text("Thêm đại biểu")');
      await w.page.fill('#db-fullName', 'Nguyễn Thị Hồng Nhung');
      await w.page.fill('#db-email', 'khong-phai-email');
      await w.page.fill('#db-phone', '12345');
      await go(w.page, 'button:has-text("Thêm đại biểu")');
      expect(await w.page.locator('#db-email-loi').count()).toBe(1);
      expect(await w.page.locator('#db-phone-loi').count()).toBe(1);
      expect(await w.page.locator('#db-bridgePointId-loi').count()).toBe(1);
      expect(await w.page.inputValue('#db-fullName')).toBe('Nguyễn Thị Hồng Nhung');
      await shoot(w, 'attendee-form-errors');
      await w.page.fill('#db-email', 'nhung@bacninh.gov.vn');
      await w.page.fill('#db-phone', '0912 345 678');
      await w.page.fill('#db-title', 'Trưởng ban Dân vận');
      await w.page.fill('#db-organization', 'Huyện ủy Tiên Du');
      await w.page.selectOption('#db-bridgePointId', provinceId);
      await go(w.page, 'button:has-text("Thêm đại biểu")');
      expect(await w.page.locator('.alert.ok').innerText()).toBe('Đã thêm đại biểu.');
      expect(await w.page.locator('table.stack tbody').innerText()).toContain('Nguyễn Thị Hồng Nhung');
    });

    it('refuses a second delegate with the same email beside the email field (the service’s 409)', async () => {
      await w.page.goto(`${base()}/new`);
      await w.page.fill('#db-fullName', 'Trần Văn Trùng');
      await w.page.fill('#db-email', 'nhung@bacninh.gov.vn');
      await w.page.selectOption('#db-bridgePointId', mainId);
      await go(w.page, 'button:has-text("Thêm đại biểu")');
      expect(await w.page.locator('#db-email-loi').innerText()).toBe('Email nhung@bacninh.gov.vn đã có trong danh sách đại biểu của hội nghị này.');
    });

    it('edits a delegate, and refuses an edit made on a stale copy', async () => {
      await w.page.goto(base());
      await go(w.page, 'table.stack a:has-text("Sửa")');
      await w.page.fill('#db-title', 'Phó Trưởng ban Dân vận');
      await shoot(w, 'attendee-edit');
      const [a] = (await w.t.http.get(`/api/conferences/${id}/attendees`).auth(w.t.adminToken, bearer).expect(200)).body.items;
      await w.t.http.patch(`/api/conferences/${id}/attendees/${a.id}`).auth(w.t.adminToken, bearer).send({ version: a.version, notes: 'Đã xác nhận qua điện thoại' }).expect(200);
      await go(w.page, 'button:has-text("Lưu thay đổi")');
      expect(await w.page.locator('.alert.error').innerText()).toContain('vừa được người khác cập nhật');
      await w.page.goto(`${base()}/${a.id}/edit`);
      expect(await w.page.inputValue('#db-notes')).toBe('Đã xác nhận qua điện thoại');
      await w.page.fill('#db-title', 'Phó Trưởng ban Dân vận');
      await go(w.page, 'button:has-text("Lưu thay đổi")');
      expect(await w.page.locator('.alert.ok').innerText()).toBe('Đã lưu thay đổi.');
      expect(await w.page.locator('table.stack tbody').innerText()).toContain('Phó Trưởng ban Dân vận');
    });

    it('imports a list: the dry run reports each refused row in a table and writes nothing, then it is imported', async () => {
      const file = csv([
        HEADER,
        ['Lê Văn Tám', 'Chuyên viên', 'Ban Dân vận Tỉnh ủy', 'tam@bacninh.gov.vn', '0987654321', 'Điểm cầu tỉnh Bắc Ninh', 'Đại biểu'],
        ['Phạm Thị Hoa', 'Bí thư Đoàn', 'Tỉnh đoàn', 'hoa-sai-email', '', 'Điểm cầu tỉnh Bắc Ninh', 'Đại biểu'],
        ['Đỗ Minh Đức', 'Phóng viên', 'Báo Bắc Ninh', '', '', 'Điểm cầu tỉnh Không Có', 'Báo chí'],
      ]);
      await w.page.goto(base());
      await go(w.page, 'a:has-text("Nhập danh sách từ tệp")');
      await shoot(w, 'attendees-import');
      await w.page.setInputFiles('#nhap-file', { name: 'danh sách đại biểu.csv', mimeType: 'text/csv', buffer: file });
      await go(w.page, 'button:has-text("Kiểm tra tệp (chưa ghi)")');
      expect(new URL(w.page.url()).pathname).toMatch(new RegExp(`/attendees/import-jobs/[0-9a-f-]{36}$`));
      expect(await w.page.locator('h1').innerText()).toBe('Kết quả kiểm tra tệp');
      expect(await w.page.locator('.alert.error').innerText()).toContain('2 dòng lỗi');
      const rows = await w.page.locator('table.stack tbody tr').allInnerTexts();
      expect(rows).toHaveLength(2);
      expect(rows[0]).toMatch(/3[\s\S]*Email/);
      expect(rows[1]).toMatch(/4[\s\S]*Điểm cầu/);
      await shoot(w, 'attendees-import-report');
      expect((await w.t.http.get(`/api/conferences/${id}/attendees`).auth(w.t.adminToken, bearer).expect(200)).body.total).toBe(1);

      await w.page.setInputFiles('#nhap-file', { name: 'danh sách đại biểu.csv', mimeType: 'text/csv', buffer: file });
      await go(w.page, 'button:has-text("Nhập danh sách")');
      expect(await w.page.locator('h1').innerText()).toBe('Kết quả nhập danh sách');
      expect(await w.page.locator('.alert.ok').innerText()).toBe('Đã thêm 1 và cập nhật 0 đại biểu; 2 dòng lỗi không được nhập.');
    });

    it('follows a large import (2,500 rows, in the background) on a page that reloads itself until it is done', async () => {
      const rows = Array.from({ length: 2500 }, (_, i) => [`Cán bộ số ${i + 1}`, 'Chuyên viên', `Xã số ${i % 50}`, `can-bo-${i + 1}@xa.gov.vn`, '', 'Điểm cầu tỉnh Bắc Ninh', 'Đại biểu']);
      await w.page.goto(`${base()}/import`);
      await w.page.setInputFiles('#nhap-file', { name: 'can-bo.csv', mimeType: 'text/csv', buffer: csv([HEADER, ...rows]) });
      await go(w.page, 'button:has-text("Nhập danh sách")');
      const first = await w.page.locator('h1').innerText();
      if (first === 'Đang nhập danh sách') {
        expect(await w.page.locator('meta[http-equiv=refresh]').getAttribute('content')).toBe('2');
        expect(await w.page.locator('progress').count()).toBe(1);
        await shoot(w, 'attendees-import-progress');
      }
      await w.page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Kết quả nhập danh sách', null, { timeout: 30_000 });
      expect(await w.page.locator('meta[http-equiv=refresh]').count()).toBe(0);
      expect(await w.page.locator('.alert.ok').innerText()).toBe('Đã thêm 2.500 và cập nhật 0 đại biểu.');
    });

    it('lists the delegates 50 a page, searched without diacritics and filtered by state and point', async () => {
      await w.page.goto(base());
      expect(await w.page.locator('p[role=status]').innerText()).toBe('Hiển thị 1–50 trên tổng số 2.502 đại biểu.');
      await w.page.fill('#tim-q', 'nguyen thi hong nhung');
      await go(w.page, 'button:has-text("Lọc")');
      expect(await w.page.locator('table.stack tbody td:first-child strong').allInnerTexts()).toEqual(['Nguyễn Thị Hồng Nhung']);
      await w.page.fill('#tim-q', '');
      await w.page.selectOption('#tim-point', mainId);
      await go(w.page, 'button:has-text("Lọc")');
      expect(await w.page.locator('p[role=status]').innerText()).toContain('Không có đại biểu nào khớp');
      await w.page.selectOption('#tim-point', provinceId);
      await w.page.selectOption('#tim-tt', 'added');
      await go(w.page, 'button:has-text("Lọc")');
      expect(await w.page.locator('p[role=status]').innerText()).toContain('Hiển thị 1–50 trên tổng số 2.502 đại biểu.');
      await go(w.page, '.pager a:has-text("Trang sau")');
      expect(await w.page.locator('p[role=status]').innerText()).toContain('Hiển thị 51–100 trên tổng số 2.502 đại biểu.');
      expect(new URL(w.page.url()).search).toBe(`?tt=added&point=${provinceId}&page=2`);
      await w.page.goto(base());
      await shoot(w, 'attendees');
    });

    it("downloads the API's export through the console's session", async () => {
      await w.page.goto(base());
      const [download] = await Promise.all([w.page.waitForEvent('download'), w.page.click('a:has-text("Tải danh sách (CSV)")')]);
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
      const text = (await w.page.request.get(`${base()}/export.csv?point=${provinceId}`)).text();
      expect(await text).toContain('Nguyễn Thị Hồng Nhung');
      const xlsx = await w.page.request.get(`${base()}/export.xlsx`);
      expect(xlsx.status()).toBe(200);
      expect(xlsx.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    });

    it('checks delegates in at the desk by code: who it was, a second time, a declined person, an unknown code', async () => {
      const people = (await w.t.http.get(`/api/conferences/${id}/attendees?q=nhung`).auth(w.t.adminToken, bearer).expect(200)).body.items;
      const nhung = people[0];
      await w.page.goto(base());
      await go(w.page, 'a:has-text("Bàn điểm danh")');
      expect(await w.page.evaluate(() => document.activeElement?.id)).toBe('dd-code');
      await w.page.keyboard.type(nhung.code.toLowerCase().replace(/^(...)/, '$1-'));
      await Promise.all([w.page.waitForNavigation(), w.page.keyboard.press('Enter')]);
      expect(await w.page.locator('.checkin-result h2').innerText()).toBe('Đã điểm danh');
      expect(await w.page.locator('.checkin-result').innerText()).toContain('Nguyễn Thị Hồng Nhung');
      expect(await w.page.locator('.stats').innerText()).toMatch(/^1\s*đã điểm danh/);
      await shoot(w, 'check-in');

      await w.page.fill('#dd-code', nhung.code);
      await go(w.page, 'button:has-text("Điểm danh")');
      expect(await w.page.locator('.checkin-result h2').innerText()).toBe('Đã điểm danh trước đó');

      const [tam] = (await w.t.http.get(`/api/conferences/${id}/attendees?q=le+van+tam`).auth(w.t.adminToken, bearer).expect(200)).body.items;
      await w.t.http.patch(`/api/conferences/${id}/attendees/${tam.id}`).auth(w.t.adminToken, bearer).send({ version: tam.version, status: 'declined' }).expect(200);
      await w.page.fill('#dd-code', tam.code);
      await go(w.page, 'button:has-text("Điểm danh")');
      expect(await w.page.locator('.checkin-result h2').innerText()).toBe('Chưa điểm danh: người này đã báo vắng');
      await shoot(w, 'check-in-declined');
      await go(w.page, 'button:has-text("Vẫn điểm danh Lê Văn Tám")');
      expect(await w.page.locator('.checkin-result h2').innerText()).toBe('Đã điểm danh');

      await w.page.fill('#dd-code', 'ZZZZZZ');
      await go(w.page, 'button:has-text("Điểm danh")');
      expect(await w.page.locator('.checkin-result h2').innerText()).toBe('Không tìm thấy mã ZZZZZZ');
      await w.page.fill('#dd-code', 'AB1');
      await go(w.page, 'button:has-text("Điểm danh")');
      expect(await w.page.locator('#dd-code-loi').innerText()).toBe('Mã điểm danh gồm 6 chữ cái và chữ số, ví dụ K7Q4ZP.');
      const checked = (await w.t.http.get(`/api/conferences/${id}/attendees?status=attended`).auth(w.t.adminToken, bearer).expect(200)).body.total;
      expect(checked).toBe(2);
    });

    it('removes a delegate from their edit page after a confirmation, through the service (check-in count, audit)', async () => {
      const { page } = w;
      const api = `/api/conferences/${id}/attendees`;
      const xoa = (await w.t.http.post(api).auth(w.t.adminToken, bearer).send({ fullName: 'Hoàng Văn Xóa', title: 'Chuyên viên', bridgePointId: provinceId }).expect(201)).body;
      await w.t.http.post(`${api}/${xoa.id}/check-in`).auth(w.t.adminToken, bearer).send({}).expect(200);
      const checkIns = async () => (await w.t.http.get(`/api/conferences/${id}/bridge-points/${provinceId}`).auth(w.t.adminToken, bearer).expect(200)).body.actualAttendees;
      const before = await checkIns();

      await page.goto(`${base()}?q=hoang+van+xoa`);
      await go(page, 'table.stack a:has-text("Sửa")');
      await go(page, 'a:has-text("Xóa đại biểu này")');
      expect(await page.locator('h1').innerText()).toBe('Xóa đại biểu Hoàng Văn Xóa?');
      expect(await page.locator('.card.message').innerText()).toContain('Lượt điểm danh của người này được trừ');
      await shoot(w, 'attendee-remove');
      await go(page, 'a:has-text("Không xóa, quay lại")');
      expect(new URL(page.url()).pathname).toBe(`/console/conferences/${id}/attendees/${xoa.id}/edit`);
      await w.t.http.get(`${api}/${xoa.id}`).auth(w.t.adminToken, bearer).expect(200);

      // Keyboard alone: the link, then the button.
      await page.focus('a:has-text("Xóa đại biểu này")');
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      await page.focus('button:has-text("Xóa đại biểu Hoàng Văn Xóa")');
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      expect(new URL(page.url()).pathname).toBe(`/console/conferences/${id}/attendees`);
      expect(await page.locator('.alert.ok').innerText()).toBe('Đã xóa đại biểu khỏi danh sách.');
      await w.t.http.get(`${api}/${xoa.id}`).auth(w.t.adminToken, bearer).expect(404);
      expect(await checkIns()).toBe(before - 1);
      const [entry] = (await w.t.http.get(`/api/conferences/${id}/audit`).auth(w.t.adminToken, bearer).expect(200)).body.items;
      expect(entry).toMatchObject({ entityType: 'attendee', entityId: xoa.id, action: 'delete', before: { fullName: 'Hoàng Văn Xóa' } });
      // Gone: its pages answer 404.
      expect((await page.goto(`${base()}/${xoa.id}/remove`))!.status()).toBe(404);
    });

    it('renders the list of 30,000 delegates a page at a time: the first, a searched and filtered one, the last', async () => {
      // A test-only bulk insert: 27,498 more delegates straight into the table (the import's own path is tested above).
      const data = w.t.app.get(DataSource);
      const now = new Date();
      const more = 30_000 - 2502;
      for (let i = 0; i < more; i += 200) {
        const chunk = Array.from({ length: Math.min(200, more - i) }, (_, j) => {
          const n = i + j;
          const fullName = `Đại biểu thử số ${n}`;
          return {
            id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
            conferenceId: id,
            bridgePointId: n % 2 ? provinceId : mainId,
            fullName,
            role: 'delegate' as const,
            status: 'added' as const,
            source: 'import' as const,
            code: `T${n.toString(36).toUpperCase().padStart(5, '0')}`,
            searchKey: searchKey(fullName),
            version: 1,
            createdAt: now,
            updatedAt: now,
          };
        });
        await data.createQueryBuilder().insert().into(Attendee).values(chunk).execute();
      }
      const cookie = `hn_console=${await signInHttp(w, w.users.organizer)}`;
      const path = `/console/conferences/${id}/attendees`;
      // How long it takes is measured in the bench (console render phase), not here.
      expect((await w.t.http.get(path).set('cookie', cookie).expect(200)).text).toContain('trên tổng số 30.000 đại biểu');
      expect((await w.t.http.get(`${path}?q=dai+bieu+thu+so+1&tt=added&point=${provinceId}&page=3`).set('cookie', cookie).expect(200)).text).toContain('Hiển thị');
      expect((await w.t.http.get(`${path}?page=600`).set('cookie', cookie).expect(200)).text).toContain('Hiển thị 29.951–30.000 trên tổng số 30.000 đại biểu');
    });
  });

  describe('as a viewer', () => {
    it('sees the delegates and the export, without any form; a post is refused', async () => {
      await signIn(w, w.users.viewer);
      await w.page.goto(base());
      expect(await postActions(w.page)).toEqual(['/console/logout']);
      expect(await w.page.locator('a:has-text("Thêm đại biểu")').count()).toBe(0);
      expect(await w.page.locator('a:has-text("Tải danh sách (Excel)")').count()).toBe(1);
      const session = `hn_console=${await signInHttp(w, w.users.viewer)}`;
      const csrf = /name="_csrf" value="([^"]+)"/.exec((await w.t.http.get(`/console/conferences/${id}/attendees`).set('cookie', session).expect(200)).text)![1];
      await postForm(w, `/console/conferences/${id}/attendees`, { _csrf: csrf, fullName: 'Người xem thêm', bridgePointId: mainId }, session).expect(403);
      await postForm(w, `/console/conferences/${id}/check-in`, { _csrf: csrf, code: 'ZZZZZZ' }, session).expect(403);
      await w.t.http.get(`/console/conferences/${id}/check-in`).set('cookie', session).expect(403);
      expect(await w.page.locator('a[href$="/remove"]').count()).toBe(0);
      const [someone] = (await w.t.http.get(`/api/conferences/${id}/attendees?pageSize=1`).auth(w.t.adminToken, bearer).expect(200)).body.items;
      await w.t.http.get(`/console/conferences/${id}/attendees/${someone.id}/remove`).set('cookie', session).expect(403);
      await postForm(w, `/console/conferences/${id}/attendees/${someone.id}/remove`, { _csrf: csrf }, session).expect(403);
      await w.t.http.get(`/api/conferences/${id}/attendees/${someone.id}`).auth(w.t.adminToken, bearer).expect(200);
    });
  });

  it('refuses forms and files posted without their CSRF token (403) and writes nothing', async () => {
    const session = `hn_console=${await signInHttp(w, w.users.organizer)}`;
    const before = (await w.t.http.get(`/api/conferences/${id}/attendees?pageSize=1`).auth(w.t.adminToken, bearer).expect(200)).body.total;
    await postForm(w, `/console/conferences/${id}/attendees`, { fullName: 'Giả mạo', bridgePointId: mainId }, session).expect(403);
    await postForm(w, `/console/conferences/${id}/check-in`, { code: 'ZZZZZZ' }, session).expect(403);
    const [someone] = (await w.t.http.get(`/api/conferences/${id}/attendees?pageSize=1`).auth(w.t.adminToken, bearer).expect(200)).body.items;
    await postForm(w, `/console/conferences/${id}/attendees/${someone.id}/remove`, {}, session).expect(403);
    const upload = await w.t.http
      .post(`/console/conferences/${id}/attendees/import`)
      .set('cookie', session)
      .field('dryRun', 'false')
      .attach('file', csv([HEADER, ['Giả Mạo', '', '', 'gia-mao@example.com', '', 'Điểm cầu tỉnh Bắc Ninh', '']]), 'gia-mao.csv')
      .expect(403);
    expect(upload.text).toContain('Biểu mẫu không hợp lệ');
    expect((await w.t.http.get(`/api/conferences/${id}/attendees?pageSize=1`).auth(w.t.adminToken, bearer).expect(200)).body.total).toBe(before);
  });
});
