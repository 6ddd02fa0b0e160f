import { aConference, aMainPoint } from '../factories';
import { bearer, closeWorld, consoleWorld, ConsoleWorld, csrfIn, go, postActions, postForm, shoot, signIn, signInHttp } from '../console-screens';

/**
 * The console's agenda screen and speaker directory in chromium, as an organizer and a viewer:
 * items in order on the conference's clock, the API's refusals (overlaps, times outside the
 * conference) beside their fields, a session with attendance removed only once confirmed.
 */
describe('organizer console: agenda and speakers', () => {
  let w: ConsoleWorld;
  let conferenceId: string;
  let trainingId: string;
  const api = (path: string) => `/api/conferences${path}`;
  const agendaOf = async (id: string) => (await w.t.http.get(api(`/${id}/agenda-items`)).auth(w.t.adminToken, bearer).expect(200)).body.items;

  beforeAll(async () => {
    w = await consoleWorld('agenda');
    conferenceId = (
      await w.t.http
        .post('/api/conferences')
        .auth(w.t.adminToken, bearer)
        .send(aConference({ title: 'Hội nghị sơ kết công tác dân vận 6 tháng đầu năm 2027', startsAt: '2027-07-15T08:00:00+07:00', endsAt: '2027-07-15T11:30:00+07:00' }))
        .expect(201)
    ).body.id;
    trainingId = (
      await w.t.http
        .post('/api/conferences')
        .auth(w.t.adminToken, bearer)
        .send(aConference({ title: 'Hội nghị tập huấn nghiệp vụ dân vận 2027', kind: 'training', startsAt: '2027-08-20T08:00:00+07:00', endsAt: '2027-08-20T11:30:00+07:00' }))
        .expect(201)
    ).body.id;
  });
  afterAll(() => closeWorld(w));

  describe('as an organizer', () => {
    beforeAll(() => signIn(w, w.users.organizer));

    it('adds speakers to the directory, with the errors beside their fields, and finds them without diacritics', async () => {
      const { page } = w;
      await page.goto(`${w.base}/console/speakers`);
      expect(await page.locator('p[role=status]').innerText()).toContain('Danh bạ chưa có báo cáo viên nào.');
      await page.fill('#bcv-fullName', 'Nguyễn Văn Hùng');
      await page.fill('#bcv-title', 'Phó Trưởng Ban Dân vận Trung ương');
      await page.fill('#bcv-phone', '12345');
      await page.fill('#bcv-email', 'hung@');
      await go(page, 'button:has-text("Thêm vào danh bạ")');
      expect(await page.locator('#bcv-phone-loi').innerText()).toContain('Số điện thoại');
      expect(await page.locator('#bcv-email-loi').innerText()).toContain('Email');
      expect(await page.inputValue('#bcv-fullName')).toBe('Nguyễn Văn Hùng');
      await page.fill('#bcv-phone', '0912 345 678');
      await page.fill('#bcv-email', 'hung@dvtw.gov.vn');
      await go(page, 'button:has-text("Thêm vào danh bạ")');
      expect(await page.locator('.alert.ok').innerText()).toBe('Đã thêm báo cáo viên vào danh bạ.');
      await page.goto(`${w.base}/console/speakers`);
      await page.fill('#bcv-fullName', 'Trần Thị Mai');
      await page.fill('#bcv-organization', 'Học viện Chính trị quốc gia Hồ Chí Minh');
      await go(page, 'button:has-text("Thêm vào danh bạ")');
      await page.fill('#tim-bcv', 'nguyen van hung');
      await go(page, 'button:has-text("Tìm")');
      expect(await page.locator('.results h2').allInnerTexts()).toEqual(['Nguyễn Văn Hùng']);
      expect(await page.locator('.results .meta').innerText()).toContain('0912 345 678');
      await page.goto(`${w.base}/console/speakers`);
      await shoot(w, 'speakers');
    });

    it('edits a speaker', async () => {
      const { page } = w;
      await go(page, 'a[aria-label="Sửa thông tin Trần Thị Mai"]');
      await page.fill('#bcv-title', 'Giảng viên cao cấp');
      await go(page, 'button:has-text("Lưu thay đổi")');
      expect(await page.locator('.alert.ok').innerText()).toBe('Đã lưu thông tin báo cáo viên.');
      expect(await page.locator('.results .meta').innerText()).toContain('Giảng viên cao cấp, Học viện Chính trị quốc gia Hồ Chí Minh');
    });

    it('is linked from the overview, and adds items typed on the conference clock, explaining overlaps beside the start time', async () => {
      const { page } = w;
      await page.goto(`${w.base}/console/conferences/${conferenceId}`);
      await go(page, 'a:has-text("Chương trình hội nghị")');
      expect(new URL(page.url()).pathname).toBe(`/console/conferences/${conferenceId}/agenda`);
      expect(await page.locator('#ds-muc').innerText()).toContain('Các mục (0)');
      // The start is proposed: the conference's opening.
      expect(await page.inputValue('#ag-startsAt')).toBe('15/07/2027 08:00');

      // Keyboard alone: type into the fields, then Enter submits.
      await page.focus('#ag-endsAt');
      await page.keyboard.type('15/07/2027 08:30');
      await page.focus('#ag-title');
      await page.keyboard.type('Khai mạc hội nghị');
      await page.selectOption('#ag-kind', 'opening');
      await page.selectOption('#ag-speakerIds', { label: 'Nguyễn Văn Hùng, Phó Trưởng Ban Dân vận Trung ương' });
      await page.focus('#ag-title');
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      expect(await page.locator('.alert.ok').innerText()).toBe('Đã thêm mục vào chương trình.');
      expect(await page.inputValue('#ag-startsAt')).toBe('15/07/2027 08:30');

      // Overlapping the opening: the service's 409 beside the start time.
      await page.fill('#ag-startsAt', '15/07/2027 08:15');
      await page.fill('#ag-endsAt', '15/07/2027 09:00');
      await page.fill('#ag-title', 'Báo cáo sơ kết công tác dân vận 6 tháng đầu năm');
      await page.selectOption('#ag-kind', 'report');
      await go(page, 'button:has-text("Thêm mục")');
      expect(await page.locator('#ag-startsAt-loi').innerText()).toBe('Trùng thời gian với mục "Khai mạc hội nghị" (08:00–08:30) tại hội trường chính.');
      expect(await page.inputValue('#ag-title')).toBe('Báo cáo sơ kết công tác dân vận 6 tháng đầu năm');
      await shoot(w, 'agenda-errors');

      // Outside the conference, and a time that is not one: each beside its field.
      await page.fill('#ag-startsAt', '15/07/2027 11:00');
      await page.fill('#ag-endsAt', '15/07/2027 12:00');
      await go(page, 'button:has-text("Thêm mục")');
      expect(await page.locator('#ag-endsAt-loi').innerText()).toContain('Thời điểm kết thúc phải nằm trong thời gian diễn ra hội nghị');
      await page.fill('#ag-startsAt', '15/07/2027 08:30');
      await page.fill('#ag-endsAt', '31/07/2027 25:00');
      await go(page, 'button:has-text("Thêm mục")');
      expect(await page.locator('#ag-endsAt-loi').innerText()).toContain('ví dụ 15/07/2025 08:00');

      await page.fill('#ag-endsAt', '15/07/2027 09:15');
      await page.selectOption('#ag-speakerIds', { label: 'Nguyễn Văn Hùng, Phó Trưởng Ban Dân vận Trung ương' });
      await page.selectOption('#ag-speakerIds-2', { label: 'Trần Thị Mai, Giảng viên cao cấp, Học viện Chính trị quốc gia Hồ Chí Minh' });
      await go(page, 'button:has-text("Thêm mục")');
      expect(await page.locator('.alert.ok').innerText()).toBe('Đã thêm mục vào chương trình.');
      expect(await page.locator('.agenda-items .time').allInnerTexts()).toEqual(['08:00–08:30', '08:30–09:15']);
      expect(await page.locator('.agenda-items .speakers').allInnerTexts()).toEqual(['Báo cáo viên: Nguyễn Văn Hùng', 'Báo cáo viên: Nguyễn Văn Hùng; Trần Thị Mai']);
      const items = await agendaOf(conferenceId);
      expect(items.map((i: { startsAt: string; kind: string }) => [i.startsAt, i.kind])).toEqual([
        ['2027-07-15T01:00:00.000Z', 'opening'],
        ['2027-07-15T01:30:00.000Z', 'report'],
      ]);
      expect(items[1].speakerIds).toHaveLength(2);
      await shoot(w, 'agenda');
    });

    it('edits an item (clearing a speaker) and refuses a save made on a stale copy', async () => {
      const { page } = w;
      const [, report] = await agendaOf(conferenceId);
      await go(page, `a[aria-label="Sửa mục ${report.title}"]`);
      expect(await page.inputValue('#ag-startsAt')).toBe('15/07/2027 08:30');
      await page.selectOption('#ag-speakerIds', '');
      await page.fill('#ag-title', 'Báo cáo sơ kết 6 tháng đầu năm 2027');
      await shoot(w, 'agenda-edit');
      await w.t.http.patch(api(`/${conferenceId}/agenda-items/${report.id}`)).auth(w.t.adminToken, bearer).send({ version: report.version, description: 'Trình chiếu' }).expect(200);
      await go(page, 'button:has-text("Lưu thay đổi")');
      expect(await page.locator('.alert.error').innerText()).toContain('Mục này vừa được người khác sửa');
      await page.goto(`${w.base}/console/conferences/${conferenceId}/agenda/${report.id}/edit`);
      await page.selectOption('#ag-speakerIds', '');
      await page.fill('#ag-title', 'Báo cáo sơ kết 6 tháng đầu năm 2027');
      await go(page, 'button:has-text("Lưu thay đổi")');
      expect(await page.locator('.alert.ok').innerText()).toBe('Đã lưu mục chương trình.');
      const saved = (await agendaOf(conferenceId))[1];
      expect(saved).toMatchObject({ title: 'Báo cáo sơ kết 6 tháng đầu năm 2027', description: 'Trình chiếu' });
      expect(saved.speakerIds).toHaveLength(1);
    });

    it('removes a session that has attendance marks only after an explicit confirmation', async () => {
      const { page } = w;
      const main = (await w.t.http.post(api(`/${trainingId}/bridge-points`)).auth(w.t.adminToken, bearer).send(aMainPoint()).expect(201)).body;
      const person = (await w.t.http.post(api(`/${trainingId}/attendees`)).auth(w.t.adminToken, bearer).send({ bridgePointId: main.id, fullName: 'Phạm Văn Đức' }).expect(201)).body;
      await page.goto(`${w.base}/console/conferences/${trainingId}/agenda`);
      await page.fill('#ag-endsAt', '20/08/2027 09:30');
      await page.fill('#ag-title', 'Chuyên đề 1: Kỹ năng dân vận');
      await page.check('#ag-attendanceRequired');
      await go(page, 'button:has-text("Thêm mục")');
      expect(await page.locator('.agenda-items .badge.session').innerText()).toBe('Buổi học · điểm danh');
      const [session] = await agendaOf(trainingId);
      expect(session.attendanceRequired).toBe(true);
      await w.t.http.post(api(`/${trainingId}/publish`)).auth(w.t.adminToken, bearer).expect(200);
      // An excused absence may be recorded ahead of the session.
      await w.t.http.post(api(`/${trainingId}/agenda-items/${session.id}/attendance`)).auth(w.t.adminToken, bearer).send({ attendeeId: person.id, status: 'excused' }).expect(200);

      await page.goto(`${w.base}/console/conferences/${trainingId}/agenda`);
      await go(page, `button[aria-label="Xóa mục ${session.title}"]`);
      expect(await page.locator('h1').innerText()).toBe('Xóa buổi học đã có điểm danh?');
      expect(await page.locator('.alert.error').innerText()).toContain('1 lượt điểm danh');
      await shoot(w, 'agenda-remove-confirm');
      await go(page, 'a:has-text("Không xóa, quay lại chương trình")');
      expect(await agendaOf(trainingId)).toHaveLength(1);
      await go(page, `button[aria-label="Xóa mục ${session.title}"]`);
      await go(page, 'button:has-text("Xóa cả mục và điểm danh")');
      expect(await page.locator('.alert.ok').innerText()).toBe('Đã xóa mục khỏi chương trình.');
      expect(await agendaOf(trainingId)).toHaveLength(0);
    });
  });

  describe('removing a speaker, as an organizer', () => {
    beforeAll(() => signIn(w, w.users.organizer));

    it('removes one from the directory after a confirmation, and keeps one still named on an item, listing the items', async () => {
      const { page } = w;
      const tam = (await w.t.http.post('/api/speakers').auth(w.t.adminToken, bearer).send({ fullName: 'Đặng Văn Tạm', organization: 'Tỉnh ủy Nam Định' }).expect(201)).body;
      await page.goto(`${w.base}/console/speakers?q=dang+van+tam`);
      await go(page, 'a[aria-label="Xóa Đặng Văn Tạm khỏi danh bạ"]');
      expect(await page.locator('h1').innerText()).toBe('Xóa báo cáo viên Đặng Văn Tạm?');
      await shoot(w, 'speaker-remove');
      await go(page, 'a:has-text("Không xóa, quay lại danh bạ")');
      await w.t.http.get(`/api/speakers/${tam.id}`).auth(w.t.adminToken, bearer).expect(200);
      // From the edit page too, then the keyboard: the button is focused and pressed.
      await page.goto(`${w.base}/console/speakers/${tam.id}/edit`);
      await go(page, 'a:has-text("Xóa báo cáo viên này")');
      await page.focus('button:has-text("Xóa báo cáo viên Đặng Văn Tạm")');
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      expect(await page.locator('.alert.ok').innerText()).toBe('Đã xóa báo cáo viên khỏi danh bạ.');
      await w.t.http.get(`/api/speakers/${tam.id}`).auth(w.t.adminToken, bearer).expect(404);

      // Trần Thị Mai speaks in the report: no button, the item instead (the service's speaker_in_use rule).
      const [mai] = (await w.t.http.get('/api/speakers?q=tran+thi+mai').auth(w.t.adminToken, bearer).expect(200)).body.items;
      await page.goto(`${w.base}/console/speakers/${mai.id}/remove`);
      expect(await page.locator('.alert.error').innerText()).toBe('Báo cáo viên đang có tên trong 1 mục chương trình nên chưa xóa được; hãy gỡ khỏi các mục đó trước.');
      expect(await page.locator('.card.message li a').allInnerTexts()).toEqual(['Báo cáo sơ kết 6 tháng đầu năm 2027']);
      expect(await page.locator('button.danger').count()).toBe(0);
      await shoot(w, 'speaker-remove-in-use');
      // A post anyway (the page was opened before the speaker was put on an item): the service's 409 on the same page.
      const session = `hn_console=${await signInHttp(w, w.users.organizer)}`;
      const csrf = csrfIn((await w.t.http.get('/console/speakers').set('cookie', session).expect(200)).text);
      const refused = await postForm(w, `/console/speakers/${mai.id}/remove`, { _csrf: csrf }, session).expect(409);
      expect(refused.text).toContain('hãy gỡ khỏi các mục đó trước khi xóa');
      await w.t.http.get(`/api/speakers/${mai.id}`).auth(w.t.adminToken, bearer).expect(200);
    });
  });

  describe('as a viewer', () => {
    it('shows the agenda and the directory without any form, and refuses posts', async () => {
      const { page } = w;
      await signIn(w, w.users.viewer);
      await page.goto(`${w.base}/console/conferences/${conferenceId}/agenda`);
      expect(await page.locator('.agenda-items > li').count()).toBe(2);
      expect(await postActions(page)).toEqual(['/console/logout']);
      await page.goto(`${w.base}/console/speakers`);
      expect(await postActions(page)).toEqual(['/console/logout']);
      expect(await page.locator('a:has-text("Sửa")').count()).toBe(0);

      const session = await signInHttp(w, w.users.viewer);
      const csrf = csrfIn((await w.t.http.get('/console/speakers').set('cookie', `hn_console=${session}`).expect(200)).text);
      const refused = await postForm(w, `/console/conferences/${conferenceId}/agenda`, { _csrf: csrf, title: 'x' }, `hn_console=${session}`).expect(403);
      expect(refused.text).toContain('Không có quyền');
      await postForm(w, '/console/speakers', { _csrf: csrf, fullName: 'Người xem' }, `hn_console=${session}`).expect(403);
      expect(await page.locator('a[href$="/remove"]').count()).toBe(0);
      const [mai] = (await w.t.http.get('/api/speakers?q=tran+thi+mai').auth(w.t.adminToken, bearer).expect(200)).body.items;
      await w.t.http.get(`/console/speakers/${mai.id}/remove`).set('cookie', `hn_console=${session}`).expect(403);
      await postForm(w, `/console/speakers/${mai.id}/remove`, { _csrf: csrf }, `hn_console=${session}`).expect(403);
    });
  });

  it('refuses a form posted without its CSRF token with 403', async () => {
    const session = await signInHttp(w, w.users.organizer);
    const fields = { startsAt: '15/07/2027 10:00', endsAt: '15/07/2027 10:30', title: 'Mục giả mạo', kind: 'discussion' };
    const refused = await postForm(w, `/console/conferences/${conferenceId}/agenda`, fields, `hn_console=${session}`).expect(403);
    expect(refused.text).toContain('Biểu mẫu không hợp lệ');
    await postForm(w, '/console/speakers', { fullName: 'Giả mạo' }, `hn_console=${session}`).expect(403);
    expect(await agendaOf(conferenceId)).toHaveLength(2);
    const [hung] = (await w.t.http.get('/api/speakers?q=nguyen+van+hung').auth(w.t.adminToken, bearer).expect(200)).body.items;
    await postForm(w, `/console/speakers/${hung.id}/remove`, {}, `hn_console=${session}`).expect(403);
    await w.t.http.get(`/api/speakers/${hung.id}`).auth(w.t.adminToken, bearer).expect(200);
  });
});
