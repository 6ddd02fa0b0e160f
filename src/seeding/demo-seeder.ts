import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AdministrativeUnit, UnitSet } from '../administrative-units/administrative-unit.entity';
import { AgendaItemSpeaker } from '../agenda/agenda-item-speaker.entity';
import { AgendaItem, AgendaItemKind } from '../agenda/agenda-item.entity';
import { Speaker } from '../agenda/speaker.entity';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { newBridgePoint, NewBridgePoint, unitFields } from '../bridge-points/bridge-point-row';
import { ConnectionCheck } from '../bridge-points/connection-check.entity';
import { newId } from '../common/ids';
import { seedsDir } from '../common/project-paths';
import { searchKey } from '../common/text';
import { Conference } from '../conferences/conference.entity';

/** Who recorded the demo's connection checks (a real check names a user's email or a link). */
const DEMO_CHECKED_BY = 'Ban Tổ chức (dữ liệu mẫu)';

interface DemoFile {
  conference: Pick<
    Conference,
    'id' | 'title' | 'kind' | 'format' | 'description' | 'hostOrganization' | 'venue' | 'onlineUrl' | 'chairName' | 'chairTitle'
  > & { startsAt: string; endsAt: string };
  mainBridgePoint: { name: string; address: string; chairName: string; chairTitle: string; expectedAttendees: number; actualAttendees: number };
  provincialBridgePoints: { administrativeUnitSet: UnitSet; expectedAttendees: number; actualAttendees: number };
  speakers: { key: string; fullName: string; title: string; organization: string }[];
  agenda: { startsAt: string; endsAt: string; kind: AgendaItemKind; title: string; speakers: string[] }[];
}

/**
 * The demo conference of `seeds/demo-conference.json`: the national review of mass mobilization
 * work of the first half of 2022, held online from Hà Nội to the 63 provincial bridge points,
 * completed, with every point confirmed, its connection checked and its attendance reported. Seeded once (by its fixed id).
 */
@Injectable()
export class DemoSeeder {
  read(file = join(seedsDir(), 'demo-conference.json')): DemoFile {
    return JSON.parse(readFileSync(file, 'utf8')) as DemoFile;
  }

  /** Answers whether it created the demo (false when it is already there). */
  async seed(m: EntityManager, adminId: string | null, demo = this.read()): Promise<boolean> {
    const c = demo.conference;
    if (await m.existsBy(Conference, { id: c.id })) return false;
    const startsAt = new Date(c.startsAt);
    const endsAt = new Date(c.endsAt);
    await m.insert(Conference, {
      ...c,
      searchKey: searchKey(c.title),
      status: 'completed',
      startsAt,
      endsAt,
      timezone: 'Asia/Ho_Chi_Minh',
      cancelReason: null,
      registration: null,
      clonedFromId: null,
      createdBy: adminId,
      version: 1,
      sequence: 0,
    });

    const confirmed = {
      conferenceId: c.id,
      confirmationStatus: 'confirmed' as const,
      confirmedAt: new Date(startsAt.getTime() - 3 * 24 * 3600 * 1000),
      connectionStatus: 'ok' as const,
      connectionCheckedAt: new Date(startsAt.getTime() - 24 * 3600 * 1000),
    };
    const main = demo.mainBridgePoint;
    const points: NewBridgePoint[] = [
      newBridgePoint({
        ...confirmed,
        name: main.name,
        level: 'central',
        isMain: true,
        address: main.address,
        chairName: main.chairName,
        chairTitle: main.chairTitle,
        expectedAttendees: main.expectedAttendees,
        reportedAttendees: main.actualAttendees,
      }),
    ];
    const set = demo.provincialBridgePoints.administrativeUnitSet;
    const provinces = await m.find(AdministrativeUnit, { where: { set, level: 'province' }, order: { code: 'ASC' } });
    provinces.forEach((unit, i) => {
      points.push(
        newBridgePoint({
          ...confirmed,
          ...unitFields(set, unit),
          expectedAttendees: demo.provincialBridgePoints.expectedAttendees,
          // A few provinces reported fewer people than expected, as happens.
          reportedAttendees: demo.provincialBridgePoints.actualAttendees - (i % 7 === 0 ? 6 : 0),
          position: i + 1,
        }),
      );
    });
    for (let i = 0; i < points.length; i += 200) await m.insert(BridgePoint, points.slice(i, i + 200));
    // The connection state the minutes report comes from a recorded check, as it does for real points.
    const checks = points.map((p) => ({
      id: newId(),
      bridgePointId: p.id,
      result: 'ok' as const,
      note: null,
      checkedAt: confirmed.connectionCheckedAt,
      checkedBy: DEMO_CHECKED_BY,
    }));
    for (let i = 0; i < checks.length; i += 200) await m.insert(ConnectionCheck, checks.slice(i, i + 200));

    const speakerIds = new Map<string, string>();
    for (const s of demo.speakers) {
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
    for (const [position, item] of demo.agenda.entries()) {
      const id = newId();
      await m.insert(AgendaItem, {
        id,
        conferenceId: c.id,
        startsAt: new Date(item.startsAt),
        endsAt: new Date(item.endsAt),
        title: item.title,
        kind: item.kind,
        description: null,
        bridgePointId: null,
        position,
        version: 1,
      });
      for (const [order, key] of item.speakers.entries()) {
        await m.insert(AgendaItemSpeaker, { agendaItemId: id, speakerId: speakerIds.get(key)!, position: order });
      }
    }
    return true;
  }
}
