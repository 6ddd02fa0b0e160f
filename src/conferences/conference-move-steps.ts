import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** A conference's new window, and how far its start moved. */
export interface ConferenceMove {
  conferenceId: string;
  /** The new start minus the old one, in milliseconds (0: only the end moved). */
  shiftMs: number;
  startsAt: Date;
  endsAt: Date;
}

/** Moves a module's rows with the conference, or refuses the move (an HTTP refusal) when they cannot follow. */
export type MoveStep = (m: EntityManager, move: ConferenceMove) => Promise<void>;

/**
 * Modules whose rows have times inside the conference's window (the agenda) follow a change of that
 * window through a step registered here, inside the changing transaction; a step that refuses
 * refuses the whole change. Conferences need not know them (the dependency runs one way).
 */
@Injectable()
export class ConferenceMoveSteps {
  private readonly steps: { name: string; run: MoveStep }[] = [];

  register(name: string, run: MoveStep): void {
    if (this.steps.some((s) => s.name === name)) throw new Error(`move step "${name}" is registered twice`);
    this.steps.push({ name, run });
  }

  async runAll(m: EntityManager, move: ConferenceMove): Promise<void> {
    for (const step of this.steps) await step.run(m, move);
  }
}
