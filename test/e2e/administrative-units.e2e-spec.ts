import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startApp, TestApp } from '../harness';

/** Counts of communes per province, read from the seed file itself. */
function communesPerProvince(): Map<string, number> {
  const lines = readFileSync(join(__dirname, '../../seeds/administrative-units/communes-34.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  const counts = new Map<string, number>();
  for (const line of lines) {
    const province = line.split(',').at(-1)!.trim();
    counts.set(province, (counts.get(province) ?? 0) + 1);
  }
  return counts;
}

describe('administrative units (đơn vị hành chính)', () => {
  let t: TestApp;
  const get = (query: string) => t.http.get(`/api/administrative-units${query}`).auth(t.adminToken, { type: 'bearer' });

  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('lists the 34 provinces of vn-34, each with the vn-63 codes it came from', async () => {
    const res = await get('?set=vn-34').expect(200);
    expect(res.body.total).toBe(34);
    expect(res.body.items).toHaveLength(34);
    expect(res.body).toMatchObject({ page: 1, pageSize: 100 });
    const bacNinh = res.body.items.find((u: { code: string }) => u.code === '24');
    expect(bacNinh).toEqual({
      code: '24',
      name: 'Bắc Ninh',
      level: 'province',
      type: 'province',
      region: expect.any(String),
      set: 'vn-34',
      parentCode: null,
      successorCode: null,
      mergedFrom: ['27', '24'],
    });
    const hanoi = res.body.items.find((u: { code: string }) => u.code === '01');
    expect(hanoi).toMatchObject({ name: 'Hà Nội', type: 'city' });
  });

  it('lists the 63 provinces of vn-63, each with its vn-34 successor', async () => {
    const res = await get('?set=vn-63').expect(200);
    expect(res.body.total).toBe(63);
    const vn34 = new Set((await get('?set=vn-34').expect(200)).body.items.map((u: { code: string }) => u.code));
    for (const unit of res.body.items) {
      expect(unit.set).toBe('vn-63');
      expect(vn34.has(unit.successorCode)).toBe(true);
    }
    const bacGiang = res.body.items.find((u: { code: string }) => u.code === '24');
    expect(bacGiang).toMatchObject({ name: 'Bắc Giang', successorCode: '24' });
    const tienGiang = res.body.items.find((u: { code: string }) => u.code === '82');
    expect(tienGiang).toMatchObject({ name: 'Tiền Giang', successorCode: '82' });
  });

  it('defaults to vn-34 provinces', async () => {
    const res = await get('').expect(200);
    expect(res.body.total).toBe(34);
    expect(res.body.items.every((u: { set: string; level: string }) => u.set === 'vn-34' && u.level === 'province')).toBe(true);
  });

  it('finds units ignoring diacritics and case', async () => {
    const res = await get('?set=vn-63&q=bac%20giang').expect(200);
    expect(res.body.items.map((u: { name: string }) => u.name)).toEqual(['Bắc Giang']);
    const upper = await get('?set=vn-63&q=BẮC%20GIANG').expect(200);
    expect(upper.body.total).toBe(1);
  });

  it('maps đ to d in search', async () => {
    const res = await get('?set=vn-34&q=dak%20lak').expect(200);
    expect(res.body.items.map((u: { name: string }) => u.name)).toEqual(['Đắk Lắk']);
  });

  it('treats % and _ in a query as text, not wildcards', async () => {
    const res = await get('?set=vn-34&q=%25').expect(200);
    expect(res.body.total).toBe(0);
  });

  it("lists one province's communes, matching the seed file's count for every province", async () => {
    const expected = communesPerProvince();
    expect([...expected.values()].reduce((a, b) => a + b, 0)).toBe(3321);
    for (const [province, count] of expected) {
      const res = await get(`?set=vn-34&level=commune&parentCode=${province}&pageSize=1`).expect(200);
      expect({ province, total: res.body.total }).toEqual({ province, total: count });
    }
  });

  it('lists all 3,321 communes with their province and region', async () => {
    const res = await get('?set=vn-34&level=commune&pageSize=500&page=7').expect(200);
    expect(res.body.total).toBe(3321);
    expect(res.body.items).toHaveLength(321);
    for (const unit of res.body.items) {
      expect(['commune', 'ward', 'special_zone']).toContain(unit.type);
      expect(unit.parentCode).toMatch(/^\d{2}$/);
      expect(unit.region).toEqual(expect.any(String));
    }
  });

  it('finds a commune by name without diacritics', async () => {
    const res = await get('?set=vn-34&level=commune&q=dat%20mui').expect(200);
    expect(res.body.items.length).toBeGreaterThanOrEqual(1);
    expect(res.body.items.map((u: { name: string }) => u.name)).toContain('Xã Đất Mũi');
  });

  it('reads one unit by code', async () => {
    const res = await t.http.get('/api/administrative-units/24?set=vn-63').auth(t.adminToken, { type: 'bearer' }).expect(200);
    expect(res.body).toMatchObject({ name: 'Bắc Giang', successorCode: '24' });
    const missing = await t.http.get('/api/administrative-units/99').auth(t.adminToken, { type: 'bearer' }).expect(404);
    const message = 'Không tìm thấy đơn vị hành chính mã 99 trong bộ vn-34.';
    expect(missing.body).toMatchObject({ statusCode: 404, message, details: [{ field: 'code', code: 'administrative_unit_not_found', message }] });
  });

  it.each([
    ['?set=vn-99', 'set', 'not_allowed_value'],
    ['?set=vn-34&level=district', 'level', 'not_allowed_value'],
    ['?set=vn-63&level=commune', 'level', 'communes_vn34_only'],
    ['?set=vn-34&level=commune&parentCode=99', 'parentCode', 'province_not_found'],
    ['?set=vn-34&level=commune&parentCode=abc', 'parentCode', 'not_a_province_code'],
    ['?pageSize=501', 'pageSize', 'too_large'],
    ['?page=0', 'page', 'too_small'],
    ['?page=abc', 'page', 'not_an_integer'],
    ['?unknown=1', 'unknown', 'unknown_field'],
  ])('answers 400 naming the field for %s', async (query, field, code) => {
    const res = await get(query).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(res.body.details).toContainEqual(expect.objectContaining({ field, code }));
  });

  it('says in Vietnamese why a query is refused', async () => {
    const communes = await get('?set=vn-63&level=commune').expect(400);
    expect(communes.body.details).toEqual([
      { field: 'level', code: 'communes_vn34_only', message: 'Danh mục cấp xã chỉ có trong bộ vn-34 (áp dụng từ ngày 01/07/2025).' },
    ]);
    const parent = await get('?set=vn-34&level=commune&parentCode=99').expect(400);
    expect(parent.body.details).toEqual([
      { field: 'parentCode', code: 'province_not_found', message: 'Mã 99 không phải là mã tỉnh, thành phố trong bộ vn-34.' },
    ]);
    const format = await get('?set=vn-34&level=commune&parentCode=abc').expect(400);
    expect(format.body.details).toEqual([
      { field: 'parentCode', code: 'not_a_province_code', message: 'Trường "parentCode" phải là mã tỉnh gồm 2 chữ số, ví dụ 24.' },
    ]);
  });
});
