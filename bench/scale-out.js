'use strict';

// Scale-out phase (PostgreSQL): a second API process beside the first (and the one worker), a
// fresh nationwide conference, and its confirmations and check-ins sent through both APIs at once,
// half to each; then the summary must show every one of them.

const path = require('node:path');
const { freePort, startApp, waitForHealth } = require('./app-process');
const { ApiClient, startingSoon } = require('./http');
const { buildRows, toCsv, timedImport } = require('./import');
const { pool } = require('./load');

const IN_FLIGHT = 200;
const CHECK_INS = 3000;

async function pages(api, url, pageSize = 500) {
  const items = [];
  for (let page = 1; page <= 40; page++) {
    const res = await api.expect(200, 'GET', `${url}${url.includes('?') ? '&' : '?'}pageSize=${pageSize}&page=${page}`);
    items.push(...res.body.items);
    if (items.length >= res.body.total || res.body.items.length === 0) break;
  }
  return items;
}

/** Answers the scenario rows, the result for latest.json and problems. `app`: the first API process; `env`: what it was started with. */
async function measureScaleOut({ api, app, database, env, log, fact, goalPerSec, peakRssMb, resultsDir }) {
  const problems = [];
  const scenarios = [];
  const port = await freePort();
  const secondUrl = `http://127.0.0.1:${port}`;
  const second = startApp({ port, database, logFile: path.join(resultsDir, `app-2-${database.kind}.log`), env: { ...env, APP_ROLE: 'api' } });
  try {
    await waitForHealth(second, secondUrl);
    log(`scale-out: second API pid ${second.pid} on ${secondUrl}`);
    const other = new ApiClient(secondUrl);
    other.token = api.token;
    const both = [api, other];

    const conference = await api.expect(201, 'POST', '/api/conferences', {
      title: 'Hội nghị trực tuyến toàn quốc đến cấp xã (hai máy chủ API)',
      kind: 'review',
      format: 'online',
      ...startingSoon(),
    });
    const id = conference.body.id;
    const points = `/api/conferences/${id}/bridge-points`;
    await api.expect(201, 'POST', points, { name: 'Điểm cầu Trung ương', level: 'central', isMain: true });
    await api.expect(201, 'POST', points, { administrativeUnitSet: 'vn-34', level: 'commune' }, { timeoutMs: 120_000 });
    const listed = await pages(api, points);
    const ids = listed.map((p) => p.id);
    const n = ids.length;

    app.startPhase('scale-out confirm');
    second.startPhase('scale-out confirm');
    log(`scale-out: ${n} confirmations through two API processes`);
    let turn = 0;
    const confirm = await pool(`scale-out: POST …/:bpId/confirm × ${n} through 2 API processes`, ids, IN_FLIGHT, (pointId) =>
      both[turn++ % 2].call('POST', `${points}/${pointId}/confirm`, { chairName: 'Nguyễn Văn A', expectedAttendees: 30 }),
    );
    const summary = (await api.expect(200, 'GET', `${points}/summary`)).body;
    const confirmLost = Math.max(n - summary.byConfirmation.confirmed, Math.ceil((30 * n - summary.expectedAttendees) / 30));
    scenarios.push({
      ...confirm,
      ratioToEmpty: null,
      goal: `≥ ${goalPerSec.toLocaleString('en')}/s, lost 0`,
      met: confirmLost === 0 && confirm.non2xx === 0 && confirm.errors === 0 && confirm.reqPerSec >= goalPerSec,
    });
    fact('scale-out confirmations: summary after the round', `lost ${confirmLost} (confirmed ${summary.byConfirmation.confirmed} of ${n})`, 'lost 0', confirmLost === 0);
    if (confirmLost || confirm.non2xx || confirm.errors) problems.push(`scale-out confirmations: lost ${confirmLost}, ${confirm.non2xx} non-2xx, ${confirm.errors} errors; ${confirm.failures.join(' | ')}`);

    const communes = listed.filter((p) => p.level === 'commune');
    const imported = await timedImport(api, id, 'dai-bieu-hai-may.csv', toCsv(buildRows(communes, '', CHECK_INS, true)), 'text/csv');
    if (imported.job.created !== CHECK_INS) throw new Error(`scale-out: imported ${imported.job.created} delegates, expected ${CHECK_INS}`);
    const attendees = await pages(api, `/api/conferences/${id}/attendees`);
    app.startPhase('scale-out check-in');
    second.startPhase('scale-out check-in');
    log(`scale-out: ${attendees.length} check-ins through two API processes`);
    const firsts = { count: 0 };
    turn = 0;
    const checkIn = await pool(`scale-out: POST …/attendees/:id/check-in × ${attendees.length} through 2 API processes`, attendees, IN_FLIGHT, async (a) => {
      const res = await both[turn++ % 2].call('POST', `/api/conferences/${id}/attendees/${a.id}/check-in`);
      if (res.status === 200 && res.body?.alreadyCheckedIn === false) firsts.count += 1;
      return res;
    });
    const after = (await api.expect(200, 'GET', `${points}/summary`)).body;
    const checkInLost = Math.max(attendees.length - after.checkedInAttendees, attendees.length - firsts.count);
    scenarios.push({
      ...checkIn,
      ratioToEmpty: null,
      goal: `≥ ${goalPerSec.toLocaleString('en')}/s, lost 0`,
      met: checkInLost === 0 && checkIn.non2xx === 0 && checkIn.errors === 0 && checkIn.reqPerSec >= goalPerSec,
    });
    fact('scale-out check-ins: summary after the round', `lost ${checkInLost} (checkedInAttendees ${after.checkedInAttendees}, first answers ${firsts.count} of ${attendees.length})`, 'lost 0', checkInLost === 0);
    if (checkInLost || checkIn.non2xx || checkIn.errors) problems.push(`scale-out check-ins: lost ${checkInLost}, ${checkIn.non2xx} non-2xx, ${checkIn.errors} errors; ${checkIn.failures.join(' | ')}`);

    const peakMb = second.peakMemory().peakKb / 1024;
    fact('peak RSS of the second API process', `${peakMb.toFixed(0)} MB`, `< ${peakRssMb} MB`, peakMb < peakRssMb);
    return { scenarios, problems, result: { points: n, checkIns: attendees.length, confirm, checkIn, secondApiPeakMb: peakMb } };
  } finally {
    await second.stop();
  }
}

module.exports = { measureScaleOut };
