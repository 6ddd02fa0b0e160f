'use strict';

// Summarises a .cpuprofile (V8's sampling profiler): where the app spent its own time
// (self time per function, and per package or source folder).

const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');

/** `node_modules/typeorm/…` → `typeorm`, `dist/src/mail/x.js` → `app:mail`, `node:internal/…` → `node`. */
function packageOf(url) {
  if (!url) return '(native/V8)';
  const file = url.replace(/^file:\/\//, '');
  const nm = file.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = file.slice(nm + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (file.startsWith('node:')) return 'node';
  const rel = path.relative(ROOT, file);
  if (rel.startsWith('dist/')) return `app:${rel.split('/')[1] ?? ''}`.replace(/\.js$/, '');
  return rel.startsWith('..') ? file : rel;
}

function shortUrl(url) {
  if (!url) return '';
  const file = url.replace(/^file:\/\//, '');
  const nm = file.lastIndexOf('node_modules/');
  if (nm >= 0) return file.slice(nm + 'node_modules/'.length);
  if (file.startsWith('node:')) return file;
  return path.relative(ROOT, file);
}

/** Top functions and packages by self time; `top` rows of each. */
function summarize(file, top = 12) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  const { samples = [], timeDeltas = [] } = profile;
  // Each sample's time is the gap to the next sample (the last one gets the profile's end).
  for (let i = 0; i < samples.length; i++) {
    const next = i + 1 < timeDeltas.length ? timeDeltas[i + 1] : 0;
    selfUs.set(samples[i], (selfUs.get(samples[i]) ?? 0) + Math.max(0, next));
  }
  const totalUs = profile.endTime - profile.startTime;
  const byFunction = new Map();
  const byPackage = new Map();
  for (const [id, us] of selfUs) {
    const frame = nodes.get(id)?.callFrame ?? {};
    const name = frame.functionName || '(anonymous)';
    const where = frame.url ? `${shortUrl(frame.url)}:${frame.lineNumber + 1}` : '';
    const key = `${name} ${where}`.trim();
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    const pkg = frame.url ? packageOf(frame.url) : name.startsWith('(') ? name : '(native/V8)';
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  }
  const rows = (map) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, selfMs: Math.round(us / 1000), percent: Number(((100 * us) / totalUs).toFixed(1)) }));
  return { file, totalMs: Math.round(totalUs / 1000), samples: samples.length, topFunctions: rows(byFunction), topPackages: rows(byPackage) };
}

module.exports = { summarize };
