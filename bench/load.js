'use strict';

// The two kinds of load: autocannon for steady reads, a bounded promise pool for one write per point.

const autocannon = require('autocannon');
const { performance } = require('node:perf_hooks');

/** One autocannon run; stopped by hand if it overruns its duration by 30 s. */
function cannon({ url, headers = {}, connections, durationSec }) {
  return new Promise((resolve, reject) => {
    let guard;
    const instance = autocannon({ url, headers, connections, duration: durationSec, timeout: 10 }, (error, result) => {
      clearTimeout(guard);
      if (error) reject(error);
      else resolve(result);
    });
    guard = setTimeout(() => instance.stop(), (durationSec + 30) * 1000);
  });
}

/** Steady load on one URL after a warm-up run whose figures are thrown away. */
async function measureRoute({ name, url, headers, connections, durationSec, warmupSec }) {
  if (warmupSec > 0) await cannon({ url, headers, connections, durationSec: warmupSec });
  const r = await cannon({ url, headers, connections, durationSec });
  return {
    name,
    url: new URL(url).pathname,
    reqPerSec: r.requests.average,
    p50Ms: r.latency.p50,
    p90Ms: r.latency.p90,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
    meanMs: r.latency.average,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    durationSec: r.duration,
    connections,
  };
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

/**
 * Runs `send(item)` for every item with at most `concurrency` in flight, and reports
 * throughput, latency and every failure (status or no answer).
 */
async function pool(name, items, concurrency, send) {
  const latencies = [];
  const failures = [];
  let non2xx = 0;
  let errors = 0;
  let next = 0;
  const started = performance.now();

  async function worker() {
    while (next < items.length) {
      const item = items[next++];
      const t0 = performance.now();
      try {
        const res = await send(item);
        latencies.push(performance.now() - t0);
        if (res.status < 200 || res.status > 299) {
          non2xx += 1;
          if (failures.length < 5) failures.push(`${res.status}: ${res.text.slice(0, 300)}`);
        }
      } catch (error) {
        errors += 1;
        if (failures.length < 5) failures.push(`no answer: ${error.cause?.code ?? error.message}`);
      }
    }
  }

  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  const wallMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return {
    name,
    requests: items.length,
    concurrency,
    wallMs,
    reqPerSec: (items.length / wallMs) * 1000,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies.length ? latencies[latencies.length - 1] : null,
    non2xx,
    errors,
    timeouts: 0,
    failures,
  };
}

module.exports = { measureRoute, pool };
