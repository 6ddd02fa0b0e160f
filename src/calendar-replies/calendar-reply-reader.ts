import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ImapFlow } from 'imapflow';
import { AppConfig, ImapSettings } from '../config/app-config';
import { CalendarRepliesService } from './calendar-replies.service';

/**
 * Set on a message that is not a calendar reply: it stays in the inbox for people to read, and
 * is not read again. Servers that take no keywords get \Seen instead.
 */
export const CHECKED_KEYWORD = '$HoiNghiChecked';
/** Waits between reconnects: from this, doubling up to the maximum. */
const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 60_000;

/**
 * Reads the organizer mailbox (IMAP_URL): on start, every message not yet handled, then new ones
 * as IDLE announces them (or every IMAP_POLL_SECONDS on a server without IDLE). Each message is
 * recorded once (CalendarRepliesService), then marked \Seen and moved to IMAP_PROCESSED_FOLDER;
 * other mail is only marked checked. When the server goes away it reconnects, waiting longer
 * each time, and takes up what arrived meanwhile. Every instance reads: the unique Message-ID
 * lets one of them apply a reply and the others skip it.
 */
@Injectable()
export class CalendarReplyReader implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(CalendarReplyReader.name);
  private readonly settings: ImapSettings | null;
  private running: Promise<void> | null = null;
  private stopping = false;
  private client: ImapFlow | null = null;
  /** Set when the mailbox may have new mail; `wake` ends the current wait. */
  private pending = false;
  private wake: (() => void) | null = null;

  constructor(
    config: AppConfig,
    private readonly replies: CalendarRepliesService,
  ) {
    // Read by the worker (APP_ROLE worker or all); an API process leaves the mailbox alone.
    this.settings = config.runs.background ? config.imap : null;
  }

  onApplicationBootstrap(): void {
    if (this.settings) this.running = this.run(this.settings);
  }

  /** Stops at module destruction, before the database closes, letting a message being recorded finish. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    const client = this.client;
    if (client?.usable) await client.logout().catch(() => client.close());
    else client?.close();
    await this.running;
  }

  private async run(settings: ImapSettings): Promise<void> {
    let delay = RECONNECT_MIN_MS;
    while (!this.stopping) {
      try {
        await this.session(settings, () => (delay = RECONNECT_MIN_MS));
      } catch (error) {
        if (!this.stopping) this.logger.warn({ err: error }, `organizer mailbox: ${errorText(error)}; reconnecting in ${delay} ms`);
      }
      if (this.stopping) break;
      await this.sleep(delay);
      delay = Math.min(delay * 2, RECONNECT_MAX_MS);
    }
  }

  /** One connection: handles what is there, then waits for news until the connection ends. */
  private async session(settings: ImapSettings, connected: () => void): Promise<void> {
    const client = new ImapFlow({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      auth: { user: settings.user, pass: settings.password },
      logger: false,
      // IDLE starts a second after the last command; on a server without it, NOOP every poll.
      autoIdleDelay: 1000,
      maxIdleTime: settings.pollSeconds * 1000,
      missingIdleCommand: 'NOOP',
    });
    this.client = client;
    let closed = false;
    client.on('error', (error: unknown) => this.logger.warn({ err: error }, `organizer mailbox: ${errorText(error)}`));
    client.on('exists', () => this.nudge());
    client.on('close', () => {
      closed = true;
      this.nudge();
    });
    try {
      await client.connect();
      if (this.stopping) return;
      await this.ensureFolder(client, settings.processedFolder);
      await client.mailboxOpen(settings.mailbox);
      connected();
      while (!this.stopping && !closed) {
        this.pending = false;
        await this.drain(client, settings);
        if (this.pending || this.stopping || closed) continue;
        await this.sleep(settings.pollSeconds * 1000);
      }
    } finally {
      this.client = null;
      if (!closed) {
        if (client.usable) await client.logout().catch(() => client.close());
        else client.close();
      }
    }
    if (!this.stopping) throw new Error('the server closed the connection');
  }

  /** Handles every message of the mailbox not handled yet, oldest first. */
  private async drain(client: ImapFlow, settings: ImapSettings): Promise<void> {
    const keywords = client.mailbox && client.mailbox.permanentFlags?.has('\\*');
    const found = await client.search(keywords ? { unKeyword: CHECKED_KEYWORD } : { seen: false }, { uid: true });
    const uids = (found || []).sort((a, b) => a - b);
    for (const uid of uids) {
      if (this.stopping || !client.usable) return;
      // Another instance may have moved it away meanwhile.
      const message = await client.fetchOne(String(uid), { source: true, internalDate: true }, { uid: true });
      if (!message || !message.source) continue;
      const internalDate = message.internalDate ? new Date(message.internalDate) : null;
      let outcome: string;
      try {
        ({ outcome } = await this.replies.record(message.source, internalDate && !Number.isNaN(internalDate.getTime()) ? internalDate : null));
      } catch (error) {
        // Left in place (no flag): read again on the next pass.
        this.logger.error({ err: error }, `organizer mailbox: message ${uid} could not be recorded`);
        continue;
      }
      if (outcome === 'not_a_reply') {
        await client.messageFlagsAdd(String(uid), [keywords ? CHECKED_KEYWORD : '\\Seen'], { uid: true });
      } else {
        await client.messageFlagsAdd(String(uid), keywords ? ['\\Seen', CHECKED_KEYWORD] : ['\\Seen'], { uid: true });
        await client.messageMove(String(uid), settings.processedFolder, { uid: true });
      }
    }
  }

  private async ensureFolder(client: ImapFlow, folder: string): Promise<void> {
    const folders = await client.list();
    if (folders.some((f) => f.path === folder)) return;
    await client.mailboxCreate(folder);
  }

  private nudge(): void {
    this.pending = true;
    this.wake?.();
  }

  /** Waits `ms`, or less when woken (new mail, a closed connection, shutdown). */
  private sleep(ms: number): Promise<void> {
    if (this.stopping || this.pending) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
