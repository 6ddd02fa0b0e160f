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
  const missed = [...report.scenarios, ...report.facts].filter((x) => x.met === false).map((x) => x.name);
  if (report.error) out.push('INCOMPLETE: the bench stopped early (see Problems); the goals were not all measured.');
  else out.push(missed.length ? `Goals missed: ${missed.join('; ')}` : 'All goals met.');
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

module.exports = { render, write };
