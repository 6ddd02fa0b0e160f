import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AdministrativeUnit, UnitSet } from '../administrative-units/administrative-unit.entity';
import { AgendaItemSpeaker } from '../agenda/agenda-item-speaker.entity';
import { AgendaItem, AgendaItemKind } from '../agenda/agenda-item.entity';
import { Speaker } from '../agenda/speaker.entity';
import { newAttendeeCode } from '../attendees/attendee-code';
import { Attendee } from '../attendees/attendee.entity';
import { attendeeSearchKey } from '../attendees/attendees.service';
import { BridgePoint, BridgePointLevel } from '../bridge-points/bridge-point.entity';
import { newBridgePoint, NewBridgePoint, unitFields } from '../bridge-points/bridge-point-row';
import { ConnectionCheck } from '../bridge-points/connection-check.entity';
import { newId } from '../common/ids';
import { seedsDir } from '../common/project-paths';
import { searchKey } from '../common/text';
import { Conference } from '../conferences/conference.entity';
import { DemoAttendeesSpec, demoAttendees, DemoPerson } from './demo-attendees';

/** Who recorded the demo's connection checks (a real check names a user's email or a link). */
const DEMO_CHECKED_BY = 'Ban Tổ chức (dữ liệu mẫu)';
const DAY_MS = 24 * 3600 * 1000;

/** The online review conference: Hà Nội to the 63 provinces. */
export const DEMO_CONFERENCE_FILE = 'demo-conference.json';
/** The in-person training event in Hà Tĩnh, with its people (and, for TrainingDemoSeeder, its training records). */
export const DEMO_TRAINING_FILE = 'demo-training.json';

export interface DemoFile {
  conference: Pick<
    Conference,
    'id' | 'title' | 'kind' | 'format' | 'description' | 'hostOrganization' | 'venue' | 'onlineUrl' | 'chairName' | 'chairTitle'
  > & { startsAt: string; endsAt: string };
  mainBridgePoint: {
    name: string;
    /** Default `central`. */
    level?: BridgePointLevel;
    address: string;
    chairName: string | null;
    chairTitle: string | null;
    expectedAttendees: number;
    /** Default: how many of the demo's people checked in. */
    actualAttendees?: number;
  };
  provincialBridgePoints?: { administrativeUnitSet: UnitSet; expectedAttendees: number; actualAttendees: number };
  speakers: { key: string; fullName: string; title: string; organization: string }[];
  agenda: { startsAt: string; endsAt: string; kind: AgendaItemKind; title: string; speakers: string[]; attendanceRequired?: boolean }[];
  attendees?: DemoAttendeesSpec;
}

/**
 * A demo conference from a file in `seeds/`: `demo-conference.json`, the national review of mass
 * mobilization work of the first half of 2022, held online from Hà Nội to the 63 provincial
 * bridge points, every point confirmed, its connection checked and its attendance reported; or
 * `demo-training.json`, the in-person training of Ban Dân vận Tỉnh ủy Hà Tĩnh in October 2022,
 * in one hall, with its ~300 people checked in at the door. Completed; seeded once (by its fixed id).
 */
@Injectable()
export class DemoSeeder {
  read(file = DEMO_CONFERENCE_FILE): DemoFile {
    return JSON.parse(readFileSync(isAbsolute(file) ? file : join(seedsDir(), file), 'utf8')) as DemoFile;
  }

  /** Answers whether it created the demo (false when it is already there). */
  async seed(m: EntityManager, adminId: string | null, demo = this.read()): Promise<boolean> {
    const c = demo.conference;
    if (await m.existsBy(Conference, { id: c.id })) return false;
    await this.insertConference(m, demo, adminId);
    const people = demo.attendees ? demoAttendees(demo.attendees) : [];
    const mainId = await this.insertBridgePoints(m, demo, people.filter((p) => p.checkedInAt).length);
    await this.insertAgenda(m, demo);
    if (demo.attendees) await this.insertAttendees(m, demo, mainId, people);
    return true;
  }

  private async insertConference(m: EntityManager, demo: DemoFile, adminId: string | null): Promise<void> {
    const c = demo.conference;
    await m.insert(Conference, {
      ...c,
      searchKey: searchKey(c.title),
      status: 'completed',
      startsAt: new Date(c.startsAt),
      endsAt: new Date(c.endsAt),
      timezone: 'Asia/Ho_Chi_Minh',
      cancelReason: null,
      registration: null,
      completionRule: null,
      clonedFromId: null,
      createdBy: adminId,
      version: 1,
      sequence: 0,
    });
  }

