import { fieldOfHeader, roleOf } from './attendee-import-columns';
import { Sheet } from '../common/import-file';
import { looksLikeFormula } from '../common/import-rows';
import { PointDirectory } from '../bridge-points/point-directory';
import { checkRows, columnsOf } from './attendee-import-rows';

const points = [
  { id: 'p-main', name: 'Điểm cầu Trung ương', administrativeUnitCode: null },
  { id: 'p-01', name: 'Điểm cầu thành phố Hà Nội', administrativeUnitCode: '01' },
  { id: 'p-24', name: 'Điểm cầu tỉnh Bắc Ninh', administrativeUnitCode: '24' },
  { id: 'p-07', name: 'Điểm cầu xã Tân Lập', administrativeUnitCode: '00007' },
  { id: 'p-09', name: 'Điểm cầu xã Tân Lập', administrativeUnitCode: '00009' },
];

describe('import columns', () => {
  it.each([
    ['Họ và tên', 'fullName'],
    ['HO VA TEN', 'fullName'],
    ['Họ tên *', 'fullName'],
    ['Họ và tên (full name)', 'fullName'],
    ['Full name', 'fullName'],
    ['E-mail', 'email'],
    ['SĐT', 'phone'],
    ['Số điện thoại', 'phone'],
    ['Điểm cầu', 'bridgePoint'],
    ['Bridge point', 'bridgePoint'],
    ['Đơn vị công tác', 'organization'],
    ['Vai trò', 'role'],
  ])('reads the header %p as %s', (header, field) => {
    expect(fieldOfHeader(header)).toBe(field);
  });

  it('ignores columns it does not know, such as STT', () => {
    expect(fieldOfHeader('STT')).toBeUndefined();
    expect(fieldOfHeader('Mã')).toBeUndefined();
  });

  it.each([
    ['Đại biểu', 'delegate'],
    ['khach moi', 'guest'],
    ['BÁO CÁO VIÊN', 'speaker'],
    ['Chủ trì', 'chair'],
    ['BTC', 'organizer'],
    ['Phóng viên', 'press'],
    ['speaker', 'speaker'],
  ])('reads the role %p as %s', (label, role) => {
    expect(roleOf(label)).toBe(role);
  });
});

describe('looksLikeFormula', () => {
  it.each(['=1+1', '=HYPERLINK("x")', '@SUM(A1)', '+SUM(A1:A2)', "-2+3+cmd|' /C calc'!A0", '- Phó giám đốc'])('flags %p', (value) => {
    expect(looksLikeFormula(value)).toBe(true);
  });

  it.each(['+84 912 345 678', '+84 (24) 3825 1234', '-', 'Nguyễn Văn An', 'an@x.vn', '0912-345-678'])('lets %p through', (value) => {
    expect(looksLikeFormula(value)).toBe(false);
  });
});

