import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Conference } from './conference.entity';

/** A new calendar revision of a conference: its time, place or link changed, or it was cancelled. */
export type CalendarChange = 'update' | 'cancellation';

/** Tells a module's people about a conference's new calendar revision (e.g. queues their mails). */
export type CalendarStep = (m: EntityManager, conference: Conference, change: CalendarChange) => Promise<void>;

/**
 * Modules with people to tell when a conference's calendar changes (the attendees already
 * invited) register a step here, so conferences need not know them (the dependency runs one
 * way). Steps run inside the changing transaction, after the conference row holds the new
 * revision, so a mail exists exactly when the change was committed.
 */
@Injectable()
export class ConferenceCalendarSteps {
  private readonly steps: { name: string; run: CalendarStep }[] = [];

  register(name: string, run: CalendarStep): void {
    if (this.steps.some((s) => s.name === name)) throw new Error(`calendar step "${name}" is registered twice`);
    this.steps.push({ name, run });
  }

  async runAll(m: EntityManager, conference: Conference, change: CalendarChange): Promise<void> {
    for (const step of this.steps) await step.run(m, conference, change);
  }
}
