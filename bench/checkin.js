'use strict';

// Check-in benchmark on the imported conference (10,000 delegates): 3,000 delegates checked in
// one by one, each twice at the same moment (6,000 requests, 200 in flight), then checked:
// exactly one first check-in per delegate, and the bridge points' check-in count grew by
// exactly 3,000. Then one batch check-in of 1,000 codes.

const { performance } = require('node:perf_hooks');
const { sleep } = require('./http');
const { rateWhy } = require('./report');

const SINGLE = 3000;
const BATCH = 1000;
const IN_FLIGHT = 200;

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Every delegate of the conference (id, code, email), 500 a page, at most 40 pages. */
async function listAttendees(api, conferenceId) {
  const byId = new Map();
  let total = Infinity;
  for (let page = 1; page <= 40 && byId.size < total; page++) {
    const res = await api.expect(200, 'GET', `/api/conferences/${conferenceId}/attendees?pageSize=500&page=${page}`);
    total = res.body.total;
    if (res.body.items.length === 0) break;
    for (const a of res.body.items) byId.set(a.id, a);
  }
  return { items: [...byId.values()], total };
}

async function summaryOf(api, conferenceId) {
  return (await api.expect(200, 'GET', `/api/conferences/${conferenceId}/bridge-points/summary`)).body;
}

async function attendedCount(api, conferenceId) {
  return (await api.expect(200, 'GET', `/api/conferences/${conferenceId}/attendees?pageSize=1&status=attended`)).body.total;
}

/**
 * The summary's check-in count once it shows `expected`, or after 1.5 s: the summary may be
 * computed once a second, so one stale read is not yet a lost check-in.
 */
async function settledCheckIns(api, conferenceId, expected) {
  let checkedIn = (await summaryOf(api, conferenceId)).checkedInAttendees;
  for (let i = 0; i < 3 && checkedIn !== expected; i++) {
    await sleep(500);
    checkedIn = (await summaryOf(api, conferenceId)).checkedInAttendees;
  }
  return checkedIn;
}

/**
 * Sends two check-ins for each delegate at the same moment, `IN_FLIGHT / 2` delegates at a time
 * (so `IN_FLIGHT` requests in flight), and records every answer per delegate.
 */
async function doubleCheckIns(api, conferenceId, attendees) {
  const latencies = [];
  const failures = [];
  const outcomes = new Map(attendees.map((a) => [a.id, []]));
  let non2xx = 0;
  let errors = 0;
  let next = 0;
  const one = async (attendee) => {
    const t0 = performance.now();
    try {
      const res = await api.call('POST', `/api/conferences/${conferenceId}/attendees/${attendee.id}/check-in`);
      latencies.push(performance.now() - t0);
      if (res.status !== 200) {
        non2xx += 1;
        if (failures.length < 5) failures.push(`${res.status}: ${res.text.slice(0, 300)}`);
        outcomes.get(attendee.id).push('error');
      } else {
        outcomes.get(attendee.id).push(res.body?.alreadyCheckedIn === false ? 'first' : res.body?.alreadyCheckedIn === true ? 'again' : 'error');
      }
    } catch (error) {
      errors += 1;
      if (failures.length < 5) failures.push(`no answer: ${error.cause?.code ?? error.message}`);
      outcomes.get(attendee.id).push('error');
    }
  };
  const worker = async () => {
    while (next < attendees.length) {
      const attendee = attendees[next++];
      await Promise.all([one(attendee), one(attendee)]);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT / 2, attendees.length) }, worker));
  const wallMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const requests = attendees.length * 2;
  return {
    outcomes,
    stats: {
      requests,
      concurrency: IN_FLIGHT,
      wallMs,
      reqPerSec: (requests / wallMs) * 1000,
      checkInsPerSec: (attendees.length / wallMs) * 1000,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      maxMs: latencies.length ? latencies[latencies.length - 1] : null,
      non2xx,
      errors,
      timeouts: 0,
      failures,
    },
  };
}

/**
 * Runs the check-in phase on `conferenceId`. Answers the scenario row for the table, the
 * result for latest.json, the delegates it listed (for the invitation phase) and problems.
 */
