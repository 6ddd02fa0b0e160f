import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { invitedAttendees } from '../attendees/invitation-messages';
import { Clock } from '../common/clock';
import { Conference } from '../conferences/conference.entity';
import { AppConfig } from '../config/app-config';
import { sqlInstant } from '../database/sql-instant';
import { TransactionRunner } from '../database/transaction-runner';
import { OutboxService } from '../outbox/outbox.service';

/**
 * Queues a reminder to every attendee invited before the reminder time when a published
 * conference is within REMINDER_BEFORE_MINUTES of its start; keyed by attendee and start time, so
 * it goes once per start (and again if the conference is moved). Someone invited within that time
 * has just received the invitation, with everything a reminder says: they get no second mail.
 */
@Injectable()
export class Reminders {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async queueDue(): Promise<number> {
    const minutes = this.config.reminderBeforeMinutes;
    if (minutes <= 0) return 0;
    const now = this.clock.now();
    return this.tx.transaction(async (m) => {
      const soon = await m
        .createQueryBuilder(Conference, 'c')
        .where({ status: In(['published', 'ongoing']) })
        .andWhere('c.startsAt > :now AND c.startsAt <= :until', {
          now: sqlInstant(m, now),
          until: sqlInstant(m, new Date(now.getTime() + minutes * 60_000)),
        })
        .getMany();
      let queued = 0;
      for (const conference of soon) {
        const remindFrom = conference.startsAt.getTime() - minutes * 60_000;
        const attendees = (await invitedAttendees(m, conference.id)).filter((a) => a.invitedAt!.getTime() <= remindFrom);
        queued += await this.outbox.enqueue(
          m,
          attendees.map((a) => ({
            kind: 'reminder' as const,
            conferenceId: conference.id,
            recipient: a.email!,
            recipientName: a.fullName,
            attendeeId: a.id,
            idempotencyKey: `reminder:${a.id}:${conference.startsAt.toISOString()}`,
            payload: { sequence: conference.sequence },
          })),
        );
      }
      return queued;
    });
  }
}
