import { vnClock, vnDate, vnRange } from '../common/vietnamese-time';
import { CalendarAgendaItem, CalendarAttendee, CalendarBridgePoint, CalendarConference } from './calendar-inputs';

export interface DescriptionParts {
  conference: CalendarConference;
  agendaItems: CalendarAgendaItem[];
  /** The attendee's bridge point (invitations, feeds); without it the venue is written. */
  bridgePoint?: CalendarBridgePoint | null;
  attendee?: Pick<CalendarAttendee, 'code'> | null;
  /** A first line saying why this is a cancellation. */
  cancelNote?: string | null;
  feedUrl?: string | null;
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** "GMT+7": the zone's offset at that instant, so a reader abroad knows which clock the times are on. */
export function offsetLabel(at: Date, timeZone: string): string {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    // Making a formatter costs far more than using one (every invitation asks).
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' });
    offsetFormats.set(timeZone, format);
  }
  const part = format.formatToParts(at).find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** "từ 09:00 đến 11:30, thứ Ba, ngày 15/7/2025 (GMT+7)" in the conference's own time zone. */
export function conferenceTime(conference: Pick<CalendarConference, 'startsAt' | 'endsAt' | 'timezone'>): string {
  const { startsAt, endsAt, timezone } = conference;
  return `${vnRange(startsAt, endsAt, timezone)} (${offsetLabel(startsAt, timezone)})`;
}

/**
 * The programme as lines, "08:10–08:40 Báo cáo … — speaker", in the conference's time zone;
 * a programme over several days gets a line naming each day before its items.
 */
export function agendaLines(items: CalendarAgendaItem[], timeZone: string): string[] {
  const sorted = [...items].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const days = new Set(sorted.map((item) => vnDate(item.startsAt, timeZone)));
  const lines: string[] = [];
  let day: string | null = null;
  for (const item of sorted) {
    const itemDay = vnDate(item.startsAt, timeZone);
    if (days.size > 1 && itemDay !== day) lines.push(`${capitalize(itemDay)}:`);
    day = itemDay;
    const speakers = item.speakerNames?.length ? ` — ${item.speakerNames.join(', ')}` : '';
    lines.push(`${vnClock(item.startsAt, timeZone)}–${vnClock(item.endsAt, timeZone)} ${item.title}${speakers}`);
  }
  return lines;
}

/** The Vietnamese DESCRIPTION of a conference event (plain text; the generator escapes it). */
export function conferenceDescription(parts: DescriptionParts): string {
  const { conference, bridgePoint, attendee } = parts;
  const head = [
    parts.cancelNote,
    conference.title,
    `Thời gian: ${conferenceTime(conference)}`,
    conference.chairName && `Chủ trì: ${[conference.chairName, conference.chairTitle].filter(Boolean).join(', ')}`,
    conference.hostOrganization && `Đơn vị tổ chức: ${conference.hostOrganization}`,
    bridgePoint && `Điểm cầu: ${[bridgePoint.name, bridgePoint.address].filter(Boolean).join(', ')}`,
    !bridgePoint && conference.venue && `Địa điểm: ${conference.venue}`,
    conference.onlineUrl && `Tham dự trực tuyến: ${conference.onlineUrl}`,
    attendee?.code && `Mã đại biểu (điểm danh): ${attendee.code}`,
  ];
  const sections = [lines(head)];
  if (conference.description?.trim()) sections.push(conference.description.trim());
  const programme = agendaLines(parts.agendaItems, conference.timezone);
  if (programme.length > 0) sections.push(['Chương trình:', ...programme].join('\n'));
  if (parts.feedUrl) sections.push(`Lịch hội nghị cá nhân (đăng ký theo dõi trong ứng dụng lịch): ${parts.feedUrl}`);
  return sections.join('\n\n');
}

/** The DESCRIPTION of one agenda item shown as its own event. */
export function agendaItemDescription(item: CalendarAgendaItem, conference: CalendarConference): string {
  return lines([
    conference.status === 'cancelled' ? cancelledConferenceNote(conference) : null,
    item.speakerNames?.length ? `Trình bày: ${item.speakerNames.join(', ')}` : null,
    item.description?.trim(),
    `Thuộc chương trình: ${conference.title}`,
    conference.onlineUrl && `Tham dự trực tuyến: ${conference.onlineUrl}`,
  ]);
}

export function cancelledConferenceNote(conference: Pick<CalendarConference, 'cancelReason'>): string {
  return conference.cancelReason ? `HỘI NGHỊ ĐÃ HỦY. Lý do: ${conference.cancelReason}` : 'HỘI NGHỊ ĐÃ HỦY.';
}

export const CANCELLED_INVITATION_NOTE = 'LỜI MỜI ĐÃ ĐƯỢC HỦY: đại biểu không còn trong danh sách tham dự hội nghị này.';

function lines(values: (string | null | undefined | false)[]): string {
  return values.filter((v): v is string => typeof v === 'string' && v.length > 0).join('\n');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
