import { EventEmitter } from 'node:events';
import { Logger } from '@nestjs/common';
import { SupervisedProcess, WorkerSupervisor } from './worker-supervisor';

/** A child process that exits when told to, or when the test says it crashed. */
class FakeWorker extends EventEmitter implements SupervisedProcess {
  readonly signals: string[] = [];
  constructor(
    readonly pid: number,
    private readonly obeysSigterm = true,
  ) {
    super();
  }
  kill(signal: NodeJS.Signals = 'SIGTERM'): boolean {
    this.signals.push(signal);
    if (signal === 'SIGKILL' || this.obeysSigterm) setImmediate(() => this.emit('exit', null, signal));
    return true;
  }
  crash(code = 1): void {
    this.emit('exit', code, null);
  }
}

describe('WorkerSupervisor', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn']));
  let clock = 0;
  const spawned: FakeWorker[] = [];
  const spawn = (obeysSigterm = true) => () => {
    const worker = new FakeWorker(1000 + spawned.length, obeysSigterm);
    spawned.push(worker);
    return worker;
  };
  beforeEach(() => {
    jest.useFakeTimers();
    clock = 0;
    spawned.length = 0;
  });
  afterEach(() => jest.useRealTimers());

  it('starts the worker again after it crashes, waiting longer after each crash in a row', () => {
    const supervisor = new WorkerSupervisor(spawn(), { firstRestartMs: 100, maxRestartMs: 1000, healthyAfterMs: 60_000 }, () => clock);
    supervisor.start();
    expect(spawned).toHaveLength(1);
    spawned[0].crash();
    jest.advanceTimersByTime(99);
    expect(spawned).toHaveLength(1);
    jest.advanceTimersByTime(1);
    expect(spawned).toHaveLength(2);
    expect(supervisor.pid).toBe(1001);
    spawned[1].crash();
    jest.advanceTimersByTime(199);
    expect(spawned).toHaveLength(2);
    jest.advanceTimersByTime(1);
    expect(spawned).toHaveLength(3);
    expect(supervisor.restarts).toBe(2);
  });

  it('waits the shortest time again after a worker that ran long enough before it died', () => {
    const supervisor = new WorkerSupervisor(spawn(), { firstRestartMs: 100, maxRestartMs: 10_000, healthyAfterMs: 60_000 }, () => clock);
    supervisor.start();
    spawned[0].crash();
    jest.advanceTimersByTime(100);
    spawned[1].crash();
    jest.advanceTimersByTime(200);
    clock += 120_000;
    spawned[2].crash();
    jest.advanceTimersByTime(100);
    expect(spawned).toHaveLength(4);
  });

  it('stops the worker with SIGTERM and never starts it again', async () => {
    const supervisor = new WorkerSupervisor(spawn(), { firstRestartMs: 100 }, () => clock);
    supervisor.start();
    const stopped = supervisor.stop();
    jest.runAllTicks();
    jest.advanceTimersByTime(0);
    await jest.runOnlyPendingTimersAsync();
    await stopped;
    expect(spawned[0].signals).toEqual(['SIGTERM']);
    jest.advanceTimersByTime(10_000);
    expect(spawned).toHaveLength(1);
    expect(supervisor.pid).toBeUndefined();
  });

  it('kills a worker that does not stop within the grace period', async () => {
    const supervisor = new WorkerSupervisor(spawn(false), { stopGraceMs: 5_000 }, () => clock);
    supervisor.start();
    const stopped = supervisor.stop();
    await jest.advanceTimersByTimeAsync(4_999);
    expect(spawned[0].signals).toEqual(['SIGTERM']);
    await jest.advanceTimersByTimeAsync(1);
    await jest.runOnlyPendingTimersAsync();
    await stopped;
    expect(spawned[0].signals).toEqual(['SIGTERM', 'SIGKILL']);
  });

  it('does not start again a worker that died while being stopped', async () => {
    const supervisor = new WorkerSupervisor(spawn(), { firstRestartMs: 100 }, () => clock);
    supervisor.start();
    const stopped = supervisor.stop();
    spawned[0].crash();
    await stopped;
    jest.advanceTimersByTime(10_000);
    expect(spawned).toHaveLength(1);
  });
});
