import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AgendaItem } from '../agenda/agenda-item.entity';
import { publicAgenda, PublicAgendaItem } from '../agenda/public-agenda';
import { linkActor } from '../audit/actor';
import { SignedLinksService } from '../auth/signed-links.service';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { Conference } from '../conferences/conference.entity';
import { InvitationConference, toInvitationConference } from '../conferences/public-conference';
import { AttendeeResponseDto, PersonDto, toAttendeeResponse } from './attendee.dto';
import { Attendee } from './attendee.entity';
import { AttendeesService } from './attendees.service';
import { unknownLink } from '../auth/link-errors';

export interface RsvpView {
  conference: InvitationConference;
  attendee: AttendeeResponseDto;
  bridgePoint: { id: string; name: string; address: string | null };
  /** The programme, in order (times as ISO instants). */
  agenda: PublicAgendaItem[];
  /** Who goes in their place, once they sent a substitute. */
  substitute: { fullName: string; code: string } | null;
  linkExpiresAt: string;
}

/** What a delegate does through the RSVP link in their invitation, with no account. */
@Injectable()
export class PublicRsvpService {
  constructor(
    private readonly links: SignedLinksService,
    private readonly attendees: AttendeesService,
    @InjectRepository(Attendee) private readonly attendeeRows: Repository<Attendee>,
    @InjectRepository(Conference) private readonly conferences: Repository<Conference>,
    @InjectRepository(BridgePoint) private readonly points: Repository<BridgePoint>,
    @InjectRepository(AgendaItem) private readonly agenda: Repository<AgendaItem>,
  ) {}

  async view(token: string): Promise<RsvpView> {
    const link = await this.links.resolve(token, 'attendee');
    // A link outlives the attendee it was made for when they are removed from the list.
    const attendee = await this.attendeeRows.findOneBy({ id: link.attendeeId! });
    if (!attendee) throw unknownLink();
    const [conference, point, agenda, substitute] = await Promise.all([
      this.conferences.findOneByOrFail({ id: link.conferenceId }),
      this.points.findOneByOrFail({ id: attendee.bridgePointId }),
      publicAgenda(this.agenda, link.conferenceId),
      attendee.status === 'substituted' ? this.attendeeRows.findOneBy({ substituteForId: attendee.id }) : null,
    ]);
    return {
      conference: toInvitationConference(conference),
      attendee: toAttendeeResponse(attendee),
      bridgePoint: { id: point.id, name: point.name, address: point.address },
      agenda,
      substitute: substitute ? { fullName: substitute.fullName, code: substitute.code } : null,
      linkExpiresAt: link.expiresAt.toISOString(),
    };
  }

  async accept(token: string): Promise<AttendeeResponseDto> {
    const link = await this.links.resolve(token, 'attendee');
    return this.attendees.respond(link.conferenceId, link.attendeeId!, 'accepted', null, linkActor(link.id));
  }

  async decline(token: string, reason: string): Promise<AttendeeResponseDto> {
    const link = await this.links.resolve(token, 'attendee');
    return this.attendees.respond(link.conferenceId, link.attendeeId!, 'declined', reason, linkActor(link.id));
  }

  async substitute(token: string, person: PersonDto): Promise<AttendeeResponseDto> {
    const link = await this.links.resolve(token, 'attendee');
    return this.attendees.substitute(link.conferenceId, link.attendeeId!, person, linkActor(link.id));
  }
}
