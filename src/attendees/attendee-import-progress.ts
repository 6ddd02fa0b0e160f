import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { ImportJob } from './import-job.entity';

/** How often a running job's heartbeat is written (PostgreSQL). */
export const HEARTBEAT_MS = 5_000;
/** A job still `running` with no heartbeat for this long was cut off by a stopped server. */
export const STALE_AFTER_MS = 30_000;
export const INTERRUPTED_MESSAGE = 'Việc nhập danh sách bị gián đoạn do máy chủ dừng khi đang chạy; chưa có dữ liệu nào được ghi.';

/**
 * Imports running in this process: their live counts (the job row is written when the import
 * commits, in the same transaction as the delegates), and the background work the app waits
 * for before it closes the database.
 */
@Injectable()
export class ImportProgress implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ImportProgress.name);
  private readonly live = new Map<string, ImportJob>();
  private readonly running = new Set<Promise<unknown>>();
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  private get shared(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  /**
   * On SQLite one API process runs the imports (a worker beside it runs none), so a job still
   * `running` when that process starts was cut off by a crash: it is marked failed (its
   * transaction never committed, so nothing was written).
   */
  async onApplicationBootstrap(): Promise<void> {
    if (this.shared || !this.config.runs.http) return;
    const jobs = await this.dataSource.getRepository(ImportJob).findBy({ status: 'running' });
    for (const job of jobs) {
      await this.dataSource.getRepository(ImportJob).update(
        { id: job.id, status: 'running' },
        {
          status: 'failed',
          created: 0,
          updated: 0,
          finishedAt: this.clock.now(),
          report: { dryRun: job.report?.dryRun ?? false, atomic: job.report?.atomic ?? false, unchanged: 0, errors: [], message: INTERRUPTED_MESSAGE },
        },
      );
    }
    if (jobs.length > 0) this.logger.warn(`marked ${jobs.length} import job(s) cut off by the last stop as failed`);
  }

  begin(job: ImportJob): void {
    this.live.set(job.id, job);
    if (this.shared && !this.heartbeat) {
      this.heartbeat = setInterval(() => void this.beat(), HEARTBEAT_MS);
      this.heartbeat.unref();
    }
  }

  /** Whether a job not running in this process is still alive somewhere (its heartbeat is recent). */
  isStale(job: ImportJob): boolean {
    const lastSign = job.heartbeatAt ?? job.createdAt;
    return job.status === 'running' && !this.live.has(job.id) && this.clock.now().getTime() - lastSign.getTime() > STALE_AFTER_MS;
  }

  private async beat(): Promise<void> {
    const ids = [...this.live.keys()];
    if (ids.length === 0) return;
    try {
      // Outside the write queue on purpose: on PostgreSQL it runs on its own pooled connection,
      // beside the import's long transaction.
      await this.dataSource.getRepository(ImportJob).update({ id: In(ids), status: 'running' }, { heartbeatAt: this.clock.now() });
    } catch (error) {
      this.logger.warn({ err: error }, 'could not write the import heartbeat');
    }
  }

  get(jobId: string): ImportJob | undefined {
    return this.live.get(jobId);
  }

  end(jobId: string): void {
    this.live.delete(jobId);
    if (this.live.size === 0 && this.heartbeat) {
      clearInterval(this.heartbeat);
      this.heartbeat = null;
    }
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
