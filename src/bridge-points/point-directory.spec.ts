import { PointDirectory } from './point-directory';

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

  it('explains an unknown or ambiguous name', () => {
    expect(directory.find('Lào Cai')).toBe('"Lào Cai" is not a bridge point of this conference');
    expect(directory.find('Điểm cầu xã Tân Lập')).toBe(
      '"Điểm cầu xã Tân Lập" matches 2 bridge points (Điểm cầu xã Tân Lập, Điểm cầu xã Tân Lập): write its administrative unit code instead',
    );
  });
});
