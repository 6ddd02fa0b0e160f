import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner';

/**
 * An attendee is `invited` once an invitation was actually sent to them, not when it was
 * queued: the mail dispatcher reports each invitation the mail server accepted, inside the
 * transaction that marks it sent. Only `added` people move; an answer already given stays.
 */
@Injectable()
export class AttendeeInvitations {
  constructor(private readonly tx: TransactionRunner) {}

  async markInvited(m: EntityManager, attendeeIds: string[]): Promise<void> {
    for (const id of attendeeIds) {
      // One fixed statement, prepared once on SQLite: sent mails arrive a few at a time.
      await this.tx.sql(
        m,
        "UPDATE attendees SET status = 'invited', version = version + 1, updated_at = CURRENT_TIMESTAMP WHERE id = $1 AND status = 'added'",
        [id],
      );
    }
  }
}
