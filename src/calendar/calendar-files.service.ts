import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { attendeeNotFound } from '../attendees/attendee-errors';
import { Attendee, AttendeeStatus } from '../attendees/attendee.entity';
import { SignedLinksService } from '../auth/signed-links.service';
import { User } from '../auth/user.entity';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { inScope, scopeOf } from '../bridge-points/bridge-point-scope';
import { conferenceNotFound, conflict } from '../common/errors';
import { ConferencesService } from '../conferences/conferences.service';
import { Conference } from '../conferences/conference.entity';
import { TransactionRunner } from '../database/transaction-runner';
import { CalendarLink, CalendarLinksService } from './calendar-links.service';
import { CalendarRepository } from './calendar.repository';
import { CalendarService } from './calendar.service';
import { IssueCalendarLinkDto } from './calendar.dto';
import { IcsFile, icsFileName } from './ics-file';
import { unknownLink } from '../auth/link-errors';

/** The .ics files the API serves: who may have which, and the data each is built from. */

/** An invitation the person no longer holds: cancelled, or handed to a substitute. */
const WITHDRAWN: AttendeeStatus[] = ['cancelled', 'substituted'];
/** 404 for a signed link whose holder no longer exists (the wording SignedLinksService gives an unknown token). */

@Injectable()
export class CalendarFilesService {
  constructor(
    private readonly calendar: CalendarService,
    private readonly calendarLinks: CalendarLinksService,
    private readonly repository: CalendarRepository,
    private readonly conferences: ConferencesService,
    private readonly links: SignedLinksService,
    private readonly tx: TransactionRunner,
    @InjectRepository(Attendee) private readonly attendees: Repository<Attendee>,
    @InjectRepository(BridgePoint) private readonly points: Repository<BridgePoint>,
  ) {}

  /** The conference (and, when asked, each agenda item) for anyone who can see it. */
  async conferenceCalendar(conferenceId: string, withAgenda: boolean, user: User): Promise<IcsFile> {
    const conference = await this.conferences.findVisible(conferenceId, user);
    const agenda = await this.agendaOf(conferenceId);
    return {
      body: this.calendar.conferenceCalendar(conference, agenda, withAgenda),
      method: 'PUBLISH',
      filename: icsFileName(conference.title),
    };
  }

  /**
   * One attendee's invitation: REQUEST, or CANCEL once the conference or the attendee is
   * cancelled. An operator gets only attendees of their own bridge points (404 otherwise).
   */
  async invite(conferenceId: string, attendeeId: string, alarmMinutesBefore: number | null, user: User): Promise<IcsFile> {
    const conference = await this.conferences.findVisible(conferenceId, user);
    const attendee = await this.attendees.findOneBy({ id: attendeeId, conferenceId });
    const point = attendee ? await this.points.findOneBy({ id: attendee.bridgePointId }) : null;
    if (!attendee || !point || !inScope(point, await scopeOf(this.attendees.manager, user))) {
      throw attendeeNotFound();
    }
    if (!attendee.email) {
      throw conflict('email', 'no_email', `Đại biểu ${attendee.fullName} chưa có địa chỉ email; giấy mời lịch (.ics) cần có địa chỉ email của người nhận.`);
    }
    const method = conference.status === 'cancelled' || WITHDRAWN.includes(attendee.status) ? 'CANCEL' : 'REQUEST';
    return {
      body: this.calendar.invite(conference, attendee, point, await this.agendaOf(conferenceId), method, { alarmMinutesBefore }),
      method,
      filename: icsFileName(conference.title, method === 'CANCEL' ? 'huy-' : 'giay-moi-'),
    };
  }

  /**
   * The invitation for the holder of an RSVP link (the RSVP page's download): the same event,
   * UID and SEQUENCE as the emailed one, so a calendar updates it instead of adding a second.
   * Without an email address (an invitation is addressed to one) it is the conference itself.
   */
  async rsvpInvite(token: string): Promise<IcsFile> {
    const link = await this.links.resolve(token, 'attendee');
    const attendee = await this.attendees.findOneBy({ id: link.attendeeId!, conferenceId: link.conferenceId });
    const point = attendee ? await this.points.findOneBy({ id: attendee.bridgePointId }) : null;
    const conference = await this.attendees.manager.findOneBy(Conference, { id: link.conferenceId });
    if (!attendee || !point || !conference) throw unknownLink();
    const agenda = await this.agendaOf(conference.id);
    if (!attendee.email) {
      return { body: this.calendar.conferenceCalendar(conference, agenda, false), method: 'PUBLISH', filename: icsFileName(conference.title) };
    }
    const method = conference.status === 'cancelled' || WITHDRAWN.includes(attendee.status) ? 'CANCEL' : 'REQUEST';
    return {
      body: this.calendar.invite(conference, attendee, point, agenda, method),
      method,
      filename: icsFileName(conference.title, method === 'CANCEL' ? 'huy-' : 'giay-moi-'),
    };
  }

  /** A signed link to the attendee's personal feed (every conference their email is invited to). */
  async issueLink(conferenceId: string, attendeeId: string, dto: IssueCalendarLinkDto, user: User): Promise<CalendarLink> {
    return this.tx.transaction(async (m) => {
      const conference = await m.findOneBy(Conference, { id: conferenceId });
      if (!conference) throw conferenceNotFound();
      const attendee = await m.findOneBy(Attendee, { id: attendeeId, conferenceId });
      if (!attendee) throw attendeeNotFound();
      const expiresAt = this.links.expiryOf('calendar', conference.endsAt, dto.expiresAt);
      return this.calendarLinks.issue(m, { conferenceId, attendeeId }, expiresAt, user.id, { replace: dto.replace });
    });
  }

  /** The feed a calendar app subscribes to: 404 for an unknown token, 410 for an expired or revoked one. */
  async feed(token: string): Promise<IcsFile> {
    const link = await this.links.resolve(token, 'calendar');
    const owner = link.attendeeId ? await this.attendees.findOneBy({ id: link.attendeeId }) : null;
    if (!owner) throw unknownLink();
    const invitations = await this.repository.invitationsOf(owner);
    const agendas = await this.repository.agendaOf([...new Set(invitations.map((i) => i.conference.id))]);
    const entries = invitations.map((i) => ({ ...i, agendaItems: agendas.get(i.conference.id) ?? [] }));
    return { body: this.calendar.feed(entries, owner), method: 'PUBLISH', filename: 'lich-hoi-nghi.ics' };
  }

  private async agendaOf(conferenceId: string) {
    return (await this.repository.agendaOf([conferenceId])).get(conferenceId) ?? [];
  }
}