async function measureCheckIns({ api, app, log, fact, conferenceId, ratio, goalPerSec }) {
  const problems = [];
  const result = { goalPerSec, delegates: SINGLE, requests: SINGLE * 2, inFlight: IN_FLIGHT, batch: BATCH };

  const list = await listAttendees(api, conferenceId);
  result.listed = list.items.length;
  if (list.items.length < SINGLE + BATCH) throw new Error(`check-in: the conference lists ${list.items.length} delegates, need ${SINGLE + BATCH}`);
  const fresh = list.items.filter((a) => a.checkedInAt === null && a.status !== 'cancelled' && a.status !== 'waitlisted');
  if (fresh.length < SINGLE + BATCH) throw new Error(`check-in: only ${fresh.length} delegates can still check in, need ${SINGLE + BATCH}`);
  const singles = fresh.slice(0, SINGLE);
  const batch = fresh.slice(SINGLE, SINGLE + BATCH);

  const before = (await summaryOf(api, conferenceId)).checkedInAttendees;
  const attendedBefore = await attendedCount(api, conferenceId);

  app.startPhase('check-in');
  log(`check-in: ${SINGLE} delegates × 2 at once (${SINGLE * 2} requests, ${IN_FLIGHT} in flight)`);
  const stopProfile = await app.profile('check-in');
  const cpu = app.cpuMeter();
  const { outcomes, stats } = await doubleCheckIns(api, conferenceId, singles);
  result.cpu = cpu();
  result.profile = await stopProfile();

  let firsts = 0;
  let lost = 0;
  let doubled = 0;
  let unanswered = 0;
  for (const list of outcomes.values()) {
    const n = list.filter((o) => o === 'first').length;
    firsts += n;
    if (n === 0) lost += 1;
    if (n > 1) doubled += 1;
    if (list.includes('error')) unanswered += 1;
  }
  const afterCheckedIn = await settledCheckIns(api, conferenceId, before + SINGLE);
  const attendedAfter = await attendedCount(api, conferenceId);
  const grew = afterCheckedIn - before;
  // Lost: first check-ins neither answered nor counted; double-counted: counted twice in the answers or the figure.
  const lostTotal = Math.max(lost, SINGLE - grew, SINGLE - (attendedAfter - attendedBefore), 0);
  const doubleTotal = Math.max(doubled, grew - SINGLE, 0);
  Object.assign(result, {
    ...stats,
    firstAnswers: firsts,
    lost: lostTotal,
    doubleCounted: doubleTotal,
    delegatesWithAnError: unanswered,
    checkedInAttendeesBefore: before,
    checkedInAttendeesAfter: afterCheckedIn,
    attendedBefore,
    attendedAfter,
  });
  const scenario = {
    name: `POST …/attendees/:id/check-in × ${SINGLE * 2} (${SINGLE} × 2 at once)`,
    ...stats,
    ratioToEmpty: ratio(stats),
    goal: `≥ ${goalPerSec.toLocaleString('en')}/s, lost 0, double 0`,
    met: stats.reqPerSec >= goalPerSec && lostTotal === 0 && doubleTotal === 0 && stats.non2xx === 0 && stats.errors === 0,
    why: stats.reqPerSec < goalPerSec ? rateWhy(result.cpu, stats.requests, goalPerSec) : undefined,
  };
  fact(
    'check-in: answers and attendance after the round',
    `${firsts} first check-ins of ${SINGLE}, lost ${lostTotal}, double-counted ${doubleTotal}; checkedInAttendees +${grew}, attended +${attendedAfter - attendedBefore}; ${stats.checkInsPerSec.toFixed(0)} delegates/s; CPU: app ${result.cpu.appCpuPercent} % (${((result.cpu.appCpuPercent * result.cpu.seconds * 10) / stats.requests).toFixed(2)} ms a request), bench ${result.cpu.benchCpuPercent} % of a core, machine ${result.cpu.machineBusyPercent} % busy`,
    'lost 0, double 0',
    lostTotal === 0 && doubleTotal === 0,
  );
  if (lostTotal || doubleTotal || stats.non2xx || stats.errors) {
    problems.push(
      `check-in × ${SINGLE} × 2: ${firsts} answers alreadyCheckedIn=false (expected ${SINGLE}), ${lost} delegates without one, ${doubled} with two; ` +
        `checkedInAttendees ${before} → ${afterCheckedIn} (expected +${SINGLE}), attended ${attendedBefore} → ${attendedAfter}; ` +
        `${stats.non2xx} non-2xx, ${stats.errors} without answer; first failures: ${stats.failures.join(' | ') || 'none'}`,
    );
  }

  app.startPhase('check-in batch');
  log(`check-in: one batch of ${BATCH} codes`);
  const codes = batch.map((a) => a.code);
  const res = await api.call('POST', `/api/conferences/${conferenceId}/attendees/check-in`, { codes }, { timeoutMs: 120_000 });
  const batchCheckedIn = await settledCheckIns(api, conferenceId, before + SINGLE + BATCH);
  const b = res.body ?? {};
  const checkedIn = b.checkedIn?.length ?? 0;
  result.batchMs = Math.round(res.ms);
  result.batchStatus = res.status;
  result.batchCheckedIn = checkedIn;
  result.batchAlready = b.alreadyCheckedIn?.length ?? 0;
  result.batchUnknown = b.unknown?.length ?? 0;
  result.checkedInAttendeesAfterBatch = batchCheckedIn;
  const batchOk = res.status === 200 && checkedIn === BATCH && result.batchUnknown === 0 && batchCheckedIn - afterCheckedIn === BATCH;
  fact(
    `batch check-in of ${BATCH.toLocaleString('en')} codes (one POST …/attendees/check-in)`,
    `${result.batchMs} ms (${((BATCH / res.ms) * 1000).toFixed(0)} codes/s), answer ${res.status}, checked in ${checkedIn}, already ${result.batchAlready}, unknown ${result.batchUnknown}; checkedInAttendees +${batchCheckedIn - afterCheckedIn}`,
    `${BATCH} checked in, +${BATCH}`,
    batchOk,
  );
  if (!batchOk) problems.push(`batch check-in of ${BATCH} codes: answer ${res.status} ${res.status === 200 ? '' : res.text.slice(0, 300)}, checked in ${checkedIn}, unknown ${result.batchUnknown}, checkedInAttendees ${afterCheckedIn} → ${batchCheckedIn}`);

  return { scenario, result, attendees: list.items, problems };
}

module.exports = { measureCheckIns };
