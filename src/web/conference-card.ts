import { PublicAgendaItem } from '../agenda/public-agenda';
import { conferenceTime } from '../calendar/calendar-description';
import { vnClock, vnDate, vnDateTime } from '../common/vietnamese-time';
import { ConferenceFormat, ConferenceStatus } from '../conferences/conference.entity';
import { InvitationConference, PublicConference } from '../conferences/public-conference';
import { html, httpUrl, SafeHtml } from './html';
import { CONFERENCE_STATUS_LABELS, FORMAT_LABELS } from './labels';

/** What both link pages show of a conference: the RSVP link's fields, and the bridge point link's too where given. */
export type ConferenceFacts = Omit<InvitationConference, 'id'> & Partial<PublicConference>;

export type AgendaFacts = Pick<PublicAgendaItem, 'title' | 'startsAt' | 'endsAt'>;

/** "từ 08:00 đến 11:30, thứ Sáu, ngày 15/7/2022 (GMT+7)", in the conference's own time zone. */
export const timeOf = (c: Pick<ConferenceFacts, 'startsAt' | 'endsAt' | 'timezone'>): string =>
  conferenceTime({ startsAt: new Date(c.startsAt), endsAt: new Date(c.endsAt), timezone: c.timezone });

export const instantIn = (iso: string, timeZone: string): string => vnDateTime(new Date(iso), timeZone);

function row(term: string, value: SafeHtml | string | null | undefined): SafeHtml | null {
  return value ? html`<div class="row"><dt>${term}</dt><dd>${value}</dd></div>` : null;
}

/** The conference as a definition list: title, time, format, host, chair, venue, online link. */
export function conferenceFacts(c: ConferenceFacts): SafeHtml {
  const link = httpUrl(c.onlineUrl);
  const chair = [c.chairName, c.chairTitle].filter(Boolean).join(', ');
  const status = c.status as ConferenceStatus;
  // Once it is over the page says so first; "Trực tiếp" (in person) would then read as "live".
  const ended = status === 'completed' || status === 'cancelled';
  return html`<dl class="facts">
${row('Hội nghị', html`<strong>${c.title}</strong>`)}
${ended ? row('Tình trạng', CONFERENCE_STATUS_LABELS[status]) : null}
${row('Thời gian', timeOf(c))}
${ended ? null : row('Hình thức', FORMAT_LABELS[c.format as ConferenceFormat])}
${row('Đơn vị tổ chức', c.hostOrganization)}
${row('Chủ trì', chair)}
${row('Điểm cầu chính', c.venue)}
${row('Họp trực tuyến', link ? html`<a href="${link}" rel="noopener noreferrer">${c.onlineUrl}</a>` : c.onlineUrl)}
</dl>`;
}

/** The agenda, times in the conference's zone; a programme over several days names each day. */
export function agendaList(items: AgendaFacts[], timeZone: string): SafeHtml | null {
  if (items.length === 0) return null;
  const days = new Set(items.map((i) => vnDate(new Date(i.startsAt), timeZone)));
  let day: string | null = null;
  const lines = items.map((item) => {
    const start = new Date(item.startsAt);
    const itemDay = vnDate(start, timeZone);
    const heading = days.size > 1 && itemDay !== day ? html`<li class="day">${itemDay}</li>` : null;
    day = itemDay;
    return html`${heading}<li><span class="time">${vnClock(start, timeZone)}–${vnClock(new Date(item.endsAt), timeZone)}</span> <span>${item.title}</span></li>`;
  });
  return html`<h3>Chương trình</h3><ol class="agenda">${lines}</ol>`;
}
