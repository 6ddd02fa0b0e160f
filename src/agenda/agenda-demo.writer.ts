import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { newId } from '../common/ids';
import { searchKey } from '../common/text';
import { AgendaItemSpeaker } from './agenda-item-speaker.entity';
import { AgendaItem, AgendaItemKind } from './agenda-item.entity';
import { Speaker } from './speaker.entity';

/** A demo speaker; `key` names them in the demo's agenda. */
export interface DemoSpeaker {
  key: string;
  fullName: string;
  title: string;
  organization: string;
}

/** A demo agenda item (times in ISO 8601 with an offset), its speakers by key. */
export interface DemoAgendaItem {
  startsAt: string;
  endsAt: string;
  kind: AgendaItemKind;
  title: string;
  speakers: string[];
  attendanceRequired?: boolean;
}

/**
 * Writes a demo conference's speakers and agenda for the seeding, inside its transaction: the
 * speakers added to the directory, the items in the given order, each with its speakers. The
 * services check items against the conference's state and audit each change, which does not fit
 * the agenda of an event that already took place.
 */
@Injectable()
export class AgendaDemoWriter {
  async insert(m: EntityManager, conferenceId: string, speakers: DemoSpeaker[], agenda: DemoAgendaItem[]): Promise<void> {
    const speakerIds = new Map<string, string>();
    for (const s of speakers) {
      const id = newId();
      speakerIds.set(s.key, id);
      await m.insert(Speaker, {
        id,
        fullName: s.fullName,
        searchKey: searchKey(`${s.fullName} ${s.title} ${s.organization}`),
        title: s.title,
        organization: s.organization,
        email: null,
        phone: null,
        bio: null,
        version: 1,
      });
    }
    for (const [position, item] of agenda.entries()) {
      const id = newId();
      await m.insert(AgendaItem, {
        id,
        conferenceId,
        startsAt: new Date(item.startsAt),
        endsAt: new Date(item.endsAt),
        title: item.title,
        kind: item.kind,
        description: null,
        bridgePointId: null,
        position,
        attendanceRequired: item.attendanceRequired ?? false,
        version: 1,
      });
      for (const [order, key] of item.speakers.entries()) {
        await m.insert(AgendaItemSpeaker, { agendaItemId: id, speakerId: speakerIds.get(key)!, position: order });
      }
    }
  }
}
