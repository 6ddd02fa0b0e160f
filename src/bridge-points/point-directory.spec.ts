import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { provinceTitle } from './bridge-point-naming';
import { PointDirectory, PointReading, ProvinceCatalogue } from './point-directory';

const points = [
  { id: 'p-main', name: 'Điểm cầu Trung ương', administrativeUnitCode: null },
  { id: 'p-01', name: 'Điểm cầu thành phố Hà Nội', administrativeUnitCode: '01' },
  { id: 'p-24', name: 'Điểm cầu tỉnh Bắc Ninh', administrativeUnitCode: '24' },
  { id: 'p-07', name: 'Điểm cầu xã Tân Lập', administrativeUnitCode: '00007' },
  { id: 'p-09', name: 'Điểm cầu xã Tân Lập', administrativeUnitCode: '00009' },
];

describe('PointDirectory', () => {
  const directory = new PointDirectory(points);

  it('finds a point by its name ignoring case and diacritics, or by its unit code, padding codes Excel shortened', () => {
    expect(directory.find('ĐIỂM CẦU TỈNH BẮC NINH')).toMatchObject({ id: 'p-24' });
    expect(directory.find('diem cau tinh bac ninh')).toMatchObject({ id: 'p-24' });
    expect(directory.find('Bắc Ninh')).toMatchObject({ id: 'p-24' });
    expect(directory.find('thành phố Hà Nội')).toMatchObject({ id: 'p-01' });
    expect(directory.find('Trung ương')).toMatchObject({ id: 'p-main' });
    expect(directory.find('24')).toMatchObject({ id: 'p-24' });
    expect(directory.find('1')).toMatchObject({ id: 'p-01' });
    expect(directory.find('7')).toMatchObject({ id: 'p-07' });
    expect(directory.find('p-24')).toMatchObject({ id: 'p-24' });
  });

  it('explains an unknown or ambiguous name, in Vietnamese with a code when read', () => {
    expect(directory.read('Lào Cai')).toEqual({ code: 'unknown_point', message: '"Lào Cai" không phải là điểm cầu của hội nghị này', candidates: [] });
    expect(directory.read('Điểm cầu xã Tân Lập')).toMatchObject({
      code: 'ambiguous_point',
      message: '"Điểm cầu xã Tân Lập" khớp với 2 điểm cầu (Điểm cầu xã Tân Lập, Điểm cầu xã Tân Lập): hãy ghi mã đơn vị hành chính của điểm cầu',
    });
  });

  it('explains an unknown or ambiguous name in Vietnamese when found', () => {
    expect(directory.find('Lào Cai')).toBe('"Lào Cai" không phải là điểm cầu của hội nghị này');
    expect(directory.find('Điểm cầu xã Tân Lập')).toBe(
      '"Điểm cầu xã Tân Lập" khớp với 2 điểm cầu (Điểm cầu xã Tân Lập, Điểm cầu xã Tân Lập): hãy ghi mã đơn vị hành chính của điểm cầu',
    );
  });
});

/** The province catalogues as seeded: vn-63 with each province's successor, and vn-34. */
function seededCatalogue(): ProvinceCatalogue {
  const rows = (file: string) =>
    readFileSync(join(__dirname, '../../seeds/administrative-units', file), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));
  return {
    vn63: rows('provinces-63.csv').map(([code, name, type, , successorCode]) => ({ code, name, type, successorCode })),
    vn34: rows('provinces-34.csv').map(([code, name, type]) => ({ code, name, type })),
  };
}

