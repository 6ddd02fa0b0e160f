'use strict';

// `npm run bench`: starts the built app on a fresh database, loads a nationwide conference
// (every commune as a bridge point, and BENCH_DELEGATES — 30,000 — delegates on it), measures
// reads and concurrent writes, and reports.
// DATABASE_URL=postgres://… runs it on a new database on that server instead of SQLite.

const { execFileSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const os = require('node:os');
const path = require('node:path');
const { freePort, provisionDatabase, startApp, waitForHealth } = require('./app-process');
const { measureCheckIns } = require('./checkin');
const { summarize } = require('./cpu-profile');
const { ApiClient, startingSoon } = require('./http');
const { loadDelegates, measureImport } = require('./import');
const { measureInvitations } = require('./invitations');
const { measureConsoleRender } = require('./console-render');
const { measureMaterialDownloads } = require('./materials');
const { measureSessionCheckIns, SESSION_CHECK_IN_BUDGET_SEC } = require('./session-check-in');
const { measureRoute, pool } = require('./load');
const { measureScaleOut } = require('./scale-out');
const { render, write, rateWhy, memoryWhy } = require('./report');
const { startSmtpSink } = require('./smtp-sink');

const ROOT = path.resolve(__dirname, '..');
const RESULTS_DIR = path.join(__dirname, 'results');

const numberFromEnv = (name, fallback) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
};

const CONFIG = {
  connections: 50,
  durationSec: numberFromEnv('BENCH_DURATION', 10),
  warmupSec: numberFromEnv('BENCH_WARMUP', 2),
  writeConcurrency: 200,
  timeoutSec: numberFromEnv('BENCH_TIMEOUT', 420 + SESSION_CHECK_IN_BUDGET_SEC),
  // The app sends invitations to the bench's own SMTP server, looking for due mail every 200 ms.
  mailDispatchIntervalMs: 200,
  // BENCH_CPU_PROF=1: CPU profiles of the app during the single-conference read, the confirmations,
  // the check-in and the invitation phases.
  cpuProfile: process.env.BENCH_CPU_PROF === '1',
  phases: selectedPhases(process.env.BENCH_ONLY),
};

const GOALS = {
  connectMs: 2000,
  summaryP99Ms: 50,
  readRatio: 0.25,
  peakRssMb: 250,
  writesPerSec: 1000,
  queueInvitationsMs: 5000,
  mailPerSec: 300,
};

// What connecting every commune of vn-34 creates: the catalogue's provinces and communes.
const EXPECTED = { provincial: 34, commune: 3321 };
/** Delegates on the nationwide conference while its reads and writes are measured. */
const DELEGATES = numberFromEnv('BENCH_DELEGATES', 30_000);

const CONFERENCE = {
  title: 'Hội nghị trực tuyến toàn quốc đến cấp xã (benchmark)',
  kind: 'review',
  format: 'online',
};

/**
 * BENCH_ONLY=reads,writes,import,check-in,invitations,session-check-in,materials,console,scale-out (any of them) runs only those phases, and
 * what they need: check-in runs on the imported conference, invitations on the checked-in one.
 */
function selectedPhases(value) {
  const all = ['reads', 'writes', 'import', 'check-in', 'invitations', 'session-check-in', 'materials', 'console', 'scale-out'];
  if (!value) return all;
  const wanted = new Set(value.split(',').map((p) => p.trim()).filter(Boolean));
  for (const phase of wanted) if (!all.includes(phase)) throw new Error(`BENCH_ONLY: unknown phase ${phase} (phases: ${all.join(', ')})`);
  if (wanted.has('invitations')) wanted.add('check-in');
  if (wanted.has('check-in')) wanted.add('import');
  return all.filter((p) => wanted.has(p));
}
const runs = (phase) => CONFIG.phases.includes(phase);

const log = (message) => process.stdout.write(`[bench] ${message}\n`);

function gitCommit() {
  const git = (...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    return { hash: git('rev-parse', 'HEAD'), dirty: git('status', '--porcelain', '--untracked-files=no', '--', 'src').length > 0 };
  } catch {
    return { hash: 'unknown', dirty: false };
  }
}

function machineFacts() {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model ?? 'unknown',
    cpus: cpus.length,
    totalMemoryGb: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    // Other work on this machine shares its cores and skews every figure.
    loadAverage1mAtStart: Number(os.loadavg()[0].toFixed(2)),
  };
}

