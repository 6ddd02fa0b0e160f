'use strict';

// Turns the measurements into the printed tables and bench/results/*.json.

const fs = require('node:fs');
const path = require('node:path');

const fixed = (value, digits) => (value === null || value === undefined || Number.isNaN(value) ? '—' : value.toFixed(digits));
const yesNo = (met) => (met === null || met === undefined ? '' : met ? 'yes' : 'NO');

function errorsText(s) {
  const parts = [];
  if (s.non2xx) parts.push(`${s.non2xx} non-2xx`);
  if (s.errors) parts.push(`${s.errors} errors`);
  if (s.timeouts) parts.push(`${s.timeouts} timeouts`);
  return parts.length ? parts.join(', ') : '0';
}

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

function render(report) {
  const m = report.machine;
  const out = [];
  out.push('');
  out.push(`Hội nghị benchmark — ${report.database.label}, ${report.database.kind} ${report.database.version}`);
  out.push(
    `${m.cpuModel} × ${m.cpus}, ${m.totalMemoryGb} GB, Node ${m.node}, ${m.os}; commit ${report.commit.hash.slice(0, 12)}${report.commit.dirty ? ' (+ uncommitted changes)' : ''}`,
  );
  if (m.loadAverage1mAtStart > m.cpus / 2) {
    out.push(`warning: load average was ${m.loadAverage1mAtStart} at start: other processes share the ${m.cpus} cores, figures may be low`);
  }
  out.push(
    `reads: ${report.config.connections} connections, ${report.config.durationSec} s each after ${report.config.warmupSec} s warm-up; writes: ${report.config.writeConcurrency} in flight` +
      (report.config.mailDispatchIntervalMs ? `; mail: the bench's SMTP server, dispatcher every ${report.config.mailDispatchIntervalMs} ms` : '') +
      (report.config.cpuProfile ? '; CPU profiler on during the conference read, confirmations, check-in and invitations' : ''),
  );
  out.push('processes: one API (APP_ROLE=api) and one worker (APP_ROLE=worker), as APP_ROLE=all runs them' + (report.scaleOut ? '; scale-out: a second API process' : ''));
  if (report.config.phases && report.config.phases.length < 8) out.push(`phases run (BENCH_ONLY): ${report.config.phases.join(', ')}`);
  out.push('');

  const rows = report.scenarios.map((s) => [
    s.name,
    fixed(s.reqPerSec, 0),
    fixed(s.p50Ms, 1),
    fixed(s.p99Ms, 1),
    errorsText(s),
    s.ratioToEmpty === null ? '—' : `${(s.ratioToEmpty * 100).toFixed(1)} %`,
    s.goal ?? '',
    yesNo(s.met),
  ]);
  out.push(table(['scenario', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'ratio to empty', 'goal', 'met?'], rows));
  out.push('');

  const facts = report.facts.map((f) => [f.name, f.value, f.goal ?? '', yesNo(f.met)]);
  out.push(table(['measure', 'value', 'goal', 'met?'], facts));
  out.push('');

  for (const p of report.profiles ?? []) {
    out.push(`CPU profile of the app during ${p.phase} (${(p.totalMs / 1000).toFixed(1)} s, ${p.samples} samples, ${path.relative(process.cwd(), p.file)}): self time`);
    out.push(table(['function', 'self ms', '%'], p.topFunctions.map((f) => [f.name, f.selfMs, f.percent])));
    out.push(table(['package or folder', 'self ms', '%'], p.topPackages.map((f) => [f.name, f.selfMs, f.percent])));
    out.push('');
  }

  if (report.problems.length) {
    out.push('Problems:');
    for (const p of report.problems) out.push(`  - ${p}`);
    out.push('');
  }
  const missedGoals = [...report.scenarios, ...report.facts].filter((x) => x.met === false);
  const missed = missedGoals.map((x) => x.name);
  if (report.error) out.push('INCOMPLETE: the bench stopped early (see Problems); the goals were not all measured.');
  else out.push(missed.length ? `Goals missed: ${missed.join('; ')}` : 'All goals met.');
  // What the run measured about each miss (the README's Benchmarks section has the profiles and next steps).
  for (const x of missedGoals.filter((g) => g.why)) out.push(`  - ${x.name}: ${x.why}`);
  out.push(`Results written to ${path.relative(process.cwd(), report.files.latest)}`);
  return out.join('\n');
}

function write(report, dir) {
  fs.mkdirSync(dir, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, '-');
  report.files = {
    latest: path.join(dir, 'latest.json'),
    history: path.join(dir, `${stamp}-${report.database.kind}.json`),
  };
  const json = `${JSON.stringify(report, null, 2)}\n`;
  fs.writeFileSync(report.files.latest, json);
  fs.writeFileSync(report.files.history, json);
}

/**
 * Why a write round missed its rate, from what it measured: the app's CPU time per request bounds
 * what one core can answer; the share of a core the app had says whether it got one.
 */
function rateWhy(cpu, requests, goalPerSec) {
  if (!cpu || !requests) return undefined;
  const msPerRequest = (cpu.appCpuPercent * cpu.seconds * 10) / requests;
  const ceiling = Math.floor(1000 / msPerRequest);
  return (
    `a request took ${msPerRequest.toFixed(2)} ms of the app's CPU, so a whole core answers at most ${ceiling.toLocaleString('en')}/s` +
    `${ceiling < goalPerSec ? ' (below the goal)' : ''}; the app had ${cpu.appCpuPercent} % of a core, the machine was ${cpu.machineBusyPercent} % busy`
  );
}

/** Why a process's peak RSS missed its goal: the phase it came in, and the highest before it. */
function memoryWhy(memory) {
  const phases = memory.phases ?? [];
  if (!phases.length) return undefined;
  let top = 0;
  for (let i = 1; i < phases.length; i++) if (phases[i].peakRssKb > phases[top].peakRssKb) top = i;
  const before = phases.slice(0, top).reduce((mb, p) => Math.max(mb, p.peakRssKb / 1024), 0);
  return `the peak came in the "${phases[top].phase}" phase; ${Math.round(before)} MB at most before it, ${Math.round(phases[0].peakRssKb / 1024)} MB in the first phase`;
}

module.exports = { render, write, rateWhy, memoryWhy };
