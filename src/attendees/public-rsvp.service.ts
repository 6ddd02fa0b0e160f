import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AgendaItem } from '../agenda/agenda-item.entity';
import { linkActor } from '../audit/actor';
import { SignedLinksService } from '../auth/signed-links.service';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { Conference } from '../conferences/conference.entity';
import { AttendeeResponseDto, PersonDto, toAttendeeResponse } from './attendee.dto';
import { Attendee } from './attendee.entity';
import { AttendeesService } from './attendees.service';
import { unknownLink } from '../auth/link-errors';

export interface RsvpView {
  conference: {
    id: string;
    title: string;
    status: string;
    startsAt: string;
    endsAt: string;
    timezone: string;
    venue: string | null;
    onlineUrl: string | null;
    hostOrganization: string | null;
  };
  attendee: AttendeeResponseDto;
  bridgePoint: { id: string; name: string; address: string | null };
  /** The programme, in order (times as ISO instants). */
  agenda: { title: string; kind: string; startsAt: string; endsAt: string }[];
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
    const [conference, point, items, substitute] = await Promise.all([
      this.conferences.findOneByOrFail({ id: link.conferenceId }),
      this.points.findOneByOrFail({ id: attendee.bridgePointId }),
      this.agenda.find({ where: { conferenceId: link.conferenceId }, order: { startsAt: 'ASC', position: 'ASC' } }),
      attendee.status === 'substituted' ? this.attendeeRows.findOneBy({ substituteForId: attendee.id }) : null,
    ]);
    return {
      conference: {
        id: conference.id,
        title: conference.title,
        status: conference.status,
        startsAt: conference.startsAt.toISOString(),
        endsAt: conference.endsAt.toISOString(),
        timezone: conference.timezone,
        venue: conference.venue,
        onlineUrl: conference.onlineUrl,
        hostOrganization: conference.hostOrganization,
      },
      attendee: toAttendeeResponse(attendee),
      bridgePoint: { id: point.id, name: point.name, address: point.address },
      agenda: items.map((i) => ({ title: i.title, kind: i.kind, startsAt: i.startsAt.toISOString(), endsAt: i.endsAt.toISOString() })),
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
