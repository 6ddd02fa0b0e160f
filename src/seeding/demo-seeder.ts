import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AdministrativeUnit, UnitSet } from '../administrative-units/administrative-unit.entity';
import { AgendaDemoWriter, DemoAgendaItem, DemoSpeaker } from '../agenda/agenda-demo.writer';
import { AttendeeDemoWriter } from '../attendees/attendee-demo.writer';
import { BridgePointLevel } from '../bridge-points/bridge-point.entity';
import { BridgePointDemoWriter } from '../bridge-points/bridge-point-demo.writer';
import { newBridgePoint, NewBridgePoint, unitFields } from '../bridge-points/bridge-point-row';
import { seedsDir } from '../common/project-paths';
import { ConferenceDemoWriter, DemoConference } from '../conferences/conference-demo.writer';
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
  conference: Omit<DemoConference, 'startsAt' | 'endsAt'> & { startsAt: string; endsAt: string };
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
  speakers: DemoSpeaker[];
  agenda: DemoAgendaItem[];
  attendees?: DemoAttendeesSpec;
}

/**
 * A demo conference from a file in `seeds/`: `demo-conference.json`, the national review of mass
 * mobilization work of the first half of 2022, held online from Hà Nội to the 63 provincial
 * bridge points, every point confirmed, its connection checked and its attendance reported; or
 * `demo-training.json`, the in-person training of Ban Dân vận Tỉnh ủy Hà Tĩnh in October 2022,
 * in one hall, with its ~300 people checked in at the door. Completed; seeded once (by its fixed id).
 * What the demo is made of is decided here; each module writes its own rows (the `*DemoWriter`s).
 */
@Injectable()
export class DemoSeeder {
  constructor(
    private readonly conferences: ConferenceDemoWriter,
    private readonly bridgePoints: BridgePointDemoWriter,
    private readonly agenda: AgendaDemoWriter,
    private readonly attendees: AttendeeDemoWriter,
  ) {}

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
    await this.agenda.insert(m, c.id, demo.speakers, demo.agenda);
    if (demo.attendees) await this.insertAttendees(m, demo, mainId, people);
    return true;
  }

  private async insertConference(m: EntityManager, demo: DemoFile, adminId: string | null): Promise<void> {
    const c = demo.conference;
    await this.conferences.insertCompleted(m, { ...c, startsAt: new Date(c.startsAt), endsAt: new Date(c.endsAt) }, adminId);
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
    // The connection state the minutes report comes from a recorded check, as it does for real points.
    await this.bridgePoints.insert(m, points, DEMO_CHECKED_BY);
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

  /** The demo's people at the main point: invited a week before, accepted, and checked in at the door unless they did not come. */
  private async insertAttendees(m: EntityManager, demo: DemoFile, bridgePointId: string, people: DemoPerson[]): Promise<void> {
    const startsAt = new Date(demo.conference.startsAt).getTime();
    await this.attendees.insert(
      m,
      {
        conferenceId: demo.conference.id,
        bridgePointId,
        invitedAt: new Date(startsAt - 7 * DAY_MS),
        respondedAt: new Date(startsAt - 5 * DAY_MS),
        checkedInBy: demo.attendees!.checkIn.by,
      },
      people,
    );
  }
}
