import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * What a module does when a draft conference is deleted: read what it must clean up inside the
 * deleting transaction (its rows go with the conference by foreign key), and answer the work to
 * do once that transaction has committed (e.g. removing stored files), or nothing.
 */
export type RemovalStep = (m: EntityManager, conferenceId: string) => Promise<(() => Promise<void>) | null>;

/**
 * Modules built on conferences (materials, …) register here what deleting a conference means for
 * them, so conferences need not know them (the dependency runs one way). The after-commit work
 * runs only when the deletion committed, so a refused or failed deletion leaves every file in place.
 */
@Injectable()
export class ConferenceRemovalSteps {
  private readonly logger = new Logger(ConferenceRemovalSteps.name);
  private readonly steps: { name: string; run: RemovalStep }[] = [];

  register(name: string, run: RemovalStep): void {
    if (this.steps.some((s) => s.name === name)) throw new Error(`removal step "${name}" is registered twice`);
    this.steps.push({ name, run });
  }

  /** Runs every step inside the deleting transaction; answers the work for after the commit. */
  async prepare(m: EntityManager, conferenceId: string): Promise<() => Promise<void>> {
    const after: { name: string; work: () => Promise<void> }[] = [];
    for (const step of this.steps) {
      const work = await step.run(m, conferenceId);
      if (work) after.push({ name: step.name, work });
    }
    return async () => {
      for (const { name, work } of after) {
        // The conference is gone either way; what could not be cleaned up is said in the log, not to the caller.
        await work().catch((error: unknown) => this.logger.warn(`after deleting conference ${conferenceId}, ${name} failed: ${String(error)}`));
      }
    };
  }
}
