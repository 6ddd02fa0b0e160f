import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { unavailable } from '../common/errors';
import { AppConfig } from '../config/app-config';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { BoardPointRow, diffPoints } from './board-tiles';
import { BoardDelta, BoardRead, BoardService, BoardSnapshot } from './board.service';
import { BoardRepository } from './board.repository';

/** How often a watched conference's change marker is read. */
export const POLL_MS = 1000;

export interface BoardListener {
  send(event: 'snapshot', data: BoardSnapshot): void;
  send(event: 'delta', data: BoardDelta): void;
  ping(): void;
  close(): void;
}

interface Watch {
  conferenceId: string;
  listeners: Set<BoardListener>;
  ready: Promise<void>;
  marker: string | null;
  rows: Map<string, BoardPointRow>;
  snapshot: BoardSnapshot | null;
  timer: NodeJS.Timeout | null;
  stopped: boolean;
  lastBeat: number;
}

/**
 * Live board updates from the database, so a change made by any app instance shows: one watch
 * per conference per process, whatever the number of boards open on it, reads a cheap change
 * marker about once a second and, when it moved, reads the points once and pushes to every
 * subscriber the changed tiles (or the whole board when points were added or moved).
 */
const shuttingDown = () => unavailable('request', 'shutting_down', 'Hệ thống đang khởi động lại. Vui lòng thử lại sau ít phút.');

@Injectable()
export class BoardFeed implements OnModuleDestroy {
  private readonly watches = new Map<string, Watch>();
  private closing = false;

  constructor(
    private readonly repository: BoardRepository,
    private readonly board: BoardService,
    @InjectPinoLogger(BoardFeed.name) private readonly logger: PinoLogger,
    private readonly config: AppConfig,
  ) {}

  /** The listener gets the board as it is now, then each change; call the answer to stop. */
  async subscribe(conferenceId: string, listener: BoardListener): Promise<() => void> {
    if (this.closing) throw shuttingDown();
    let watch = this.watches.get(conferenceId);
    if (!watch) {
      const created: Watch = {
        conferenceId,
        listeners: new Set(),
        ready: Promise.resolve(),
        marker: null,
        rows: new Map(),
        snapshot: null,
        timer: null,
        stopped: false,
        lastBeat: Date.now(),
      };
      created.ready = this.load(created);
      this.watches.set(conferenceId, created);
      watch = created;
    }
    try {
      await watch.ready;
    } catch (error) {
      if (watch.listeners.size === 0) this.stop(watch);
      throw error;
    }
    if (watch.stopped) throw shuttingDown();
    listener.send('snapshot', watch.snapshot!);
    watch.listeners.add(listener);
    if (!watch.timer) this.schedule(watch);
    const current = watch;
    return () => this.unsubscribe(current, listener);
  }

  /** How many conferences are watched (one poller each), for tests and diagnostics. */
  watchedCount(): number {
    return this.watches.size;
  }

  onModuleDestroy(): void {
    this.closing = true;
    for (const watch of [...this.watches.values()]) {
      for (const listener of watch.listeners) listener.close();
      this.stop(watch);
    }
  }

  private async load(watch: Watch): Promise<void> {
    // The marker is read before the points: a write in between moves it, and the next tick reads again.
    const marker = await this.repository.marker(watch.conferenceId);
    this.take(watch, marker, await this.board.read(watch.conferenceId));
  }

  private take(watch: Watch, marker: string | null, read: BoardRead): BoardSnapshot {
    watch.marker = marker;
    watch.rows = new Map(read.rows.map((row) => [row.id, row]));
    watch.snapshot = this.board.snapshotOf(read);
    return watch.snapshot;
  }

  private schedule(watch: Watch): void {
    if (watch.stopped || watch.timer) return;
    watch.timer = setTimeout(() => void this.tick(watch), POLL_MS);
    watch.timer.unref();
  }

  private async tick(watch: Watch): Promise<void> {
    watch.timer = null;
    try {
      const marker = await this.repository.marker(watch.conferenceId);
      if (!watch.stopped && marker !== null && marker !== watch.marker) {
        const read = await this.board.read(watch.conferenceId, true);
        if (!watch.stopped) this.publish(watch, marker, read);
      }
      if (!watch.stopped && Date.now() - watch.lastBeat >= this.config.boardStreams.heartbeatMs) {
        watch.lastBeat = Date.now();
        for (const listener of watch.listeners) listener.ping();
      }
    } catch (error) {
      // A failed read (the database restarting) is retried on the next tick; the boards keep what they show.
      this.logger.warn({ err: error, conferenceId: watch.conferenceId }, 'status board poll failed');
    }
    this.schedule(watch);
  }

  private publish(watch: Watch, marker: string, read: BoardRead): void {
    const change = diffPoints(watch.rows, read.rows);
    const before = watch.snapshot;
    const snapshot = this.take(watch, marker, read);
    const conferenceChanged = JSON.stringify(before?.conference) !== JSON.stringify(snapshot.conference);
    for (const listener of watch.listeners) {
      if (change.kind === 'layout' || conferenceChanged) listener.send('snapshot', snapshot);
      else listener.send('delta', { counts: snapshot.counts, tiles: change.kind === 'tiles' ? change.tiles : [] });
    }
  }

  private unsubscribe(watch: Watch, listener: BoardListener): void {
    watch.listeners.delete(listener);
    if (watch.listeners.size === 0) this.stop(watch);
  }

  private stop(watch: Watch): void {
    watch.stopped = true;
    if (watch.timer) clearTimeout(watch.timer);
    watch.timer = null;
    if (this.watches.get(watch.conferenceId) === watch) this.watches.delete(watch.conferenceId);
  }
}
