import { DataSource } from 'typeorm';
import { DEMO_TRAINING_FILE, DemoSeeder } from '../../src/seeding/demo-seeder';
import { SeedingService } from '../../src/seeding/seeding.service';
import { TransactionRunner } from '../../src/database/transaction-runner';
import { startApp, TestApp } from '../harness';

describe('seeding', () => {
  let t: TestApp;
  let db: DataSource;
  const counts = async () => {
    const [units] = await db.query('SELECT COUNT(*) AS n FROM administrative_units');
    const [forms] = await db.query('SELECT COUNT(*) AS n FROM award_forms');
    const [users] = await db.query('SELECT COUNT(*) AS n FROM users');
    return { units: Number(units.n), forms: Number(forms.n), users: Number(users.n) };
  };

  beforeAll(async () => {
    t = await startApp();
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  it('seeded 63 + 34 provinces, 3,321 communes, the award forms and one admin on first start', async () => {
    const [byLevel] = await db.query(
      "SELECT SUM(CASE WHEN unit_set = 'vn-63' THEN 1 ELSE 0 END) AS p63, " +
        "SUM(CASE WHEN unit_set = 'vn-34' AND level = 'province' THEN 1 ELSE 0 END) AS p34, " +
        "SUM(CASE WHEN level = 'commune' THEN 1 ELSE 0 END) AS communes FROM administrative_units",
    );
    expect({ p63: Number(byLevel.p63), p34: Number(byLevel.p34), communes: Number(byLevel.communes) }).toEqual({
      p63: 63,
      p34: 34,
      communes: 3321,
    });
    expect(await counts()).toEqual({ units: 3418, forms: 16, users: 1 });
  });

  it('changes nothing when run again, and puts back a corrected name', async () => {
    const before = await counts();
    await db.query("UPDATE administrative_units SET name = 'Sai tên' WHERE unit_set = 'vn-34' AND code = '24'");
    const report = await t.app.get(SeedingService).seed();
    expect(report).toEqual({ administrativeUnits: 3418, awardForms: 16, adminCreated: false, demoCreated: false });
    expect(await counts()).toEqual(before);
    const [unit] = await db.query("SELECT name, search_key FROM administrative_units WHERE unit_set = 'vn-34' AND code = '24'");
    expect(unit).toEqual({ name: 'Bắc Ninh', search_key: 'bac ninh' });
  });

  it('seeds the demo conference once: online, 15 July 2022, Hà Nội to the 63 provinces, with its agenda', async () => {
    const seeder = t.app.get(DemoSeeder);
    const tx = t.app.get(TransactionRunner);
    expect(await tx.transaction((m) => seeder.seed(m, null))).toBe(true);
    expect(await tx.transaction((m) => seeder.seed(m, null))).toBe(false);
    const id = seeder.read().conference.id;
    const bearer = { type: 'bearer' as const };
    const c = await t.http.get(`/api/conferences/${id}`).auth(t.adminToken, bearer).expect(200);
    expect(c.body).toMatchObject({
      title: 'Hội nghị toàn quốc sơ kết công tác dân vận 6 tháng đầu năm 2022',
      format: 'online',
      status: 'completed',
      startsAt: '2022-07-15T01:00:00.000Z',
    });
    const s = await t.http.get(`/api/conferences/${id}/bridge-points/summary`).auth(t.adminToken, bearer).expect(200);
    expect(s.body).toMatchObject({ total: 64, byConfirmation: { confirmed: 64, pending: 0, declined: 0 } });
    expect(s.body.byProvince).toHaveLength(63);
    const [agenda] = await db.query(`SELECT COUNT(*) AS n FROM agenda_items WHERE conference_id = '${id}'`);
    expect(Number(agenda.n)).toBe(6);
    const kinds = (await db.query(`SELECT kind FROM agenda_items WHERE conference_id = '${id}' ORDER BY position`)).map(
      (r: { kind: string }) => r.kind,
    );
    expect(kinds).toEqual(expect.arrayContaining(['report', 'discussion', 'conclusion', 'award_ceremony']));
  });

  it('gives the demo conference its award decisions and approved minutes, once, ready to download', async () => {
    const seeding = t.app.get(SeedingService);
    const id = t.app.get(DemoSeeder).read().conference.id;
    await seeding.seedDemo();
    const bearer = { type: 'bearer' as const };
    const decisions = await t.http.get(`/api/conferences/${id}/award-decisions`).auth(t.adminToken, bearer).expect(200);
    expect(decisions.body.items.map((d: { number: string }) => d.number).sort()).toEqual(['1026/QĐ-TTg', '15/QĐ-BDVTW']);
    const minutes = await t.http.get(`/api/conferences/${id}/minutes`).auth(t.adminToken, bearer).expect(200);
    expect(minutes.body).toMatchObject({ status: 'approved', contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const recipients = decisions.body.items.flatMap((d: { recipients: { name: string }[] }) => d.recipients.map((r) => r.name));
    expect(JSON.stringify(minutes.body.sections)).toEqual(expect.stringContaining(recipients[0]));

    const notice = await t.http.get(`/api/conferences/${id}/conclusion-notice`).auth(t.adminToken, bearer).expect(200);
    const conference = (await t.http.get(`/api/conferences/${id}`).auth(t.adminToken, bearer).expect(200)).body;
    // Dated a few days after the conference, numbered as the office's next notice.
    const threeDaysLater = new Date(new Date(conference.endsAt).getTime() + 3 * 24 * 3600 * 1000);
    const issued = new Intl.DateTimeFormat('en-CA', { timeZone: conference.timezone }).format(threeDaysLater);
    expect(notice.body).toMatchObject({ number: expect.stringMatching(/^53\/TB-/), sections: { header: { date: issued } } });

    const tables = ['award_decisions', 'award_recipients', 'minutes', 'minutes_revisions', 'action_items', 'conclusion_notices'];
    const count = async () => Promise.all(tables.map(async (table) => Number((await db.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n)));
    const before = await count();
    expect(await seeding.seedDemo()).toBe(false);
    expect(await count()).toEqual(before);

    const pdf = await t.http.get(`/api/conferences/${id}/minutes.pdf`).auth(t.adminToken, bearer).expect(200);
    expect(pdf.headers['content-type']).toMatch(/application\/pdf/);
    await t.http.get(`/api/conferences/${id}/minutes.docx`).auth(t.adminToken, bearer).expect(200);
    await t.http.get(`/api/conferences/${id}/awards.docx`).auth(t.adminToken, bearer).expect(200);
    const noticePdf = await t.http.get(`/api/conferences/${id}/conclusion-notice.pdf`).auth(t.adminToken, bearer).expect(200);
    expect(noticePdf.headers['content-type']).toMatch(/application\/pdf/);
  });

  it('adds the conclusion notice to a demo whose minutes were seeded before notices were', async () => {
    const seeding = t.app.get(SeedingService);
    const id = t.app.get(DemoSeeder).read().conference.id;
    await seeding.seedDemo();
    await db.query(`DELETE FROM conclusion_notices WHERE conference_id = '${id}'`);
    expect(await seeding.seedDemo()).toBe(false);
    const [{ n }] = await db.query(`SELECT COUNT(*) AS n FROM conclusion_notices WHERE conference_id = '${id}'`);
    expect(Number(n)).toBe(1);
    const [{ m }] = await db.query(`SELECT COUNT(*) AS m FROM minutes WHERE conference_id = '${id}'`);
    expect(Number(m)).toBe(1);
  });

  describe('the training demo', () => {
    const bearer = { type: 'bearer' as const };
    const get = (path: string) => t.http.get(path).auth(t.adminToken, bearer).expect(200);
    const trainingTables = ['attendees', 'session_attendances', 'evaluation_forms', 'evaluation_responses', 'evaluation_submissions', 'certificates', 'certificate_registers'];
    const tableCounts = async () => Promise.all(trainingTables.map(async (table) => Number((await db.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n)));
    let id: string;

    beforeAll(async () => {
      id = t.app.get(DemoSeeder).read(DEMO_TRAINING_FILE).conference.id;
      await t.app.get(SeedingService).seedDemo();
    });

    it('is the in-person training of Ban Dân vận Tỉnh ủy Hà Tĩnh on the morning of 21 October 2022, with two sessions', async () => {
      const c = (await get(`/api/conferences/${id}`)).body;
      expect(c).toMatchObject({
        title: 'Hội nghị tập huấn, bồi dưỡng chuyên môn nghiệp vụ công tác dân vận năm 2022',
        kind: 'training',
        format: 'in_person',
        status: 'completed',
        hostOrganization: 'Ban Dân vận Tỉnh ủy Hà Tĩnh',
        startsAt: '2022-10-21T00:30:00.000Z',
        endsAt: '2022-10-21T04:30:00.000Z',
        completionRule: { minAttendancePercent: 100, requireEvaluation: false },
      });
      const points = (await get(`/api/conferences/${id}/bridge-points`)).body.items;
      expect(points).toEqual([expect.objectContaining({ name: 'Hội trường Tỉnh ủy Hà Tĩnh', isMain: true, checkedInAttendees: 296 })]);
      const agenda = (await get(`/api/conferences/${id}/agenda-items`)).body.items;
      expect(agenda.map((i: { kind: string; attendanceRequired: boolean }) => [i.kind, i.attendanceRequired])).toEqual([
        ['opening', false],
        ['presentation', true],
        ['closing', true],
      ]);
      const attendees = (await get(`/api/conferences/${id}/attendees?pageSize=500`)).body;
      expect(attendees.total).toBe(300);
      const people = attendees.items as { fullName: string; email: string; organization: string }[];
      expect(people.every((p) => p.email.endsWith('@demo.hoinghi.local'))).toBe(true);
      expect(people.map((p) => p.fullName)).toContainEqual(expect.stringMatching(/[ăâđêôơưĂÂĐÊÔƠƯ]/));
      expect(new Set(people.map((p) => p.organization))).toContain('Ban Dân vận Huyện ủy Đức Thọ');
    });

    it('took attendance at both sessions: a few late to the first, a few gone before the second, four who did not come', async () => {
      const sessions = (await get(`/api/conferences/${id}/agenda-items`)).body.items.filter((i: { attendanceRequired: boolean }) => i.attendanceRequired);
      const totals = await Promise.all(sessions.map(async (s: { id: string }) => (await get(`/api/conferences/${id}/agenda-items/${s.id}/attendance`)).body.totals));
      expect(totals).toEqual([
        { present: 287, late: 9, excused: 0, absent: 4, unmarked: 0 },
        { present: 289, late: 0, excused: 5, absent: 6, unmarked: 0 },
      ]);
      const all = (await get(`/api/conferences/${id}/completions?pageSize=500`)).body;
      expect(all).toMatchObject({ total: 300, sessionsRequired: 2 });
      const done = (await get(`/api/conferences/${id}/completions?completed=true`)).body;
      expect(done.total).toBe(289);
    });

    it('issued numbered certificates to those who completed, each verifiable by its code', async () => {
      const certificates = (await get(`/api/conferences/${id}/certificates`)).body.items;
      expect(certificates).toHaveLength(289);
      expect(certificates.map((c: { number: string }) => c.number)).toEqual(Array.from({ length: 289 }, (_, i) => `${i + 1}/2022/GCN`));
      expect(certificates[0]).toMatchObject({
        status: 'valid',
        issuerOffice: 'Ban Dân vận Tỉnh ủy Hà Tĩnh',
        signerName: 'Trương Thanh Huyền',
        signerTitle: 'Trưởng ban',
        place: 'Hà Tĩnh',
        issuedAt: '2022-10-21T08:00:00.000Z',
      });
      const verified = (await t.http.get(`/api/public/certificates/${certificates[0].code}`).expect(200)).body;
      expect(verified).toMatchObject({
        status: 'valid',
        holderName: certificates[0].holderName,
        conferenceTitle: 'Hội nghị tập huấn, bồi dưỡng chuyên môn nghiệp vụ công tác dân vận năm 2022',
        number: '1/2022/GCN',
        issuer: 'Ban Dân vận Tỉnh ủy Hà Tĩnh',
      });
    });

    it('has the evaluations of most people who came, one rating question per session', async () => {
      const summary = (await get(`/api/conferences/${id}/evaluations/summary`)).body;
      expect(summary.responses).toBe(258);
      const questions = summary.questions as { kind: string; count: number; agendaItemId?: string; mean?: number; answers?: string[] }[];
      const ratings = questions.filter((q) => q.kind === 'rating');
      const [text] = questions.filter((q) => q.kind === 'text');
      expect(ratings).toHaveLength(3);
      expect(ratings.filter((q) => q.agendaItemId)).toHaveLength(2);
      for (const q of ratings) {
        expect(q.count).toBe(258);
        expect(q.mean).toBeGreaterThan(4);
      }
      expect(text.count).toBeGreaterThan(0);
      expect(text.count).toBeLessThan(258);
      expect(text.answers).toHaveLength(text.count);
    });

    it('changes nothing when seeded again', async () => {
      const before = await tableCounts();
      const [register] = await db.query("SELECT last_number FROM certificate_registers WHERE office = 'Ban Dân vận Tỉnh ủy Hà Tĩnh' AND year = 2022");
      expect(await t.app.get(SeedingService).seedDemo()).toBe(false);
      expect(await tableCounts()).toEqual(before);
      expect(await db.query("SELECT last_number FROM certificate_registers WHERE office = 'Ban Dân vận Tỉnh ủy Hà Tĩnh' AND year = 2022")).toEqual([register]);
      expect(Number(register.last_number)).toBe(289);
    });
  });
});
