import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull, Not } from 'typeorm';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { Conference } from '../conferences/conference.entity';
import { Attendee, AttendeeStatus } from './attendee.entity';

/** Statuses that hold a place (for capacity and the waiting list). */
export const HOLDS_PLACE: AttendeeStatus[] = ['added', 'invited', 'registered', 'accepted', 'attended'];

/** How many places a conference and each of its points have left (null: no limit). */
export interface Room {
  conference: number | null;
  point(bridgePointId: string, capacity: number | null): Promise<number | null>;
}

/**
 * The self-registration waiting list. `promote` runs inside the transaction that frees a place
 * (a decline, a cancellation, a removal) and moves people in, in the order they registered,
 * as long as both the conference and their bridge point have room.
 */
@Injectable()
export class Waitlist {
  async room(m: EntityManager, conference: Conference): Promise<Room> {
    const capacity = conference.registration?.capacity ?? null;
    const taken = capacity === null ? 0 : await m.count(Attendee, { where: { conferenceId: conference.id, status: In(HOLDS_PLACE) } });
    return {
      conference: capacity === null ? null : Math.max(0, capacity - taken),
      point: async (bridgePointId, pointCapacity) => {
        if (pointCapacity === null) return null;
        const atPoint = await m.count(Attendee, { where: { bridgePointId, status: In(HOLDS_PLACE) } });
        return Math.max(0, pointCapacity - atPoint);
      },
    };
  }

  /** Next waiting position in a conference. */
  async nextPosition(m: EntityManager, conferenceId: string): Promise<number> {
    const last = await m.findOne(Attendee, {
      where: { conferenceId, waitlistPosition: Not(IsNull()) },
      order: { waitlistPosition: 'DESC' },
    });
    return (last?.waitlistPosition ?? 0) + 1;
  }

  /** Moves waiting people in while there is room; answers how many were promoted. */
  async promote(m: EntityManager, conferenceId: string, _freedAt: string): Promise<number> {
    const conference = await m.findOneBy(Conference, { id: conferenceId });
    if (!conference) return 0;
    const waiting = await m.find(Attendee, {
      where: { conferenceId, status: 'waitlisted' },
      order: { waitlistPosition: 'ASC' },
    });
    if (waiting.length === 0) return 0;
    const capacities = new Map(
      (await m.find(BridgePoint, { where: { id: In([...new Set(waiting.map((a) => a.bridgePointId))]) } })).map((p) => [p.id, p.capacity]),
    );
    // Places are counted once, then kept up to date here as people move in.
    const room = await this.room(m, conference);
    let left = room.conference;
    const leftAt = new Map<string, number | null>();
    for (const [pointId, capacity] of capacities) leftAt.set(pointId, await room.point(pointId, capacity));
    let promoted = 0;
    for (const person of waiting) {
      if (left !== null && left <= 0) break;
      const atPoint = leftAt.get(person.bridgePointId) ?? null;
      if (atPoint !== null && atPoint <= 0) continue;
      await m.update(
        Attendee,
        { id: person.id, status: 'waitlisted' },
        { status: 'registered', waitlistPosition: null, version: () => 'version + 1' },
      );
      if (left !== null) left--;
      if (atPoint !== null) leftAt.set(person.bridgePointId, atPoint - 1);
      promoted++;
    }
    return promoted;
  }
}
