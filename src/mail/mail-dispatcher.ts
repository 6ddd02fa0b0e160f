import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AttendeeInvitations } from '../attendees/attendee-invitations';
import { Clock } from '../common/clock';
import { entityRows } from '../common/entity-rows';
import { newId } from '../common/ids';
import { AppConfig } from '../config/app-config';
import { TransactionRunner } from '../database/transaction-runner';
import { OutboxDeliveryRepository } from '../outbox/outbox-delivery.repository';
import { OutboxMessage } from '../outbox/outbox-message.entity';
import { DeliveryAttempt } from './delivery-attempt.entity';
import { MailComposer } from './mail-composer';
import { PARALLEL_SENDS } from './mail-limits';
import { MailServerUnavailableError, MailTransport, OutgoingMail, PermanentMailError } from './mail-transport';
import { Reminders } from './reminders';

const MAX_BACKOFF_MS = 60 * 60 * 1000;
/** While the mail server is unreachable, the dispatcher waits this long at first, doubling up to the maximum. */
const FIRST_PAUSE_MS = 1000;
const MAX_PAUSE_MS = 60_000;
const REMINDER_CHECK_MS = 60_000;
/** Mails composed together: a few queries per chunk, and sending starts after the first. */
const COMPOSE_CHUNK = 20;

interface Outcome {
  row: OutboxMessage;
  /** `deferred`: not tried, or the server was unreachable; the try does not count. */
  status: 'sent' | 'failed' | 'pending' | 'skipped' | 'deferred';
  error: string | null;
  durationMs: number;
}

/** Spaces sends so that at most `perSecond` start in any second (0: no limit). */
class RateLimiter {
  private next = 0;
  constructor(private readonly perSecond: number) {}

  async take(): Promise<void> {
    if (this.perSecond <= 0) return;
    const now = Date.now();
    const at = Math.max(now, this.next);
    this.next = at + 1000 / this.perSecond;
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  }
}

/**
 * Delivers the outbox. A batch of due rows is claimed atomically (on PostgreSQL with
 * `FOR UPDATE SKIP LOCKED`, so several app instances never take the same row), marked
 * `sending` with a lease, composed, sent through the pooled transport at a limited rate, and
 * marked sent, retried later with exponential backoff, or failed after the last attempt. A
 * row left `sending` by a crashed instance is taken again once its lease expires. Every try is
 * written to the delivery log.
 *
 * Each outcome is written as soon as it is known (outcomes that arrive together share one
 * commit): a mail the server accepted is marked sent within milliseconds, so a crash can
 * hardly fall between the two and make it go out twice. When the server cannot be reached,
 * the dispatcher pauses (1 s, doubling to a minute) and the mails keep their attempts, so an
 * outage of any length loses nothing.
 */
