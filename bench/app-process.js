'use strict';

// Starts the built app as a child process on a fresh database, and stops it again.

const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { Client } = require('pg');
const { sleep } = require('./http');

const ROOT = path.resolve(__dirname, '..');
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function pgQuery(url, sql) {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000, query_timeout: 30_000 });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, empty database for one run: a temp SQLite file, or — when the caller set
 * DATABASE_URL — a new database `bench_<timestamp>` on that PostgreSQL server.
 */
async function provisionDatabase(callerUrl) {
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoi-nghi-bench-'));
  const removeTemp = () => fs.rmSync(tempDir, { recursive: true, force: true });
  if (!callerUrl) {
    const file = path.join(tempDir, 'bench.sqlite');
    return {
      kind: 'sqlite',
      label: 'SQLite (temp file)',
      version: require('sqlite3').VERSION,
      tempDir,
      env: { SQLITE_PATH: file },
      drop: async () => removeTemp(),
    };
  }
  const parsed = new URL(callerUrl);
  // The load never leaves this machine, and neither does the database it writes to.
  if (parsed.hostname && !LOOPBACK_HOSTS.has(parsed.hostname)) {
    removeTemp();
    throw new Error(`DATABASE_URL must point at this machine (127.0.0.1/localhost), not ${parsed.hostname}`);
  }
  const name = `bench_${Date.now()}`;
  const { rows } = await pgQuery(callerUrl, 'SHOW server_version');
  await pgQuery(callerUrl, `CREATE DATABASE "${name}"`);
  parsed.pathname = `/${name}`;
  return {
    kind: 'postgres',
    label: `PostgreSQL (database ${name})`,
    version: rows[0].server_version,
    tempDir,
    env: { DATABASE_URL: parsed.toString() },
    drop: async () => {
      try {
        // FORCE: a connection the killed app left half-closed must not keep the database alive.
        await pgQuery(callerUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        removeTemp();
      }
    },
  };
}

function readProcStatus(pid) {
  try {
    const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => {
      const match = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text);
      return match ? Number(match[1]) : null;
    };
    return { rssKb: kb('VmRSS'), hwmKb: kb('VmHWM') };
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) the process has used so far, from /proc/<pid>/stat. */
function cpuSeconds(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat (utime, stime), counted after the command name's closing parenthesis.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** Busy and total jiffies of the whole machine, from /proc/stat. */
function machineJiffies() {
  try {
    const [, ...values] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const n = values.map(Number);
    const idle = n[3] + (n[4] ?? 0);
    const total = n.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/**
 * The Node flags and environment variables `npm start` gives the app (package.json), so that the
 * bench and the reliability suite run it as a deployment does (the worker process inherits them).
 */
function startCommand() {
  const script = require('../package.json').scripts.start;
  const env = Object.fromEntries([...script.matchAll(/(?:^|\s)([A-Z_]+)=(\S+)/g)].map((m) => [m[1], m[2]]));
  return { env, flags: script.match(/--[\w-]+(=\S+)?/g) ?? [] };
}

function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Spawns `node dist/main.js` (with the flags of `npm start`) bound to 127.0.0.1. Its output goes to a log file so a chatty app
 * can never block on a full pipe; the tail is shown when it fails. `env` adds settings (SMTP_URL
 * of the bench's sink, the dispatch interval); `profileDir` runs it under bench/profiled-main.js,
 * whose CPU profiler `profile(name)` switches on for one phase.
 */
function startApp({ port, database, logFile, env: extraEnv = {}, profileDir = null, label = extraEnv.APP_ROLE === 'worker' ? 'worker' : 'app' }) {
  const start = startCommand();
  const env = {
    ...start.env,
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    PORT: String(port),
    HOST: '127.0.0.1',
    ADMIN_EMAIL: 'admin@hoinghi.local',
    ADMIN_PASSWORD: 'HoiNghi@2025',
    // Set here so the app does not write data/jwt-secret or mail into the working tree.
    JWT_SECRET: randomBytes(48).toString('base64url'),
    MAIL_DIR: path.join(database.tempDir, 'mail'),
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    ...database.env,
  };
  if (database.kind === 'sqlite') delete env.DATABASE_URL;
  // BENCH_APP_NODE_OPTIONS: Node flags for the app only (say, V8 heap sizes), not for the bench.
  if (process.env.BENCH_APP_NODE_OPTIONS) env.NODE_OPTIONS = process.env.BENCH_APP_NODE_OPTIONS;
  delete env.SMTP_URL;
  Object.assign(env, extraEnv);
  const control = profileDir ? path.join(database.tempDir, `profile-control-${port}`) : null;
  if (control) env.BENCH_PROFILE_CONTROL = control;
  const entry = control ? path.join(__dirname, 'profiled-main.js') : path.join(ROOT, 'dist/main.js');

  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const out = fs.openSync(logFile, 'w');
  // BENCH_APP_NODE_OPTIONS replaces npm start's flags.
  const flags = process.env.BENCH_APP_NODE_OPTIONS ? [] : start.flags;
  const child = spawn(process.execPath, [...flags, entry], { cwd: ROOT, env, stdio: ['ignore', out, out] });
  fs.closeSync(out);

  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let running = true;
  let stopping = false;
  void exited.then(({ code, signal }) => {
    running = false;
    if (!stopping) process.stderr.write(`[bench] the app exited unexpectedly (code ${code}, signal ${signal}); log: ${logFile}\n`);
  });

  // Sampled every 200 ms, with the highest sample per phase, to tell which phase drives the peak.
  const memory = { peakRssKb: 0, hwmKb: 0, samples: 0, phases: [{ phase: 'start', peakRssKb: 0 }] };
  const sampler = setInterval(() => {
    const status = readProcStatus(child.pid);
    if (!status) return;
    memory.samples += 1;
    memory.peakRssKb = Math.max(memory.peakRssKb, status.rssKb ?? 0);
    memory.hwmKb = Math.max(memory.hwmKb, status.hwmKb ?? 0);
    const current = memory.phases[memory.phases.length - 1];
    current.peakRssKb = Math.max(current.peakRssKb, status.rssKb ?? 0);
  }, 200);
  sampler.unref();

  // Last resort if the bench itself dies: never leave a server behind.
  const killOnExit = () => running && child.kill('SIGKILL');
  process.on('exit', killOnExit);

  return {
    pid: child.pid,
    logFile,
    get running() {
      return running;
    },
    exited,
    logTail: (lines) => tail(logFile, lines),
    /** For a caller about to kill the app on purpose: its exit is then not reported as unexpected. */
    expectExit() {
      stopping = true;
    },

    startPhase(phase) {
      memory.phases.push({ phase, peakRssKb: readProcStatus(child.pid)?.rssKb ?? 0 });
    },

    /**
     * Starts counting CPU use; the function it answers gives, since then, the app's and the
     * bench's CPU as % of one core and the whole machine's busy share (% of all cores).
     */
    cpuMeter() {
      const t0 = performance.now();
      const app0 = cpuSeconds(child.pid);
      const bench0 = process.cpuUsage();
      const machine0 = machineJiffies();
      return () => {
        const seconds = (performance.now() - t0) / 1000;
        const app1 = cpuSeconds(child.pid);
        const bench = process.cpuUsage(bench0);
        const machine1 = machineJiffies();
        const pct = (x) => (x === null || seconds <= 0 ? null : Number(((100 * x) / seconds).toFixed(0)));
        return {
          seconds: Number(seconds.toFixed(1)),
          appCpuPercent: pct(app0 === null || app1 === null ? null : app1 - app0),
          benchCpuPercent: pct((bench.user + bench.system) / 1e6),
          machineBusyPercent:
            machine0 && machine1 && machine1.total > machine0.total
              ? Number(((100 * (machine1.busy - machine0.busy)) / (machine1.total - machine0.total)).toFixed(0))
              : null,
        };
      };
    },

    /**
     * Starts the app's CPU profiler for one phase (when started with profileDir); answers a
     * function that stops it and resolves to the profile's file, or null when profiling is off
     * or did not answer in time.
     */
    async profile(name) {
      if (!control || !running) return async () => null;
      fs.mkdirSync(profileDir, { recursive: true });
      const file = path.join(profileDir, `${label}-${database.kind}-${name}.cpuprofile`);
      fs.rmSync(file, { force: true });
      fs.rmSync(`${file}.started`, { force: true });
      fs.writeFileSync(control, file);
      child.kill('SIGWINCH');
      const appeared = async (target, timeoutMs) => {
        for (const deadline = Date.now() + timeoutMs; Date.now() < deadline && running; ) {
          if (fs.existsSync(target)) return true;
          await sleep(50);
        }
        return fs.existsSync(target);
      };
      if (!(await appeared(`${file}.started`, 5_000))) return async () => null;
      fs.rmSync(`${file}.started`, { force: true });
      return async () => {
        if (!running) return null;
        child.kill('SIGWINCH');
        return (await appeared(file, 30_000)) ? file : null;
      };
    },

    /** Peak resident memory in kB: the kernel's high-water mark, or the highest 200 ms sample. */
    peakMemory() {
      const status = readProcStatus(child.pid);
      if (status) memory.hwmKb = Math.max(memory.hwmKb, status.hwmKb ?? 0);
      return {
        ...memory,
        phases: memory.phases.map((p) => ({ ...p })),
        peakKb: Math.max(memory.hwmKb, memory.peakRssKb),
      };
    },

    async stop() {
      stopping = true;
      clearInterval(sampler);
      if (running) {
        child.kill('SIGTERM');
        // Unref'd: a timer left waiting after a quick exit must not keep the caller alive.
        const grace = (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref());
        const done = await Promise.race([exited, grace(10_000).then(() => null)]);
        if (!done) {
          child.kill('SIGKILL');
          await Promise.race([exited, grace(5_000)]);
        }
      }
      process.off('exit', killOnExit);
    },
  };
}

/** Polls GET /health until it answers 200; fails early if the app exits. */
async function waitForHealth(app, baseUrl, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (!app.running) {
      const { code, signal } = await app.exited;
      throw new Error(`the app exited before answering /health (code ${code}, signal ${signal}); log tail:\n${app.logTail()}`);
    }
    try {
      const res = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return;
      last = `HTTP ${res.status}: ${(await res.text()).slice(0, 300)}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await sleep(250);
  }
  throw new Error(`GET /health did not answer 200 within ${timeoutMs / 1000} s (last: ${last}); log tail:\n${app.logTail()}`);
}

module.exports = { freePort, provisionDatabase, startApp, waitForHealth };
