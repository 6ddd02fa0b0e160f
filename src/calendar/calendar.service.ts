import { Injectable } from '@nestjs/common';
import ical, {
  ICalAlarmType,
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalAttendeeType,
  ICalCalendar,
  ICalCalendarMethod,
  ICalEventData,
  ICalEventStatus,
  ICalEventTransparency,
} from 'ical-generator';
import { AttendeeRole, AttendeeStatus } from '../attendees/attendee.entity';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import {
  agendaItemDescription,
  CANCELLED_INVITATION_NOTE,
  cancelledConferenceNote,
  conferenceDescription,
} from './calendar-description';
import {
  CalendarAgendaItem,
  CalendarAttendee,
  CalendarBridgePoint,
  CalendarConference,
  FeedEntry,
  InviteMethod,
  InviteOptions,
} from './calendar-inputs';
import { Mailbox, parseMailbox, quotableName } from './mailbox';

const PRODID = { company: 'Hoi nghi', product: 'Lich hoi nghi', language: 'VI' };
const ORGANIZER_NAME = 'Ban Tổ chức Hội nghị';
/** How often subscribed clients should fetch a personal feed again. */
const FEED_REFRESH_SECONDS = 3600;

const ROLES: Record<AttendeeRole, ICalAttendeeRole> = {
  chair: ICalAttendeeRole.CHAIR,
  delegate: ICalAttendeeRole.REQ,
  speaker: ICalAttendeeRole.REQ,
  organizer: ICalAttendeeRole.REQ,
  guest: ICalAttendeeRole.OPT,
  press: ICalAttendeeRole.OPT,
};

/** The organizer's record of the person's answer (RSVP page); people who have not answered are asked. */
const PARTSTATS: Record<AttendeeStatus, ICalAttendeeStatus> = {
  added: ICalAttendeeStatus.NEEDSACTION,
  invited: ICalAttendeeStatus.NEEDSACTION,
  registered: ICalAttendeeStatus.NEEDSACTION,
  waitlisted: ICalAttendeeStatus.NEEDSACTION,
  accepted: ICalAttendeeStatus.ACCEPTED,
  attended: ICalAttendeeStatus.ACCEPTED,
  declined: ICalAttendeeStatus.DECLINED,
  cancelled: ICalAttendeeStatus.NEEDSACTION,
  substituted: ICalAttendeeStatus.DELEGATED,
};

/**
 * Builds iCalendar (RFC 5545) text for conferences: per-attendee invitations and cancellations
 * (iTIP, RFC 5546), the public conference calendar and a person's subscription feed.
 *
 * Every time is written in UTC (`…Z`), never with a TZID: given a TZID, ical-generator takes the
 * wall-clock time from the server's own zone, which puts a 09:00 Hà Nội meeting seven hours off
 * on a UTC server. Calendar apps show UTC times in the reader's zone, so nothing is lost; the
 * conference's own zone is used for the Vietnamese wording in DESCRIPTION.
 */
@Injectable()
export class CalendarService {
  private readonly host: string;
  private readonly organizer: Mailbox;

  constructor(
    config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.host = new URL(config.publicBaseUrl).hostname;
    this.organizer = parseMailbox(config.mailFrom, ORGANIZER_NAME);
  }

  /** The conference's UID in every calendar it appears in: invitations, updates, cancellations and feeds. */
  conferenceUid(conferenceId: string): string {
    return `${conferenceId}@${this.host}`;
  }

  agendaItemUid(itemId: string): string {
    return `${itemId}@${this.host}`;
  }

  /**
   * One person's invitation (METHOD:REQUEST) or its withdrawal (METHOD:CANCEL), at their bridge
   * point. A CANCEL carries the conference's (already bumped) SEQUENCE when the conference is
   * cancelled, and one more than it when only this person is dropped.
   */
  invite(
    conference: CalendarConference,
    attendee: CalendarAttendee,
    bridgePoint: CalendarBridgePoint,
    agendaItems: CalendarAgendaItem[],
    method: InviteMethod,
    options: InviteOptions = {},
  ): string {
    if (!attendee.email) throw new Error(`attendee ${attendee.id} has no email; an invitation needs one`);
    const cancel = method === 'CANCEL';
    const conferenceCancelled = conference.status === 'cancelled';
    const calendar = this.calendar(cancel ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST);
    const event = calendar.createEvent({
      ...this.conferenceEvent(conference),
      // Outlook and Thunderbird drop a CANCEL whose SEQUENCE is not above the invitation's; a
      // cancellation sent to one person leaves the conference's own revision alone.
      sequence: cancel && !conferenceCancelled ? conference.sequence + 1 : conference.sequence,
      // RFC 5546 (3.2.5): STATUS:CANCELLED cancels the whole event, and is left out when only
      // some attendees are uninvited (a person replaced by a substitute, say).
      status: cancel ? (conferenceCancelled ? ICalEventStatus.CANCELLED : null) : this.status(conference),
      location: this.placeOf(bridgePoint) ?? conference.venue,
      description: conferenceDescription({
        conference,
        agendaItems,
        bridgePoint,
        attendee,
        cancelNote: cancel ? (conferenceCancelled ? cancelledConferenceNote(conference) : CANCELLED_INVITATION_NOTE) : null,
        feedUrl: cancel ? null : options.feedUrl,
      }),
    });
    event.createAttendee({
      email: attendee.email,
      name: quotableName(attendee.fullName),
      role: ROLES[attendee.role] ?? ICalAttendeeRole.REQ,
      type: ICalAttendeeType.INDIVIDUAL,
      status: PARTSTATS[attendee.status] ?? ICalAttendeeStatus.NEEDSACTION,
      rsvp: !cancel,
    });
    if (!cancel && options.alarmMinutesBefore != null && options.alarmMinutesBefore > 0) {
      event.createAlarm({
        type: ICalAlarmType.display,
        trigger: options.alarmMinutesBefore * 60,
        description: `Nhắc lịch: ${conference.title}`,
      });
    }
    return this.render(calendar);
  }

