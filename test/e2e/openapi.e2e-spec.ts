import { RequestMethod } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { Response } from 'supertest';
import { MailDispatcher } from '../../src/mail/mail-dispatcher';
import { aConference, aMainPoint, anAgendaItem, anAwardDecision, anAwardRecipient } from '../factories';
import { startApp, TestApp } from '../harness';
import { Answer, OpenApiAnswers } from '../openapi-schemas';
import { SmtpSink } from '../smtp-sink';

/* eslint-disable @typescript-eslint/no-explicit-any */

const bearer = { type: 'bearer' as const };
/** Operations whose success answers are not documented yet, each with the reason. */
const NOT_YET_DOCUMENTED: Record<string, string> = {};

/** Success statuses a route answers besides its own (routes that set the status themselves). */
const ALSO_ANSWERS: Record<string, number[]> = {
  // More than 2,000 rows: 202, and the import goes on in the background.
  'POST /api/conferences/{id}/attendees/import': [202],
};

interface Operation {
  key: string;
  operationId: string;
  responses: Record<string, { description?: string; content?: Record<string, { schema?: any }> }>;
}

function apiOperations(doc: any): Operation[] {
  return Object.entries<any>(doc.paths)
    .filter(([path]) => path.startsWith('/api/'))
    .flatMap(([path, item]) =>
      Object.entries<any>(item).map(([method, op]) => ({
        key: `${method.toUpperCase()} ${path}`,
        operationId: op.operationId,
        responses: op.responses ?? {},
      })),
    );
}

/** The status each controller method answers with unless it sets one itself: its @HttpCode, else 201 for POST, 200 otherwise. */
function ownStatuses(t: TestApp): Map<string, number> {
  const statuses = new Map<string, number>();
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (!metatype) continue;
      const prototype = metatype.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method: RequestMethod | undefined = Reflect.getMetadata(METHOD_METADATA, handler);
        if (method === undefined) continue;
        const status = Reflect.getMetadata(HTTP_CODE_METADATA, handler) ?? (method === RequestMethod.POST ? 201 : 200);
        statuses.set(`${metatype.name}_${name}`, status);
      }
    }
  }
  return statuses;
}

const answerOf = (res: Response): Answer => ({
  status: res.status,
  body: res.body,
  headers: res.headers,
  req: { method: res.request.method, path: new URL(res.request.url).pathname },
});

