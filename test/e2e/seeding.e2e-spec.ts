import { DataSource } from 'typeorm';
import { DemoSeeder } from '../../src/seeding/demo-seeder';
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
});