  /** The conference for anyone to add (METHOD:PUBLISH), with its agenda items as their own events when asked. */
  conferenceCalendar(conference: CalendarConference, agendaItems: CalendarAgendaItem[], withAgenda: boolean): string {
    const calendar = this.calendar(ICalCalendarMethod.PUBLISH, conference.title);
    calendar.createEvent({
      ...this.conferenceEvent(conference),
      location: conference.venue,
      description: conferenceDescription({
        conference,
        agendaItems,
        cancelNote: conference.status === 'cancelled' ? cancelledConferenceNote(conference) : null,
      }),
    });
    if (withAgenda) {
      for (const item of agendaItems) {
        if (item.kind === 'break') continue;
        calendar.createEvent({
          id: this.agendaItemUid(item.id),
          // Items are versioned on their own; either revision growing must make this one grow.
          sequence: conference.sequence + Math.max(item.version - 1, 0),
          stamp: this.clock.now(),
          start: item.startsAt,
          end: item.endsAt,
          summary: item.title,
          location: conference.venue,
          url: conference.onlineUrl ? uri(conference.onlineUrl) : null,
          organizer: this.organizer,
          status: this.status(conference),
          transparency: ICalEventTransparency.OPAQUE,
          description: agendaItemDescription(item, conference),
        });
      }
    }
    return this.render(calendar);
  }

  /**
   * A person's subscription feed (METHOD:PUBLISH): every conference they are invited to, at
   * their own bridge point. Clients fetch it again every hour, so changes show up by themselves.
   */
  feed(entries: FeedEntry[], owner?: { fullName: string } | null): string {
    const name = owner?.fullName ? `Lịch hội nghị — ${owner.fullName}` : 'Lịch hội nghị';
    const calendar = this.calendar(ICalCalendarMethod.PUBLISH, name);
    calendar.ttl(FEED_REFRESH_SECONDS);
    for (const { conference, bridgePoint, attendee, agendaItems } of entries) {
      const waitlisted = attendee.status === 'waitlisted' && conference.status !== 'cancelled';
      calendar.createEvent({
        ...this.conferenceEvent(conference),
        status: waitlisted ? ICalEventStatus.TENTATIVE : this.status(conference),
        location: this.placeOf(bridgePoint) ?? conference.venue,
        description: conferenceDescription({
          conference,
          agendaItems: agendaItems ?? [],
          bridgePoint,
          attendee,
          cancelNote: conference.status === 'cancelled' ? cancelledConferenceNote(conference) : null,
        }),
      });
    }
    return this.render(calendar);
  }

  private calendar(method: ICalCalendarMethod, name?: string): ICalCalendar {
    // ical-generator writes NAME and X-WR-CALNAME as given, so the TEXT escaping is done here.
    return ical({ prodId: PRODID, method, ...(name && { name: escapeText(name) }) });
  }

  /** The properties every rendering of a conference shares. No `timezone` here: see the class comment. */
  private conferenceEvent(conference: CalendarConference): ICalEventData {
    return {
      id: this.conferenceUid(conference.id),
      sequence: conference.sequence,
      stamp: this.clock.now(),
      start: conference.startsAt,
      end: conference.endsAt,
      summary: conference.title,
      url: conference.onlineUrl ? uri(conference.onlineUrl) : null,
      organizer: this.organizer,
      status: this.status(conference),
      transparency: ICalEventTransparency.OPAQUE,
      created: validDate(conference.createdAt),
      lastModified: validDate(conference.updatedAt),
    };
  }

  private status(conference: Pick<CalendarConference, 'status'>): ICalEventStatus {
    if (conference.status === 'cancelled') return ICalEventStatus.CANCELLED;
    if (conference.status === 'draft') return ICalEventStatus.TENTATIVE;
    return ICalEventStatus.CONFIRMED;
  }

  /** LOCATION for a person: their bridge point's address (its name when it has none). */
  private placeOf(point: CalendarBridgePoint | null | undefined): string | null {
    return point?.address?.trim() || point?.name?.trim() || null;
  }

  /** RFC 5545 ends every content line, the last one included, with CRLF. */
  private render(calendar: ICalCalendar): string {
    return `${calendar.toString()}\r\n`;
  }
}

/**
 * ical-generator escapes `,` and `;` in URL as if it were TEXT, which corrupts a URI value;
 * percent-encoding them first keeps the link the same for every browser.
 */
function uri(url: string): string {
  return url.replace(/,/g, '%2C').replace(/;/g, '%3B');
}

function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

function validDate(value: Date | undefined): Date | null {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value : null;
}
