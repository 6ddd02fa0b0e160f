import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CalendarChange, ConferenceCalendarSteps } from '../conferences/conference-calendar-steps';
import { Conference } from '../conferences/conference.entity';
import { OutboxService } from '../outbox/outbox.service';
import { calendarMessages, invitedAttendees } from './invitation-messages';

/**
 * Everyone already invited gets a conference's new time, place or link, or its cancellation: a
 * calendar mail queued in the transaction that changed the conference.
 */
@Injectable()
export class AttendeeCalendarNotices implements OnModuleInit {
  constructor(
    private readonly steps: ConferenceCalendarSteps,
    private readonly outbox: OutboxService,
  ) {}

  onModuleInit(): void {
    this.steps.register('invitedAttendees', (m, conference, change) => this.queue(m, conference, change));
  }

  async queue(m: EntityManager, conference: Conference, change: CalendarChange): Promise<void> {
    await this.outbox.enqueue(m, calendarMessages(conference, await invitedAttendees(m, conference.id), change));
  }
}
