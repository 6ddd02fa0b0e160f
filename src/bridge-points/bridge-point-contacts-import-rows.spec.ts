import { Cell, Sheet } from '../common/import-file';
import { contactFieldOfHeader } from './bridge-point-contacts-import-columns';
import { checkContactRows, contactColumnsOf } from './bridge-point-contacts-import-rows';
import { PointDirectory } from './point-directory';

const points = new PointDirectory(
  [
    { id: 'p-main', name: 'Điểm cầu Trung ương', administrativeUnitCode: null, administrativeUnitSet: null },
    { id: 'p-01', name: 'Điểm cầu thành phố Hà Nội', administrativeUnitCode: '01', administrativeUnitSet: 'vn-34' },
    { id: 'p-24', name: 'Điểm cầu tỉnh Bắc Ninh', administrativeUnitCode: '24', administrativeUnitSet: 'vn-34' },
  ],
  {
    vn63: [
      { code: '24', name: 'Bắc Giang', type: 'province', successorCode: '24' },
      { code: '27', name: 'Bắc Ninh', type: 'province', successorCode: '24' },
    ],
    vn34: [
      { code: '01', name: 'Hà Nội', type: 'city' },
      { code: '24', name: 'Bắc Ninh', type: 'province' },
    ],
  },
);

const sheet = (headers: string[], rows: Cell[][]): Sheet => ({
  format: 'csv',
  headers,
  rows: rows.map((cells, i) => ({ row: i + 2, cells })),
});

describe('contact list columns', () => {
  it.each([
    ['Điểm cầu', 'point'],
    ['DIEM CAU', 'point'],
    ['point', 'point'],
    ['Mã đơn vị', 'code'],
    ['ma don vi hanh chinh', 'code'],
    ['code', 'code'],
    ['Người chủ trì', 'chairName'],
    ['nguoi chu tri', 'chairName'],
    ['chairName', 'chairName'],
    ['Chức vụ người chủ trì', 'chairTitle'],
    ['chairTitle', 'chairTitle'],
    ['Cán bộ liên hệ', 'contactName'],
    ['can bo lien he', 'contactName'],
    ['contactName', 'contactName'],
    ['Email', 'contactEmail'],
    ['E-mail', 'contactEmail'],
    ['contactEmail', 'contactEmail'],
    ['Số điện thoại', 'contactPhone'],
    ['SĐT', 'contactPhone'],
    ['contactPhone', 'contactPhone'],
  ])('reads the header %p as %s', (header, field) => {
    expect(contactFieldOfHeader(header)).toBe(field);
  });

  it('needs a column naming the points and one giving contacts, and says so in Vietnamese with a code', () => {
    expect(() => contactColumnsOf(sheet(['Email'], [['a@x.vn']]))).toThrow(expect.objectContaining({ response: expect.objectContaining({ details: [expect.objectContaining({ code: 'no_point_column' })] }) }));
    expect(() => contactColumnsOf(sheet(['Điểm cầu', 'STT'], [['24', '1']]))).toThrow('Dòng tiêu đề không có cột nào để ghi vào điểm cầu');
    expect(contactColumnsOf(sheet(['STT', 'Mã đơn vị', 'Email'], [['1', '24', 'a@x.vn']])).get('code')).toBe(1);
  });
});

describe('checkContactRows', () => {
  it('takes a point named in both columns when they agree, keeps blank cells out of the values, lower-cases emails and writes phones as +84…', () => {
    const s = sheet(
      ['Mã đơn vị', 'Điểm cầu', 'Người chủ trì', 'Email', 'Số điện thoại'],
      [
        ['24', 'Bắc Ninh', 'Nguyễn Văn An', 'VP@BacNinh.gov.vn', '912345678'],
        ['', 'Trung ương', '', '', '024 3825 1234'],
      ],
    );
    const checked = checkContactRows(s, contactColumnsOf(s), points);
    expect(checked.errors).toEqual([]);
    expect(checked.valid).toEqual([
      { row: 2, point: expect.objectContaining({ id: 'p-24' }), values: { chairName: 'Nguyễn Văn An', contactEmail: 'vp@bacninh.gov.vn', contactPhone: '+84912345678' } },
      { row: 3, point: expect.objectContaining({ id: 'p-main' }), values: { contactPhone: '+842438251234' } },
    ]);
  });

  it('refuses columns that name two points, and a point named again by another spelling, naming the row it is on', () => {
    const s = sheet(
      ['Mã đơn vị', 'Điểm cầu', 'Email'],
      [
        ['01', 'Bắc Ninh', 'a@x.vn'],
        ['24', '', 'b@x.vn'],
        ['27', '', 'c@x.vn'],
        ['', 'Bắc Giang', 'd@x.vn'],
      ],
    );
    const checked = checkContactRows(s, contactColumnsOf(s), points);
    expect(checked.errors).toEqual([
      {
        row: 2,
        field: 'point',
        code: 'point_mismatch',
        message: 'Mã đơn vị "01" là Điểm cầu thành phố Hà Nội, còn Điểm cầu "Bắc Ninh" là Điểm cầu tỉnh Bắc Ninh: hai cột phải chỉ cùng một điểm cầu.',
      },
      { row: 4, field: 'code', code: 'duplicate_point', message: 'Điểm cầu tỉnh Bắc Ninh đã có ở dòng 3 của tệp này.' },
      { row: 5, field: 'point', code: 'duplicate_point', message: 'Điểm cầu tỉnh Bắc Ninh đã có ở dòng 3 của tệp này.' },
    ]);
    expect(checked.valid.map((r) => r.row)).toEqual([3]);
    // The warnings of refused rows are left out: only what is imported is reported as read.
    expect(checked.warnings).toEqual([]);
  });

  it('words cell problems in Vietnamese with a code: error values, formulas without a value, too long, formula-like text', () => {
    const s = sheet(
      ['Điểm cầu', 'Người chủ trì', 'Cán bộ liên hệ', 'Chức vụ người chủ trì'],
      [
        ['24', { invalid: 'contains the error value #N/A', reason: 'error_value', value: '#N/A' }, '', ''],
        ['01', { invalid: 'is a formula without a saved value', reason: 'formula_without_value' }, 'x'.repeat(201), '@SUM(A1)'],
      ],
    );
    const checked = checkContactRows(s, contactColumnsOf(s), points);
    expect(checked.errors).toEqual([
      { row: 2, field: 'chairName', code: 'error_value', message: 'Người chủ trì chứa giá trị lỗi #N/A.' },
      { row: 3, field: 'chairName', code: 'formula_without_value', message: expect.stringContaining('Người chủ trì là công thức chưa có giá trị đã lưu') },
      { row: 3, field: 'chairTitle', code: 'formula', message: '"@SUM(A1)" bắt đầu bằng "@" và sẽ chạy như công thức bảng tính: không nhập công thức.' },
      { row: 3, field: 'contactName', code: 'too_long', message: 'Cán bộ liên hệ dài quá 200 ký tự.' },
    ]);
  });
});
