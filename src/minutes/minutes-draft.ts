import { actualAttendees } from '../bridge-points/bridge-point-attendance';
import { vnClock } from '../common/vietnamese-time';
import { todayIn } from './action-item-deadline';
import { ActionItem } from './action-item.entity';
import { abbreviationOf } from './document-number';
import { MinutesSource } from './minutes-source.repository';
import { connectedCount } from './minutes-attendance';
import { ActionItemLine, AwardLine, BridgePointLine, DelegatesAtPoint, MinutesSections } from './minutes-sections';

export interface DraftOptions {
  secretaryName?: string;
  secretaryTitle?: string;
  superiorBody?: string;
  issuingBody?: string;
  abbreviation?: string;
  number?: string;
  place?: string;
}

export const DEFAULT_CLOSING_TEXT =
  'Biên bản đã được thông qua trước Hội nghị; các đại biểu dự Hội nghị nhất trí với nội dung biên bản.';

export const actionItemLine = (item: ActionItem): ActionItemLine => ({
  actionItemId: item.id,
  description: item.description,
  assignee: item.assignee,
  deadline: item.deadline,
});

/**
 * The first draft of the minutes from the conference's data: header and title, every bridge
 * point with its connection state and attendance, the people who attended, the proceedings
 * along the agenda, the awards, the action items, the closing and the signature blocks.
 * Conclusions are left to write.
 */
export function draftSections(source: MinutesSource, awards: AwardLine[], options: DraftOptions): MinutesSections {
  const { conference } = source;
  const tz = conference.timezone;
  const issuingBody = options.issuingBody ?? conference.hostOrganization ?? 'Ban Tổ chức Hội nghị';
  const main = source.points.find((p) => p.isMain);

  const points: BridgePointLine[] = source.points.map((p) => ({
    bridgePointId: p.id,
    name: p.name,
    expected: p.expectedAttendees,
    actual: actualAttendees(p),
    isMain: p.isMain,
    connection: p.connectionStatus,
    confirmation: p.confirmationStatus,
  }));
  const attended = new Map<string, DelegatesAtPoint['delegates']>();
  for (const a of source.attendees) attended.set(a.bridgePointId, [...(attended.get(a.bridgePointId) ?? []), { name: a.fullName, title: a.title }]);
  // Points in the order of the bridge-point list; those with an attendance figure, with who attended by name.
  const delegatesByBridgePoint: DelegatesAtPoint[] = points.flatMap((p) => {
    const delegates = attended.get(p.bridgePointId!) ?? [];
    if (p.actual === null && delegates.length === 0) return [];
    return [{ bridgePointId: p.bridgePointId, name: p.name, count: p.actual ?? delegates.length, delegates }];
  });

  const chair = { title: conference.chairTitle ?? '', name: conference.chairName ?? '' };
  const secretary = { title: options.secretaryTitle ?? '', name: options.secretaryName ?? '' };
  return {
    header: {
      superiorBody: options.superiorBody ?? null,
      issuingBody,
      abbreviation: options.abbreviation ?? abbreviationOf(issuingBody),
      number: options.number ?? null,
      place: options.place ?? 'Hà Nội',
      date: todayIn(conference.startsAt, tz),
    },
    title: conference.title,
    opening: { startedAt: conference.startsAt.toISOString(), venue: conference.venue ?? main?.address ?? null },
    bridgePoints: { count: connectedCount(points), items: points },
    composition: { chair, secretary, delegatesByBridgePoint },
    proceedings: source.agenda.map((item) => ({
      agendaItemId: item.id,
      time: vnClock(item.startsAt, tz),
      title: item.title,
      speakers: item.speakers.map((s) => (s.title ? `${s.fullName}, ${s.title}` : s.fullName)),
      summary: item.description ?? '',
    })),
    awards,
    conclusions: [],
    actionItems: source.actionItems.map(actionItemLine),
    closing: { endedAt: conference.endsAt.toISOString(), text: DEFAULT_CLOSING_TEXT },
    signatures: { secretary, chair },
    distribution: ['Các đồng chí chủ trì Hội nghị', 'Các điểm cầu dự Hội nghị', 'Lưu: VT'],
  };
}
