import { readFileSync } from 'node:fs';
import { aMainPoint } from '../factories';
import { readPdf } from '../documents';
import { bearer, closeWorld, consoleWorld, ConsoleWorld, csrfIn, go, postActions, postForm, shoot, signIn, signInHttp } from '../console-screens';

/**
 * The issue's "done when": from signing in to the approved minutes' PDF, through the console
 * alone (but for the main bridge point, whose screen is another's): create the conference, add
 * an agenda item, publish, start and complete it, draft the minutes, edit and save them (rows
 * added without a script, a stale save keeping what was typed), approve after the confirmation
 * step, and download the PDF through the console's own route.
 */
describe('organizer console: from sign-in to the approved minutes', () => {
  let w: ConsoleWorld;
  let id: string;
  const api = (path: string) => `/api/conferences${path}`;
  const minutesOf = async () => (await w.t.http.get(api(`/${id}/minutes`)).auth(w.t.adminToken, bearer).expect(200)).body;
  const flash = () => w.page.locator('.alert.ok').innerText();

  beforeAll(async () => {
    w = await consoleWorld('minutes');
  });
  afterAll(() => closeWorld(w));

  it('signs in, creates the conference, adds an agenda item, publishes, starts and completes it', async () => {
    const { page } = w;
    await signIn(w, w.users.organizer);
    await go(page, 'a:has-text("Tạo hội nghị mới")');
    await page.fill('#hn-title', 'Hội nghị sơ kết công tác dân vận năm 2027');
    await page.fill('#hn-startsAt', '15/07/2027 08:00');
    await page.fill('#hn-endsAt', '15/07/2027 11:30');
    await page.fill('#hn-hostOrganization', 'Ban Dân vận Trung ương');
    await page.fill('#hn-venue', 'Hội trường Ban Dân vận Trung ương, Hà Nội');
    await page.fill('#hn-chairName', 'Trần Văn Minh');
    await page.fill('#hn-chairTitle', 'Trưởng Ban Dân vận Trung ương');
    await go(page, 'button:has-text("Tạo hội nghị")');
    id = /conferences\/([0-9a-f-]{36})/.exec(page.url())![1];
    expect(await page.locator('a:has-text("Biên bản hội nghị")').count()).toBe(1);
    expect(await page.locator('.sections').innerText()).not.toContain('Biên bản hội nghị: chưa có');

    await go(page, 'a:has-text("Chương trình hội nghị")');
    await page.fill('#ag-endsAt', '15/07/2027 08:45');
    await page.fill('#ag-title', 'Báo cáo sơ kết công tác dân vận năm 2027');
    await page.selectOption('#ag-kind', 'report');
    await go(page, 'button:has-text("Thêm mục")');
    expect(await flash()).toBe('Đã thêm mục vào chương trình.');

    // The main bridge point has its own screen (not this spec's): through the API.
    await w.t.http.post(api(`/${id}/bridge-points`)).auth(w.t.adminToken, bearer).send(aMainPoint()).expect(201);
    await page.goto(`${w.base}/console/conferences/${id}`);
    await go(page, 'button:has-text("Công bố hội nghị")');
    expect(await flash()).toBe('Đã công bố hội nghị.');
    await page.check('form[action$="/start"] input[name=force]');
    await go(page, 'button:has-text("Bắt đầu hội nghị")');
    await page.check('form[action$="/complete"] input[name=force]');
    await go(page, 'button:has-text("Kết thúc hội nghị")');
    expect(await flash()).toBe('Hội nghị đã kết thúc.');
  });

  it('drafts the minutes from the conference', async () => {
    const { page } = w;
    await go(page, 'a:has-text("Biên bản hội nghị")');
    expect(await page.locator('#lap-bb').innerText()).toBe('Lập biên bản');
    await page.fill('#lap-secretaryName', 'Nguyễn Thị Lan');
    await page.fill('#lap-secretaryTitle', 'Chuyên viên Văn phòng');
    await page.fill('#lap-abbreviation', 'bdvtw');
    await go(page, 'button:has-text("Lập dự thảo biên bản")');
    expect(await page.locator('#lap-abbreviation-loi').innerText()).toContain('chữ in hoa');
    await page.fill('#lap-abbreviation', '');
    await go(page, 'button:has-text("Lập dự thảo biên bản")');
    expect(await flash()).toBe('Đã lập dự thảo biên bản từ dữ liệu hội nghị.');
    expect(await page.inputValue('#bb-header-abbreviation')).toBe('BDVTW');
    expect(await page.inputValue('#bb-composition-secretary-name')).toBe('Nguyễn Thị Lan');
    expect(await page.inputValue('#bb-opening-startedAt')).toBe('15/07/2027 08:00');
    expect(await page.inputValue('#bb-proceedings-0-title')).toBe('Báo cáo sơ kết công tác dân vận năm 2027');
    expect(await page.locator('#lan-luu').innerText()).toBe('Các lần lưu (1)');
  });

  it('adds action-item rows without a script, shows errors beside their rows, and saves', async () => {
    const { page } = w;
    await page.fill('#bb-header-number', '27');
    await page.fill('#bb-conclusions', 'Tiếp tục đổi mới nội dung, phương thức công tác dân vận.\n\nNâng cao chất lượng phong trào thi đua "Dân vận khéo".');
    await page.fill('#bb-actionItems-0-description', 'Tổng hợp ý kiến của các điểm cầu, báo cáo Thường trực Ban Bí thư');
    await page.fill('#bb-actionItems-0-assignee', 'Văn phòng Ban Dân vận Trung ương');
    await page.fill('#bb-actionItems-0-deadline', '30/09/2027');
    expect(await page.locator('#bb-actionItems .row-list > li').count()).toBe(2);
    await go(page, 'button:has-text("Thêm dòng nhiệm vụ")');
    expect(await page.locator('#bb-actionItems .row-list > li').count()).toBe(5);
    expect(await page.inputValue('#bb-actionItems-0-assignee')).toBe('Văn phòng Ban Dân vận Trung ương');
    expect(await page.inputValue('#bb-header-number')).toBe('27');
    await page.fill('#bb-actionItems-3-description', 'Hướng dẫn các tỉnh sơ kết mô hình "Dân vận khéo"');
    await page.fill('#bb-actionItems-3-assignee', 'Vụ Địa phương');
    await page.fill('#bb-actionItems-3-deadline', '31/02/2028');
    await page.fill('#bb-header-date', '15/07/2027');
    await go(page, 'button:has-text("Lưu biên bản") >> nth=0');
    expect(await page.locator('#bb-actionItems-3-deadline-loi').innerText()).toContain('Nhiệm vụ 4: hạn hoàn thành phải là một ngày có thật');
    await page.fill('#bb-actionItems-3-deadline', '31/12/2027');
    await page.fill('#bb-actionItems-3-assignee', '');
    await go(page, 'button:has-text("Lưu biên bản") >> nth=0');
    // The service's own refusal, beside the row it came from.
    expect(await page.locator('#bb-actionItems-3-assignee-loi').innerText()).toContain('Nhiệm vụ 4: đơn vị thực hiện');
    await shoot(w, 'minutes-errors');
    await page.fill('#bb-actionItems-3-assignee', 'Vụ Địa phương');
    // Enter in a field saves (the first button of the form is "Lưu biên bản").
    await page.focus('#bb-header-place');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(await flash()).toBe('Đã lưu biên bản.');
    const saved = await minutesOf();
    expect(saved.number).toBe('27/BB-BDVTW');
    expect(saved.sections.conclusions).toHaveLength(2);
    expect(saved.sections.actionItems).toEqual([
      expect.objectContaining({ assignee: 'Văn phòng Ban Dân vận Trung ương', deadline: '2027-09-30' }),
      expect.objectContaining({ assignee: 'Vụ Địa phương', deadline: '2027-12-31' }),
    ]);
    expect(await page.locator('#bb-actionItems .row-list > li').count()).toBe(4);
    await shoot(w, 'minutes');
  });

  it('keeps what was typed when the save was made on a stale copy, and saves it when asked again', async () => {
    const { page } = w;
    await page.goto(`${w.base}/console/conferences/${id}/minutes`);
    await page.fill('#bb-closing-text', 'Biên bản đã được thông qua tại hội nghị.');
    const current = await minutesOf();
    await w.t.http.patch(api(`/${id}/minutes`)).auth(w.t.adminToken, bearer).send({ version: current.version, sections: { distribution: ['Như trên', 'Lưu: VT, VP'] } }).expect(200);
    await go(page, 'button:has-text("Lưu biên bản") >> nth=0');
    expect(await page.locator('.minutes-form .alert.error').innerText()).toContain('vừa được admin@hoinghi.local lúc');
    expect(await page.locator('.minutes-form .alert.error').innerText()).toContain('CHƯA được lưu');
    expect(await page.inputValue('#bb-closing-text')).toBe('Biên bản đã được thông qua tại hội nghị.');
    expect((await minutesOf()).sections.closing.text).not.toBe('Biên bản đã được thông qua tại hội nghị.');
    await shoot(w, 'minutes-conflict');
    await go(page, 'button:has-text("Lưu biên bản") >> nth=0');
    expect(await flash()).toBe('Đã lưu biên bản.');
    expect((await minutesOf()).sections.closing.text).toBe('Biên bản đã được thông qua tại hội nghị.');
  });

  it('approves after the confirmation step, then downloads the PDF, whose text is the minutes', async () => {
    const { page } = w;
    await go(page, 'a:has-text("Phê duyệt biên bản…")');
    expect(await page.locator('h1').innerText()).toBe('Phê duyệt biên bản?');
    await shoot(w, 'minutes-approve');
    await go(page, 'a:has-text("Chưa phê duyệt, quay lại")');
    expect((await minutesOf()).status).toBe('draft');
    await go(page, 'a:has-text("Phê duyệt biên bản…")');
    await go(page, 'button:has-text("Phê duyệt biên bản")');
    expect(await flash()).toBe('Đã phê duyệt biên bản. Nội dung đã được khóa.');
    expect(await page.locator('.minutes-form').count()).toBe(0);
    expect(await page.locator('.facts').first().innerText()).toContain('Trần Thị Tổ Chức');
    const approved = await minutesOf();
    expect(approved).toMatchObject({ status: 'approved', number: '27/BB-BDVTW' });
    expect(await page.locator('.facts code').innerText()).toBe(approved.contentHash);
    await shoot(w, 'minutes-approved');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a:has-text("Tải bản PDF")')]);
    expect(download.suggestedFilename()).toMatch(/^Biên bản - .*\.pdf$/);
    const pdf = await readPdf(readFileSync((await download.path())!));
    expect(pdf.flat).toContain('BIÊN BẢN');
    expect(pdf.flat).toContain('Số: 27/BB-BDVTW');
    expect(pdf.flat).toContain('Hội nghị sơ kết công tác dân vận năm 2027');
    expect(pdf.flat).toContain('Báo cáo sơ kết công tác dân vận năm 2027');
    expect(pdf.flat).toContain('Tiếp tục đổi mới nội dung, phương thức công tác dân vận.');
    expect(pdf.flat).toContain('Hướng dẫn các tỉnh sơ kết mô hình "Dân vận khéo"');
    expect(pdf.flat).toContain('Nguyễn Thị Lan');

    const [docx] = await Promise.all([page.waitForEvent('download'), page.click('a:has-text("Tải bản Word (DOCX)")')]);
    expect(docx.suggestedFilename()).toMatch(/\.docx$/);
  });

  it('gives action items and records their progress (status, progress note), refusing a stale update', async () => {
    const { page } = w;
    await page.goto(`${w.base}/console/conferences/${id}`);
    await go(page, 'a:has-text("Nhiệm vụ sau hội nghị")');
    await page.fill('#them-description', 'Sơ kết mô hình "Dân vận khéo" tại các tỉnh miền núi phía Bắc');
    await page.fill('#them-deadline', '31/6/2028');
    await go(page, 'button:has-text("Giao nhiệm vụ")');
    expect(await page.locator('#them-deadline-loi').innerText()).toContain('ví dụ 31/12/2026');
    expect(await page.locator('#them-assignee-loi').innerText()).toContain('Đơn vị thực hiện');
    await page.fill('#them-assignee', 'Ban Dân vận Tỉnh ủy Lào Cai');
    await page.fill('#them-deadline', '30/06/2028');
    await go(page, 'button:has-text("Giao nhiệm vụ")');
    expect(await flash()).toBe('Đã giao nhiệm vụ.');
    const [item] = (await w.t.http.get(api(`/${id}/action-items`)).auth(w.t.adminToken, bearer).expect(200)).body.items;
    expect(item).toMatchObject({ assignee: 'Ban Dân vận Tỉnh ủy Lào Cai', deadline: '2028-06-30', status: 'open' });

    await page.click('summary:has-text("Cập nhật tiến độ")');
    await page.selectOption(`#nv-${item.id.slice(0, 8)}-status`, 'in_progress');
    await page.fill(`#nv-${item.id.slice(0, 8)}-progressNote`, 'Đã khảo sát 5/10 huyện.');
    await go(page, 'button:has-text("Lưu tiến độ")');
    expect(await flash()).toBe('Đã cập nhật tiến độ nhiệm vụ.');
    expect(await page.locator('.task-list .meta').innerText()).toContain('Đang thực hiện');
    expect(await page.locator('.task-list').innerText()).toContain('Kết quả: Đã khảo sát 5/10 huyện.');
    await shoot(w, 'action-items');

    await w.t.http.patch(api(`/${id}/action-items/${item.id}`)).auth(w.t.adminToken, bearer).send({ version: item.version + 1, progressNote: 'Đã khảo sát 6/10 huyện.' }).expect(200);
    await page.click('summary:has-text("Cập nhật tiến độ")');
    await page.selectOption(`#nv-${item.id.slice(0, 8)}-status`, 'done');
    await go(page, 'button:has-text("Lưu tiến độ")');
    expect(await page.locator('.task-list .alert.error').innerText()).toContain('vừa được người khác cập nhật');
    expect((await w.t.http.get(api(`/${id}/action-items`)).auth(w.t.adminToken, bearer).expect(200)).body.items[0].status).toBe('in_progress');
  });

  it('shows a viewer the minutes without any form, and refuses their posts', async () => {
    const { page } = w;
    await signIn(w, w.users.viewer);
    await page.goto(`${w.base}/console/conferences/${id}/minutes`);
    expect(await postActions(page)).toEqual(['/console/logout']);
    expect(await page.locator('a:has-text("Tải bản PDF")').count()).toBe(1);
    const session = await signInHttp(w, w.users.viewer);
    const csrf = csrfIn((await w.t.http.get(`/console/conferences/${id}/minutes`).set('cookie', `hn_console=${session}`).expect(200)).text);
    await postForm(w, `/console/conferences/${id}/minutes/approve`, { _csrf: csrf, version: '1' }, `hn_console=${session}`).expect(403);
    const pdf = await w.t.http.get(`/console/conferences/${id}/minutes.pdf`).set('cookie', `hn_console=${session}`).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    // Without a session the file is not given: to the sign-in page.
    await w.t.http.get(`/console/conferences/${id}/minutes.pdf`).expect(303);
  });

  it('refuses a minutes form posted without its CSRF token with 403, changing nothing', async () => {
    const session = await signInHttp(w, w.users.organizer);
    const before = await minutesOf();
    const refused = await postForm(w, `/console/conferences/${id}/minutes`, { version: String(before.version), title: 'Giả mạo' }, `hn_console=${session}`).expect(403);
    expect(refused.text).toContain('Biểu mẫu không hợp lệ');
    await postForm(w, `/console/conferences/${id}/minutes/reopen`, { version: String(before.version), reason: 'x' }, `hn_console=${session}`).expect(403);
    expect((await minutesOf()).version).toBe(before.version);
  });
});
