'use strict';

// Materials benchmark: a 50 MB PDF is uploaded to the conference, then 20 bridge points download
// it at once through their signed links. Downloads are streamed from disk, so the app's resident
// memory must stay flat: the goal is a peak less than 50 MB above the RSS before the downloads
// (holding the file per download would add 50 MB each, a gigabyte for 20). Prints the RSS before
// and the peak during, and the throughput.

const { Blob, Buffer } = require('node:buffer');
const { createHash, randomBytes } = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const FILE_BYTES = 50 * 1024 * 1024;
const DOWNLOADERS = 20;
const GROWTH_GOAL_MB = 50;

// The app keeps uploaded files under FILES_DIR; the bench's go to a temporary folder, not the working tree.
const FILES_DIR = path.join(os.tmpdir(), `hoi-nghi-bench-files-${process.pid}`);
process.env.FILES_DIR ??= FILES_DIR;

function rssKb(pid) {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** A PDF-looking file of `bytes` (random content after the signature, so nothing compresses it). */
function aLargePdf(bytes) {
  const head = Buffer.from('%PDF-1.7\n');
  return Buffer.concat([head, randomBytes(bytes - head.length)]);
}

async function upload(api, conferenceId, file) {
  const form = new globalThis.FormData();
  form.append('title', 'Tài liệu hội nghị 50 MB (benchmark)');
  form.append('audience', 'bridge_points');
  form.append('file', new Blob([file], { type: 'application/pdf' }), 'Báo cáo tổng hợp.pdf');
  const res = await fetch(`${api.baseUrl}/api/conferences/${conferenceId}/materials`, {
    method: 'POST',
    headers: api.authHeaders,
    body: form,
    signal: AbortSignal.timeout(120_000),
  });
  const body = await res.json();
  if (res.status !== 201) throw new Error(`uploading the material answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return body;
}

/** Reads a download to the end, hashing it and keeping nothing. */
async function download(url) {
  const res = await fetch(url, { signal: AbortSignal.timeout(300_000) });
  if (res.status !== 200) throw new Error(`a download answered ${res.status}`);
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of res.body) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

async function measureMaterialDownloads({ api, app, log, fact, conferenceId, pointIds }) {
  const problems = [];
  const points = pointIds.slice(-DOWNLOADERS);
  log(`materials: uploading a ${FILE_BYTES / 1024 / 1024} MB file`);
  const file = aLargePdf(FILE_BYTES);
  const startKb = rssKb(app.pid) ?? 0;
  const uploadStarted = performance.now();
  const material = await upload(api, conferenceId, file);
  const uploadMs = performance.now() - uploadStarted;
  const expected = createHash('sha256').update(file).digest('hex');
  if (material.sha256 !== expected) problems.push(`the material's SHA-256 is ${material.sha256}, expected ${expected}`);

  const tokens = [];
  for (const id of points) {
    const link = await api.expect(201, 'POST', `/api/conferences/${conferenceId}/bridge-points/${id}/links`, { send: false });
    tokens.push(link.body.token);
  }

  app.startPhase('materials');
  // Let the upload's garbage go before taking the baseline.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const beforeKb = rssKb(app.pid) ?? 0;
  let peakKb = beforeKb;
  const sampler = setInterval(() => {
    peakKb = Math.max(peakKb, rssKb(app.pid) ?? 0);
  }, 50);
  log(`materials: ${DOWNLOADERS} points download it at once`);
  const started = performance.now();
  let results;
  try {
    results = await Promise.all(tokens.map((token) => download(`${api.baseUrl}/api/public/bridge-points/${token}/materials/${material.id}/file`)));
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  peakKb = Math.max(peakKb, rssKb(app.pid) ?? 0);
  const wrong = results.filter((r) => r.bytes !== FILE_BYTES || r.sha256 !== expected).length;
  if (wrong > 0) problems.push(`${wrong} of ${DOWNLOADERS} downloads did not match the uploaded file`);
  const log_ = await api.expect(200, 'GET', `/api/conferences/${conferenceId}/materials/${material.id}/downloads`);
  const recorded = log_.body.downloaded.filter((d) => points.includes(d.bridgePointId)).length;
  if (recorded !== DOWNLOADERS) problems.push(`${recorded} of ${DOWNLOADERS} downloads were recorded`);

  const totalMb = (FILE_BYTES * DOWNLOADERS) / 1024 / 1024;
  const growthMb = (peakKb - beforeKb) / 1024;
  fact('upload a 50 MB material (streamed, SHA-256)', `${(uploadMs / 1000).toFixed(2)} s; app RSS ${(startKb / 1024).toFixed(0)} MB before it`);
  fact(
    `${DOWNLOADERS} points download a 50 MB material at once`,
    `${seconds.toFixed(2)} s, ${(totalMb / seconds).toFixed(0)} MB/s; app RSS ${(beforeKb / 1024).toFixed(0)} MB before, peak ${(peakKb / 1024).toFixed(0)} MB during (+${growthMb.toFixed(0)} MB)`,
    `+ < ${GROWTH_GOAL_MB} MB`,
    growthMb < GROWTH_GOAL_MB && wrong === 0,
  );
  if (process.env.FILES_DIR === FILES_DIR) fs.rmSync(FILES_DIR, { recursive: true, force: true });
  return {
    problems,
    result: { fileBytes: FILE_BYTES, rssBeforeUploadMb: startKb / 1024, downloaders: DOWNLOADERS, uploadMs, seconds, mbPerSec: totalMb / seconds, rssBeforeMb: beforeKb / 1024, rssPeakMb: peakKb / 1024, growthMb },
  };
}

module.exports = { measureMaterialDownloads };
