import { createHmac } from 'node:crypto';
import { join } from 'node:path';

/* The bench's process helpers (plain JavaScript, shared so both start the app the same way). */
const processes = require('../../bench/app-process') as AppProcessModule;
const { ApiClient } = require('../../bench/http') as { ApiClient: new (baseUrl: string) => ApiClient };

export interface ApiAnswer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  text: string;
  /** How long the answer took, in ms. */
  ms: number;
}

export interface ApiClient {
  token?: string;
  call(method: string, path: string, body?: unknown, options?: { timeoutMs?: number }): Promise<ApiAnswer>;
  expect(status: number, method: string, path: string, body?: unknown): Promise<ApiAnswer>;
}

interface Database {
  kind: 'sqlite' | 'postgres';
  tempDir: string;
  env: Record<string, string>;
  drop(): Promise<void>;
}

interface AppProcess {
  pid: number;
  running: boolean;
  exited: Promise<{ code: number | null; signal: string | null }>;
  logTail(lines?: number): string;
  expectExit(): void;
  stop(): Promise<void>;
}

interface AppProcessModule {
  freePort(): Promise<number>;
  provisionDatabase(url?: string): Promise<Database>;
  startApp(options: { port: number; database: Database; logFile: string; env?: Record<string, string> }): AppProcess;
  waitForHealth(app: AppProcess, baseUrl: string, timeoutMs?: number): Promise<void>;
}

export const ADMIN = { email: 'admin@hoinghi.local', password: 'HoiNghi@2025' };
export const POSTGRES_URL = process.env.CI_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * The built app (`dist/main.js`) running as child processes on its own fresh database, so a
 * test can kill one with SIGKILL and start it again on the same data. Each instance is, by
 * default, one process of APP_ROLE=all (which starts its own worker process); with
 * `separateWorker` it is an APP_ROLE=api process and an APP_ROLE=worker process started by the
 * test, so a fault can hit the worker alone.
 */
export class RunningApp {
  private instances: AppProcess[] = [];
  private workers: AppProcess[] = [];
  private starts = 0;

  private constructor(
    readonly database: Database,
    private readonly env: Record<string, string>,
    private readonly separateWorker: boolean,
  ) {}

  static async launch(options: { postgres?: boolean; env?: Record<string, string>; separateWorker?: boolean } = {}): Promise<RunningApp> {
    const database = await processes.provisionDatabase(options.postgres ? POSTGRES_URL : undefined);
    const app = new RunningApp(database, options.env ?? {}, options.separateWorker ?? false);
    await app.start();
    return app;
  }

  get process(): AppProcess {
    return this.instances[this.instances.length - 1];
  }

  /** The latest worker process (with `separateWorker`). */
  get worker(): AppProcess {
    return this.workers[this.workers.length - 1];
  }

  /** The base URL of the latest instance. */
  baseUrl = '';

  /** Starts one more instance on the same database (a restart after a kill, or a second instance), with its worker when separate. */
  async start(env: Record<string, string> = {}, options: { worker?: boolean } = {}): Promise<{ baseUrl: string; api: ApiClient }> {
    const port = await processes.freePort();
    const logFile = join(this.database.tempDir, `app-${++this.starts}.log`);
    const role: Record<string, string> = this.separateWorker ? { APP_ROLE: 'api' } : {};
    const instance = processes.startApp({ port, database: this.database, logFile, env: { ...this.env, ...env, ...role } });
    this.instances.push(instance);
    const baseUrl = `http://127.0.0.1:${port}`;
    await processes.waitForHealth(instance, baseUrl);
    this.baseUrl = baseUrl;
    // After the API: it migrates and seeds a fresh database, the worker does not.
    if (this.separateWorker && options.worker !== false) await this.startWorker(env);
    return { baseUrl, api: await this.client(baseUrl) };
  }

  /** Starts one more APP_ROLE=worker process on the same database (a restart after a kill, or a second worker). */
  async startWorker(env: Record<string, string> = {}): Promise<AppProcess> {
    const port = await processes.freePort();
    const logFile = join(this.database.tempDir, `worker-${++this.starts}.log`);
    // Links in mails point at the API, whatever port the worker's health route has.
    const worker = processes.startApp({ port, database: this.database, logFile, env: { ...this.env, ...env, APP_ROLE: 'worker', PUBLIC_BASE_URL: this.baseUrl } });
    this.workers.push(worker);
    await processes.waitForHealth(worker, `http://127.0.0.1:${port}`);
    return worker;
  }

  /** A client logged in as the seeded admin. */
  async client(baseUrl = this.baseUrl): Promise<ApiClient> {
    const api = new ApiClient(baseUrl);
    const login = await api.expect(200, 'POST', '/api/auth/login', ADMIN);
    api.token = login.body.accessToken;
    return api;
  }

  anonymous(baseUrl = this.baseUrl): ApiClient {
    return new ApiClient(baseUrl);
  }

  /** SIGKILL: no shutdown hooks, no flushing, as when a machine loses power. */
  async kill(instance = this.process): Promise<void> {
    instance.expectExit();
    process.kill(instance.pid, 'SIGKILL');
    await instance.exited;
  }

  async stop(): Promise<void> {
    for (const instance of [...this.instances, ...this.workers]) await instance.stop();
    await this.database.drop();
  }

  logTail(lines = 60): string {
    return this.process.logTail(lines);
  }
}

/** An HS256 token signed like the app's own (for expired-token cases); `secret` is the app's JWT_SECRET. */
export function signToken(secret: string, payload: Record<string, unknown>): string {
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}
