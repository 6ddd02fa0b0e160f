import { HttpException } from '@nestjs/common';
import { ErrorDetail } from '../common/error-envelope';
import { ConferenceResponseDto } from '../conferences/conference.dto';
import { CONFERENCE_FORMATS, CONFERENCE_KINDS, ConferenceKind } from '../conferences/conference.entity';
import { FormFields } from '../web/form-body';
import { FORMAT_LABELS } from '../web/labels';
import { FieldErrors } from '../web/page-form';
import { formatWallTime, isKnownZone, parseWallTime, TIME_EXAMPLE } from './console-time';

export const DEFAULT_ZONE = 'Asia/Ho_Chi_Minh';

export const KIND_LABELS: Record<ConferenceKind, string> = {
  review: 'Sơ kết, tổng kết',
  training: 'Tập huấn, bồi dưỡng',
  thematic: 'Chuyên đề',
  launch: 'Triển khai, phát động',
  other: 'Khác',
};

export const KIND_CHOICES = CONFERENCE_KINDS.map((value) => ({ value, label: KIND_LABELS[value] }));
export const FORMAT_CHOICES = CONFERENCE_FORMATS.map((value) => ({ value, label: FORMAT_LABELS[value] }));

/** The conference form's fields, in page order, with how each is named on the page. */
export const CONFERENCE_FIELDS = {
  title: 'Tên hội nghị',
  kind: 'Loại hội nghị',
  format: 'Hình thức tổ chức',
  startsAt: 'Thời gian khai mạc',
  endsAt: 'Thời gian kết thúc',
  timezone: 'Múi giờ',
  hostOrganization: 'Cơ quan chủ trì',
  venue: 'Địa điểm (điểm cầu chính)',
  onlineUrl: 'Đường dẫn họp trực tuyến',
  chairName: 'Người chủ trì',
  chairTitle: 'Chức vụ người chủ trì',
  description: 'Mục đích, nội dung',
} as const;
export type ConferenceField = keyof typeof CONFERENCE_FIELDS;

const OPTIONAL_TEXT: ConferenceField[] = ['hostOrganization', 'venue', 'onlineUrl', 'chairName', 'chairTitle', 'description'];
const TIMES: ConferenceField[] = ['startsAt', 'endsAt'];

/** Labels of the other console forms' fields (cancel, clone), for the API's messages about them. */
export const ACTION_FIELDS: Record<string, string> = { reason: 'Lý do hủy', title: 'Tên hội nghị', startsAt: 'Thời gian khai mạc' };

/** The form filled with a conference as it is, times on its own clock. */
export function conferenceValues(c: ConferenceResponseDto): FormFields {
  return {
    title: c.title,
    kind: c.kind,
    format: c.format,
    startsAt: formatWallTime(new Date(c.startsAt), c.timezone),
    endsAt: formatWallTime(new Date(c.endsAt), c.timezone),
    timezone: c.timezone,
    hostOrganization: c.hostOrganization ?? '',
    venue: c.venue ?? '',
    onlineUrl: c.onlineUrl ?? '',
    chairName: c.chairName ?? '',
    chairTitle: c.chairTitle ?? '',
    description: c.description ?? '',
    version: String(c.version),
  };
}

export const emptyConferenceValues = (): FormFields => ({ kind: 'review', format: 'online', timezone: DEFAULT_ZONE });

/** A time typed on the page, checked before the API sees it: the error names the field and the expected shape. */
export function readTime(field: string, label: string, text: string, zone: string, errors: FieldErrors): string | undefined {
  if (text.trim() === '') {
    errors[field] = `Vui lòng nhập ${label.toLocaleLowerCase('vi')}, ví dụ ${TIME_EXAMPLE}.`;
    return undefined;
  }
  const iso = parseWallTime(text, zone);
  if (!iso) errors[field] = `${label} phải là một ngày giờ có thật, viết dạng ngày/tháng/năm giờ:phút, ví dụ ${TIME_EXAMPLE}.`;
  return iso ?? undefined;
}

/**
 * The API body a conference form stands for: text as typed (the API trims and checks it),
 * times read on the chosen zone's clock. On create an empty optional field is left out; on
 * update it is cleared (null). Errors of the times' shape are the page's own.
 */
export function conferenceBody(fields: FormFields, mode: 'create' | 'update'): { body: Record<string, unknown>; errors: FieldErrors; values: FormFields } {
  const values: FormFields = {};
  for (const name of [...Object.keys(CONFERENCE_FIELDS), 'version']) values[name] = typeof fields[name] === 'string' ? fields[name] : '';
  const errors: FieldErrors = {};
  const body: Record<string, unknown> = {};
  const zone = values.timezone.trim() || DEFAULT_ZONE;
  body.title = values.title;
  body.kind = values.kind;
  body.format = values.format;
  body.timezone = zone;
  // Times are read on the zone given; an unknown zone is the API's to refuse, the times then read as Vietnamese time.
  const clock = isKnownZone(zone) ? zone : DEFAULT_ZONE;
  for (const field of TIMES) {
    const iso = readTime(field, CONFERENCE_FIELDS[field], values[field], clock, errors);
    if (iso) body[field] = iso;
  }
  for (const field of OPTIONAL_TEXT) {
    const text = values[field];
    if (text.trim() !== '') body[field] = text;
    else if (mode === 'update') body[field] = null;
  }
  if (mode === 'update') body.version = /^\d+$/.test(values.version) ? Number(values.version) : values.version;
  return { body, errors, values };
}

/** Capitalizes a label's first letter. */
const capital = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/**
 * The API's refusal as messages beside the fields they name: each detail's message with the
 * API's field name ('Trường "title"') replaced by the page's label. Details about fields the
 * form does not show become the form's problem.
 */
export function refusalOnForm(error: unknown, labels: Record<string, string>): { errors: FieldErrors; problem?: string } | null {
  if (!(error instanceof HttpException)) return null;
  const status = error.getStatus();
  if (status !== 400 && status !== 409) return null;
  const body = error.getResponse() as { details?: ErrorDetail[]; message?: string };
  const details = Array.isArray(body?.details) ? body.details : [];
  const errors: FieldErrors = {};
  const others: ErrorDetail[] = [];
  for (const detail of details) {
    const label = labels[detail.field];
    if (status === 400 && label) {
      if (!errors[detail.field]) errors[detail.field] = readable(detail.message.replace(`Trường "${detail.field}"`, capital(label)));
    } else {
      others.push(detail);
    }
  }
  const problem = others.length > 0 || Object.keys(errors).length === 0 ? readable(problemOf(others)) : undefined;
  return { errors, problem };
}

function problemOf(details: ErrorDetail[]): string {
  if (details.some((d) => d.code === 'stale_version')) {
    return 'Hội nghị vừa được người khác cập nhật. Vui lòng xem lại thông tin mới nhất rồi thực hiện lại.';
  }
  return details.map((d) => d.message).filter(Boolean).join(' ') || 'Chưa thực hiện được thao tác. Vui lòng tải lại trang rồi thử lại.';
}

/** The API's advice to clients ('Gửi "force": true …') in the words of the page's checkbox. */
function readable(message: string): string {
  return message.replace(/\s*Gửi "force": true[^.]*\./, ' Chọn "Vẫn thực hiện khi chưa đến giờ" rồi gửi lại.');
}
