'use strict';

// Self check-in to a training session (điểm danh buổi học bằng mã): a training conference with one
// session whose roll call is open now and 300 delegates, each with an RSVP link. A hall screen
// polls GET …/check-in-code as the session screen page does (a new code every 45 s, fetched when
// the shown one expires); 300 phones read the code off the screen and POST
// /api/public/rsvp/:token/sessions/:itemId/check-in. Two variants, each on its own conference:
//   - spread: arrivals over BENCH_SESSION_SPREAD_SEC (90 s) — half at random, half in three
//     bursts (people coming in together) — with a few phones scanning again seconds later;
//   - burst: all 300 as fast as BURST_IN_FLIGHT (50) phones at a time allow, a few phones
//     double-tapping (two posts at the same moment).
// Afterwards GET …/attendance must show exactly 300 marked (0 lost), each person once (0 double),
// and every second scan must have been answered alreadyMarked.
// Every phone sends its own X-Forwarded-For (the bench starts the app with TRUST_PROXY=127.0.0.1),
// so a per-address limit on the route would count phones, not the bench's one address.

const { performance } = require('node:perf_hooks');
const { sleep } = require('./http');

const PHONES = 300;
const SETUP_IN_FLIGHT = 20;
const BURST_IN_FLIGHT = 50;
/** Phones that scan twice in each variant. */
const RESCANS = 12;
const numberFromEnv = (name, fallback) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const SPREAD_SEC = numberFromEnv('BENCH_SESSION_SPREAD_SEC', 90);
/** Everyone is in within two minutes of the first arrival. */
const WINDOW_SEC = 120;
const GOAL_P99_MS = 500;
/** What this phase adds to the bench's run time at most (setup, the spread variant, the burst, checks). */
const SESSION_CHECK_IN_BUDGET_SEC = Math.ceil(SPREAD_SEC + 90);

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** A small seeded generator, so every run sees the same arrival pattern. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs `fn(item, index)` for every item, at most `inFlight` at a time; answers the results in order. */
async function inPool(items, inFlight, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, items.length) }, worker));
  return results;
}

/**
 * A training conference whose one session's roll call is open now: the conference and the
 * session start in 10 minutes (the roll call opens SESSION_ATTENDANCE_OPENS_MINUTES, 30, before),
 * so every arrival is `present`. 300 delegates at the main point, published, an RSVP link each.
 */
async function setUpTraining(api, label) {
  const started = performance.now();
  const startsAt = new Date(Date.now() + 10 * 60_000);
  const at = (minutes) => new Date(startsAt.getTime() + minutes * 60_000).toISOString();
  const conference = await api.expect(201, 'POST', '/api/conferences', {
    title: `Lớp tập huấn nghiệp vụ công tác dân vận (benchmark, ${label})`,
    kind: 'training',
    format: 'in_person',
    venue: 'Hội trường Tỉnh ủy Hà Tĩnh',
    startsAt: at(0),
    endsAt: at(210),
  });
  const id = conference.body.id;
  const main = await api.expect(201, 'POST', `/api/conferences/${id}/bridge-points`, { name: 'Điểm cầu Trung ương', level: 'central', isMain: true });
  const session = await api.expect(201, 'POST', `/api/conferences/${id}/agenda-items`, {
    startsAt: at(0),
    endsAt: at(90),
    kind: 'report',
    title: 'Chuyên đề 1: Công tác dân vận chính quyền',
    attendanceRequired: true,
  });
  const itemId = session.body.id;
  const people = await inPool(
    Array.from({ length: PHONES }, (_, i) => i),
    SETUP_IN_FLIGHT,
    async (i) =>
      (
        await api.expect(201, 'POST', `/api/conferences/${id}/attendees`, {
          bridgePointId: main.body.id,
          fullName: `Học viên ${String(i + 1).padStart(3, '0')}`,
          email: `hoc.vien.${i + 1}@example.vn`,
        })
      ).body,
  );
  await api.expect(200, 'POST', `/api/conferences/${id}/publish`);
  const tokens = await inPool(people, SETUP_IN_FLIGHT, async (person) => (await api.expect(201, 'POST', `/api/conferences/${id}/attendees/${person.id}/links`, {})).body.token);
  const phones = people.map((person, i) => ({ index: i, attendeeId: person.id, token: tokens[i], address: `10.${20 + (i >> 16)}.${(i >> 8) & 255}.${(i & 255) + 1}` }));
  return { conferenceId: id, itemId, phones, setupMs: performance.now() - started };
}

