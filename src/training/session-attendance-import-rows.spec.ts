import { Attendee } from '../attendees/attendee.entity';
import { Cell, Sheet } from '../common/import-file';
import { sheetFieldOfHeader, statusOfCell } from './session-attendance-import-columns';
import { checkSheetRows, sheetColumnsOf } from './session-attendance-import-rows';
import { holdsPlace } from './session-eligibility';

const person = (id: string, code: string, email: string | null, status: Attendee['status'] = 'accepted') =>
  ({ id, code, email, status, fullName: `Đại biểu ${id}` }) as Attendee;
const people = [person('a', 'K7Q4ZP', 'an@example.vn'), person('b', 'M3X9RT', 'binh@example.vn'), person('d', 'D4D4D4', null, 'declined')];
const sheet = (headers: string[], rows: Cell[][]): Sheet => ({ format: 'csv', headers, rows: rows.map((cells, i) => ({ row: i + 2, cells })) });
const check = (headers: string[], rows: Cell[][]) => {
  const s = sheet(headers, rows);
  return checkSheetRows(s, sheetColumnsOf(s), people);
};

describe('sign-in sheet columns and statuses', () => {
  it.each([
    ['Mã', 'code'],
    ['Mã điểm danh', 'code'],
    ['code', 'code'],
    ['Email', 'email'],
    ['Thư điện tử', 'email'],
    ['Trạng thái', 'status'],
    ['trang thai', 'status'],
    ['Status', 'status'],
    ['Họ và tên', undefined],
    ['Chữ ký', undefined],
  ])('reads the header %s as %s', (header, field) => {
    expect(sheetFieldOfHeader(header)).toBe(field);
  });

  it.each([
    ['Có mặt', 'present'],
    ['co mat', 'present'],
    ['PRESENT', 'present'],
    ['Đi muộn', 'late'],
    ['late', 'late'],
    ['Có phép', 'excused'],
    ['Vắng có phép', 'excused'],
    ['excused', 'excused'],
    ['Vắng', 'absent'],
    ['vắng  không phép', 'absent'],
    ['absent', 'absent'],
    ['đến sớm', undefined],
  ])('reads the status %s as %s', (cell, status) => {
    expect(statusOfCell(cell)).toBe(status);
  });

  it('lets only people who hold a place be marked', () => {
    expect(['added', 'invited', 'registered', 'accepted', 'attended'].every((status) => holdsPlace({ status } as Attendee))).toBe(true);
    expect(['declined', 'waitlisted', 'cancelled', 'substituted'].some((status) => holdsPlace({ status } as Attendee))).toBe(false);
  });
});

describe('checkSheetRows', () => {
  it('names people by code (typed loosely) or email, present when the status is blank', () => {
    const result = check(['Mã', 'Email', 'Trạng thái'], [['k7q-4zp', '', ''], ['', 'BINH@example.vn', 'đi muộn']]);
    expect(result.errors).toEqual([]);
    expect(result.valid.map((r) => [r.row, r.attendee.id, r.status])).toEqual([
      [2, 'a', 'present'],
      [3, 'b', 'late'],
    ]);
  });

  it('rejects unknown people, a code and email of two people, duplicates, people without a place and bad statuses, with codes', () => {
    const result = check(
      ['Mã', 'Email', 'Trạng thái'],
      [['ZZZZZZ', '', ''], ['K7Q4ZP', 'binh@example.vn', ''], ['M3X9RT', '', ''], ['m3x9rt', '', 'vắng'], ['D4D4D4', '', ''], ['', '', 'có mặt'], ['K7Q4ZP', '', 'sớm'], ['', 'x@example.vn', '']],
    );
    expect(result.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [2, 'code', 'unknown_code'],
      [3, 'email', 'attendee_mismatch'],
      [5, 'code', 'duplicate_attendee'],
      [6, 'code', 'not_holding_place'],
      [7, 'code', 'attendee_required'],
      [8, 'status', 'invalid_status'],
      [9, 'email', 'unknown_email'],
    ]);
    expect(result.valid.map((r) => r.row)).toEqual([4]);
    expect([...result.rejectedRows]).toEqual([2, 3, 5, 6, 7, 8, 9]);
  });

  it('refuses a sheet without a code or email column', () => {
    expect(() => sheetColumnsOf(sheet(['Họ và tên', 'Trạng thái'], [['An', 'có mặt']]))).toThrow(/thiếu cột Mã/);
  });

  it('refuses a formula instead of reading it', () => {
    const result = check(['Mã', 'Trạng thái'], [['K7Q4ZP', '=HYPERLINK("x")']]);
    expect(result.errors.map((e) => e.code)).toEqual(['formula']);
  });
});
