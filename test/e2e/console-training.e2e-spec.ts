import { readFileSync } from 'node:fs';
import { aConference, aMainPoint, anAgendaItem } from '../factories';
import { readPdf } from '../documents';
import { bearer, closeWorld, consoleWorld, ConsoleWorld, csrfIn, go, postActions, postForm, shoot, signIn, signInHttp } from '../console-screens';

/**
 * The console's training screens in chromium: a session's attendance person by person with its
 * totals, who completed, certificates issued (office, signer, place) and revoked with a reason,
 * and the PDF of them all through the console's own route.
 */
describe('organizer console: training', () => {
  let w: ConsoleWorld;
  let id: string;
  let sessionId: string;
  const DAY = '2026-11-20';
  const api = (path: string) => `/api/conferences${path}`;
  const post = (path: string, body: object) => w.t.http.post(api(path)).auth(w.t.adminToken, bearer).send(body);
  const flash = () => w.page.locator('.alert.ok').innerText();

  beforeAll(async () => {
    w = await consoleWorld('training');
    id = (await post('', aConference({ title: 'Hội nghị tập huấn công tác dân vận năm 2026', kind: 'training', startsAt: `${DAY}T08:00:00+07:00`, endsAt: `${DAY}T11:30:00+07:00` })).expect(201)).body.id;
    const main = (await post(`/${id}/bridge-points`, aMainPoint()).expect(201)).body;
    sessionId = (await post(`/${id}/agenda-items`, anAgendaItem(DAY, '08:00', '09:30', { title: 'Chuyên đề 1: Kỹ năng dân vận', attendanceRequired: true })).expect(201)).body.id;
    await post(`/${id}/attendees`, { bridgePointId: main.id, fullName: 'Nguyễn Văn An', email: 'an@example.vn' }).expect(201);
    await post(`/${id}/attendees`, { bridgePointId: main.id, fullName: 'Trần Thị Bình' }).expect(201);
    await post(`/${id}/publish`, {}).expect(200);
    await signIn(w, w.users.organizer);
  });
  afterAll(() => closeWorld(w));

  it('marks each person in a session and shows the totals', async () => {
    const { page } = w;
    await page.goto(`${w.base}/console/conferences/${id}`);
    await go(page, 'a:has-text("Tập huấn: điểm danh")');
    expect(await page.locator('#buoi-hoc').innerText()).toBe('Các buổi học (1)');
    expect(await page.locator('.results').first().innerText()).toContain('2 chưa điểm danh');
    await go(page, 'a:has-text("Chuyên đề 1: Kỹ năng dân vận")');
    const an = page.locator('li:has(h3:text-is("Nguyễn Văn An"))');
    await an.locator('select').selectOption('present');
    await Promise.all([page.waitForNavigation(), an.locator('button:has-text("Ghi")').click()]);
    expect(await flash()).toBe('Đã ghi điểm danh.');
    const binh = page.locator('li:has(h3:text-is("Trần Thị Bình"))');
    await binh.locator('select').selectOption('excused');
    await Promise.all([page.waitForNavigation(), binh.locator('button:has-text("Ghi")').click()]);
    expect(await page.locator('li:has(h3:text-is("Trần Thị Bình")) .badge').innerText()).toBe('Vắng có phép');
    expect(await page.locator('.stats').innerText()).toMatch(/1\s*có mặt/);
    await shoot(w, 'training-session');

    // A stale mark: someone else changed An's meanwhile.
    const marks = (await w.t.http.get(api(`/${id}/agenda-items/${sessionId}/attendance`)).auth(w.t.adminToken, bearer).expect(200)).body.items;
    const anMark = marks.find((m: { fullName: string }) => m.fullName === 'Nguyễn Văn An');
    await post(`/${id}/agenda-items/${sessionId}/attendance`, { attendeeId: anMark.attendeeId, status: 'late', version: anMark.version }).expect(200);
    await page.locator('li:has(h3:text-is("Nguyễn Văn An")) select').selectOption('absent');
    await Promise.all([page.waitForNavigation(), page.locator('li:has(h3:text-is("Nguyễn Văn An")) button:has-text("Ghi")').click()]);
    expect(await page.locator('.alert.error').innerText()).toContain('vừa được người khác ghi');
    expect(await page.locator('li:has(h3:text-is("Nguyễn Văn An")) .badge').innerText()).toBe('Đi muộn');
  });

  it('lists who completed, issues certificates with the errors beside their fields, and revokes one with a reason', async () => {
    const { page } = w;
    await page.goto(`${w.base}/console/conferences/${id}/training`);
    expect(await page.locator('#hoan-thanh + p').innerText()).toContain('1 trên 2 người đã hoàn thành');
    await page.fill('#cap-office', 'Ban Dân vận Trung ương');
    await page.fill('#cap-place', 'Hà Nội');
    await page.fill('#cap-signerName', 'Trần Văn Minh');
    await go(page, 'button:has-text("Cấp giấy chứng nhận")');
    expect(await page.locator('#cap-signerTitle-loi').innerText()).toContain('Chức vụ người ký');
    expect(await page.inputValue('#cap-office')).toBe('Ban Dân vận Trung ương');
    await page.fill('#cap-signerTitle', 'Trưởng Ban');
    await page.check('#cap-send');
    await go(page, 'button:has-text("Cấp giấy chứng nhận")');
    expect(await flash()).toBe('Đã cấp 1 giấy chứng nhận.');
    expect(await page.locator('.cert-list h3').allInnerTexts()).toEqual(['Nguyễn Văn An']);
    await shoot(w, 'training');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a:has-text("Tải tất cả (PDF")')]);
    const pdf = await readPdf(readFileSync((await download.path())!));
    expect(pdf.flat).toContain('Nguyễn Văn An');
    // Each certificate's own PDF, through the console's session.
    const [one] = await Promise.all([page.waitForEvent('download'), page.click('.cert-list a:has-text("Tải giấy chứng nhận (PDF)")')]);
    const [issued] = (await w.t.http.get(api(`/${id}/certificates`)).auth(w.t.adminToken, bearer).expect(200)).body.items;
    expect(new URL(one.url()).pathname).toBe(`/console/conferences/${id}/training/certificates/${issued.id}.pdf`);
    const single = await readPdf(readFileSync((await one.path())!));
    expect(single.flat).toContain('Nguyễn Văn An');
    expect(single.flat).toContain(issued.number);

    await page.click('summary:has-text("Thu hồi")');
    await go(page, 'button:has-text("Thu hồi giấy chứng nhận")');
    expect(await page.locator('[id$="-reason-loi"]').innerText()).toContain('Lý do thu hồi');
    await page.fill('[id^="thu-hoi-"][id$="-reason"]', 'Cấp nhầm: học viên chưa dự đủ buổi');
    await go(page, 'button:has-text("Thu hồi giấy chứng nhận")');
    expect(await flash()).toBe('Đã thu hồi giấy chứng nhận.');
    expect(await page.locator('.cert-list').innerText()).toContain('Lý do thu hồi: Cấp nhầm: học viên chưa dự đủ buổi');
    const certs = (await w.t.http.get(api(`/${id}/certificates`)).auth(w.t.adminToken, bearer).expect(200)).body.items;
    expect(certs[0]).toMatchObject({ status: 'revoked', revokedReason: 'Cấp nhầm: học viên chưa dự đủ buổi' });
  });

  it('takes a roll call by codes typed in a box, showing who was marked, who before, who was refused and which codes are unknown', async () => {
    const { page } = w;
    // A session on now: a roll call marks people as arriving, so it is open only around the session.
    const start = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 10 * 60_000);
    const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000).toISOString();
    const live = (await post('', aConference({ title: 'Lớp bồi dưỡng kỹ năng dân vận khéo', kind: 'training', startsAt: at(0), endsAt: at(180) })).expect(201)).body.id;
    const main = (await post(`/${live}/bridge-points`, aMainPoint()).expect(201)).body;
    const item = (await post(`/${live}/agenda-items`, { startsAt: at(0), endsAt: at(90), kind: 'report', title: 'Chuyên đề 2: Dân vận khéo', attendanceRequired: true }).expect(201)).body.id;
    const person = async (fullName: string, extra: object = {}) => (await post(`/${live}/attendees`, { bridgePointId: main.id, fullName, ...extra }).expect(201)).body;
    const hoa = await person('Vũ Thị Hoa');
    const khanh = await person('Đinh Văn Khánh');
    const lam = await person('Bùi Thị Lâm', { status: 'declined' });
    await post(`/${live}/publish`, {}).expect(200);
    await post(`/${live}/agenda-items/${item}/attendance`, { codes: [khanh.code] }).expect(200);

    await signIn(w, w.users.organizer);
    await page.goto(`${w.base}/console/conferences/${live}/training/sessions/${item}`);
    await go(page, 'button:has-text("Điểm danh các mã này")');
    expect(await page.locator('#dd-codes-loi').innerText()).toBe('Nhập ít nhất một mã điểm danh.');
    await page.fill('#dd-codes', `${hoa.code.toLowerCase()}\n${khanh.code}, ${lam.code} ZZZZZZ`);
    await go(page, 'button:has-text("Điểm danh các mã này")');
    expect(new URL(page.url()).searchParams.get('kq')).toBeTruthy();
    const stats = (await page.locator('#ket-qua .stats li').allInnerTexts()).map((x) => x.replace(/\s+/g, ' '));
    expect(stats).toEqual(['1 vừa điểm danh', '1 đã điểm danh từ trước', '1 không điểm danh được', '1 mã không tìm thấy']);
    expect(await page.locator('#ket-qua .roll-refused').innerText()).toContain(`${lam.code}: Đại biểu Bùi Thị Lâm (mã ${lam.code}) đã báo không tham dự`);
    expect(await page.locator('#ket-qua .roll-unknown').innerText()).toBe('ZZZZZZ');
    expect(await page.locator('li:has(h3:text-is("Vũ Thị Hoa")) .badge').innerText()).toBe('Có mặt');
    await shoot(w, 'training-roll-call');
    const marks = (await w.t.http.get(api(`/${live}/agenda-items/${item}/attendance`)).auth(w.t.adminToken, bearer).expect(200)).body.items;
    expect(marks.find((m: { attendeeId: string }) => m.attendeeId === hoa.id)).toMatchObject({ status: 'present', method: 'roll_call' });
    // Someone who declined holds no place: not on the session's list, and not marked.
    expect(marks.filter((m: { attendeeId: string; status: string | null }) => m.attendeeId === lam.id && m.status !== null)).toEqual([]);

    // A session that has ended takes no roll call: the service's refusal on the page, the codes kept.
    await page.goto(`${w.base}/console/conferences/${id}/training/sessions/${sessionId}`);
    await page.fill('#dd-codes', 'K7Q4ZP');
    await go(page, 'button:has-text("Điểm danh các mã này")');
    expect(await page.locator('.alert.error').innerText()).toContain('đã kết thúc');
    expect(await page.inputValue('#dd-codes')).toBe('K7Q4ZP');
  });

  it('shows a viewer the training without forms, and refuses posts without a CSRF token or from a viewer', async () => {
    const { page } = w;
    const organizer = await signInHttp(w, w.users.organizer);
    await postForm(w, `/console/conferences/${id}/training/certificates`, { office: 'x', signerName: 'x', signerTitle: 'x', place: 'x' }, `hn_console=${organizer}`).expect(403);
    await postForm(w, `/console/conferences/${id}/training/sessions/${sessionId}/roll-call`, { codes: 'K7Q4ZP' }, `hn_console=${organizer}`).expect(403);
    await signIn(w, w.users.viewer);
    await page.goto(`${w.base}/console/conferences/${id}/training`);
    expect(await postActions(page)).toEqual(['/console/logout']);
    await page.goto(`${w.base}/console/conferences/${id}/training/sessions/${sessionId}`);
    expect(await postActions(page)).toEqual(['/console/logout']);
    const viewer = await signInHttp(w, w.users.viewer);
    const csrf = csrfIn((await w.t.http.get(`/console/conferences/${id}/training`).set('cookie', `hn_console=${viewer}`).expect(200)).text);
    await postForm(w, `/console/conferences/${id}/training/sessions/${sessionId}`, { _csrf: csrf, attendeeId: sessionId, status: 'present' }, `hn_console=${viewer}`).expect(403);
    await postForm(w, `/console/conferences/${id}/training/sessions/${sessionId}/roll-call`, { _csrf: csrf, codes: 'K7Q4ZP' }, `hn_console=${viewer}`).expect(403);
  });
});
