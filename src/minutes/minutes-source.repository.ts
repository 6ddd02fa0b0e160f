import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull, Not } from 'typeorm';
import { AgendaItemSpeaker } from '../agenda/agenda-item-speaker.entity';
import { AgendaItem } from '../agenda/agenda-item.entity';
import { Speaker } from '../agenda/speaker.entity';
import { Attendee } from '../attendees/attendee.entity';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { Conference } from '../conferences/conference.entity';
import { ActionItem } from './action-item.entity';

export type SourcePoint = Pick<
  BridgePoint,
  'id' | 'name' | 'isMain' | 'address' | 'expectedAttendees' | 'reportedAttendees' | 'checkedInAttendees' | 'connectionStatus' | 'confirmationStatus'
>;
/** A person who attended (checked in). */
export type SourceAttendee = Pick<Attendee, 'bridgePointId' | 'fullName' | 'title'>;
export interface SourceAgendaItem {
  id: string;
  startsAt: Date;
  title: string;
  description: string | null;
  speakers: { fullName: string; title: string | null }[];
}

/** Everything the minutes are drafted from, read in a fixed number of queries. */
export interface MinutesSource {
  conference: Conference;
  points: SourcePoint[];
  attendees: SourceAttendee[];
  agenda: SourceAgendaItem[];
  actionItems: ActionItem[];
}

/**
 * Reads a conference's data for its minutes inside the caller's transaction: every bridge point
 * (declined ones too, so the minutes can say so and their totals equal the summary's), the
 * people who attended (checked in), the agenda and the action items. Five queries (points,
 * attendees, agenda, speakers, action items) whatever the number of points.
 */
@Injectable()
export class MinutesSourceRepository {
  async read(m: EntityManager, conference: Conference): Promise<MinutesSource> {
    const conferenceId = conference.id;
    const points = await m
      .createQueryBuilder(BridgePoint, 'bp')
      .select([
        'bp.id',
        'bp.name',
        'bp.isMain',
        'bp.address',
        'bp.expectedAttendees',
        'bp.reportedAttendees',
        'bp.checkedInAttendees',
        'bp.connectionStatus',
        'bp.confirmationStatus',
      ])
      .where('bp.conferenceId = :conferenceId', { conferenceId })
      // The main hall first, then provinces by code, each province's communes after it.
      .orderBy('bp.isMain', 'DESC')
      .addOrderBy('bp.provinceCode', 'ASC')
      .addOrderBy('bp.level', 'DESC')
      .addOrderBy('bp.administrativeUnitCode', 'ASC')
      .addOrderBy('bp.position', 'ASC')
      .addOrderBy('bp.name', 'ASC')
      .getMany();
    const attendees = await m.find(Attendee, {
      select: { bridgePointId: true, fullName: true, title: true },
      where: { conferenceId, checkedInAt: Not(IsNull()) },
      order: { bridgePointId: 'ASC', searchKey: 'ASC', id: 'ASC' },
    });
    const items = await m.find(AgendaItem, {
      select: { id: true, startsAt: true, title: true, description: true, kind: true },
      where: { conferenceId },
      order: { startsAt: 'ASC', position: 'ASC', id: 'ASC' },
    });
    const speakerRows =
      items.length === 0
        ? []
        : await m
            .createQueryBuilder(AgendaItemSpeaker, 's')
            .innerJoin(Speaker, 'sp', 'sp.id = s.speakerId')
            .select(['s.agendaItemId AS item_id', 'sp.fullName AS full_name', 'sp.title AS title'])
            .where('s.agendaItemId IN (:...ids)', { ids: items.map((i) => i.id) })
            .orderBy('s.agendaItemId', 'ASC')
            .addOrderBy('s.position', 'ASC')
            .getRawMany<{ item_id: string; full_name: string; title: string | null }>();
    const speakers = new Map<string, SourceAgendaItem['speakers']>();
    for (const row of speakerRows) {
      const list = speakers.get(row.item_id) ?? [];
      list.push({ fullName: row.full_name, title: row.title });
      speakers.set(row.item_id, list);
    }
    const actionItems = await m.find(ActionItem, { where: { conferenceId }, order: { position: 'ASC', createdAt: 'ASC', id: 'ASC' } });
    return {
      conference,
      points,
      attendees,
      agenda: items
        .filter((i) => i.kind !== 'break')
        .map((i) => ({ id: i.id, startsAt: i.startsAt, title: i.title, description: i.description, speakers: speakers.get(i.id) ?? [] })),
      actionItems,
    };
  }
}
