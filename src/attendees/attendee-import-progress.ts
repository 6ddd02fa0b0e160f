import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import { ImportJob } from './import-job.entity';

/**
 * Imports running in this process: their live counts (the job row is written when the import
 * commits, in the same transaction as the delegates), and the background work the app waits
 * for before it closes the database.
 */
@Injectable()
export class ImportProgress implements BeforeApplicationShutdown {
  private readonly live = new Map<string, ImportJob>();
  private readonly running = new Set<Promise<unknown>>();

  begin(job: ImportJob): void {
    this.live.set(job.id, job);
  }

  get(jobId: string): ImportJob | undefined {
    return this.live.get(jobId);
  }

  end(jobId: string): void {
    this.live.delete(jobId);
  }

  /** Keeps a background import alive until it settles, even while the app shuts down. */
  track(work: Promise<unknown>): void {
    this.running.add(work);
    void work.finally(() => this.running.delete(work));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }
}
