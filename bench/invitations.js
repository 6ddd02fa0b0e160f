'use strict';

// Invitation benchmark: the imported conference (10,000 delegates with distinct emails) gets a
// main point and is published; queueing invitations for everyone is timed (goal < 5 s), then
// delivery to the bench's SMTP sink: from the queue call until the last message arrived (goal
// ≥ 300 messages/s), every recipient exactly once. Queueing again must queue and send nothing.

const net = require('node:net');
const { performance } = require('node:perf_hooks');
const { simpleParser } = require('mailparser');
const nodemailer = require('nodemailer');
const { sleep } = require('./http');
const { measureRoute } = require('./load');

const numberFromEnv = (name, fallback) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const WAIT_MS = numberFromEnv('BENCH_MAIL_WAIT', 180) * 1000;
const QUIET_MS = 3000;
const CEILING_MAILS = 500;
/** While the worker sends, the API is read at a steady pace: its p99 must stay under this. */
const READ_DURING_SEND = { connections: 10, durationSec: 10, p99GoalMs: 100 };

async function deliveryTotal(api, conferenceId, status) {
  return (await api.expect(200, 'GET', `/api/conferences/${conferenceId}/deliveries?status=${status}&pageSize=1`)).body.total;
}

/** A sampled mail carries a `text/calendar; method=REQUEST` part with an event in it. */
async function checkSample(sample) {
  const raw = sample.raw.toString('utf8');
  const header = /content-type:\s*text\/calendar;(?:[^\r\n]|\r?\n[ \t])*method=("?)REQUEST\1/i.test(raw);
  const parsed = await simpleParser(sample.raw);
  const parts = parsed.attachments.filter((a) => a.contentType === 'text/calendar');
  const calendar = parts.find((a) => /METHOD:REQUEST/.test(a.content.toString('utf8')) && /BEGIN:VEVENT/.test(a.content.toString('utf8')));
  const method = calendar?.headers.get('content-type')?.params?.method ?? null;
  return {
    number: sample.number,
    to: sample.recipients.join(', '),
    subject: parsed.subject,
    calendarParts: parts.length,
    method,
    ok: header && Boolean(calendar) && String(method).toUpperCase() === 'REQUEST',
    mail: { subject: parsed.subject, text: parsed.text, html: parsed.html || undefined, ics: calendar?.content.toString('utf8') },
  };
}

/**
 * What the SMTP path alone allows, without the app: nodemailer pooled like the app's transport,
 * with as many connections (and sends in flight) as the app held open at once, sending copies
 * of a received invitation to the same sink, first with sockets as nodemailer opens them, then
 * with TCP_NODELAY set on them.
 */
async function smtpCeiling(sink, mail, connections, noDelay) {
  const options = { host: '127.0.0.1', port: sink.port, secure: false, ignoreTLS: true, pool: true, maxConnections: connections };
  if (noDelay) {
    // nodemailer takes an already connected socket from getSocket (`connection`); this one has TCP_NODELAY.
    options.getSocket = (_options, callback) => {
      const socket = net.connect({ host: '127.0.0.1', port: sink.port, noDelay: true });
      const failed = (error) => callback(error);
      socket.once('error', failed);
      socket.once('connect', () => {
        socket.off('error', failed);
        callback(null, { connection: socket });
      });
    };
  }
  const transport = nodemailer.createTransport(options);
  const latencies = [];
  let next = 0;
  let failed = 0;
  const started = performance.now();
  try {
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (next < CEILING_MAILS) {
          const i = next++;
          const t0 = performance.now();
          try {
            await transport.sendMail({
              from: 'hoinghi@hoinghi.local',
              to: `tran.ceiling.${noDelay ? 'nodelay' : 'default'}.${i}@bench.invalid`,
              subject: mail.subject,
              text: mail.text,
              html: mail.html,
              ...(mail.ics && { icalEvent: { method: 'REQUEST', content: mail.ics, filename: 'giay-moi.ics' } }),
            });
            latencies.push(performance.now() - t0);
          } catch {
            failed += 1;
          }
        }
      }),
    );
  } finally {
    transport.close();
  }
  const ms = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return { perSec: Math.round((CEILING_MAILS / ms) * 1000), p50Ms: Number((latencies[Math.floor(latencies.length / 2)] ?? 0).toFixed(1)), failed };
}