describe('PointDirectory reading the provinces of vn-63 in a conference of vn-34 points', () => {
  const catalogue = seededCatalogue();
  const provincePoints = catalogue.vn34.map((p) => ({
    id: `p-${p.code}`,
    name: `Điểm cầu ${provinceTitle(p)}`,
    administrativeUnitCode: p.code,
    administrativeUnitSet: 'vn-34',
  }));
  const main = { id: 'p-main', name: 'Điểm cầu Trung ương', administrativeUnitCode: null, administrativeUnitSet: null };
  const directory = new PointDirectory([main, ...provincePoints], catalogue);

  it('reads a province vn-34 no longer has, by name in any spelling, as the province it became, and says so', () => {
    const warning = { code: 'former_province', message: 'Bắc Giang (tỉnh cũ) nay thuộc tỉnh Bắc Ninh; dòng này được ghi cho Điểm cầu tỉnh Bắc Ninh.' };
    for (const cell of ['Bắc Giang', 'tỉnh Bắc Giang', 'BAC GIANG', 'Điểm cầu tỉnh Bắc Giang', 'Bắc Giang'.normalize('NFD')]) {
      expect(directory.read(cell)).toEqual({ point: expect.objectContaining({ id: 'p-24' }), warning });
    }
    expect(directory.read('Thừa Thiên Huế')).toEqual({
      point: expect.objectContaining({ id: 'p-46' }),
      warning: { code: 'former_province', message: 'Thừa Thiên Huế (tỉnh cũ) nay thuộc thành phố Huế; dòng này được ghi cho Điểm cầu thành phố Huế.' },
    });
  });

  it('reads an old code vn-34 does not have as the province it became, padding a code Excel shortened', () => {
    expect(directory.read('27')).toEqual({
      point: expect.objectContaining({ id: 'p-24' }),
      warning: { code: 'former_province', message: 'Mã 27 (tỉnh Bắc Ninh cũ) nay thuộc tỉnh Bắc Ninh; dòng này được ghi cho Điểm cầu tỉnh Bắc Ninh.' },
    });
    expect(directory.read('6')).toMatchObject({ point: { id: 'p-19' }, warning: { message: expect.stringMatching(/^Mã 06 \(tỉnh Bắc Kạn cũ\) nay thuộc tỉnh Thái Nguyên;/) } });
  });

  it('keeps the vn-34 meaning of a code both catalogues have, and of a name both have, without a warning', () => {
    // In vn-63, 24 was Bắc Giang and 15 Yên Bái; in vn-34 they are Bắc Ninh and Lào Cai.
    expect(directory.read('24')).toEqual({ point: expect.objectContaining({ id: 'p-24' }) });
    expect(directory.read('15')).toEqual({ point: expect.objectContaining({ id: 'p-15' }) });
    expect(directory.read('Bắc Ninh')).toEqual({ point: expect.objectContaining({ id: 'p-24' }) });
    expect(directory.read('Lào Cai')).toEqual({ point: expect.objectContaining({ id: 'p-15' }) });
  });

  it('reads every province of vn-63, by name and by code, as a point of its successor', () => {
    for (const province of catalogue.vn63) {
      expect([province.name, province.code].map((cell) => (directory.read(cell) as PointReading).point?.id)).toEqual([
        `p-${province.successorCode}`,
        `p-${province.successorCode}`,
      ]);
    }
  });

  it('prefers a point of the conference that has the name itself', () => {
    const ward = { id: 'p-ward', name: 'Điểm cầu phường Bắc Giang', administrativeUnitCode: '07210', administrativeUnitSet: 'vn-34' };
    const withWard = new PointDirectory([...provincePoints, ward], catalogue);
    expect(withWard.read('Bắc Giang')).toEqual({ point: ward });
  });

  it('refuses an old province whose successor is not connected, and what maps to nothing', () => {
    const some = new PointDirectory(provincePoints.filter((p) => p.administrativeUnitCode !== '24'), catalogue);
    expect(some.read('Bắc Giang')).toEqual({
      code: 'successor_not_connected',
      message: 'Bắc Giang (tỉnh cũ) nay thuộc tỉnh Bắc Ninh, nhưng hội nghị này chưa kết nối điểm cầu của tỉnh Bắc Ninh',
      candidates: [],
    });
    expect(directory.read('Hà Tây')).toEqual({ code: 'unknown_point', message: '"Hà Tây" không phải là điểm cầu của hội nghị này', candidates: [] });
    expect(directory.read('99')).toMatchObject({ code: 'unknown_point' });
  });

  it('reads nothing from vn-63 for points of vn-63 units or without the catalogues', () => {
    const vn63 = new PointDirectory(
      catalogue.vn63.map((p) => ({ id: `old-${p.code}`, name: `Điểm cầu ${provinceTitle(p)}`, administrativeUnitCode: p.code, administrativeUnitSet: 'vn-63' })),
      catalogue,
    );
    expect(vn63.read('Bắc Giang')).toEqual({ point: expect.objectContaining({ id: 'old-24' }) });
    expect(vn63.read('Hà Tây')).toMatchObject({ code: 'unknown_point' });
    expect(new PointDirectory(provincePoints).read('Bắc Giang')).toMatchObject({ code: 'unknown_point' });
  });

  it('find answers the point and hands the warning over, and words its refusals as read does', () => {
    const warnings: string[] = [];
    expect(directory.find('Bắc Giang', (w) => warnings.push(w.code))).toMatchObject({ id: 'p-24' });
    expect(warnings).toEqual(['former_province']);
    expect(directory.find('Hà Tây')).toBe('"Hà Tây" không phải là điểm cầu của hội nghị này');
  });
});
