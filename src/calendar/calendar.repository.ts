import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { AgendaItemSpeaker } from '../agenda/agenda-item-speaker.entity';
import { AgendaItem } from '../agenda/agenda-item.entity';
import { Speaker } from '../agenda/speaker.entity';
import { Attendee } from '../attendees/attendee.entity';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { Conference } from '../conferences/conference.entity';
import { CalendarAgendaItem, FeedEntry } from './calendar-inputs';

/** A personal feed lists at most this many conferences, the latest first. */
const FEED_LIMIT = 500;

/** The reads behind calendars: agendas with speakers' names, and the conferences of one person. */
@Injectable()
export class CalendarRepository {
  constructor(
    @InjectRepository(AgendaItem) private readonly items: Repository<AgendaItem>,
    @InjectRepository(Attendee) private readonly attendees: Repository<Attendee>,
  ) {}

  /** The agenda of each conference in programme order, with speakers in speaking order: three queries whatever the count. */
  async agendaOf(conferenceIds: string[]): Promise<Map<string, CalendarAgendaItem[]>> {
    const byConference = new Map(conferenceIds.map((id): [string, CalendarAgendaItem[]] => [id, []]));
    if (conferenceIds.length === 0) return byConference;
    const items = await this.items.find({
      where: { conferenceId: In(conferenceIds) },
      order: { startsAt: 'ASC', position: 'ASC', id: 'ASC' },
    });
    const names = await this.speakerNames(items.map((i) => i.id));
    for (const item of items) {
      byConference.get(item.conferenceId)?.push({ ...item, speakerNames: names.get(item.id) ?? [] });
    }
    return byConference;
  }

  /**
   * What a person's feed lists: every invitation to their email (or, without one, the invitation
   * the link was made for) that is not withdrawn, in conferences past the draft stage, each with
   * the conference and the bridge point.
   */
  async invitationsOf(owner: Attendee): Promise<Omit<FeedEntry, 'agendaItems'>[]> {
    const qb = this.attendees
      .createQueryBuilder('a')
      .innerJoin(Conference, 'c', 'c.id = a.conferenceId')
      // A person whose invitation was withdrawn (cancelled, or replaced by a substitute) no longer holds it.
      .where("a.status NOT IN ('cancelled', 'substituted')")
      .andWhere("c.status <> 'draft'")
      .orderBy('c.startsAt', 'DESC')
      .addOrderBy('a.id', 'ASC')
      .limit(FEED_LIMIT);
    if (owner.email) qb.andWhere('a.email = :email', { email: owner.email });
    else qb.andWhere('a.id = :id', { id: owner.id });
    const invitations = await qb.getMany();
    if (invitations.length === 0) return [];
    const [conferences, points] = await Promise.all([
      this.attendees.manager.findBy(Conference, { id: In([...new Set(invitations.map((a) => a.conferenceId))]) }),
      this.attendees.manager.findBy(BridgePoint, { id: In([...new Set(invitations.map((a) => a.bridgePointId))]) }),
    ]);
    const conferenceById = new Map(conferences.map((c) => [c.id, c]));
    const pointById = new Map(points.map((p) => [p.id, p]));
    return invitations
      .filter((a) => conferenceById.has(a.conferenceId) && pointById.has(a.bridgePointId))
      .map((attendee) => ({
        attendee,
        conference: conferenceById.get(attendee.conferenceId)!,
        bridgePoint: pointById.get(attendee.bridgePointId)!,
      }))
      .reverse();
  }

  private async speakerNames(itemIds: string[]): Promise<Map<string, string[]>> {
    const byItem = new Map<string, string[]>();
    if (itemIds.length === 0) return byItem;
    const rows = await this.items.manager
      .createQueryBuilder(AgendaItemSpeaker, 's')
      .innerJoin(Speaker, 'sp', 'sp.id = s.speakerId')
      .select('s.agendaItemId', 'itemId')
      .addSelect('sp.fullName', 'fullName')
      .where('s.agendaItemId IN (:...itemIds)', { itemIds })
      .orderBy('s.agendaItemId', 'ASC')
      .addOrderBy('s.position', 'ASC')
      .getRawMany<{ itemId: string; fullName: string }>();
    for (const row of rows) byItem.set(row.itemId, [...(byItem.get(row.itemId) ?? []), row.fullName]);
    return byItem;
  }
}