describe('checkRows', () => {
  const sheet = (headers: string[], rows: Sheet['rows'][number]['cells'][]): Sheet => ({
    format: 'csv',
    headers,
    rows: rows.map((cells, i) => ({ row: i + 2, cells })),
  });

  it('restores the leading zero Excel drops from a phone number, and collapses line breaks in a name', () => {
    const s = sheet(['Họ và tên', 'Số điện thoại', 'Điểm cầu'], [['Nguyễn\nVăn  An', '912345678', '24']]);
    const checked = checkRows(s, columnsOf(s, false), new PointDirectory(points), null);
    expect(checked.errors).toEqual([]);
    expect(checked.valid).toEqual([{ row: 2, fullName: 'Nguyễn Văn An', phone: '+84912345678', bridgePointId: 'p-24' }]);
  });

  it('reports every problem of a row, and the later of two rows with one email', () => {
    const s = sheet(
      ['Họ và tên', 'Email', 'Điểm cầu', 'Vai trò'],
      [
        ['A', 'a@x.vn', '24', ''],
        ['B', 'A@x.vn', 'Lào Cai', 'Thư ký'],
        [{ invalid: 'chứa giá trị lỗi #N/A', reason: 'error_value', value: '#N/A' }, '', '', ''],
      ],
    );
    const checked = checkRows(s, columnsOf(s, false), new PointDirectory(points), null);
    expect(checked.valid.map((r) => r.row)).toEqual([2]);
    expect([...checked.rejectedRows]).toEqual([3, 4]);
    expect(checked.errors).toEqual([
      { row: 3, field: 'email', code: 'duplicate_email', message: 'a@x.vn đã có ở dòng 2 của tệp này.' },
      { row: 3, field: 'role', code: 'unknown_role', message: expect.stringMatching(/^"Thư ký" không phải là vai trò; hãy ghi một trong các vai trò: Đại biểu \(delegate\), /) },
      { row: 3, field: 'bridgePoint', code: 'unknown_point', message: '"Lào Cai" không phải là điểm cầu của hội nghị này.' },
      { row: 4, field: 'fullName', code: 'error_value', message: 'Họ và tên chứa giá trị lỗi #N/A.' },
      { row: 4, field: 'bridgePoint', code: 'required', message: 'Thiếu Điểm cầu: hãy ghi tên hoặc mã đơn vị hành chính của điểm cầu.' },
    ]);
  });

  it('words invalid emails and phone numbers in Vietnamese, each with its code', () => {
    const s = sheet(['Họ và tên', 'Email', 'Số điện thoại', 'Điểm cầu'], [['A', 'sai@', '12345', '24']]);
    const checked = checkRows(s, columnsOf(s, false), new PointDirectory(points), null);
    expect(checked.errors).toEqual([
      { row: 2, field: 'email', code: 'invalid_email', message: '"sai@" không phải là địa chỉ email, ví dụ ten@coquan.gov.vn.' },
      { row: 2, field: 'phone', code: 'invalid_phone', message: '"12345" không phải là số điện thoại Việt Nam, ví dụ 0912 345 678.' },
    ]);
  });

  it('asks for the unit code when a name matches several points', () => {
    const s = sheet(['Họ và tên', 'Điểm cầu'], [['A', 'Điểm cầu xã Tân Lập']]);
    const checked = checkRows(s, columnsOf(s, false), new PointDirectory(points), null);
    expect(checked.errors).toEqual([
      { row: 2, field: 'bridgePoint', code: 'ambiguous_point', message: expect.stringContaining('"Điểm cầu xã Tân Lập" khớp với 2 điểm cầu') },
    ]);
  });

  it('reads a province of vn-63 as its vn-34 successor and warns on the row; a rejected row carries no warning', () => {
    const catalogue = {
      vn63: [{ code: '24', name: 'Bắc Giang', type: 'province', successorCode: '24' }],
      vn34: [{ code: '24', name: 'Bắc Ninh', type: 'province' }],
    };
    const vn34 = points.map((p) => ({ ...p, administrativeUnitSet: p.administrativeUnitCode ? 'vn-34' : null }));
    const s = sheet(['Họ và tên', 'Email', 'Điểm cầu'], [['A', 'a@x.vn', 'Bắc Giang'], ['B', 'sai', 'bac giang']]);
    const checked = checkRows(s, columnsOf(s, false), new PointDirectory(vn34, catalogue), null);
    expect(checked.valid).toEqual([expect.objectContaining({ row: 2, bridgePointId: 'p-24' })]);
    expect(checked.warnings).toEqual([
      { row: 2, field: 'bridgePoint', code: 'former_province', message: 'Bắc Giang (tỉnh cũ) nay thuộc tỉnh Bắc Ninh; dòng này được ghi cho Điểm cầu tỉnh Bắc Ninh.' },
    ]);
    expect(checked.errors.map((e) => `${e.row} ${e.field}`)).toEqual(['3 email']);
  });
});
