import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** What a module needs to copy its own rows of a conference into the clone. */
export interface CloneContext {
  /** The clone's transaction: a step that throws undoes the whole clone. */
  readonly manager: EntityManager;
  readonly sourceId: string;
  readonly copyId: string;
  /** How far the clone moves every time (its start minus the source's), in milliseconds. */
  readonly shiftMs: number;
  /** Each bridge point of the source → its copy, filled by the bridge points' step. */
  readonly pointIds: Map<string, string>;
  /** Each agenda item of the source → its copy, filled by the agenda's step. */
  readonly agendaItemIds: Map<string, string>;
}

/** Copies a module's rows into the clone; answers how many it copied (for the audit entry). */
export type CloneStep = (context: CloneContext) => Promise<number>;

/**
 * Each module copies its own rows when a conference is cloned (bridge points, agenda, training's
 * evaluation form, …) by registering a step here when it starts, so the dependency runs one way:
 * they know conferences; conferences does not know them. Steps run inside the clone's transaction,
 * after the conference row exists, by `order` (points 10, agenda 20: an item's point must have its
 * copy; later steps use both maps), then by registration.
 */
@Injectable()
export class ConferenceCloneSteps {
  private readonly steps: { name: string; run: CloneStep; order: number }[] = [];

  register(name: string, run: CloneStep, order = 100): void {
    if (this.steps.some((s) => s.name === name)) throw new Error(`clone step "${name}" is registered twice`);
    this.steps.push({ name, run, order });
    this.steps.sort((a, b) => a.order - b.order);
  }

  /** Runs every step; answers how many rows each copied, by name, for the audit entry. */
  async runAll(context: CloneContext): Promise<Record<string, number>> {
    const copied: Record<string, number> = {};
    for (const step of this.steps) copied[step.name] = await step.run(context);
    return copied;
  }
}
