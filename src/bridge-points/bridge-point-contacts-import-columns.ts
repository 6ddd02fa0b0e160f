import { headerMatcher } from '../common/import-rows';

/** The columns of a list of bridge-point contacts, as imported: the point (by name or unit code) and who leads and who answers there. */
export const CONTACT_IMPORT_FIELDS = ['point', 'code', 'chairName', 'chairTitle', 'contactName', 'contactEmail', 'contactPhone'] as const;
export type ContactImportField = (typeof CONTACT_IMPORT_FIELDS)[number];

/** The point's fields a row may change. */
export const CONTACT_FIELDS = ['chairName', 'chairTitle', 'contactName', 'contactEmail', 'contactPhone'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** The Vietnamese header of each column: what error messages name. */
export const CONTACT_COLUMN_LABELS: Record<ContactImportField, string> = {
  point: 'Điểm cầu',
  code: 'Mã đơn vị',
  chairName: 'Người chủ trì',
  chairTitle: 'Chức vụ người chủ trì',
  contactName: 'Cán bộ liên hệ',
  contactEmail: 'Email',
  contactPhone: 'Số điện thoại',
};

/** Headers people write, in Vietnamese (with or without diacritics) or English, compared as search keys. */
const HEADER_ALIASES: Record<ContactImportField, string[]> = {
  point: ['điểm cầu', 'tên điểm cầu', 'tỉnh, thành phố', 'tỉnh', 'point', 'point name', 'bridge point', 'bridgepoint', 'province'],
  code: ['mã đơn vị', 'mã đơn vị hành chính', 'mã điểm cầu', 'mã tỉnh', 'mã', 'code', 'unit code', 'administrative unit code', 'administrativeUnitCode'],
  chairName: ['người chủ trì', 'chủ trì', 'họ tên người chủ trì', 'họ và tên người chủ trì', 'lãnh đạo chủ trì', 'chair', 'chair name', 'chairName'],
  chairTitle: ['chức vụ người chủ trì', 'chức vụ chủ trì', 'chức danh người chủ trì', 'chức vụ', 'chair title', 'chairTitle'],
  contactName: ['cán bộ liên hệ', 'người liên hệ', 'cán bộ đầu mối', 'họ tên cán bộ liên hệ', 'cán bộ kỹ thuật', 'contact', 'contact name', 'contactName'],
  contactEmail: ['email', 'e-mail', 'email liên hệ', 'thư điện tử', 'địa chỉ email', 'contact email', 'contactEmail'],
  contactPhone: ['số điện thoại', 'điện thoại', 'sđt', 'số điện thoại liên hệ', 'điện thoại liên hệ', 'phone', 'phone number', 'mobile', 'contact phone', 'contactPhone'],
};

/** The field a header names, or undefined for a column the import ignores (STT, Ghi chú…). */
export const contactFieldOfHeader = headerMatcher(HEADER_ALIASES);
