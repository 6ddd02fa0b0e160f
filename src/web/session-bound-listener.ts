import { BoardListener } from './board-feed';
import { BoardDelta, BoardSnapshot } from './board.service';

/**
 * A board listener that outlives no session: at each heartbeat it asks `stillValid` and, when
 * the session has ended, closes the stream instead of pinging it (the page then signs in again).
 */
export class SessionBoundListener implements BoardListener {
  private checking = false;

  constructor(
    private readonly inner: BoardListener,
    private readonly stillValid: () => Promise<boolean>,
  ) {}

  send(event: 'snapshot', data: BoardSnapshot): void;
  send(event: 'delta', data: BoardDelta): void;
  send(event: 'snapshot' | 'delta', data: BoardSnapshot | BoardDelta): void {
    if (event === 'snapshot') this.inner.send(event, data as BoardSnapshot);
    else this.inner.send(event, data as BoardDelta);
  }

  ping(): void {
    if (this.checking) return;
    this.checking = true;
    this.stillValid()
      .then((valid) => (valid ? this.inner.ping() : this.inner.close()))
      // A failed check (the database restarting) keeps the stream; the next heartbeat asks again.
      .catch(() => this.inner.ping())
      .finally(() => (this.checking = false));
  }

  close(): void {
    this.inner.close();
  }
}