/**
 * The hall screen: shows the current code, fetched again 300 ms after the shown one expires (as
 * the session screen page does). `shown()` is what a phone reads off it.
 */
async function startHallScreen(api, conferenceId, itemId) {
  const url = `/api/conferences/${conferenceId}/agenda-items/${itemId}/check-in-code`;
  const fetches = [];
  let current = (await api.expect(200, 'GET', url)).body;
  fetches.push(current);
  const now = Date.now();
  if (now < Date.parse(current.opensAt) || now > Date.parse(current.closesAt)) {
    throw new Error(`session check-in: the roll call is not open now (${current.opensAt} to ${current.closesAt})`);
  }
  let stopped = false;
  let timer;
  let failure = null;
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(refresh, Math.max(500, Date.parse(current.expiresAt) - Date.now() + 300));
  };
  const refresh = async () => {
    try {
      const res = await api.call('GET', url);
      if (res.status === 200) {
        current = res.body;
        fetches.push(current);
      } else failure ??= `GET …/check-in-code answered ${res.status}: ${res.text.slice(0, 200)}`;
    } catch (error) {
      failure ??= error.message;
    }
    schedule();
  };
  schedule();
  return {
    shown: () => current.code,
    codesShown: () => new Set(fetches.map((f) => f.code)).size,
    failure: () => failure,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

/**
 * One phone's post of the code it read; `kind`: scan, rescan (the same phone again, later) or
 * double tap (two posts at once). Never throws: an unanswered post is recorded as such.
 */
async function postCode(baseUrl, phone, itemId, code, record, kind = 'scan') {
  const t0 = performance.now();
  const sentAt = t0;
  try {
    const res = await fetch(`${baseUrl}/api/public/rsvp/${phone.token}/sessions/${itemId}/check-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-forwarded-for': phone.address },
      body: JSON.stringify({ code }),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    const ms = performance.now() - t0;
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    const outcome = res.status !== 200 ? 'refused' : body?.alreadyMarked === false ? 'first' : body?.alreadyMarked === true ? 'again' : 'refused';
    const reason = body?.details?.[0]?.code;
    const detail = outcome !== 'refused' ? null : reason ? `${res.status} ${reason}` : `${res.status}: ${text.slice(0, 200)}`;
    record({ phone: phone.index, ms, sentAt, doneAt: performance.now(), status: res.status, outcome, kind, detail });
  } catch (error) {
    record({ phone: phone.index, ms: null, sentAt, doneAt: performance.now(), status: null, outcome: 'unanswered', kind, detail: `no answer: ${error.cause?.code ?? error.message}` });
  }
}

/**
 * When each phone posts, in ms from the start: half at random over the spread, half in three
 * bursts (a group coming in together, each within 2–3 s).
 */
function spreadArrivals(count, spreadMs, rand) {
  const bursts = [
    { at: 0.15, share: 0.2, widthMs: 3000 },
    { at: 0.5, share: 0.15, widthMs: 2000 },
    { at: 0.8, share: 0.15, widthMs: 3000 },
  ];
  const times = [];
  for (const b of bursts) {
    const n = Math.round(count * b.share);
    for (let i = 0; i < n; i++) times.push(b.at * spreadMs + rand() * b.widthMs);
  }
  while (times.length < count) times.push(rand() * spreadMs);
  // Shuffled onto the phones, so a burst is not the first 60 delegates by name.
  for (let i = times.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [times[i], times[j]] = [times[j], times[i]];
  }
  return times.slice(0, count);
}

const rescanning = (phones) => {
  const step = Math.floor(phones.length / RESCANS);
  return new Set(phones.filter((_, i) => i % step === step - 1).slice(0, RESCANS).map((p) => p.index));
};

async function runSpread({ baseUrl, itemId, phones, screen, record }) {
  const rand = random(0x5e55);
  const arrivals = spreadArrivals(phones.length, SPREAD_SEC * 1000, rand);
  const again = rescanning(phones);
  const start = performance.now();
  await Promise.all(
    phones.map(async (phone, i) => {
      await sleep(Math.max(0, start + arrivals[i] - performance.now()));
      await postCode(baseUrl, phone, itemId, screen.shown(), record);
      if (again.has(phone.index)) {
        // Not sure it worked: scans the screen again a few seconds later.
        await sleep(2000 + rand() * 8000);
        await postCode(baseUrl, phone, itemId, screen.shown(), record, 'rescan');
      }
    }),
  );
  return { rescans: again.size, inFlight: null, twice: `${again.size} rescans` };
}

async function runBurst({ baseUrl, itemId, phones, screen, record }) {
  const again = rescanning(phones);
  await inPool(phones, BURST_IN_FLIGHT, async (phone) => {
    const code = screen.shown();
    // A double tap: two posts at the same moment.
    if (again.has(phone.index)) await Promise.all([postCode(baseUrl, phone, itemId, code, record, 'double tap'), postCode(baseUrl, phone, itemId, code, record, 'double tap')]);
    else await postCode(baseUrl, phone, itemId, code, record);
  });
  return { rescans: again.size, inFlight: BURST_IN_FLIGHT, twice: `${again.size} double taps` };
}

function countBy(items, key) {
  const counts = new Map();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** Every person holding a place with their mark, and the totals. */
async function attendanceOf(api, conferenceId, itemId) {
  const items = [];
  let totals;
  let total = Infinity;
  for (let page = 1; page <= 10 && items.length < total; page++) {
    const res = await api.expect(200, 'GET', `/api/conferences/${conferenceId}/agenda-items/${itemId}/attendance?pageSize=500&page=${page}`);
    total = res.body.total;
    totals = res.body.totals;
    if (res.body.items.length === 0) break;
    items.push(...res.body.items);
  }
  return { items, totals, total };
}

/** Audit entries of self check-ins (one per mark written). */
async function selfCheckInAudits(api, conferenceId) {
  let count = 0;
  let seen = 0;
  let total = Infinity;
  for (let page = 1; page <= 20 && seen < total; page++) {
    const res = await api.expect(200, 'GET', `/api/conferences/${conferenceId}/audit?pageSize=500&page=${page}`);
    total = res.body.total;
    if (res.body.items.length === 0) break;
    seen += res.body.items.length;
    count += res.body.items.filter((e) => e.action === 'self_check_in').length;
  }
  return count;
}

async function measureVariant({ api, app, log, fact, ratio, variant }) {
  const label = variant === 'spread' ? `spread over ${SPREAD_SEC} s` : `burst, ${BURST_IN_FLIGHT} in flight`;
  log(`session check-in (${label}): setting up a training with ${PHONES} delegates and RSVP links`);
  const training = await setUpTraining(api, variant);
  const { conferenceId, itemId, phones } = training;
  const screen = await startHallScreen(api, conferenceId, itemId);

  app.startPhase(`session check-in ${variant}`);
  log(`session check-in (${label}): ${PHONES} phones, ${RESCANS} of them twice`);
  const records = [];
  // BENCH_CPU_PROF=1: the burst is profiled (the spread leaves the app mostly idle).
  const stopProfile = variant === 'burst' ? await app.profile('session-check-in-burst') : async () => null;
  const cpu = app.cpuMeter();
  const started = performance.now();
  let shape;
  try {
    shape = await (variant === 'spread' ? runSpread : runBurst)({ baseUrl: api.baseUrl, itemId, phones, screen, record: (r) => records.push(r) });
  } finally {
    screen.stop();
  }
  const wallMs = performance.now() - started;
  const usage = cpu();
  const profile = await stopProfile();

  // Answers, per phone.
  const byPhone = new Map(phones.map((p) => [p.index, []]));
  for (const r of records) byPhone.get(r.phone).push(r);
  let firstAnswers = 0;
  let phonesWithTwoFirsts = 0;
  let phonesWithoutFirst = 0;
  for (const list of byPhone.values()) {
    const firsts = list.filter((r) => r.outcome === 'first').length;
    firstAnswers += firsts;
    if (firsts === 0) phonesWithoutFirst += 1;
    if (firsts > 1) phonesWithTwoFirsts += 1;
  }
  // Of a phone's two scans, the one answered later is its second scan (a double tap may finish in either order).
  const secondAnswers = [...byPhone.values()].filter((list) => list.length > 1).map((list) => [...list].sort((a, b) => a.doneAt - b.doneAt)[1]);
  const secondsAlready = secondAnswers.filter((r) => r.outcome === 'again').length;
  const refused = records.filter((r) => r.outcome === 'refused');
  const unanswered = records.filter((r) => r.outcome === 'unanswered');
  const rateLimited = refused.filter((r) => r.status === 429).length;
  const latencies = records.filter((r) => r.ms !== null).map((r) => r.ms).sort((a, b) => a - b);
  const lastAnswerSec = (Math.max(...records.map((r) => r.doneAt)) - Math.min(...records.map((r) => r.sentAt))) / 1000;

  // What the session's attendance shows.
  const attendance = await attendanceOf(api, conferenceId, itemId);
  const ours = new Set(phones.map((p) => p.attendeeId));
  const rows = attendance.items.filter((item) => ours.has(item.attendeeId));
  const marked = rows.filter((item) => item.status === 'present' || item.status === 'late');
  const distinctMarked = new Set(marked.map((item) => item.attendeeId)).size;
  const markedSum = attendance.totals.present + attendance.totals.late;
  const audits = await selfCheckInAudits(api, conferenceId);
  const lost = Math.max(PHONES - distinctMarked, PHONES - markedSum, phonesWithoutFirst, 0);
  const double = Math.max(marked.length - distinctMarked, markedSum - PHONES, audits - PHONES, phonesWithTwoFirsts, 0);

  const requests = records.length;
  const stats = {
    requests,
    wallMs,
    reqPerSec: (requests / wallMs) * 1000,
    checkInsPerSec: (PHONES / wallMs) * 1000,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies.length ? latencies[latencies.length - 1] : null,
    non2xx: refused.length,
    errors: unanswered.length,
    timeouts: 0,
    // Each kind of failure once, with how often and on which kind of post: "11 × 409 stale_version (double tap)".
    failures: [...countBy([...refused, ...unanswered], (r) => `${r.detail} (${r.kind})`)].map(([what, n]) => `${n} × ${what}`),
  };
  const clean = stats.non2xx === 0 && stats.errors === 0;
  const rescansOk = secondsAlready === secondAnswers.length && secondAnswers.length === shape.rescans;
  const met = clean && lost === 0 && double === 0 && rescansOk && stats.p99Ms !== null && stats.p99Ms < GOAL_P99_MS && lastAnswerSec <= WINDOW_SEC;
  const result = {
    variant,
    phones: PHONES,
    rescans: shape.rescans,
    inFlight: shape.inFlight,
    spreadSec: variant === 'spread' ? SPREAD_SEC : null,
    setupMs: Math.round(training.setupMs),
    ...stats,
    lastAnswerSec,
    firstAnswers,
    secondScans: secondAnswers.length,
    secondScansAlreadyMarked: secondsAlready,
    rateLimited,
    codesShown: screen.codesShown(),
    screenFailure: screen.failure(),
    attendance: { totals: attendance.totals, rows: rows.length, marked: marked.length, distinctMarked },
    selfCheckInAudits: audits,
    lost,
    double,
    cpu: usage,
    profile,
  };
  const scenario = {
    name: `self check-in POST …/sessions/:itemId/check-in × ${PHONES} phones, ${label} (+${shape.twice})`,
    ...stats,
    // The spread variant's rate is the arrivals', not the app's: no ratio to the empty route.
    ratioToEmpty: variant === 'burst' ? ratio(stats) : null,
    goal: `p99 < ${GOAL_P99_MS} ms, lost 0, double 0`,
    met,
    verify: { lost, double },
  };
  const ms = (x) => (x === null ? '—' : x.toFixed(1));
  fact(
    `session check-in, ${label}: latency and rate`,
    `p50 ${ms(stats.p50Ms)} ms, p95 ${ms(stats.p95Ms)} ms, p99 ${ms(stats.p99Ms)} ms, max ${ms(stats.maxMs)} ms; ${requests} posts in ${(wallMs / 1000).toFixed(1)} s ` +
      `(${stats.reqPerSec.toFixed(0)} req/s, ${stats.checkInsPerSec.toFixed(1)} check-ins/s), last answer ${lastAnswerSec.toFixed(1)} s after the first post; ` +
      `${result.codesShown} hall code(s) shown; CPU: app ${usage.appCpuPercent} % of a core, machine ${usage.machineBusyPercent} % busy`,
    `p99 < ${GOAL_P99_MS} ms, all in ≤ ${WINDOW_SEC} s`,
    stats.p99Ms !== null && stats.p99Ms < GOAL_P99_MS && lastAnswerSec <= WINDOW_SEC,
  );
  fact(
    `session check-in, ${label}: attendance after the round`,
    `marked ${distinctMarked} of ${PHONES} (present ${attendance.totals.present}, late ${attendance.totals.late}, unmarked ${attendance.totals.unmarked}); lost ${lost}, double ${double}; ` +
      `${firstAnswers} first answers, ${secondsAlready} of ${secondAnswers.length} second scans alreadyMarked; ${audits} self_check_in audit entries; ` +
      `${stats.non2xx} refused (${rateLimited} × 429), ${stats.errors} unanswered`,
    `lost 0, double 0, second scans alreadyMarked`,
    lost === 0 && double === 0 && rescansOk && clean,
  );
  const problems = [];
  if (!met) {
    problems.push(
      `session check-in (${label}): lost ${lost}, double ${double}, p99 ${ms(stats.p99Ms)} ms, last answer after ${lastAnswerSec.toFixed(1)} s; ` +
        `${secondsAlready} of ${secondAnswers.length} second scans alreadyMarked (${shape.twice}); ${stats.non2xx} refused (${rateLimited} × 429), ` +
        `${stats.errors} unanswered; first failures: ${stats.failures.join(' | ') || 'none'}`,
    );
  }
  if (rateLimited > 0) problems.push(`session check-in (${label}): ${rateLimited} posts answered 429 although each phone sent its own X-Forwarded-For (TRUST_PROXY=127.0.0.1)`);
  if (result.screenFailure) problems.push(`session check-in (${label}): the hall screen's code fetch failed: ${result.screenFailure}`);
  return { scenario, result, problems };
}

/**
 * Runs both variants (spread, then burst), each on its own training conference. Answers the
 * scenario rows for the table, the results for latest.json and problems.
 */
async function measureSessionCheckIns({ api, app, log, fact, ratio = () => null }) {
  const scenarios = [];
  const results = [];
  const problems = [];
  for (const variant of ['spread', 'burst']) {
    const one = await measureVariant({ api, app, log, fact, ratio, variant });
    scenarios.push(one.scenario);
    results.push(one.result);
    problems.push(...one.problems);
  }
  const profile = results.find((r) => r.profile)?.profile ?? null;
  return { scenarios, result: { goalP99Ms: GOAL_P99_MS, variants: results }, profile, problems };
}

module.exports = { measureSessionCheckIns, SESSION_CHECK_IN_BUDGET_SEC };
