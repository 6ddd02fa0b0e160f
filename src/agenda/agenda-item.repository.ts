import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import { User } from '../auth/user.entity';
import { Conference } from '../conferences/conference.entity';
import { ConferencePoints } from '../conferences/conference-points';
import { PageQueryDto, skipOf } from '../common/pagination';
import { AgendaItemSpeaker } from './agenda-item-speaker.entity';
import { AgendaItem } from './agenda-item.entity';
import { forUpdate } from '../database/row-lock';

/** The agenda's queries that go beyond one table or take locks. */
@Injectable()
export class AgendaItemRepository {
  constructor(
    @InjectRepository(AgendaItem) private readonly items: Repository<AgendaItem>,
    private readonly points: ConferencePoints,
  ) {}

  /** One page of a conference's agenda, in programme order. */
  listForConference(conferenceId: string, query: PageQueryDto): Promise<[AgendaItem[], number]> {
    return this.items.findAndCount({
      where: { conferenceId },
      order: { startsAt: 'ASC', position: 'ASC', id: 'ASC' },
      skip: skipOf(query),
      take: query.pageSize,
    });
  }

  /** The speaker ids of every item, in speaking order, read in one query whatever the number of items. */
  async speakerIdsByItem(itemIds: string[], manager: EntityManager = this.items.manager): Promise<Map<string, string[]>> {
    const byItem = new Map(itemIds.map((id): [string, string[]] => [id, []]));
    if (itemIds.length === 0) return byItem;
    const rows = await manager.find(AgendaItemSpeaker, {
      where: { agendaItemId: In(itemIds) },
      order: { agendaItemId: 'ASC', position: 'ASC' },
    });
    for (const row of rows) byItem.get(row.agendaItemId)?.push(row.speakerId);
    return byItem;
  }

  /** Sets an item's speakers to `speakerIds`, in that order. */
  async replaceSpeakers(manager: EntityManager, agendaItemId: string, speakerIds: string[]): Promise<void> {
    await manager.delete(AgendaItemSpeaker, { agendaItemId });
    if (speakerIds.length === 0) return;
    await manager.insert(
      AgendaItemSpeaker,
      speakerIds.map((speakerId, position) => ({ agendaItemId, speakerId, position })),
    );
  }

  /**
   * The conference, locked for the rest of the transaction on PostgreSQL, so two agenda writes
   * of one conference cannot both pass the overlap check (SQLite runs writes one at a time anyway).
   */
  lockConference(manager: EntityManager, conferenceId: string): Promise<Conference | null> {
    return manager.findOne(Conference, {
      where: { id: conferenceId },
      ...forUpdate(manager),
    });
  }

  /** The other items in the same place (a bridge point, or the main hall when null). */
  itemsAtPlace(manager: EntityManager, conferenceId: string, bridgePointId: string | null): Promise<AgendaItem[]> {
    return manager.find(AgendaItem, {
      select: { id: true, title: true, startsAt: true, endsAt: true, bridgePointId: true },
      where: { conferenceId, bridgePointId: bridgePointId ?? IsNull() },
    });
  }

  /** The position after the conference's last item. */
  async nextPosition(manager: EntityManager, conferenceId: string): Promise<number> {
    const row = await manager
      .createQueryBuilder(AgendaItem, 'i')
      .select('MAX(i.position)', 'last')
      .where('i.conferenceId = :conferenceId', { conferenceId })
      .getRawOne<{ last: number | string | null }>();
    return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
  }

  /** A speaker's items across conferences, by start; an operator sees only conferences with a point in their scope. */
  async pageForSpeaker(speakerId: string, query: PageQueryDto, user: User): Promise<[AgendaItem[], number]> {
    const manager = this.items.manager;
    const ofSpeaker = manager
      .createQueryBuilder(AgendaItemSpeaker, 's')
      .select('s.agendaItemId')
      .where('s.speakerId = :speakerId', { speakerId });
    const qb = this.items
      .createQueryBuilder('i')
      .where(`i.id IN (${ofSpeaker.getQuery()})`, ofSpeaker.getParameters())
      .orderBy('i.startsAt', 'ASC')
      .addOrderBy('i.id', 'ASC')
      .skip(skipOf(query))
      .take(query.pageSize);
    await this.points.whereVisible(manager, qb, 'i.conferenceId', user);
    return qb.getManyAndCount();
  }

  /** The conferences with these ids, by id. */
  async conferencesById(ids: string[]): Promise<Map<string, Conference>> {
    if (ids.length === 0) return new Map();
    const found = await this.items.manager.find(Conference, { where: { id: In([...new Set(ids)]) } });
    return new Map(found.map((c) => [c.id, c]));
  }
}
