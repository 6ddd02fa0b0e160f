'use strict';

// The organizer console on the nationwide conference (3,356 points, BENCH_DELEGATES delegates):
// signs in through the console's own form (its pre-session cookie and CSRF token), then loads each
// screen an organizer opens, one request at a time, and reports the time to the last byte of the
// page. Goal (issue "organizer console"): no page over 300 ms.

const { performance } = require('node:perf_hooks');
const { URLSearchParams } = require('node:url');

const RUNS = 10;
const GOAL_MS = 300;

/** The cookie `name` set by a response, as `name=value`. */
function cookieFrom(res, name) {
  for (const header of res.headers.getSetCookie()) {
    const [pair] = header.split(';');
    if (pair.startsWith(`${name}=`)) return pair;
  }
  return null;
}

async function signIn(baseUrl, email, password) {
  const shown = await fetch(`${baseUrl}/console/login`);
  const page = await shown.text();
  const pre = cookieFrom(shown, 'hn_console_pre');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
  if (!pre || !csrf) throw new Error('console sign-in page: no pre-session cookie or CSRF token');
  const res = await fetch(`${baseUrl}/console/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: pre },
    body: new URLSearchParams({ _csrf: csrf, email, password }).toString(),
  });
  const session = cookieFrom(res, 'hn_console');
  if (res.status !== 303 || !session) throw new Error(`console sign-in answered ${res.status}`);
  return session;
}

/** Loads `path` RUNS times after one warm-up; answers the times in ms, sorted. */
async function timesOf(baseUrl, path, cookie) {
  const times = [];
  for (let i = 0; i <= RUNS; i++) {
    const started = performance.now();
    const res = await fetch(baseUrl + path, { headers: { cookie } });
    const body = await res.text();
    const ms = performance.now() - started;
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${body.slice(0, 200)}`);
    if (i > 0) times.push(ms);
  }
  return times.sort((a, b) => a - b);
}

/**
 * Measures the console's screens on `conferenceId`; pushes one fact per screen (median and worst
 * of RUNS loads) and answers the problems (screens over the goal).
 */
async function measureConsoleRender({ baseUrl, conferenceId, delegates, log, fact }) {
  const cookie = await signIn(baseUrl, 'admin@hoinghi.local', 'HoiNghi@2025');
  const c = `/console/conferences/${conferenceId}`;
  const lastPage = Math.max(1, Math.ceil(delegates / 50));
  const screens = [
    ['conference list', '/console'],
    ['conference overview', c],
    ['bridge points, page 1 of 3,356', `${c}/points`],
    ['bridge points, searched and filtered, page 20', `${c}/points?q=xa&xn=pending&page=20`],
    [`delegates, page 1 of ${delegates.toLocaleString('en')}`, `${c}/attendees`],
    ['delegates, searched', `${c}/attendees?q=nguyen`],
    [`delegates, last page (${lastPage})`, `${c}/attendees?page=${lastPage}`],
    ['invitations and delivery log', `${c}/invitations`],
    ['agenda', `${c}/agenda`],
  ];
  const problems = [];
  for (const [name, path] of screens) {
    const times = await timesOf(baseUrl, path, cookie);
    const median = times[Math.floor(times.length / 2)];
    const worst = times[times.length - 1];
    const met = worst < GOAL_MS;
    fact(`console: ${name}`, `median ${median.toFixed(0)} ms, worst ${worst.toFixed(0)} ms of ${RUNS}`, `< ${GOAL_MS} ms`, met);
    log(`console ${name}: median ${median.toFixed(0)} ms, worst ${worst.toFixed(0)} ms`);
    if (!met) problems.push(`console ${name}: worst ${worst.toFixed(0)} ms (goal < ${GOAL_MS} ms)`);
  }
  // The downloads of the whole list: the largest pages the console sends (timed, not held to the goal).
  for (const format of ['xlsx', 'csv']) {
    const started = performance.now();
    const res = await fetch(`${baseUrl}${c}/attendees/export.${format}`, { headers: { cookie } });
    const bytes = (await res.arrayBuffer()).byteLength;
    const ms = performance.now() - started;
    const ok = res.status === 200 && bytes > 0;
    fact(`console: export of every delegate (${format.toUpperCase()})`, `${(bytes / 1024 / 1024).toFixed(1)} MB in ${ms.toFixed(0)} ms (${res.status})`, '200', ok);
    if (!ok) problems.push(`console export ${format}: ${res.status}`);
  }
  return problems;
}

module.exports = { measureConsoleRender };