@Injectable()
export class MailDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MailDispatcher.name);
  private readonly limiter: RateLimiter;
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<number> | null = null;
  private stopping = false;
  /** The Message-ID of a row's mail is `<rowId@host>` (see MailComposer). */
  private readonly host: string;
  private remindersCheckedAt = 0;
  private pausedUntil = 0;
  private pauseMs = 0;

  constructor(
    private readonly rows: OutboxDeliveryRepository,
    private readonly tx: TransactionRunner,
    private readonly transport: MailTransport,
    private readonly composer: MailComposer,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly reminders: Reminders,
    private readonly invitations: AttendeeInvitations,
  ) {
    this.limiter = new RateLimiter(config.mailDispatch.ratePerSecond);
    this.host = new URL(config.publicBaseUrl).hostname.replace(/[^\w.-]/g, '');
  }

  /** Only where background work runs (APP_ROLE worker or all): an API process never sends. */
  onApplicationBootstrap(): void {
    if (this.config.mailDispatch.intervalMs > 0 && this.config.runs.background) this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  start(): void {
    this.stopping = false;
    const tick = async () => {
      if (this.stopping) return;
      try {
        if (Date.now() - this.remindersCheckedAt >= REMINDER_CHECK_MS) {
          this.remindersCheckedAt = Date.now();
          await this.reminders.queueDue();
        }
        while (!this.stopping && (await this.runOnce()) > 0);
      } catch (error) {
        this.logger.error({ err: error }, 'mail dispatch failed');
      }
      if (!this.stopping) this.timer = setTimeout(tick, this.config.mailDispatch.intervalMs);
    };
    this.timer = setTimeout(tick, 0);
  }

  /** Stops taking new batches and waits for the one in flight to be sent and recorded. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.current?.catch(() => undefined);
  }

  /** Claims and sends one batch; answers how many rows it handled (0: nothing was due). */
  runOnce(): Promise<number> {
    if (this.current) return this.current;
    this.current = this.batch().finally(() => (this.current = null));
    return this.current;
  }

  /** Runs batches until nothing is due now (rows waiting for a later retry stay). */
  async drain(): Promise<number> {
    let total = 0;
    for (let handled = await this.runOnce(); handled > 0; handled = await this.runOnce()) total += handled;
    return total;
  }

  private async batch(): Promise<number> {
    if (Date.now() < this.pausedUntil) return 0;
    const rows = await this.claim(this.config.mailDispatch.batchSize);
    if (rows.length === 0) return 0;
    const composed = this.composeInChunks(rows);
    const recorder = new GroupCommit<Outcome>((outcomes) => this.record(outcomes));
    let next = 0;
    let serverAway = false;
    const worker = async () => {
      while (next < rows.length && !serverAway) {
        const index = next++;
        const row = rows[index];
        const mails = await composed[Math.floor(index / COMPOSE_CHUNK)];
        const outcome =
          mails instanceof Error
            ? // Nothing in the chunk could be composed (e.g. the database was briefly unavailable): retry later.
              { row, status: this.retryOrFail(row, false), error: mails.message, durationMs: 0 }
            : await this.deliver(row, mails.get(row.id) ?? null);
        if (outcome.status === 'deferred') serverAway = true;
        recorder.add(outcome);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_SENDS, rows.length) }, worker));
    // Chunks still composing when the server went away: nothing runs on after the batch.
    await Promise.all(composed);
    // Rows not tried because the server went away go back untouched.
    for (const row of rows.slice(next)) recorder.add({ row, status: 'deferred', error: null, durationMs: 0 });
    await recorder.settled();
    if (serverAway) {
      this.pauseMs = Math.min(MAX_PAUSE_MS, this.pauseMs ? this.pauseMs * 2 : FIRST_PAUSE_MS);
      this.pausedUntil = Date.now() + this.pauseMs;
      this.logger.warn(`mail server unreachable; dispatch paused for ${this.pauseMs / 1000} s`);
    } else {
      this.pauseMs = 0;
    }
    return rows.length;
  }

  /**
   * The batch's mails, composed a chunk at a time one after another: the first go out while
   * the rest are being composed, so composing (CPU) overlaps sending (waiting for the server).
   */
  private composeInChunks(rows: OutboxMessage[]): Promise<Map<string, OutgoingMail | null> | Error>[] {
    const chunks: Promise<Map<string, OutgoingMail | null> | Error>[] = [];
    let previous: Promise<unknown> = Promise.resolve();
    for (let i = 0; i < rows.length; i += COMPOSE_CHUNK) {
      const chunk = rows.slice(i, i + COMPOSE_CHUNK);
      const composed = previous.then(() =>
        this.composer.composeAll(chunk).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))),
      );
      chunks.push(composed);
      previous = composed;
    }
    return chunks;
  }

  private retryOrFail(row: OutboxMessage, permanent: boolean): 'pending' | 'failed' {
    return permanent || row.attempts >= this.config.mailDispatch.maxAttempts ? 'failed' : 'pending';
  }

  private async deliver(row: OutboxMessage, mail: OutgoingMail | null): Promise<Outcome> {
    const started = Date.now();
    const done = (status: Outcome['status'], error: string | null): Outcome => ({
      row,
      status,
      error,
      durationMs: Date.now() - started,
    });
    try {
      if (mail === null) return done('skipped', 'superseded or no longer relevant');
      await this.limiter.take();
      await this.transport.send(mail);
      return done('sent', null);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof MailServerUnavailableError) return done('deferred', message.slice(0, 2000));
      return done(this.retryOrFail(row, error instanceof PermanentMailError), message.slice(0, 2000));
    }
  }

  /** Takes due rows: pending ones whose time has come, and `sending` ones whose lease expired. */
  private claim(limit: number): Promise<OutboxMessage[]> {
    const now = this.clock.now();
    return this.rows.claimDue(limit, now, new Date(now.getTime() + this.config.mailDispatch.leaseSeconds * 1000));
  }

  private async record(outcomes: Outcome[]): Promise<void> {
    const now = this.clock.now();
    await this.tx.transaction(async (m) => {
      // The usual case, a mail sent, arrives a few at a time: fixed statements, prepared once on SQLite.
      const sent = outcomes.filter((x) => x.status === 'sent');
      for (const o of sent) await this.rows.markSent(m, o.row.id, now, `<${o.row.id}@${this.host}>`);
      const invited = sent.filter((o) => o.row.kind === 'invitation' && o.row.attendeeId).map((o) => o.row.attendeeId!);
      if (invited.length > 0) await this.invitations.markInvited(m, invited);
      for (const o of outcomes.filter((x) => x.status === 'deferred')) await this.rows.putBack(m, o.row, now);
      const settledElse = (o: Outcome): o is Outcome & { status: 'failed' | 'pending' | 'skipped' } =>
        o.status !== 'sent' && o.status !== 'deferred';
      for (const o of outcomes.filter(settledElse)) {
        const retryIn = Math.min(MAX_BACKOFF_MS, this.config.mailDispatch.retryBaseMs * 2 ** (o.row.attempts - 1));
        await this.rows.settle(m, o.row.id, {
          status: o.status,
          lastError: o.error,
          ...(o.status === 'pending' && { nextAttemptAt: new Date(now.getTime() + retryIn) }),
        });
      }
      const attempts = entityRows(m, DeliveryAttempt);
      for (const o of outcomes.filter((x) => x.status !== 'deferred' || x.error !== null)) {
        const attempt: DeliveryAttempt = {
          id: newId(),
          messageId: o.row.id,
          attempt: o.row.attempts,
          at: now,
          outcome: o.status === 'pending' || o.status === 'deferred' ? 'failed' : o.status,
          error: o.error,
          durationMs: o.durationMs,
        };
        await this.tx.sql(m, attempts.insert, attempts.insertValues(attempt));
      }
    });
  }
}

/**
 * Writes items as they come: one write at a time, each taking everything that arrived while
 * the previous one ran. `settled()` waits until all added items are written (or one write failed).
 */
export class GroupCommit<T> {
  private pending: T[] = [];
  private writing: Promise<void> | null = null;
  private failure: unknown = null;

  constructor(private readonly write: (items: T[]) => Promise<void>) {}

  add(item: T): void {
    this.pending.push(item);
    this.writing ??= this.drain().finally(() => (this.writing = null));
  }

  async settled(): Promise<void> {
    while (this.writing) await this.writing;
    if (this.failure) throw this.failure;
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const items = this.pending;
      this.pending = [];
      try {
        await this.write(items);
      } catch (error) {
        this.failure ??= error;
      }
    }
  }
}