  /**
   * The main point and, for an online demo, every province's point, confirmed; an online demo's
   * points have their connection checked (an in-person one has nothing to connect). Answers the main point's id.
   */
  private async insertBridgePoints(m: EntityManager, demo: DemoFile, checkedIn: number): Promise<string> {
    const c = demo.conference;
    const startsAt = new Date(c.startsAt);
    const connected = c.format !== 'in_person';
    const confirmed = {
      conferenceId: c.id,
      confirmationStatus: 'confirmed' as const,
      confirmedAt: new Date(startsAt.getTime() - 3 * DAY_MS),
      ...(connected && { connectionStatus: 'ok' as const, connectionCheckedAt: new Date(startsAt.getTime() - DAY_MS) }),
    };
    const main = demo.mainBridgePoint;
    const points: NewBridgePoint[] = [
      newBridgePoint({
        ...confirmed,
        name: main.name,
        level: main.level ?? 'central',
        isMain: true,
        address: main.address,
        chairName: main.chairName,
        chairTitle: main.chairTitle,
        expectedAttendees: main.expectedAttendees,
        reportedAttendees: main.actualAttendees ?? checkedIn,
        checkedInAttendees: checkedIn,
      }),
      ...(await this.provincialPoints(m, demo, confirmed)),
    ];
    for (let i = 0; i < points.length; i += 200) await m.insert(BridgePoint, points.slice(i, i + 200));
    if (connected) {
      // The connection state the minutes report comes from a recorded check, as it does for real points.
      const checks = points.map((p) => ({
        id: newId(),
        bridgePointId: p.id,
        result: 'ok' as const,
        note: null,
        checkedAt: confirmed.connectionCheckedAt!,
        checkedBy: DEMO_CHECKED_BY,
      }));
      for (let i = 0; i < checks.length; i += 200) await m.insert(ConnectionCheck, checks.slice(i, i + 200));
    }
    return points[0].id;
  }

  private async provincialPoints(m: EntityManager, demo: DemoFile, confirmed: Partial<NewBridgePoint>): Promise<NewBridgePoint[]> {
    const spec = demo.provincialBridgePoints;
    if (!spec) return [];
    const set = spec.administrativeUnitSet;
    const provinces = await m.find(AdministrativeUnit, { where: { set, level: 'province' }, order: { code: 'ASC' } });
    return provinces.map((unit, i) =>
      newBridgePoint({
        ...confirmed,
        conferenceId: demo.conference.id,
        ...unitFields(set, unit),
        expectedAttendees: spec.expectedAttendees,
        // A few provinces reported fewer people than expected, as happens.
        reportedAttendees: spec.actualAttendees - (i % 7 === 0 ? 6 : 0),
        position: i + 1,
      }),
    );
  }

  private async insertAgenda(m: EntityManager, demo: DemoFile): Promise<void> {
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
        conferenceId: demo.conference.id,
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

  /** The demo's people at the main point: invited a week before, accepted, and checked in at the door unless they did not come. */
  private async insertAttendees(m: EntityManager, demo: DemoFile, bridgePointId: string, people: DemoPerson[]): Promise<void> {
    const startsAt = new Date(demo.conference.startsAt).getTime();
    const codes = new Set<string>();
    const freeCode = () => {
      let code = newAttendeeCode();
      while (codes.has(code)) code = newAttendeeCode();
      codes.add(code);
      return code;
    };
    const rows: Omit<Attendee, 'createdAt' | 'updatedAt'>[] = people.map((p) => ({
      id: newId(),
      conferenceId: demo.conference.id,
      bridgePointId,
      fullName: p.fullName,
      title: null,
      organization: p.organization,
      email: p.email,
      phone: null,
      role: 'delegate',
      status: p.checkedInAt ? 'attended' : 'accepted',
      source: 'import',
      code: freeCode(),
      notes: null,
      declineReason: null,
      waitlistPosition: null,
      invitedAt: new Date(startsAt - 7 * DAY_MS),
      respondedAt: new Date(startsAt - 5 * DAY_MS),
      checkedInAt: p.checkedInAt,
      checkedInBy: p.checkedInAt ? demo.attendees!.checkIn.by : null,
      searchKey: attendeeSearchKey(p),
      substituteForId: null,
      version: 1,
    }));
    for (let i = 0; i < rows.length; i += 100) await m.insert(Attendee, rows.slice(i, i + 100));
  }
}
