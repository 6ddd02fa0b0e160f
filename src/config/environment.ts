import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

export const APP_ROLES = ['api', 'worker', 'all'] as const;
export type AppRole = (typeof APP_ROLES)[number];

/** The documented demo password of the first admin; production sets ADMIN_PASSWORD. */
export const DEFAULT_ADMIN_PASSWORD = 'HoiNghi@2025';

const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.trim().toLowerCase()) : value;
const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

/**
 * Every setting the app reads from the environment. Defaults live in `config/*.env`;
 * a wrong value stops the app at start with a message that names the variable.
 */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  /**
   * What this process does: `api` answers HTTP and never sends mail; `worker` sends mail, queues
   * reminders and reads calendar replies, answering only its health route; `all` does both.
   */
  @IsIn(APP_ROLES, { message: `APP_ROLE must be one of ${APP_ROLES.join(', ')}` })
  APP_ROLE: AppRole = 'all';

  /** With APP_ROLE=all: run the worker as a second process that this one starts and watches (true), or inside this one (false). */
  @Transform(toBoolean)
  @IsBoolean()
  WORKER_PROCESS = true;

  /** The health port of the worker process that APP_ROLE=all starts; 0: any free port (it is logged). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_PORT = 0;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  /** Redis for the counters several instances share (login and registration limits); unset: the database keeps them. */
  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /** The organizer mailbox whose calendar replies (Accept / Decline) are read; unset: none are read. */
  @IsOptional()
  @Matches(/^imaps?:\/\/[^/@\s]+:[^/@\s]*@[^/:\s]+(:\d{1,5})?(\/[^\s]*)?$/, {
    message: 'IMAP_URL must be imap:// or imaps:// with user and password, e.g. imaps://user:pass@mail.example.vn:993/INBOX',
  })
  IMAP_URL?: string;

  /** Where read calendar replies are moved (created when missing). */
  @IsString()
  @MinLength(1, { message: 'IMAP_PROCESSED_FOLDER must not be empty' })
  IMAP_PROCESSED_FOLDER = 'Đã xử lý';

  /** How often the mailbox is looked at again besides IDLE (and the only way on a server without IDLE). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  IMAP_POLL_SECONDS = 60;

  @IsString()
  SQLITE_PATH = 'data/hoi-nghi.sqlite';

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  JWT_TTL_SECONDS = 43200;

  @IsEmail({}, { message: 'ADMIN_EMAIL must be an email address' })
  ADMIN_EMAIL = 'admin@hoinghi.local';

  @IsString()
  @MinLength(8, { message: 'ADMIN_PASSWORD must be at least 8 characters' })
  ADMIN_PASSWORD = DEFAULT_ADMIN_PASSWORD;

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'PUBLIC_BASE_URL must be an http(s) URL' })
  PUBLIC_BASE_URL?: string;

  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsString()
  MAIL_DIR = 'data/mail';

  /** Where uploaded conference materials are kept (the disk storage's root). */
  @IsString()
  @MinLength(1, { message: 'FILES_DIR must not be empty' })
  FILES_DIR = 'data/files';

  /** The largest conference material accepted, in bytes (413 beyond). */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(2147483647)
  MATERIAL_MAX_BYTES = 52428800;

  /** How long a "new materials" mail waits before it goes out, so materials added together make one mail per person. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(86400)
  MATERIAL_NOTICE_DELAY_SECONDS = 300;

  @IsString()
  MAIL_FROM = 'Ban Tổ chức Hội nghị <hoinghi@hoinghi.local>';

  /** How often the mail dispatcher looks for due messages; 0 turns the automatic dispatcher off. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  MAIL_DISPATCH_INTERVAL_MS = 1000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  MAIL_MAX_ATTEMPTS = 8;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  MAIL_RETRY_BASE_MS = 2000;

  /** 0: no limit. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  MAIL_RATE_PER_SECOND = 1000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  MAIL_BATCH_SIZE = 100;

  /** How long a claimed mail stays with its instance; after a crash, another takes it when this runs out. */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  MAIL_LEASE_SECONDS = 300;

  /** Reminders go out this long before a conference starts; 0 sends none. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  REMINDER_BEFORE_MINUTES = 1440;

  /** Check-in and attendance reports open this long before a conference starts (and close when it is completed). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10080)
  CHECKIN_OPENS_MINUTES = 120;

  /** A training session's attendance (roll call by code, the code shown in the hall) opens this long before the session starts. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1440)
  SESSION_ATTENDANCE_OPENS_MINUTES = 30;

  /** Someone marked more than this long after a session started is marked late (đi muộn) rather than present. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1440)
  SESSION_LATE_AFTER_MINUTES = 15;

  /**
   * Codes one RSVP link may enter for one session per SESSION_CHECK_IN_WINDOW_SECONDS (counted per
   * link, not per address: a whole hall shares one Wi-Fi address). Guessing a code from home is
   * slowed down to nothing; a phone that scans twice is far below it.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  SESSION_CHECK_IN_ATTEMPTS = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  SESSION_CHECK_IN_WINDOW_SECONDS = 600;

  @Transform(toBoolean)
  @IsBoolean()
  SEED_DEMO = true;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  BODY_LIMIT_BYTES = 1048576;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_RATE_WINDOW_SECONDS = 60;

  /** Login attempts one client address may make per LOGIN_RATE_WINDOW_SECONDS, over all accounts. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_ADDRESS_RATE_LIMIT = 60;

  /** Self-registrations (POST …/registration) one client address may send per REGISTRATION_RATE_WINDOW_SECONDS. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  REGISTRATION_RATE_LIMIT = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  REGISTRATION_RATE_WINDOW_SECONDS = 3600;

  /** How long the link that confirms a self-registration works, from when its mail is written. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(720)
  REGISTRATION_CONFIRMATION_HOURS = 48;

  /** Password hashes that may run at once (each takes a thread of the pool the database driver shares). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  PASSWORD_CHECKS_CONCURRENT = 2;

  /** Password checks that may wait for a turn; beyond them a login is refused at once with 429. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10000)
  PASSWORD_CHECKS_QUEUED = 16;

  /**
   * Behind a reverse proxy: which proxies' X-Forwarded-For to believe, so that limits apply to the
   * client's address. `false` (the default), `true` (any), a hop count, or addresses and CIDR
   * ranges separated by commas (`127.0.0.1,10.0.0.0/8`).
   */
  @Matches(/^(false|true|\d{1,2}|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/, {
    message: 'TRUST_PROXY must be false, true, a hop count, or addresses and CIDR ranges separated by commas',
  })
  TRUST_PROXY = 'false';

  /** Live status-board streams one user may hold open at once (tabs, wall screens). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  BOARD_STREAMS_PER_USER = 10;

  /** Live status-board streams this instance holds open at once, over all users. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  BOARD_STREAMS_MAX = 1000;

  /** How often a board stream is pinged; each ping re-checks the session and closes the stream when it has ended. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(300)
  BOARD_HEARTBEAT_SECONDS = 15;
}

/**
 * The settings a production deployment must give itself. Each default is fine on a newcomer's
 * machine and wrong for a real deployment: the demo password is documented, the default base
 * URL points at localhost (mailed links would lead nowhere), and a per-host generated JWT secret
 * makes a token from one instance fail on another.
 */
function productionProblems(env: EnvironmentVariables): string[] {
  if (env.NODE_ENV !== 'production') return [];
  const problems: string[] = [];
  if (env.ADMIN_PASSWORD === DEFAULT_ADMIN_PASSWORD) problems.push('ADMIN_PASSWORD: must be set in production; the demo password is documented');
  if (!env.PUBLIC_BASE_URL) problems.push('PUBLIC_BASE_URL: must be set in production; links in mails are built from it');
  if (!env.JWT_SECRET) problems.push('JWT_SECRET: must be set in production (at least 32 characters), the same on every instance');
  return problems;
}

/** Validates `process.env` (merged with `config/*.env`) for ConfigModule; throws naming each wrong variable. */
export function validateEnvironment(raw: Record<string, unknown>): EnvironmentVariables {
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ''));
  const env = plainToInstance(EnvironmentVariables, cleaned, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, forbidUnknownValues: false });
  const lines = [
    ...errors.flatMap((error) => Object.values(error.constraints ?? {}).map((message) => `${error.property}: ${message}`)),
    ...(errors.length === 0 ? productionProblems(env) : []),
  ];
  if (lines.length > 0) throw new Error(`Invalid configuration:\n${lines.map((line) => `  ${line}`).join('\n')}`);
  return env;
}