/**
 * Runs the invitation phase. `attendees`: the conference's delegates as listed (email per id).
 * Answers the result for latest.json and problems; figures go to `fact`.
 */
async function measureInvitations({ api, app, worker, sink, log, fact, conferenceId, attendees, goals }) {
  const { queueMs: queueGoalMs, perSec: rateGoal } = goals;
  const problems = [];
  const expected = new Set(attendees.map((a) => a.email?.toLowerCase()).filter(Boolean));
  const result = { queueGoalMs, rateGoalPerSec: rateGoal, delegates: attendees.length, distinctEmails: expected.size };
  if (expected.size !== attendees.length) problems.push(`invitations: ${attendees.length} delegates but ${expected.size} distinct emails`);

  // A main point, then publish: invitations go out only for a published conference.
  await api.expect(201, 'POST', `/api/conferences/${conferenceId}/bridge-points`, { name: 'Điểm cầu Trung ương', level: 'central', isMain: true });
  await api.expect(200, 'POST', `/api/conferences/${conferenceId}/publish`, {});
  const strayBefore = sink.stats.messages;
  sink.reset();

  app.startPhase('invitations');
  log(`invitations: queueing ${attendees.length} (scope all)`);
  // Mail is composed and sent by the worker process: its CPU and profile are the ones that count.
  const stopProfile = await worker.profile('invitations');
  const cpu = worker.cpuMeter();
  const apiCpu = app.cpuMeter();
  const queueStarted = performance.now();
  const queue = await api.call('POST', `/api/conferences/${conferenceId}/invitations`, { scope: 'all' }, { timeoutMs: 120_000 });
  if (queue.status !== 202) throw new Error(`POST …/invitations answered ${queue.status}: ${queue.text.slice(0, 600)}`);
  const q = queue.body;
  Object.assign(result, { queueMs: Math.round(queue.ms), queued: q.queued, alreadyQueued: q.alreadyQueued, withoutEmail: q.withoutEmail, strayMailsBefore: strayBefore });
  fact(
    `queue ${attendees.length.toLocaleString('en')} invitations (POST …/invitations, scope all)`,
    `${result.queueMs} ms, queued ${q.queued}, alreadyQueued ${q.alreadyQueued}, withoutEmail ${q.withoutEmail}`,
    `< ${queueGoalMs} ms`,
    queue.ms < queueGoalMs && q.queued === expected.size,
  );
  if (q.queued !== expected.size) problems.push(`invitations: queued ${q.queued}, expected ${expected.size} (alreadyQueued ${q.alreadyQueued}, withoutEmail ${q.withoutEmail})`);

  const sentBefore = sink.stats.messages;
  // The API read during the send (it no longer composes mail, so its answers should not slow down).
  const readDuringSend = measureRoute({
    name: 'GET /api/conferences/:id during the send',
    url: `${api.baseUrl}/api/conferences/${conferenceId}`,
    headers: api.authHeaders,
    connections: READ_DURING_SEND.connections,
    durationSec: READ_DURING_SEND.durationSec,
    warmupSec: 0,
  }).then(
    (r) => ({ ...r, receivedBefore: sentBefore, receivedAfter: sink.stats.messages }),
    (error) => ({ error: error.message }),
  );

  // Delivery: until the outbox has nothing pending or sending and the sink has every message, or the bounded wait ends.
  log(`invitations: waiting for delivery to the SMTP sink (at most ${WAIT_MS / 1000} s)`);
  const deadline = queueStarted + WAIT_MS;
  const progress = [];
  let pending = null;
  let sending = null;
  let lastLog = performance.now();
  let lastPoll = 0;
  while (performance.now() < deadline && app.running) {
    const now = performance.now();
    if (now - lastPoll >= 1000) {
      lastPoll = now;
      [pending, sending] = await Promise.all([deliveryTotal(api, conferenceId, 'pending'), deliveryTotal(api, conferenceId, 'sending')]);
      progress.push({ atMs: Math.round(performance.now() - queueStarted), received: sink.stats.messages, pending, sending });
      if (pending === 0 && sending === 0) break;
    }
    if (now - lastLog >= 10_000) {
      lastLog = now;
      log(`  ${sink.stats.messages} received, ${pending} pending, ${sending} sending after ${((now - queueStarted) / 1000).toFixed(0)} s`);
    }
    await sleep(100);
  }
  result.cpu = cpu();
  result.apiCpu = apiCpu();
  result.profile = await stopProfile();
  const read = await readDuringSend;
  result.readDuringSend = read;
  const readOk = !read.error && read.non2xx === 0 && read.errors === 0 && read.p99Ms < READ_DURING_SEND.p99GoalMs;
  fact(
    `API read during the send (${read.name ?? 'GET /api/conferences/:id'}, ${READ_DURING_SEND.connections} connections, ${READ_DURING_SEND.durationSec} s)`,
    read.error
      ? `failed: ${read.error}`
      : `${read.reqPerSec.toFixed(0)} req/s, p50 ${read.p50Ms} ms, p99 ${read.p99Ms} ms, ${read.non2xx} non-2xx; ${read.receivedAfter - read.receivedBefore} mails arrived meanwhile`,
    `p99 < ${READ_DURING_SEND.p99GoalMs} ms`,
    readOk,
  );
  const timedOut = !(pending === 0 && sending === 0);
  const stats = sink.stats;
  const received = stats.messages;
  let lost = 0;
  let duplicates = 0;
  let unexpected = 0;
  for (const address of expected) if (!stats.byRecipient.has(address)) lost += 1;
  for (const [address, count] of stats.byRecipient) {
    if (count > 1) duplicates += count - 1;
    if (!expected.has(address)) unexpected += count;
  }
  const [sent, failed, skipped] = await Promise.all(['sent', 'failed', 'skipped'].map((s) => deliveryTotal(api, conferenceId, s)));
  const allArrived = lost === 0 && stats.lastAt !== null;
  const deliveryMs = allArrived ? stats.lastAt - queueStarted : null;
  const rate = deliveryMs ? (received / deliveryMs) * 1000 : null;
  const steadyRate = stats.firstAt !== null && stats.lastAt > stats.firstAt ? ((received - 1) / (stats.lastAt - stats.firstAt)) * 1000 : null;
  Object.assign(result, {
    deliveryMs: deliveryMs && Math.round(deliveryMs),
    firstMessageAfterMs: stats.firstAt === null ? null : Math.round(stats.firstAt - queueStarted),
    messagesPerSec: rate && Number(rate.toFixed(1)),
    firstToLastPerSec: steadyRate && Number(steadyRate.toFixed(1)),
    received,
    distinctRecipients: stats.byRecipient.size,
    lost,
    duplicates,
    unexpected,
    outbox: { sent, failed, skipped, pending, sending },
    smtpConnections: stats.connections,
    smtpConnectionsAtOnce: stats.maxOpen,
    megabytes: Number((stats.bytes / 1024 ** 2).toFixed(1)),
    timedOut,
    progress,
    sinkErrors: stats.errors,
  });
  const elapsed = ((performance.now() - queueStarted) / 1000).toFixed(0);
  fact(
    `deliver ${expected.size.toLocaleString('en')} invitations to a local SMTP server (queue call to last message)`,
    allArrived
      ? `${(deliveryMs / 1000).toFixed(1)} s, ${rate.toFixed(0)} messages/s (first to last message ${steadyRate?.toFixed(0) ?? '—'}/s, first after ${result.firstMessageAfterMs} ms); ` +
        `${stats.connections} SMTP connections, at most ${stats.maxOpen} at once; CPU: worker ${result.cpu.appCpuPercent} %, API ${result.apiCpu.appCpuPercent} %, bench ${result.cpu.benchCpuPercent} % of a core, machine ${result.cpu.machineBusyPercent} % busy`
      : `${received} of ${expected.size} arrived in ${elapsed} s${timedOut ? ' (wait ended)' : ''}, ${steadyRate?.toFixed(0) ?? '—'} messages/s while arriving`,
    `≥ ${rateGoal} messages/s`,
    allArrived && rate >= rateGoal,
  );
  const exact = lost === 0 && duplicates === 0 && unexpected === 0 && failed === 0;
  fact(
    'invitations received: each recipient exactly once',
    `received ${received}, lost ${lost}, duplicates ${duplicates}, unexpected ${unexpected}; outbox sent ${sent}, failed ${failed}, skipped ${skipped}, pending ${pending}, sending ${sending}`,
    'lost 0, duplicates 0',
    exact,
  );
  if (!exact || timedOut) {
    problems.push(
      `invitations: ${received} messages for ${stats.byRecipient.size} recipients of ${expected.size}; lost ${lost}, duplicates ${duplicates}, unexpected ${unexpected}; ` +
        `outbox sent ${sent}, failed ${failed}, skipped ${skipped}, pending ${pending}, sending ${sending}${timedOut ? ` after the ${WAIT_MS / 1000} s wait` : ''}` +
        `${stats.errors.length ? `; sink errors: ${stats.errors.join(' | ')}` : ''}`,
    );
  }

  // A few mails parsed: the calendar invitation is there.
  const checked = [];
  for (const sample of stats.samples.slice(0, 6)) {
    try {
      checked.push(await checkSample(sample));
    } catch (error) {
      checked.push({ number: sample.number, ok: false, error: error.message });
    }
  }
  result.samples = checked.map(({ mail, ...rest }) => rest);
  const good = checked.filter((c) => c.ok).length;
  fact(
    'sampled invitations carry text/calendar; method=REQUEST',
    `${good} of ${checked.length} parsed (messages ${checked.map((c) => `#${c.number}`).join(', ') || 'none'})`,
    'all',
    checked.length > 0 && good === checked.length,
  );
  if (checked.length === 0 || good !== checked.length) {
    problems.push(`invitations: ${good} of ${checked.length} sampled mails have a text/calendar; method=REQUEST part: ${JSON.stringify(checked).slice(0, 600)}`);
  }

  // Queueing again: nothing new is queued, and nothing more is sent.
  app.startPhase('invitations again');
  const before = sink.stats.messages;
  const again = await api.call('POST', `/api/conferences/${conferenceId}/invitations`, { scope: 'all' }, { timeoutMs: 120_000 });
  await sleep(QUIET_MS);
  const more = sink.stats.messages - before;
  const pendingAgain = await deliveryTotal(api, conferenceId, 'pending');
  result.again = { status: again.status, ms: Math.round(again.ms), ...again.body, extraMessages: more, pending: pendingAgain };
  const againOk = again.status === 202 && again.body?.queued === 0 && more === 0 && pendingAgain === 0;
  fact(
    'queue the same invitations again',
    `${result.again.ms} ms, answer ${again.status}, queued ${again.body?.queued}, alreadyQueued ${again.body?.alreadyQueued}; ${more} more mails within ${QUIET_MS / 1000} s`,
    'queued 0, 0 mails',
    againOk,
  );
  if (!againOk) problems.push(`invitations queued again: answer ${again.status} ${again.text.slice(0, 300)}; ${more} more mails arrived within ${QUIET_MS / 1000} s, ${pendingAgain} pending`);

  // The SMTP path alone, for comparison with the delivery rate above.
  const template = checked.find((c) => c.ok)?.mail;
  const connections = Math.min(Math.max(result.smtpConnectionsAtOnce, 1), 50);
  if (template) {
    log(`invitations: the SMTP path without the app (${CEILING_MAILS} copies over ${connections} connections, twice)`);
    app.startPhase('smtp ceiling');
    sink.reset();
    const plain = await smtpCeiling(sink, template, connections, false);
    const noDelay = await smtpCeiling(sink, template, connections, true);
    result.smtpCeiling = { mails: CEILING_MAILS, connections, default: plain, noDelay, received: sink.stats.messages };
    fact(
      `SMTP path without the app (nodemailer pool of ${connections}, as many as the app opened, → the sink, ${CEILING_MAILS} invitation copies)`,
      `${plain.perSec} messages/s, p50 ${plain.p50Ms} ms a message; with TCP_NODELAY on the client sockets ${noDelay.perSec}/s, p50 ${noDelay.p50Ms} ms`,
    );
  }
  return { result, problems };
}

module.exports = { measureInvitations, smtpCeiling };
