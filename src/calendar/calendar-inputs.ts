import { AgendaItem } from '../agenda/agenda-item.entity';
import { Attendee } from '../attendees/attendee.entity';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { Conference } from '../conferences/conference.entity';

/**
 * What the calendar builder reads. Entities fit these shapes as they are, so the mail module can
 * pass what it loaded; tests can pass plain objects.
 */
export type CalendarConference = Pick<
  Conference,
  | 'id'
  | 'title'
  | 'status'
  | 'startsAt'
  | 'endsAt'
  | 'timezone'
  | 'venue'
  | 'onlineUrl'
  | 'hostOrganization'
  | 'chairName'
  | 'chairTitle'
  | 'cancelReason'
  | 'sequence'
> &
  Partial<Pick<Conference, 'description' | 'createdAt' | 'updatedAt'>>;

/** An agenda item with its speakers' names in speaking order (empty when none). */
export type CalendarAgendaItem = Pick<AgendaItem, 'id' | 'startsAt' | 'endsAt' | 'title' | 'kind' | 'version'> &
  Partial<Pick<AgendaItem, 'description'>> & { speakerNames?: string[] };

export type CalendarAttendee = Pick<Attendee, 'id' | 'fullName' | 'email' | 'role' | 'status' | 'code'>;

export type CalendarBridgePoint = Pick<BridgePoint, 'name' | 'address'>;

/** One line of a personal feed: a conference the person is invited to, at their bridge point. */
export interface FeedEntry {
  conference: CalendarConference;
  bridgePoint: CalendarBridgePoint;
  attendee: CalendarAttendee;
  agendaItems?: CalendarAgendaItem[];
}

export type InviteMethod = 'REQUEST' | 'CANCEL';
export type CalendarMethod = InviteMethod | 'PUBLISH';

export interface InviteOptions {
  /** Adds a VALARM this many minutes before the start (none when null or absent). */
  alarmMinutesBefore?: number | null;
  /** The person's subscription feed (webcal://…), written into the description. */
  feedUrl?: string | null;
}
