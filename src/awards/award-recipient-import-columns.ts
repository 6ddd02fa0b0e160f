import { headerMatcher } from '../common/import-rows';
import { searchKey } from '../common/text';
import { RecipientKind } from './award-recipient.entity';

/** The columns of an award list, as imported. */
export const RECIPIENT_IMPORT_FIELDS = [
  'kind',
  'name',
  'title',
  'organization',
  'administrativeUnit',
  'achievement',
  'position',
  'bridgePoint',
  'presenterName',
] as const;
export type RecipientImportField = (typeof RECIPIENT_IMPORT_FIELDS)[number];

/** The Vietnamese header of each column: what the award list writes and what error messages name. */
export const RECIPIENT_COLUMN_LABELS: Record<RecipientImportField, string> = {
  kind: 'Cá nhân/Tập thể',
  name: 'Họ và tên / Tên tập thể',
  title: 'Chức vụ',
  organization: 'Đơn vị',
  administrativeUnit: 'Tỉnh, thành phố',
  achievement: 'Thành tích',
  position: 'Thứ tự trao',
  bridgePoint: 'Nơi trao',
  presenterName: 'Người trao',
};

/** Headers people write, in Vietnamese (with or without diacritics) or English. */
const HEADER_ALIASES: Record<RecipientImportField, string[]> = {
  kind: ['cá nhân/tập thể', 'cá nhân tập thể', 'tập thể/cá nhân', 'loại', 'đối tượng', 'đối tượng khen thưởng', 'kind', 'type', 'recipient kind'],
  name: ['họ và tên / tên tập thể', 'họ và tên', 'họ tên', 'tên tập thể', 'tên', 'họ tên tên tập thể', 'name', 'full name', 'recipient'],
  title: ['chức vụ', 'chức danh', 'title', 'job title'],
  organization: ['đơn vị', 'cơ quan', 'cơ quan đơn vị', 'đơn vị công tác', 'organization', 'organisation'],
  administrativeUnit: [
    'tỉnh, thành phố',
    'tỉnh thành phố',
    'tỉnh',
    'địa phương',
    'đơn vị hành chính',
    'mã đơn vị hành chính',
    'mã tỉnh',
    'administrative unit',
    'administrative unit code',
    'province',
  ],
  achievement: ['thành tích', 'nội dung thành tích', 'thành tích khen thưởng', 'achievement'],
  position: ['thứ tự trao', 'thứ tự', 'thứ tự trao thưởng', 'order', 'presentation order'],
  bridgePoint: ['nơi trao', 'điểm cầu', 'điểm cầu trao', 'nơi trao thưởng', 'bridge point', 'place'],
  presenterName: ['người trao', 'người trao thưởng', 'người trao tặng', 'presenter', 'presented by'],
};

/** The field a header names, or undefined for a column the import ignores (STT…). */
export const recipientFieldOfHeader = headerMatcher(HEADER_ALIASES);

const KIND_BY_KEY = new Map<string, RecipientKind>([
  ['ca nhan', 'individual'],
  ['cn', 'individual'],
  ['individual', 'individual'],
  ['tap the', 'collective'],
  ['tt', 'collective'],
  ['collective', 'collective'],
]);

/** Reads a kind written as its Vietnamese label ("Cá nhân", "tap the"), an abbreviation (CN, TT) or its code. */
export function recipientKindOf(value: string): RecipientKind | undefined {
  return KIND_BY_KEY.get(searchKey(value));
}
