import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { newId } from '../common/ids';
import { newAttendeeCode } from './attendee-code';
import { Attendee } from './attendee.entity';
import { personSearchKey } from '../common/text';

/** A demo person; `checkedInAt` null: on the list, did not come. */
export interface DemoAttendee {
  fullName: string;
  organization: string;
  email: string;
  checkedInAt: Date | null;
}

/** Where and when the demo's people were invited, answered and were checked in. */
export interface DemoAttendance {
  conferenceId: string;
  bridgePointId: string;
  invitedAt: Date;
  respondedAt: Date;
  /** Who checked them in at the door. */
  checkedInBy: string;
}

/**
 * Writes a demo event's people for the seeding, inside its transaction: delegates imported onto
 * the list, invited and accepted, attended when they checked in, each with a code of their own.
 * The services invite, answer and check in around the present time (and audit and notify), which
 * does not fit the people of an event that already took place.
 */
@Injectable()
export class AttendeeDemoWriter {
  async insert(m: EntityManager, at: DemoAttendance, people: DemoAttendee[]): Promise<void> {
    const codes = new Set<string>();
    const freeCode = () => {
      let code = newAttendeeCode();
      while (codes.has(code)) code = newAttendeeCode();
      codes.add(code);
      return code;
    };
    const rows: Omit<Attendee, 'createdAt' | 'updatedAt'>[] = people.map((p) => ({
      id: newId(),
      conferenceId: at.conferenceId,
      bridgePointId: at.bridgePointId,
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
      invitedAt: at.invitedAt,
      respondedAt: at.respondedAt,
      checkedInAt: p.checkedInAt,
      checkedInBy: p.checkedInAt ? at.checkedInBy : null,
      searchKey: personSearchKey(p),
      substituteForId: null,
      version: 1,
    }));
    for (let i = 0; i < rows.length; i += 100) await m.insert(Attendee, rows.slice(i, i + 100));
  }
}
