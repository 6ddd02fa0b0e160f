import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** What a module needs to copy its own rows of a conference into the clone. */
export interface CloneContext {
  /** The clone's transaction: a step that throws undoes the whole clone. */
  readonly manager: EntityManager;
  readonly sourceId: string;
  readonly copyId: string;
  /** Each agenda item of the source → its copy in the clone. */
  readonly agendaItemIds: ReadonlyMap<string, string>;
}

export type CloneStep = (context: CloneContext) => Promise<void>;

/**
 * Modules that build on conferences (training's evaluation form, …) copy their own rows when a
 * conference is cloned by registering a step here when they start, so the dependency runs one way:
 * they know conferences; conferences does not know them. Steps run in registration order, inside
 * the clone's transaction, after the conference, its points and its agenda exist.
 */
@Injectable()
export class ConferenceCloneSteps {
  private readonly steps: { name: string; run: CloneStep }[] = [];

  register(name: string, run: CloneStep): void {
    if (this.steps.some((s) => s.name === name)) throw new Error(`clone step "${name}" is registered twice`);
    this.steps.push({ name, run });
  }

  /** Runs every step; answers the names of those that ran, for the audit entry. */
  async runAll(context: CloneContext): Promise<string[]> {
    for (const step of this.steps) await step.run(context);
    return this.steps.map((s) => s.name);
  }
}
