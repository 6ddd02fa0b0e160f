import { AttendeeRole } from './attendee.entity';
import { headerMatcher } from '../common/import-rows';
import { searchKey } from '../common/text';

/** The columns of a delegate list, as imported and exported. */
export const IMPORT_FIELDS = ['fullName', 'title', 'organization', 'email', 'phone', 'bridgePoint', 'role', 'notes'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** The Vietnamese header of each column: what exports write and what error messages name. */
export const COLUMN_LABELS: Record<ImportField, string> = {
  fullName: 'Họ và tên',
  title: 'Chức vụ',
  organization: 'Đơn vị',
  email: 'Email',
  phone: 'Số điện thoại',
  bridgePoint: 'Điểm cầu',
  role: 'Vai trò',
  notes: 'Ghi chú',
};

/** Headers people write, in Vietnamese (with or without diacritics) or English, compared as search keys. */
const HEADER_ALIASES: Record<ImportField, string[]> = {
  fullName: ['họ và tên', 'họ tên', 'họ và tên đại biểu', 'tên đại biểu', 'full name', 'fullname', 'name'],
  title: ['chức vụ', 'chức danh', 'title', 'position', 'job title'],
  organization: ['đơn vị', 'cơ quan', 'cơ quan đơn vị', 'đơn vị công tác', 'organization', 'organisation', 'unit'],
  email: ['email', 'e mail', 'thư điện tử', 'địa chỉ email'],
  phone: ['số điện thoại', 'điện thoại', 'sđt', 'đtdđ', 'phone', 'phone number', 'mobile', 'telephone'],
  bridgePoint: ['điểm cầu', 'tên điểm cầu', 'mã điểm cầu', 'bridge point', 'bridgepoint', 'bridge point code'],
  role: ['vai trò', 'thành phần', 'role'],
  notes: ['ghi chú', 'notes', 'note'],
};

/**
 * The field a header names, or undefined for a column the import ignores (e.g. STT).
 * "Họ và tên (full name)" and "Email *" are recognised too: parenthesised text and marks are ignored.
 */
export const fieldOfHeader = headerMatcher(HEADER_ALIASES);

/** The Vietnamese label of each role, as exported and as accepted on import. */
export const ROLE_LABELS: Record<AttendeeRole, string> = {
  delegate: 'Đại biểu',
  guest: 'Khách mời',
  speaker: 'Báo cáo viên',
  chair: 'Chủ trì',
  organizer: 'Ban tổ chức',
  press: 'Báo chí',
};

const ROLE_BY_KEY = new Map<string, AttendeeRole>([
  ...Object.entries(ROLE_LABELS).flatMap(([role, label]) => [
    [searchKey(role), role as AttendeeRole] as const,
    [searchKey(label), role as AttendeeRole] as const,
  ]),
  ['btc', 'organizer'],
  ['phong vien', 'press'],
  ['nha bao', 'press'],
  ['chu tri hoi nghi', 'chair'],
]);

/** Reads a role written as its code (`speaker`) or its Vietnamese label (`Báo cáo viên`, `bao cao vien`). */
export function roleOf(value: string): AttendeeRole | undefined {
  return ROLE_BY_KEY.get(searchKey(value));
}
