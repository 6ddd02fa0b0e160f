import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { Attendee } from './attendee.entity';
import { AttendeeRepository } from './attendee.repository';

/**
 * The attendee side of invitations. `invitedAt` records when an invitation was first queued for
 * someone (so "not yet invited" can be sent later without repeating anyone).
 * An attendee is `invited` once an invitation was actually sent to them, not when it was
 * queued: the mail dispatcher reports each invitation the mail server accepted, inside the
 * transaction that marks it sent. Only `added` people move; an answer already given stays.
 */
@Injectable()
export class AttendeeInvitations {
  constructor(private readonly rows: AttendeeRepository) {}

  /** Stamps `invitedAt` on those of `attendeeIds` who had none (an earlier stamp stays). */
  async markQueued(m: EntityManager, attendeeIds: string[], at: Date): Promise<void> {
    for (let i = 0; i < attendeeIds.length; i += 500) {
      await m.createQueryBuilder().update(Attendee).set({ invitedAt: at }).whereInIds(attendeeIds.slice(i, i + 500)).andWhere({ invitedAt: IsNull() }).execute();
    }
  }

  async markInvited(m: EntityManager, attendeeIds: string[]): Promise<void> {
    // One fixed statement, prepared once on SQLite: sent mails arrive a few at a time.
    for (const id of attendeeIds) await this.rows.markInvited(m, id);
  }
}