describe('the OpenAPI document (/docs-json)', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let doc: any;
  let answers: OpenApiAnswers;

  beforeAll(async () => {
    smtp = new SmtpSink();
    await smtp.start();
    t = await startApp({ SMTP_URL: smtp.url, MAIL_RATE_PER_SECOND: '0' });
    doc = (await t.http.get('/docs-json').expect(200)).body;
    answers = new OpenApiAnswers(doc);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('documents the success answer of every /api operation: a schema for each content type, no content for 204', () => {
    const missing: string[] = [];
    for (const op of apiOperations(doc)) {
      if (NOT_YET_DOCUMENTED[op.key]) continue;
      const successes = Object.entries(op.responses).filter(([status]) => /^2\d\d$/.test(status));
      if (successes.length === 0) missing.push(`${op.key}: no 2xx answer`);
      for (const [status, response] of successes) {
        const content = Object.entries(response.content ?? {});
        if (status === '204') {
          if (content.length > 0) missing.push(`${op.key} 204: content documented for no content`);
          if (!response.description) missing.push(`${op.key} 204: no description`);
          continue;
        }
        if (content.length === 0) missing.push(`${op.key} ${status}: no content documented`);
        for (const [media, { schema }] of content) {
          if (!schema || (!schema.$ref && !schema.type && !schema.allOf && !schema.oneOf && !schema.anyOf)) {
            missing.push(`${op.key} ${status} ${media}: no schema`);
          } else if (media === 'application/json') {
            const [method, path] = op.key.split(' ');
            // Compiling resolves every reference: a schema naming a missing model fails here.
            answers.validatorOf(path, method.toLowerCase(), Number(status), media);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('documents, for every /api operation, the success status its route answers with', () => {
    const own = ownStatuses(t);
    const wrong: string[] = [];
    for (const op of apiOperations(doc)) {
      if (NOT_YET_DOCUMENTED[op.key]) continue;
      const expected = own.get(op.operationId);
      if (expected === undefined) {
        wrong.push(`${op.key}: no controller method ${op.operationId}`);
        continue;
      }
      const documented = Object.keys(op.responses).filter((s) => /^2\d\d$/.test(s)).map(Number).sort();
      const allowed = [expected, ...(ALSO_ANSWERS[op.key] ?? [])].sort();
      if (JSON.stringify(documented) !== JSON.stringify(allowed)) {
        wrong.push(`${op.key}: answers ${allowed.join(', ')}, documented ${documented.join(', ') || 'none'}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('lists as not yet documented, or as answering other statuses, only operations that exist', () => {
    const operations = new Map(apiOperations(doc).map((op) => [op.key, op]));
    const stale = Object.keys(NOT_YET_DOCUMENTED).filter((key) => !operations.has(key));
    expect(stale).toEqual([]);
    expect(Object.keys(ALSO_ANSWERS).filter((key) => !operations.has(key))).toEqual([]);
  });

  describe('real answers, to data created through the API, match the documented schemas', () => {
    /** Every answer seen, checked at the end of the test that made it. */
    let seen: Answer[] = [];
    const c: Record<string, any> = {};

    const send = async (req: PromiseLike<Response>, status: number) => {
      const res = await req;
      if (res.status !== status) throw new Error(`${res.request.method} ${res.request.url} answered ${res.status}: ${JSON.stringify(res.body)}`);
      seen.push(answerOf(res));
      return res.body;
    };
    const get = (path: string) => send(t.http.get(path).auth(t.adminToken, bearer), 200);
    const post = (path: string, body: object, status = 201) => send(t.http.post(path).auth(t.adminToken, bearer).send(body), status);
    const problems = () => {
      const found = seen.flatMap((answer) => answers.problems(answer));
      const checked = seen.length;
      seen = [];
      return { checked, found };
    };

    // A failed test leaves its answers unchecked: the next test starts afresh.
    afterEach(() => {
      seen = [];
    });

    beforeAll(async () => {
      const conference = await post('/api/conferences', aConference({ registration: { enabled: true, capacity: 100 } }));
      c.id = conference.id;
      c.base = `/api/conferences/${c.id}`;
      c.main = await post(`${c.base}/bridge-points`, aMainPoint({ expectedAttendees: 80, contactEmail: 'ky.thuat@dvtw.vn' }));
      c.units = await post(`${c.base}/bridge-points`, { administrativeUnitSet: 'vn-34' });
      c.list = await post(`${c.base}/bridge-points`, { items: [{ name: 'Điểm cầu Sở Nội vụ', level: 'other', parentId: c.main.id }] });
      c.speaker = await post('/api/speakers', { fullName: 'Trần Văn Minh', title: 'Trưởng Ban Dân vận Trung ương' });
      c.agenda = await post(`${c.base}/agenda-items`, anAgendaItem('2025-07-15', '08:00', '08:30', { kind: 'opening', speakerIds: [c.speaker.id] }));
      c.mai = await post(`${c.base}/attendees`, { fullName: 'Lê Thị Mai', bridgePointId: c.main.id, email: 'mai@dvtw.vn' });
      c.hung = await post(`${c.base}/attendees`, { fullName: 'Đỗ Văn Hùng', bridgePointId: c.main.id, title: 'Chuyên viên' });
      c.decision = await post(`${c.base}/award-decisions`, anAwardDecision({ recipients: [anAwardRecipient({ bridgePointId: c.main.id })] }));
      await post(`${c.base}/publish`, {}, 200);
      await post(`${c.base}/invitations`, { scope: 'all' }, 202);
    });

    it('the answers that created the data', () => {
      expect(problems()).toEqual({ checked: 11, found: [] });
    });

    it('conference detail and list, and the audit trail', async () => {
      await get(c.base);
      const page = await get(`/api/conferences?q=${encodeURIComponent('dân vận')}`);
      expect(page.items.map((x: { id: string }) => x.id)).toContain(c.id);
      await get(`${c.base}/audit`);
      expect(problems()).toEqual({ checked: 3, found: [] });
    });

    it('bridge points: list, detail, summary, confirmation, connection check, attendance, contacts import and links', async () => {
      const page = await get(`${c.base}/bridge-points?pageSize=500`);
      expect(page.total).toBe(36);
      const province = page.items.find((p: { administrativeUnitCode: string | null }) => p.administrativeUnitCode === '24');
      await get(`${c.base}/bridge-points/${province.id}`);
      await post(`${c.base}/bridge-points/${province.id}/confirm`, { chairName: 'Nguyễn Văn An', contactPhone: '0912 345 678' }, 200);
      await post(`${c.base}/bridge-points/${province.id}/connection-checks`, { result: 'degraded', note: 'Âm thanh rè' });
      await get(`${c.base}/bridge-points/${province.id}/connection-checks`);
      await post(`${c.base}/bridge-points/${province.id}/attendance`, { actualAttendees: 45 }, 200);
      await get(`${c.base}/bridge-points/summary`);
      const importContacts = (csv: string, status: number, query = '') =>
        send(
          t.http
            .post(`${c.base}/bridge-points/contacts/import${query}`)
            .auth(t.adminToken, bearer)
            .attach('file', Buffer.from(csv, 'utf8'), 'diem-cau.csv'),
          status,
        );
      // The second row names a province vn-34 no longer has: the report warns that it was read as Bắc Ninh.
      const contacts = '\ufeffĐiểm cầu,Người chủ trì,Email,Số điện thoại\n1,Nguyễn Văn Hùng,vp@hanoi.gov.vn,0912 345 670\nBắc Giang,,,0912 345 671\n';
      const dryRun = await importContacts(contacts, 201, '?dryRun=true');
      expect(dryRun).toMatchObject({ updated: 2, warnings: [{ code: 'former_province' }] });
      await importContacts(contacts, 201);
      await importContacts('Điểm cầu,Email\nHà Tây,khong-phai-email\n', 400);
      const link = await post(`${c.base}/bridge-points/${c.main.id}/links`, { sendEmail: false });
      const links = await post(`${c.base}/bridge-points/links`, { provinceCode: '24', send: false });
      expect(links).toMatchObject({ queued: 0, withoutEmail: [{ name: 'Điểm cầu tỉnh Bắc Ninh' }] });
      await get(`/api/public/bridge-points/${link.token}`);
      await post(`/api/public/bridge-points/${link.token}/confirm`, {}, 200);
      expect(problems()).toEqual({ checked: 14, found: [] });
    });

    it('agenda items and speakers', async () => {
      await get(`${c.base}/agenda-items`);
      await get('/api/speakers');
      await get(`/api/speakers/${c.speaker.id}`);
      await get(`/api/speakers/${c.speaker.id}/agenda-items`);
      expect(problems()).toEqual({ checked: 4, found: [] });
    });

    it('attendees: list, detail, RSVP and calendar links, check-ins, import report, self-registration', async () => {
      await get(`${c.base}/attendees`);
      await get(`${c.base}/attendees/${c.mai.id}`);
      const rsvp = await post(`${c.base}/attendees/${c.mai.id}/links`, {});
      await get(`/api/public/rsvp/${rsvp.token}`);
      await post(`/api/public/rsvp/${rsvp.token}/accept`, {}, 200);
      await post(`${c.base}/attendees/${c.mai.id}/calendar-link`, {});
      await post(`${c.base}/attendees/${c.hung.id}/check-in`, {}, 200);
      await post(`${c.base}/attendees/check-in`, { codes: [c.hung.code, c.mai.code, 'KHONGCO'] }, 200);
      // The second row has no name: the report lists it among its errors.
      const csv = Buffer.from('\ufeffHọ và tên,Email\nPhạm Thị Thu,thu@dvtw.vn\n,khong-ten@dvtw.vn\n', 'utf8');
      const report = await send(
        t.http.post(`${c.base}/attendees/import?bridgePointId=${c.main.id}`).auth(t.adminToken, bearer).attach('file', csv, 'dai-bieu.csv'),
        201,
      );
      expect(report).toMatchObject({ created: 1, rejected: 1 });
      await send(t.http.get(`/api/public/conferences/${c.id}/registration`), 200);
      await send(t.http.post(`/api/public/conferences/${c.id}/registration`).send({ bridgePointId: c.main.id, fullName: 'Vũ Văn Đăng Ký', email: 'dang.ky@dvtw.vn' }), 202);
      expect(problems()).toEqual({ checked: 11, found: [] });
    });

    it('deliveries: list, one with its attempts, resent', async () => {
      await t.app.get(MailDispatcher).drain();
      const page = await get(`${c.base}/deliveries?status=sent`);
      expect(page.items.length).toBeGreaterThan(0);
      const delivery = await get(`${c.base}/deliveries/${page.items[0].id}`);
      expect(delivery.log).toHaveLength(1);
      await post(`${c.base}/deliveries/${delivery.id}/resend`, {}, 202);
      expect(problems()).toEqual({ checked: 3, found: [] });
    });

    it('users, administrative units, award forms, decisions and recipient imports, the status board', async () => {
      const users = await get('/api/users');
      await get(`/api/users/${users.items[0].id}`);
      await get('/api/auth/me');
      await get('/api/administrative-units?set=vn-34');
      await get('/api/administrative-units?set=vn-63&q=bac');
      await get('/api/administrative-units?level=commune&parentCode=24&pageSize=500');
      await get('/api/administrative-units/24');
      await get('/api/award-forms');
      await get(`${c.base}/award-decisions`);
      await get(`${c.base}/award-decisions/${c.decision.id}`);
      const importRecipients = (csv: string, status: number, query = '') =>
        send(
          t.http
            .post(`${c.base}/award-decisions/${c.decision.id}/recipients/import${query}`)
            .auth(t.adminToken, bearer)
            .attach('file', Buffer.from(csv, 'utf8'), 'khen-thuong.csv'),
          status,
        );
      await importRecipients('Loại,Họ và tên,Đơn vị\nCá nhân,Hà Văn Nam,Tỉnh ủy Bắc Ninh\n', 201, '?dryRun=true');
      await importRecipients('Loại,Họ và tên\nKhông rõ,Hà Văn Nam\n', 400);
      await get(`${c.base}/board`);
      expect(problems()).toEqual({ checked: 13, found: [] });
    });

    it('action items: created, changed with a progress note, listed per conference and per assignee', async () => {
      c.item = await post(`${c.base}/action-items`, {
        description: 'Tổng kết 10 năm thực hiện Quy chế dân chủ ở cơ sở',
        assignee: 'Tỉnh ủy Bắc Ninh',
        assigneeAdministrativeUnitCode: '24',
        deadline: '2025-12-31',
      });
      await post(`${c.base}/action-items`, { description: 'Báo cáo kết quả hội nghị', assignee: 'Văn phòng Ban', assigneeBridgePointId: c.main.id });
      const done = await send(
        t.http
          .patch(`${c.base}/action-items/${c.item.id}`)
          .auth(t.adminToken, bearer)
          .send({ version: 1, status: 'done', progressNote: 'Đã tổ chức hội nghị tổng kết' }),
        200,
      );
      expect(done).toMatchObject({ status: 'done', progressNote: 'Đã tổ chức hội nghị tổng kết', doneAt: expect.any(String) });
      const page = await get(`${c.base}/action-items`);
      expect(page.total).toBe(2);
      await get(`${c.base}/action-items?include=carried_over`);
      const across = await get('/api/action-items?assigneeAdministrativeUnitCode=24');
      expect(across.items.map((x: { id: string }) => x.id)).toContain(c.item.id);
      expect(problems()).toEqual({ checked: 6, found: [] });
    });

    it('minutes: drafted, edited, approved, reopened, approved again, and their revisions', async () => {
      const minutes = await post(`${c.base}/minutes`, { secretaryName: 'Nguyễn Thị Lan', secretaryTitle: 'Chuyên viên', number: '15' });
      // Every nested section is filled, so that each of their schemas is checked against real data.
      expect(minutes.sections.bridgePoints.items.length).toBeGreaterThan(0);
      expect(minutes.sections.composition.delegatesByBridgePoint[0].delegates.length).toBeGreaterThan(0);
      expect(minutes.sections.proceedings[0].speakers).toHaveLength(1);
      expect(minutes.sections.awards[0].recipients).toHaveLength(1);
      expect(minutes.sections.actionItems).toHaveLength(2);
      await get(`${c.base}/minutes`);
      const patch = (path: string, body: object) => send(t.http.patch(path).auth(t.adminToken, bearer).send(body), 200);
      const edited = await patch(`${c.base}/minutes`, {
        version: 1,
        sections: {
          header: { ...minutes.sections.header, superiorBody: 'Ban Chấp hành Trung ương' },
          conclusions: ['Hội nghị thống nhất đánh giá kết quả công tác dân vận 6 tháng đầu năm 2025.'],
        },
        refreshActionItems: true,
      });
      const approved = await post(`${c.base}/minutes/approve`, { version: edited.version }, 200);
      expect(approved).toMatchObject({ status: 'approved', approvedAt: expect.any(String), contentHash: expect.any(String) });
      const reopened = await post(`${c.base}/minutes/reopen`, { version: approved.version, reason: 'Bổ sung ý kiến kết luận' }, 200);
      await post(`${c.base}/minutes/approve`, { version: reopened.version }, 200);
      const revisions = await get(`${c.base}/minutes/revisions`);
      expect(revisions.items.map((r: { reason: string }) => r.reason)).toEqual(['draft', 'edit', 'reopen']);
      expect(problems()).toEqual({ checked: 7, found: [] });
    });

    it('conclusion notice: drafted from the approved minutes, read, edited', async () => {
      const notice = await post(`${c.base}/conclusion-notice`, { number: '20' });
      expect(notice.sections.actionItems).toHaveLength(2);
      expect(notice.sections.conclusions).toHaveLength(1);
      await get(`${c.base}/conclusion-notice`);
      await send(
        t.http
          .patch(`${c.base}/conclusion-notice`)
          .auth(t.adminToken, bearer)
          .send({ version: notice.version, sections: { signer: { authority: 'TL. TRƯỞNG BAN', title: 'CHÁNH VĂN PHÒNG', name: 'Nguyễn Văn Hùng' } } }),
        200,
      );
      expect(problems()).toEqual({ checked: 3, found: [] });
    });

    it('the minutes and the conclusion notice as files answer with their documented content types', async () => {
      const files = ['minutes.docx', 'minutes.pdf', 'conclusion-notice.docx', 'conclusion-notice.pdf'];
      for (const file of files) {
        seen.push(answerOf(await t.http.get(`${c.base}/${file}`).auth(t.adminToken, bearer).buffer(true).expect(200)));
      }
      expect(problems()).toEqual({ checked: 4, found: [] });
    });

    it('files answer with their documented content type', async () => {
      const files = [`${c.base}/attendees/export.csv`, `${c.base}/attendees/export.xlsx`, `${c.base}/awards.docx`, `${c.base}/calendar.ics`];
      for (const path of files) {
        seen.push(answerOf(await t.http.get(path).auth(t.adminToken, bearer).buffer(true).expect(200)));
      }
      expect(problems()).toEqual({ checked: 4, found: [] });
    });
  });
});