/** Every cleanup runs once, in order, whatever ended the run. */
const cleanups = [];
let cleaning;
function cleanup() {
  cleaning ??= (async () => {
    for (const step of cleanups.splice(0)) {
      try {
        await step();
      } catch (error) {
        log(`cleanup: ${error.message}`);
      }
    }
  })();
  return cleaning;
}

async function listPointIds(api, conferenceId) {
  const ids = [];
  const pageSize = 500;
  let total = Infinity;
  const started = Date.now();
  // Bounded: never more pages than the first answer's total allows, and never more than 100.
  for (let page = 1; page <= 100 && ids.length < total; page++) {
    const res = await api.expect(200, 'GET', `/api/conferences/${conferenceId}/bridge-points?pageSize=${pageSize}&page=${page}`);
    total = res.body.total;
    if (res.body.items.length === 0) break;
    for (const item of res.body.items) ids.push(item.id);
  }
  return { ids: [...new Set(ids)], total, ms: Date.now() - started };
}

async function countLevel(api, conferenceId, level) {
  const res = await api.expect(200, 'GET', `/api/conferences/${conferenceId}/bridge-points?pageSize=1&level=${level}`);
  return res.body.total;
}

async function main() {
  const startedAt = new Date();
  const report = {
    startedAt: startedAt.toISOString(),
    commit: gitCommit(),
    machine: machineFacts(),
    config: CONFIG,
    goals: GOALS,
    database: undefined,
    scenarios: [],
    facts: [],
    problems: [],
  };
  const fact = (name, value, goal, met) => report.facts.push({ name, value, goal, met });

  const watchdog = setTimeout(() => {
    log(`stopped: the bench ran longer than ${CONFIG.timeoutSec} s`);
    void cleanup().finally(() => process.exit(2));
  }, CONFIG.timeoutSec * 1000);

  let app;
  let worker;
  try {
    const database = await provisionDatabase(process.env.DATABASE_URL);
    cleanups.push(database.drop);
    report.database = { kind: database.kind, label: database.label, version: database.version };
    log(`database: ${database.label}`);

    const sink = await startSmtpSink();
    cleanups.push(() => sink.close());
    log(`SMTP sink on ${sink.url}`);

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    // One API process and one worker process, as APP_ROLE=all runs them, started here by role so
    // that each one's memory and CPU are measured. They share the JWT secret (a token of one is
    // good on the other, and on the scale-out phase's second API).
    const env = {
      SMTP_URL: sink.url,
      MAIL_DISPATCH_INTERVAL_MS: String(CONFIG.mailDispatchIntervalMs),
      // TRUST_PROXY: the session check-in phase's phones each send their own X-Forwarded-For.
      TRUST_PROXY: '127.0.0.1',
      JWT_SECRET: randomBytes(48).toString('base64url'),
      PUBLIC_BASE_URL: baseUrl,
    };
    app = startApp({
      port,
      database,
      logFile: path.join(RESULTS_DIR, `app-${database.kind}.log`),
      env: { ...env, APP_ROLE: 'api' },
      profileDir: CONFIG.cpuProfile ? RESULTS_DIR : null,
    });
    cleanups.unshift(() => app.stop());
    const bootStarted = Date.now();
    await waitForHealth(app, baseUrl);
    fact('API process start to /health 200', `${((Date.now() - bootStarted) / 1000).toFixed(1)} s`);
    log(`API pid ${app.pid} answering on ${baseUrl}`);
    // Once the API has migrated the fresh database.
    const workerPort = await freePort();
    worker = startApp({
      port: workerPort,
      database,
      logFile: path.join(RESULTS_DIR, `worker-${database.kind}.log`),
      env: { ...env, APP_ROLE: 'worker' },
      profileDir: CONFIG.cpuProfile ? RESULTS_DIR : null,
    });
    cleanups.unshift(() => worker.stop());
    await waitForHealth(worker, `http://127.0.0.1:${workerPort}`);
    log(`worker pid ${worker.pid} (health on ${workerPort})`);
    // Phases are marked on both, so each process's peak is known per phase.
    const startPhase = app.startPhase.bind(app);
    app.startPhase = (phase) => {
      startPhase(phase);
      worker.startPhase(phase);
    };

    app.startPhase('connect');
    const api = new ApiClient(baseUrl);
    const login = await api.expect(200, 'POST', '/api/auth/login', { email: 'admin@hoinghi.local', password: 'HoiNghi@2025' });
    api.token = login.body.accessToken;

    const conference = await api.expect(201, 'POST', '/api/conferences', { ...CONFERENCE, ...startingSoon() });
    const conferenceId = conference.body.id;
    const points = `/api/conferences/${conferenceId}/bridge-points`;
    await api.expect(201, 'POST', points, { name: 'Điểm cầu Trung ương', level: 'central', isMain: true });

    const connectBody = { administrativeUnitSet: 'vn-34', level: 'commune' };
    const connect = await api.expect(201, 'POST', points, connectBody, { timeoutMs: 120_000 });
    const expectedCreated = EXPECTED.provincial + EXPECTED.commune;
    fact(
      'connect every commune (POST …/bridge-points)',
      `${connect.ms.toFixed(0)} ms, created ${connect.body.created}, existing ${connect.body.existing}`,
      `< ${GOALS.connectMs} ms`,
      connect.ms < GOALS.connectMs,
    );
    if (connect.body.created !== expectedCreated) {
      report.problems.push(`connecting every commune created ${connect.body.created} points, expected ${expectedCreated}`);
    }
    const again = await api.expect(201, 'POST', points, connectBody, { timeoutMs: 120_000 });
    fact(
      'connect again (idempotent)',
      `${again.ms.toFixed(0)} ms, created ${again.body.created}, existing ${again.body.existing}`,
      'created 0',
      again.body.created === 0,
    );
    if (again.body.created !== 0) report.problems.push(`the second connect created ${again.body.created} points`);

    const provincial = await countLevel(api, conferenceId, 'provincial');
    const commune = await countLevel(api, conferenceId, 'commune');
    fact('points by level', `${provincial} provincial + ${commune} commune + 1 main`, `${EXPECTED.provincial} + ${EXPECTED.commune} + 1`,
      provincial === EXPECTED.provincial && commune === EXPECTED.commune);
    log(`connected ${connect.body.created} points in ${connect.ms.toFixed(0)} ms`);
    if (DELEGATES > 0 && (runs('reads') || runs('writes') || runs('console'))) {
      app.startPhase('load delegates');
      const problem = await loadDelegates({ api, conferenceId, count: DELEGATES, log, fact });
      if (problem) report.problems.push(problem);
    }

    const profiles = [];
    const keepProfile = (phase, file) => {
      if (!file) return;
      try {
        profiles.push({ phase, ...summarize(file) });
      } catch (error) {
        report.problems.push(`CPU profile of ${phase}: ${error.message}`);
      }
    };

    const headers = api.authHeaders;
    const read = async (phase, name, url, profile = false) => {
      log(`reads: ${phase}`);
      app.startPhase(phase);
      const options = { name, url, headers, connections: CONFIG.connections, durationSec: CONFIG.durationSec, warmupSec: CONFIG.warmupSec };
      if (options.warmupSec > 0) await measureRoute({ ...options, durationSec: options.warmupSec, warmupSec: 0 });
      const cpu = app.cpuMeter();
      const result = await measureRoute({ ...options, warmupSec: 0 });
      result.cpu = cpu();
      // CPU time of the app per request: less swayed than req/s by other work on the machine.
      result.cpuMsPerRequest = Number(((result.cpu.appCpuPercent * result.cpu.seconds * 10) / result.requests).toFixed(3));
      fact(`${name}: CPU`, `app ${result.cpu.appCpuPercent} % of a core, ${result.cpuMsPerRequest} ms a request; machine ${result.cpu.machineBusyPercent} % busy`);
      if (!profile) return result;
      // Profiled after the measured run, so the profiler does not slow what is measured.
      const stopProfile = await app.profile(phase);
      await measureRoute({ ...options, warmupSec: 0 });
      keepProfile(phase, await stopProfile());
      return result;
    };
    let ratio = () => null;
    if (runs('reads')) {
      const empty = await read('empty route', 'GET /health/live (empty route)', `${baseUrl}/health/live`);
      const summary = await read('summary', 'GET …/bridge-points/summary', `${baseUrl}${points}/summary`);
      const single = await read('conference', 'GET /api/conferences/:id', `${baseUrl}/api/conferences/${conferenceId}`, true);
      ratio = (s) => (empty.reqPerSec > 0 ? s.reqPerSec / empty.reqPerSec : null);
      const clean = (s) => s.non2xx === 0 && s.errors === 0 && s.timeouts === 0;
      report.scenarios.push({ ...empty, ratioToEmpty: 1, goal: 'baseline', met: clean(empty) });
      report.scenarios.push({
        ...summary,
        ratioToEmpty: ratio(summary),
        goal: `p99 < ${GOALS.summaryP99Ms} ms, ≥ ${GOALS.readRatio * 100} %`,
        met: clean(summary) && summary.p99Ms < GOALS.summaryP99Ms && ratio(summary) >= GOALS.readRatio,
      });
      report.scenarios.push({
        ...single,
        ratioToEmpty: ratio(single),
        goal: `≥ ${GOALS.readRatio * 100} %`,
        met: clean(single) && ratio(single) >= GOALS.readRatio,
      });
      for (const s of [empty, summary, single]) {
        if (!clean(s)) report.problems.push(`${s.name}: ${s.non2xx} non-2xx, ${s.errors} errors, ${s.timeouts} timeouts`);
      }
    }

    const list = await listPointIds(api, conferenceId);
    fact(`list all points (pageSize 500, ${Math.ceil(list.total / 500)} pages)`, `${list.ids.length} ids in ${list.ms} ms`);
    if (list.ids.length !== list.total) report.problems.push(`listing gave ${list.ids.length} distinct ids, total says ${list.total}`);
    const n = list.ids.length;

    // `check` reads the summary after the round and says how many writes it does not show.
    const writeRound = async (name, action, body, check) => {
      app.startPhase(action);
      log(`writes: ${n} × ${action}`);
      const stopProfile = action === 'confirm' ? await app.profile(action) : async () => null;
      const cpu = app.cpuMeter();
      const result = await pool(name, list.ids, CONFIG.writeConcurrency, (id) => api.call('POST', `${points}/${id}/${action}`, body));
      result.cpu = cpu();
      keepProfile(action, await stopProfile());
      const after = (await api.expect(200, 'GET', `${points}/summary`)).body;
      const verify = check(after);
      const ok = verify.lost === 0 && result.non2xx === 0 && result.errors === 0;
      report.scenarios.push({
        ...result,
        ratioToEmpty: ratio(result),
        goal: `≥ ${GOALS.writesPerSec.toLocaleString('en')}/s, lost 0`,
        met: ok && result.reqPerSec >= GOALS.writesPerSec,
        why: result.reqPerSec < GOALS.writesPerSec ? rateWhy(result.cpu, result.requests, GOALS.writesPerSec) : undefined,
        verify,
      });
      // CPU time of the app per request: less swayed than req/s by other work on the machine.
      const cpuMsPerRequest = (result.cpu.appCpuPercent * result.cpu.seconds * 10) / result.requests;
      fact(
        `${action}: summary after the round`,
        `lost: ${verify.lost} (${verify.detail}); CPU: app ${result.cpu.appCpuPercent} % of a core (${cpuMsPerRequest.toFixed(2)} ms a request), machine ${result.cpu.machineBusyPercent} % busy`,
        'lost 0',
        verify.lost === 0,
      );
      if (!ok) {
        report.problems.push(
          `${name}: lost ${verify.lost}, ${result.non2xx} non-2xx, ${result.errors} without answer; first failures: ${result.failures.join(' | ') || 'none'}`,
        );
      }
    };
    if (runs('writes')) {
      await writeRound(`POST …/:bpId/confirm × ${n}`, 'confirm', { chairName: 'Nguyễn Văn A', expectedAttendees: 30 }, (s) => ({
        lost: Math.max(n - s.byConfirmation.confirmed, Math.ceil((30 * n - s.expectedAttendees) / 30)),
        detail: `confirmed ${s.byConfirmation.confirmed} of ${n}, expectedAttendees ${s.expectedAttendees} of ${30 * n}`,
      }));
      await writeRound(`POST …/:bpId/attendance × ${n}`, 'attendance', { actualAttendees: 25 }, (s) => ({
        lost: Math.ceil((25 * n - s.reportedAttendees) / 25),
        detail: `reportedAttendees ${s.reportedAttendees} of ${25 * n}`,
      }));
    }

    if (runs('import')) {
      const imported = await measureImport({ api, database, app, log, fact });
      report.import = imported.result;
      report.problems.push(...imported.problems);

      if (runs('check-in')) {
        const checkIns = await measureCheckIns({ api, app, log, fact, conferenceId: imported.conferenceId, ratio, goalPerSec: GOALS.writesPerSec });
        report.scenarios.push(checkIns.scenario);
        report.checkIn = checkIns.result;
        report.problems.push(...checkIns.problems);
        keepProfile('check-in', checkIns.result.profile);

        if (runs('invitations')) {
          const invitations = await measureInvitations({
            api,
            app,
            worker,
            sink,
            log,
            fact,
            conferenceId: imported.conferenceId,
            attendees: checkIns.attendees,
            goals: { queueMs: GOALS.queueInvitationsMs, perSec: GOALS.mailPerSec },
          });
          report.invitations = invitations.result;
          report.problems.push(...invitations.problems);
          keepProfile('invitations', invitations.result.profile);
        }
      }
    }
    if (runs('session-check-in')) {
      const sessions = await measureSessionCheckIns({ api, app, log, fact, ratio });
      report.scenarios.push(...sessions.scenarios);
      report.sessionCheckIn = sessions.result;
      report.problems.push(...sessions.problems);
      keepProfile('session check-in burst', sessions.profile);
    }
    if (runs('materials')) {
      const materials = await measureMaterialDownloads({ api, app, log, fact, conferenceId, pointIds: list.ids });
      report.materials = materials.result;
      report.problems.push(...materials.problems);
    }
    if (runs('console')) {
      app.startPhase('console');
      report.problems.push(...(await measureConsoleRender({ baseUrl, conferenceId, delegates: DELEGATES, log, fact })));
    }
    if (runs('scale-out')) {
      if (database.kind !== 'postgres') {
        log('scale-out: PostgreSQL only (SQLite runs one API process); skipped');
      } else {
        const scaled = await measureScaleOut({ api, app, database, env, log, fact, goalPerSec: GOALS.writesPerSec, peakRssMb: GOALS.peakRssMb, resultsDir: RESULTS_DIR });
        report.scenarios.push(...scaled.scenarios);
        report.scaleOut = scaled.result;
        report.problems.push(...scaled.problems);
      }
    }
    if (profiles.length) report.profiles = profiles;

    report.memory = {};
    for (const [role, processOf] of [['API', app], ['worker', worker]]) {
      const memory = processOf.peakMemory();
      const peakMb = memory.peakKb / 1024;
      const byPhase = memory.phases.map((p) => `${p.phase} ${Math.round(p.peakRssKb / 1024)}`).join(', ');
      report.memory[role] = { ...memory, peakMb };
      fact(`peak RSS of the ${role} process`, `${peakMb.toFixed(0)} MB (peak MB by phase: ${byPhase})`, `< ${GOALS.peakRssMb} MB`, peakMb < GOALS.peakRssMb);
      if (peakMb >= GOALS.peakRssMb) report.facts[report.facts.length - 1].why = memoryWhy(memory);
    }
  } catch (error) {
    report.error = error.stack ?? String(error);
    report.problems.push(`the bench stopped early: ${error.message}`);
    for (const [role, processOf] of [['API', app], ['worker', worker]]) {
      if (processOf && !processOf.running) {
        const { code, signal } = await processOf.exited;
        report.problems.push(`the ${role} process had exited (code ${code}, signal ${signal}); log: ${processOf.logFile}`);
      } else if (processOf) {
        report.problems.push(`the ${role} process was still running; log: ${processOf.logFile}`);
      }
    }
  } finally {
    clearTimeout(watchdog);
    await cleanup();
  }

  report.finishedAt = new Date().toISOString();
  report.durationSec = (Date.now() - startedAt.getTime()) / 1000;
  report.database ??= { kind: 'unknown', label: 'no database', version: '' };
  write(report, RESULTS_DIR);
  process.stdout.write(`${render(report)}\n`);
  if (report.error) process.stderr.write(`\n${report.error}\n`);
  return report.problems.length === 0 ? 0 : 1;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    log(`${signal}: stopping the app`);
    void cleanup().finally(() => process.exit(130));
  });
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${error.stack}\n`);
    void cleanup().finally(() => process.exit(1));
  },
);
