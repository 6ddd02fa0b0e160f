import { DataSource } from 'typeorm';
import { SeedingService } from '../../src/seeding/seeding.service';
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
    expect(report).toEqual({ administrativeUnits: 3418, awardForms: 16, adminCreated: false });
    expect(await counts()).toEqual(before);
    const [unit] = await db.query("SELECT name, search_key FROM administrative_units WHERE unit_set = 'vn-34' AND code = '24'");
    expect(unit).toEqual({ name: 'Bắc Ninh', search_key: 'bac ninh' });
  });
});
