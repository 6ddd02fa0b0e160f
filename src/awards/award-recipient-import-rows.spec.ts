import { PointDirectory } from '../bridge-points/point-directory';
import { Sheet } from '../common/import-file';
import { recipientFieldOfHeader, recipientKindOf } from './award-recipient-import-columns';
import { checkRecipientRows, recipientColumnsOf, UnitDirectory } from './award-recipient-import-rows';

const points = new PointDirectory([
  { id: 'p-main', name: 'Điểm cầu Trung ương', administrativeUnitCode: null },
  { id: 'p-24', name: 'Điểm cầu tỉnh Bắc Giang', administrativeUnitCode: '24' },
]);
const units = new UnitDirectory(
  [
    { code: '01', name: 'Hà Nội', level: 'province' },
    { code: '24', name: 'Bắc Giang', level: 'province' },
    { code: '79', name: 'Hồ Chí Minh', level: 'province' },
  ],
  'vn-63',
);
const both = { name: 'Bằng khen của Thủ tướng Chính phủ', recipientKinds: 'individual;collective' };
const collectiveOnly = { name: 'Cờ thi đua của Chính phủ', recipientKinds: 'collective' };

const sheet = (headers: string[], rows: string[][]): Sheet => ({
  format: 'csv',
  headers,
  rows: rows.map((cells, i) => ({ row: i + 2, cells })),
});

describe('award list columns', () => {
  it.each([
    ['Họ và tên / Tên tập thể', 'name'],
    ['Tên tập thể', 'name'],
    ['Cá nhân/Tập thể', 'kind'],
    ['LOAI', 'kind'],
    ['Nơi trao', 'bridgePoint'],
    ['Người trao', 'presenterName'],
    ['Thành tích', 'achievement'],
    ['Tỉnh, thành phố', 'administrativeUnit'],
    ['Thứ tự trao', 'position'],
  ])('reads the header %p as %s', (header, field) => {
    expect(recipientFieldOfHeader(header)).toBe(field);
  });

  it.each([
    ['Cá nhân', 'individual'],
    ['TẬP THỂ', 'collective'],
    ['tap the', 'collective'],
    ['CN', 'individual'],
    ['collective', 'collective'],
    ['Đoàn thể', undefined],
  ])('reads the kind %p as %p', (label, kind) => {
    expect(recipientKindOf(label)).toBe(kind);
  });

  it('needs the kind column only when the award form takes both kinds', () => {
    const s = sheet(['Họ và tên'], [['A']]);
    expect(() => recipientColumnsOf(s, both)).toThrow('Dòng tiêu đề thiếu cột Cá nhân/Tập thể (kind).');
    expect(recipientColumnsOf(s, collectiveOnly).get('name')).toBe(0);
  });
});

describe('UnitDirectory', () => {
  it('finds a province by code (leading zero or not) or by name, with or without "tỉnh" / "TP."', () => {
    expect(units.find('1')).toMatchObject({ code: '01' });
    expect(units.find('tỉnh Bắc Giang')).toMatchObject({ code: '24' });
    expect(units.find('bac giang')).toMatchObject({ code: '24' });
    expect(units.find('TP. Hồ Chí Minh')).toMatchObject({ code: '79' });
    expect(units.find('Thành phố Hà Nội')).toMatchObject({ code: '01' });
    expect(units.find('99')).toEqual({
      code: 'unknown_administrative_unit',
      message: '"99" không phải là mã đơn vị hành chính trong danh mục vn-63, danh mục áp dụng vào ngày diễn ra hội nghị.',
    });
    expect(units.find('Bắc Kạn')).toEqual({
      code: 'unknown_province',
      message: '"Bắc Kạn" không phải là tỉnh, thành phố trong danh mục vn-63, danh mục áp dụng vào ngày diễn ra hội nghị: hãy ghi tên hoặc mã.',
    });
  });
});

describe('checkRecipientRows', () => {
  it('keeps good rows and reports every problem of the bad ones, naming row and field', () => {
    const s = sheet(
      ['Loại', 'Họ và tên', 'Đơn vị', 'Tỉnh', 'Nơi trao', 'Thứ tự'],
      [
        ['Tập thể', 'Ban Dân vận Tỉnh ủy Bắc Giang', '', '24', 'Bắc Giang', '1'],
        ['Cá nhân', 'Hoàng Thị Hương', 'Huyện ủy Lục Ngạn', 'bắc giang', 'Trung ương', ''],
        ['Cá nhân', '@cmd', '', '', '', ''],
        ['', 'Ai đó', '', '', '', 'một'],
        ['Tập thể', '', '', '', 'Lào Cai', ''],
        ['Cá nhân', 'HOÀNG THỊ HƯƠNG', 'huyen uy luc ngan', '', '', ''],
      ],
    );
    const checked = checkRecipientRows(s, recipientColumnsOf(s, both), both, points, units);
    expect(checked.valid).toEqual([
      expect.objectContaining({ row: 2, kind: 'collective', name: 'Ban Dân vận Tỉnh ủy Bắc Giang', administrativeUnitCode: '24', bridgePointId: 'p-24', position: 1 }),
      expect.objectContaining({ row: 3, kind: 'individual', organization: 'Huyện ủy Lục Ngạn', administrativeUnitCode: '24', bridgePointId: 'p-main' }),
    ]);
    expect(checked.errors.map((e) => `${e.row} ${e.field}`)).toEqual(['4 name', '5 kind', '5 position', '6 bridgePoint', '6 name', '7 name']);
    expect(checked.errors.map((e) => e.code)).toEqual(['formula', 'required', 'invalid_position', 'unknown_point', 'name_or_organization_required', 'duplicate_recipient']);
    expect(checked.errors[5]).toEqual({ row: 7, field: 'name', code: 'duplicate_recipient', message: '"HOÀNG THỊ HƯƠNG" đã có ở dòng 3 của tệp này.' });
    expect(checked.errors[2].message).toBe('"một" không phải là thứ tự trao (một số nguyên không âm).');
    expect([...checked.rejectedRows]).toEqual([4, 5, 6, 7]);
  });

  it('refuses a kind the award form does not take', () => {
    const s = sheet(['Loại', 'Đơn vị'], [['Cá nhân', 'UBND xã A']]);
    const checked = checkRecipientRows(s, recipientColumnsOf(s, collectiveOnly), collectiveOnly, points, units);
    expect(checked.errors).toEqual([
      {
        row: 2,
        field: 'kind',
        code: 'kind_not_allowed',
        message: 'Cờ thi đua của Chính phủ không dành cho cá nhân (individual); hình thức này dành cho tập thể (collective).',
      },
    ]);
  });
});
