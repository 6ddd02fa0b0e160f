import { Workbook } from 'exceljs';
import { Response } from 'superagent';
import { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock';
import { aConference, aMainPoint, anAgendaItem } from '../factories';
import { startApp, TestApp } from '../harness';

const bearer = { type: 'bearer' as const };
const DAY = '2030-07-15';

function binary(res: Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

/**
 * Evaluation (phiếu đánh giá): a form per conference, answered once through the RSVP link,
 * stored without who answered; summary, XLSX, and completion with requireEvaluation.
 */
describe('evaluation (phiếu đánh giá)', () => {
  let t: TestApp;
  let clock: jest.SpyInstance | undefined;
  const api = (path: string) => `/api/conferences${path}`;
  const post = (path: string, body: object = {}, token = t.adminToken) => t.http.post(api(path)).auth(token, bearer).send(body);
  const put = (path: string, body: object, token = t.adminToken) => t.http.put(api(path)).auth(token, bearer).send(body);
  const get = (path: string, token = t.adminToken) => t.http.get(api(path)).auth(token, bearer);
  const answer = (token: string, answers: object) => t.http.post(`/api/public/rsvp/${token}/evaluation`).send({ answers });
  const form = (path: string, fields: Record<string, string>) => t.http.post(path).type('form').send(new URLSearchParams(fields).toString());
  const at = (time: string) => {
    clock?.mockRestore();
    clock = jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(`${DAY}T${time}:00+07:00`));
  };

  /** A training with two sessions; An, Bình, Cường hold a place, Dung declined. Published; `started` moves the clock past its start. */
  async function aTraining(options: { completionRule?: object } = {}) {
    const c = (
      await post(
        '',
        aConference({
          kind: 'training',
          title: 'Lớp bồi dưỡng kiến thức quốc phòng và an ninh năm 2030',
          startsAt: `${DAY}T08:00:00+07:00`,
          endsAt: `${DAY}T11:30:00+07:00`,
          ...(options.completionRule && { completionRule: options.completionRule }),
        }),
      ).expect(201)
    ).body;
    const main = (await post(`/${c.id}/bridge-points`, aMainPoint()).expect(201)).body;
    const s1 = (await post(`/${c.id}/agenda-items`, anAgendaItem(DAY, '08:00', '09:00', { title: 'Chuyên đề 1: Quốc phòng toàn dân', attendanceRequired: true })).expect(201)).body;
    const s2 = (await post(`/${c.id}/agenda-items`, anAgendaItem(DAY, '09:00', '10:00', { title: 'Chuyên đề 2: An ninh nhân dân', attendanceRequired: true })).expect(201)).body;
    const person = async (fullName: string, extra: object = {}) =>
      (await post(`/${c.id}/attendees`, { bridgePointId: main.id, fullName, organization: 'Sở Nội vụ', ...extra }).expect(201)).body as { id: string };
    const people = { an: await person('Nguyễn Văn An'), binh: await person('Trần Thị Bình'), cuong: await person('Lê Văn Cường'), dung: await person('Phạm Thị Dung', { status: 'declined' }) };
    await post(`/${c.id}/publish`).expect(200);
    const link = async (attendeeId: string) => (await post(`/${c.id}/attendees/${attendeeId}/links`, {}).expect(201)).body.token as string;
    return { id: c.id as string, s1, s2, ...people, link };
  }

  const QUESTIONS = (s1: string, s2: string) => [
    { id: 'chung', text: 'Mức độ hài lòng chung về lớp học', kind: 'rating' },
    { text: 'Góp ý để lớp học tốt hơn', kind: 'text' },
    { id: 'cd1', text: 'Chuyên đề 1 bổ ích, thiết thực', kind: 'rating', agendaItemId: s1 },
    { id: 'cd2', text: 'Báo cáo viên chuyên đề 2 truyền đạt dễ hiểu', kind: 'rating', agendaItemId: s2 },
  ];

  beforeAll(async () => {
    t = await startApp();
  });
  afterEach(() => {
    clock?.mockRestore();
    clock = undefined;
  });
  afterAll(() => t.close());

  it('sets and reads the form; gives ids to questions without one; only admins and organizers change it; refuses bad forms with codes', async () => {
    const c = await aTraining();
    expect((await get(`/${c.id}/evaluation-form`).expect(200)).body).toEqual({ questions: [], version: 0, responses: 0 });
    const saved = (await put(`/${c.id}/evaluation-form`, { questions: QUESTIONS(c.s1.id, c.s2.id) }).expect(200)).body;
    expect(saved.version).toBe(1);
    expect(saved.questions.map((q: { id: string }) => q.id)).toEqual(['chung', 'q1', 'cd1', 'cd2']);
    expect((await get(`/${c.id}/evaluation-form`, await t.userWithRole('viewer')).expect(200)).body.questions[2]).toEqual({
      id: 'cd1',
      text: 'Chuyên đề 1 bổ ích, thiết thực',
      kind: 'rating',
      agendaItemId: c.s1.id,
    });
    await put(`/${c.id}/evaluation-form`, { questions: [] }, await t.userWithRole('viewer')).expect(403);
    await put(`/${c.id}/evaluation-form`, { questions: QUESTIONS(c.s1.id, c.s2.id) }, await t.userWithRole('organizer')).expect(200);

    const other = await aTraining();
    const cases: [object, string][] = [
      [{ questions: [{ id: 'a', text: 'Câu', kind: 'rating' }, { id: 'a', text: 'Câu', kind: 'text' }] }, 'duplicate_question_id'],
      [{ questions: [{ id: 'có dấu', text: 'Câu', kind: 'rating' }] }, 'invalid_question_id'],
      [{ questions: [{ text: ' ', kind: 'rating' }] }, 'invalid_question_text'],
      [{ questions: [{ text: 'a'.repeat(501), kind: 'text' }] }, 'invalid_question_text'],
      [{ questions: [{ text: 'Câu', kind: 'rating', agendaItemId: other.s1.id }] }, 'agenda_item_not_found'],
      [{ questions: Array.from({ length: 51 }, () => ({ text: 'Câu', kind: 'rating' })) }, 'too_many_questions'],
      [{ questions: [{ text: 'Câu', kind: 'yes-no' }] }, 'not_allowed_value'],
      [{ questions: 'Câu hỏi' }, 'not_a_list'],
    ];
    for (const [body, code] of cases) {
      const res = await put(`/${c.id}/evaluation-form`, body).expect(400);
      expect(res.body.details.map((d: { code: string }) => d.code)).toContain(code);
    }
    await put(`/${'00000000-0000-4000-8000-000000000000'}/evaluation-form`, { questions: [] }).expect(404);
  });

  it('audits every change of the form with what it was and what it became', async () => {
    const c = await aTraining();
    await put(`/${c.id}/evaluation-form`, { questions: QUESTIONS(c.s1.id, c.s2.id) }).expect(200);
    const organizer = await t.userWithRole('organizer');
    await put(`/${c.id}/evaluation-form`, { questions: [{ id: 'chung', text: 'Mức độ hài lòng chung', kind: 'rating' }] }, organizer).expect(200);
    const entries = (await get(`/${c.id}/audit`).expect(200)).body.items.filter((e: { entityType: string }) => e.entityType === 'evaluation_form');
    expect(entries.map((e: { action: string }) => e.action).sort()).toEqual(['create', 'update']);
    const update = entries.find((e: { action: string }) => e.action === 'update');
    expect(update.before).toMatchObject({ version: 1, questions: expect.arrayContaining([expect.objectContaining({ id: 'cd2' })]) });
    expect(update.after).toEqual({ version: 2, questions: [{ id: 'chung', text: 'Mức độ hài lòng chung', kind: 'rating' }] });
  });

  it('copies the form into a clone, with its session questions following the sessions\' copies and no answers', async () => {
    const c = await aTraining();
    await put(`/${c.id}/evaluation-form`, { questions: QUESTIONS(c.s1.id, c.s2.id) }).expect(200);
    const clone = (await post(`/${c.id}/clone`, { startsAt: '2031-07-15T08:00:00+07:00' }).expect(201)).body;
    const items = (await get(`/${clone.id}/agenda-items`).expect(200)).body.items as { id: string; title: string }[];
    const copyOf = (title: string) => items.find((i) => i.title === title)!.id;
    const copied = (await get(`/${clone.id}/evaluation-form`).expect(200)).body;
    expect(copied).toEqual({
      version: 1,
      responses: 0,
      questions: QUESTIONS(copyOf(c.s1.title), copyOf(c.s2.title)).map((q) => ({ ...q, id: q.id ?? 'q1' })),
    });
    expect(copied.questions[2].agendaItemId).not.toBe(c.s1.id);
    const audit = (await get(`/${clone.id}/audit`).expect(200)).body.items.find((e: { action: string }) => e.action === 'clone');
    expect(audit.after).toMatchObject({ copied: { evaluationForm: 1, agendaItems: 2 } });
    // A conference without a form clones into one without a form.
    const bare = await aTraining();
    const bareClone = (await post(`/${bare.id}/clone`, { startsAt: '2031-07-15T08:00:00+07:00' }).expect(201)).body;
    expect((await get(`/${bareClone.id}/evaluation-form`).expect(200)).body).toEqual({ questions: [], version: 0, responses: 0 });
  });

  it('takes answers once through the RSVP link, stores them without who gave them, summarizes and exports them', async () => {
    const c = await aTraining();
    await put(`/${c.id}/evaluation-form`, { questions: QUESTIONS(c.s1.id, c.s2.id) }).expect(200);
    const [an, binh, cuong, dung] = [await c.link(c.an.id), await c.link(c.binh.id), await c.link(c.cuong.id), await c.link(c.dung.id)];

    // Before the start: the form is shown but closed.
    at('07:00');
    expect((await t.http.get(`/api/public/rsvp/${an}/evaluation`).expect(200)).body).toMatchObject({ submitted: false, open: false });
    expect((await answer(an, { chung: 5 }).expect(409)).body.details[0].code).toBe('evaluation_not_open');

    at('10:30');
    const view = (await t.http.get(`/api/public/rsvp/${an}/evaluation`).expect(200)).body;
    expect(view).toMatchObject({ submitted: false, open: true });
    expect(view.questions).toHaveLength(4);
    const bad: [object, string][] = [
      [{ chung: 6 }, 'invalid_rating'],
      [{ chung: 3.5 }, 'invalid_rating'],
      [{ q1: 4 }, 'invalid_text'],
      [{ q1: 'a'.repeat(2001) }, 'text_too_long'],
      [{ khac: 'x' }, 'unknown_question'],
      [{ chung: '', q1: '  ' }, 'no_answers'],
    ];
    for (const [answers, code] of bad) {
      const res = await answer(an, answers).expect(400);
      expect(res.body.details[0]).toMatchObject({ code, message: expect.any(String) });
    }
    await t.http.post(`/api/public/rsvp/${an}/evaluation`).send({ answers: 'năm' }).expect(400);

    expect((await answer(an, { chung: 5, q1: 'Tăng thời lượng thảo luận', cd1: 4, cd2: 5 }).expect(201)).body).toEqual({ submitted: true });
    expect((await answer(an, { chung: 1 }).expect(409)).body.details[0].code).toBe('already_submitted');
    await answer(binh, { chung: 4, cd1: 3 }).expect(201);
    await answer(cuong, { chung: 4, q1: 'Bố trí hội trường tốt' }).expect(201);
    expect((await answer(dung, { chung: 2 }).expect(409)).body.details[0].code).toBe('not_holding_place');
    expect((await t.http.get(`/api/public/rsvp/${an}/evaluation`).expect(200)).body).toMatchObject({ submitted: true, open: false });

    // Anonymity: the responses hold the answers only; who submitted is kept apart.
    const db = t.app.get(DataSource);
    const param = db.options.type === 'postgres' ? '$1' : '?';
    const columns = (await db.query(`SELECT * FROM evaluation_responses WHERE conference_id = ${param}`, [c.id])) as Record<string, unknown>[];
    expect(columns).toHaveLength(3);
    expect(Object.keys(columns[0]).sort()).toEqual(['answers', 'conference_id', 'id']);
    const ids = [c.an.id, c.binh.id, c.cuong.id];
    expect(JSON.stringify(columns).match(new RegExp(ids.join('|')))).toBeNull();
    const submitted = (await db.query(`SELECT attendee_id FROM evaluation_submissions WHERE conference_id = ${param}`, [c.id])) as { attendee_id: string }[];
    expect(submitted.map((s) => s.attendee_id).sort()).toEqual([...ids].sort());

    // The form can grow but not lose an answered question.
    const refused = await put(`/${c.id}/evaluation-form`, { questions: QUESTIONS(c.s1.id, c.s2.id).slice(0, 3) }).expect(409);
    expect(refused.body.details[0].code).toBe('evaluation_form_answered');
    const grown = [...QUESTIONS(c.s1.id, c.s2.id).map((q, i) => (i === 1 ? { ...q, id: 'q1' } : q)), { id: 'them', text: 'Đề xuất chuyên đề cho năm sau', kind: 'text' }];
    expect((await put(`/${c.id}/evaluation-form`, { questions: grown }).expect(200)).body).toMatchObject({ version: 2, responses: 3 });

    const summary = (await get(`/${c.id}/evaluations/summary`).expect(200)).body;
    expect(summary.responses).toBe(3);
    expect(summary.questions.map((q: { id: string }) => q.id)).toEqual(['chung', 'q1', 'them', 'cd1', 'cd2']);
    const byId = Object.fromEntries(summary.questions.map((q: { id: string }) => [q.id, q]));
    expect(byId.chung).toMatchObject({ count: 3, mean: 4.33, distribution: { '1': 0, '2': 0, '3': 0, '4': 2, '5': 1 } });
    expect(byId.q1).toMatchObject({ count: 2, answers: ['Bố trí hội trường tốt', 'Tăng thời lượng thảo luận'] });
    expect(byId.cd1).toMatchObject({ count: 2, mean: 3.5, agendaItemId: c.s1.id, agendaItemTitle: 'Chuyên đề 1: Quốc phòng toàn dân' });
    expect(byId.cd2).toMatchObject({ count: 1, mean: 5 });
    expect(byId.them).toMatchObject({ count: 0, answers: [] });
    await get(`/${c.id}/evaluations/summary`, await t.userWithRole('operator', { bridgePointIds: [] })).expect(403);

    const xlsx = await get(`/${c.id}/evaluations.xlsx`).buffer(true).parse(binary).expect(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const book = new Workbook();
    await book.xlsx.load(xlsx.body as unknown as Parameters<typeof book.xlsx.load>[0]);
    const sheet = book.getWorksheet('Tổng hợp')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['Buổi học', 'Câu hỏi', 'Loại', 'Số trả lời', 'Điểm trung bình', '1', '2', '3', '4', '5']);
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['Chung', 'Mức độ hài lòng chung về lớp học', 'Chấm điểm', 3, 4.33, 0, 0, 0, 2, 1]);
    expect((sheet.getRow(5).values as unknown[]).slice(1, 6)).toEqual(['Chuyên đề 1: Quốc phòng toàn dân', 'Chuyên đề 1 bổ ích, thiết thực', 'Chấm điểm', 2, 3.5]);
    const texts = book.getWorksheet('Ý kiến')!;
    expect(texts.getRow(2).getCell(3).value).toBe('Bố trí hội trường tốt');
    expect(texts.rowCount).toBe(3);
  });

  it('completes, under requireEvaluation, only those who attended enough and submitted', async () => {
    const c = await aTraining({ completionRule: { minAttendancePercent: 50, requireEvaluation: true } });
    await put(`/${c.id}/evaluation-form`, { questions: QUESTIONS(c.s1.id, c.s2.id) }).expect(200);
    at('10:30');
    for (const who of [c.an, c.binh]) await post(`/${c.id}/agenda-items/${c.s1.id}/attendance`, { attendeeId: who.id, status: 'present' }).expect(200);
    await answer(await c.link(c.an.id), { chung: 5 }).expect(201);
    await answer(await c.link(c.cuong.id), { chung: 3 }).expect(201);
    const all = (await get(`/${c.id}/completions`).expect(200)).body.items as { fullName: string; evaluationSubmitted: boolean; completed: boolean }[];
    expect(Object.fromEntries(all.map((r) => [r.fullName, [r.evaluationSubmitted, r.completed]]))).toEqual({
      'Nguyễn Văn An': [true, true],
      'Trần Thị Bình': [false, false],
      'Lê Văn Cường': [true, false],
    });
    const done = (await get(`/${c.id}/completions?completed=true`).expect(200)).body;
    expect(done.items.map((r: { fullName: string }) => r.fullName)).toEqual(['Nguyễn Văn An']);
    expect(done.total).toBe(1);
    const notDone = (await get(`/${c.id}/completions?completed=false`).expect(200)).body;
    expect(notDone.items.map((r: { fullName: string }) => r.fullName).sort()).toEqual(['Lê Văn Cường', 'Trần Thị Bình']);
    // Certificates follow the same judgement: only An, who attended enough and answered.
    const office = { office: 'Trường Chính trị tỉnh Bắc Ninh', signerName: 'Nguyễn Văn Hiệu', signerTitle: 'Hiệu trưởng', place: 'Bắc Ninh' };
    expect((await post(`/${c.id}/certificates`, office).expect(200)).body).toEqual({ issued: 1, alreadyIssued: 0 });
    const issued = (await get(`/${c.id}/certificates`).expect(200)).body.items as { holderName: string }[];
    expect(issued.map((cert) => cert.holderName)).toEqual(['Nguyễn Văn An']);
    // Bình (one session of two: 50 %) answers later; the next issue gives her hers, An none again, Cường (no session) none.
    await answer(await c.link(c.binh.id), { chung: 4 }).expect(201);
    expect((await post(`/${c.id}/certificates`, office).expect(200)).body).toEqual({ issued: 1, alreadyIssued: 1 });
  });

  it('shows the form on the RSVP page and takes it as a form post, then thanks', async () => {
    const c = await aTraining();
    const token = await c.link(c.an.id);
    at('10:30');
    expect((await t.http.get(`/rsvp/${token}`).expect(200)).text).not.toContain('Phiếu đánh giá');
    await put(`/${c.id}/evaluation-form`, { questions: QUESTIONS(c.s1.id, c.s2.id) }).expect(200);
    const page = (await t.http.get(`/rsvp/${token}`).expect(200)).text;
    expect(page).toContain(`action="/rsvp/${token}/evaluation"`);
    expect(page).toContain('Mức độ hài lòng chung về lớp học');
    expect(page).toContain('name="dg-q1"');

    const wrong = await form(`/rsvp/${token}/evaluation`, { 'dg-chung': '9', 'dg-q1': 'Tốt' }).expect(400);
    expect(wrong.text).toContain('vui lòng chọn mức đánh giá từ 1 đến 5');
    expect(wrong.text).toContain('Tốt');
    const empty = await form(`/rsvp/${token}/evaluation`, { 'dg-chung': '' }).expect(400);
    expect(empty.text).toContain('Vui lòng trả lời ít nhất một câu hỏi.');

    const sent = await form(`/rsvp/${token}/evaluation`, { 'dg-chung': '4', 'dg-q1': 'Nội dung thiết thực', 'dg-cd1': '5' }).expect(303);
    expect(sent.headers.location).toBe(`/rsvp/${token}?xong=danh-gia#danh-gia`);
    const thanked = (await t.http.get(sent.headers.location).expect(200)).text;
    expect(thanked).toContain('Cảm ơn đồng chí đã gửi phiếu đánh giá.');
    expect(thanked).not.toContain(`action="/rsvp/${token}/evaluation"`);
    const again = await form(`/rsvp/${token}/evaluation`, { 'dg-chung': '1' }).expect(409);
    expect(again.text).toContain('Cảm ơn đồng chí đã gửi phiếu đánh giá.');
    expect((await get(`/${c.id}/evaluations/summary`).expect(200)).body.questions[0]).toMatchObject({ id: 'chung', count: 1, mean: 4 });
  });
});
