import { Logger } from '@nestjs/common';

/** What the supervisor needs of a child process (node's ChildProcess has it). */
export interface SupervisedProcess {
  readonly pid?: number;
  kill(signal?: NodeJS.Signals): boolean;
  once(event: 'exit', listener: (code: number | null, signal: NodeJS.Signals | null) => void): unknown;
}

export interface SupervisorTiming {
  /** The wait before the first restart after a crash; doubles with each crash in a row. */
  firstRestartMs: number;
  maxRestartMs: number;
  /** A worker that ran this long before it died counts as healthy: the next restart waits `firstRestartMs` again. */
  healthyAfterMs: number;
  /** How long `stop()` waits after SIGTERM before it sends SIGKILL. */
  stopGraceMs: number;
}

const DEFAULT_TIMING: SupervisorTiming = { firstRestartMs: 500, maxRestartMs: 30_000, healthyAfterMs: 60_000, stopGraceMs: 30_000 };

/**
 * Keeps the worker process of APP_ROLE=all running beside the API: starts it, starts it again
 * when it dies (waiting longer after each crash in a row, so a worker that cannot start does not
 * spin), and stops it with the API. The worker ends itself when this process dies, even by
 * SIGKILL (its IPC channel closes; see worker.ts).
 */
export class WorkerSupervisor {
  private readonly logger = new Logger('WorkerSupervisor');
  private readonly timing: SupervisorTiming;
  private child: SupervisedProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private restartTimer: NodeJS.Timeout | null = null;
  private stopping = false;
  private crashesInARow = 0;
  /** How many times the worker was started again after it died. */
  restarts = 0;

  constructor(
    private readonly spawnWorker: () => SupervisedProcess,
    timing: Partial<SupervisorTiming> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.timing = { ...DEFAULT_TIMING, ...timing };
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  start(): void {
    if (this.stopping || this.child) return;
    const startedAt = this.now();
    const child = this.spawnWorker();
    this.child = child;
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        this.child = null;
        resolve();
        if (this.stopping) return;
        this.crashesInARow = this.now() - startedAt >= this.timing.healthyAfterMs ? 1 : this.crashesInARow + 1;
        const wait = Math.min(this.timing.maxRestartMs, this.timing.firstRestartMs * 2 ** (this.crashesInARow - 1));
        this.logger.error(`worker process ${child.pid} exited (code ${code}, signal ${signal}); starting it again in ${wait} ms`);
        this.restartTimer = setTimeout(() => {
          this.restartTimer = null;
          this.restarts++;
          this.start();
        }, wait);
      }),
    );
  }

  /** Stops the worker (SIGTERM: it finishes the mails in flight), SIGKILL after the grace period; no restart after this. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    const child = this.child;
    if (!child) return;
    child.kill('SIGTERM');
    let grace: NodeJS.Timeout | undefined;
    const killed = new Promise<void>((resolve) => {
      grace = setTimeout(() => {
        child.kill('SIGKILL');
        resolve();
      }, this.timing.stopGraceMs);
    });
    await Promise.race([this.exited, killed]);
    clearTimeout(grace);
    await this.exited;
  }
}
