import { resolve } from 'node:path';
import { AppRole, EnvironmentVariables } from './environment';

export interface ImapSettings {
  host: string;
  port: number;
  /** imaps:// (TLS from the start); imap:// uses STARTTLS when the server offers it. */
  secure: boolean;
  user: string;
  password: string;
  /** The folder replies arrive in (the URL's path; INBOX when it has none). */
  mailbox: string;
  processedFolder: string;
  pollSeconds: number;
}

function imapSettings(url: string, processedFolder: string, pollSeconds: number): ImapSettings {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'imaps:';
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : secure ? 993 : 143,
    secure,
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    mailbox: decodeURIComponent(parsed.pathname.replace(/^\/+/, '')) || 'INBOX',
    processedFolder,
    pollSeconds,
  };
}

/** The typed, derived configuration the rest of the app reads (never `process.env`). */
export class AppConfig {
  readonly nodeEnv: EnvironmentVariables['NODE_ENV'];
  /** APP_ROLE as set; `runs` says what this process does with it. */
  readonly role: AppRole;
  /**
   * `http`: answers the API and pages (and runs imports, which answer within the request or
   * stream progress from it); `background`: delivers mail, queues reminders, reads calendar replies.
   */
  readonly runs: { http: boolean; background: boolean };
  /** With APP_ROLE=all: whether main.ts starts the worker as a second process, and its health port. */
  readonly workerProcess: { separate: boolean; port: number };
  readonly port: number;
  readonly host: string;
  readonly database:
    | { type: 'postgres'; url: string }
    | { type: 'sqlite'; path: string };
  readonly dataDir: string;
  readonly jwtSecret?: string;
  readonly jwtTtlSeconds: number;
  readonly admin: { email: string; password: string };
  readonly publicBaseUrl: string;
  readonly smtpUrl?: string;
  readonly mailDir: string;
  readonly mailFrom: string;
  /** Conference materials: where their files live, the largest accepted, and how long a "new materials" mail waits to take in more. */
  readonly materials: { filesDir: string; maxBytes: number; noticeDelayMs: number };
  readonly mailDispatch: {
    intervalMs: number;
    maxAttempts: number;
    retryBaseMs: number;
    ratePerSecond: number;
    batchSize: number;
    leaseSeconds: number;
  };
  readonly reminderBeforeMinutes: number;
  readonly checkInOpensMinutes: number;
  /** Training sessions: attendance opens `opensMinutes` before a session starts; a mark later than `lateAfterMinutes` after its start is late. */
  readonly sessionAttendance: { opensMinutes: number; lateAfterMinutes: number; checkInAttempts: number; checkInWindowMs: number };
  readonly seedDemo: boolean;
  readonly logLevel: string;
  readonly bodyLimitBytes: number;
  readonly loginRateLimit: { limit: number; addressLimit: number; windowMs: number };
  readonly passwordChecks: { concurrent: number; queued: number };
  /** Self-registration: requests per client address per window, and how long a confirmation link works. */
  readonly selfRegistration: { rateLimit: number; rateWindowMs: number; confirmationTtlMs: number };
  /** Where rate-limit counters live when several instances must share them (REDIS_URL); null: the database or memory. */
  readonly redisUrl: string | null;
  /** The organizer mailbox read for calendar replies (IMAP_URL); null: none are read. */
  readonly imap: ImapSettings | null;
  /** Fastify's `trustProxy`: false, true, a hop count, or addresses and CIDR ranges. */
  readonly trustProxy: boolean | number | string[];
  readonly boardStreams: { perUser: number; max: number; heartbeatMs: number };

  constructor(env: EnvironmentVariables) {
    this.nodeEnv = env.NODE_ENV;
    this.role = env.APP_ROLE;
    this.runs = { http: env.APP_ROLE !== 'worker', background: env.APP_ROLE !== 'api' };
    this.workerProcess = { separate: env.APP_ROLE === 'all' && env.WORKER_PROCESS, port: env.WORKER_PORT };
    this.port = env.PORT;
    this.host = env.HOST;
    const sqlitePath = resolve(env.SQLITE_PATH);
    this.database = env.DATABASE_URL
      ? { type: 'postgres', url: env.DATABASE_URL }
      : { type: 'sqlite', path: sqlitePath };
    this.dataDir = resolve('data');
    this.jwtSecret = env.JWT_SECRET;
    this.jwtTtlSeconds = env.JWT_TTL_SECONDS;
    this.admin = { email: env.ADMIN_EMAIL.toLowerCase(), password: env.ADMIN_PASSWORD };
    this.publicBaseUrl = (env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
    this.smtpUrl = env.SMTP_URL;
    this.mailDir = resolve(env.MAIL_DIR);
    this.mailFrom = env.MAIL_FROM;
    this.materials = { filesDir: resolve(env.FILES_DIR), maxBytes: env.MATERIAL_MAX_BYTES, noticeDelayMs: env.MATERIAL_NOTICE_DELAY_SECONDS * 1000 };
    this.mailDispatch = {
      intervalMs: env.MAIL_DISPATCH_INTERVAL_MS,
      maxAttempts: env.MAIL_MAX_ATTEMPTS,
      retryBaseMs: env.MAIL_RETRY_BASE_MS,
      ratePerSecond: env.MAIL_RATE_PER_SECOND,
      batchSize: env.MAIL_BATCH_SIZE,
      leaseSeconds: env.MAIL_LEASE_SECONDS,
    };
    this.reminderBeforeMinutes = env.REMINDER_BEFORE_MINUTES;
    this.checkInOpensMinutes = env.CHECKIN_OPENS_MINUTES;
    this.sessionAttendance = {
      opensMinutes: env.SESSION_ATTENDANCE_OPENS_MINUTES,
      lateAfterMinutes: env.SESSION_LATE_AFTER_MINUTES,
      checkInAttempts: env.SESSION_CHECK_IN_ATTEMPTS,
      checkInWindowMs: env.SESSION_CHECK_IN_WINDOW_SECONDS * 1000,
    };
    this.seedDemo = env.SEED_DEMO;
    this.logLevel = env.LOG_LEVEL;
    this.bodyLimitBytes = env.BODY_LIMIT_BYTES;
    this.loginRateLimit = {
      limit: env.LOGIN_RATE_LIMIT,
      addressLimit: env.LOGIN_ADDRESS_RATE_LIMIT,
      windowMs: env.LOGIN_RATE_WINDOW_SECONDS * 1000,
    };
    this.boardStreams = { perUser: env.BOARD_STREAMS_PER_USER, max: env.BOARD_STREAMS_MAX, heartbeatMs: env.BOARD_HEARTBEAT_SECONDS * 1000 };
    this.passwordChecks = { concurrent: env.PASSWORD_CHECKS_CONCURRENT, queued: env.PASSWORD_CHECKS_QUEUED };
    this.selfRegistration = {
      rateLimit: env.REGISTRATION_RATE_LIMIT,
      rateWindowMs: env.REGISTRATION_RATE_WINDOW_SECONDS * 1000,
      confirmationTtlMs: env.REGISTRATION_CONFIRMATION_HOURS * 3600 * 1000,
    };
    this.redisUrl = env.REDIS_URL ?? null;
    this.imap = env.IMAP_URL ? imapSettings(env.IMAP_URL, env.IMAP_PROCESSED_FOLDER, env.IMAP_POLL_SECONDS) : null;
    const trust = env.TRUST_PROXY.trim();
    this.trustProxy = trust === 'true' ? true : trust === 'false' ? false : /^\d+$/.test(trust) ? Number(trust) : trust.split(/\s*,\s*/);
  }
}
