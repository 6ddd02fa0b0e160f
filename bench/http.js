'use strict';

// A small JSON client over Node's fetch, with a timeout on every call.

const { performance } = require('node:perf_hooks');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

class ApiClient {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
    this.token = undefined;
  }

  get authHeaders() {
    return this.token ? { authorization: `Bearer ${this.token}` } : {};
  }

  /** Never throws on an HTTP status; throws only when no answer came (refused, timed out). */
  async call(method, path, body, { timeoutMs = 30_000 } = {}) {
    const headers = { accept: 'application/json', ...this.authHeaders };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const started = performance.now();
    let res;
    try {
      res = await fetch(this.baseUrl + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const cause = error.cause ? `${error.cause.code ?? ''} ${error.cause.message ?? ''}`.trim() : error.message;
      throw new Error(`${method} ${path}: no answer (${cause})`, { cause: error });
    }
    const text = await res.text();
    const ms = performance.now() - started;
    let json;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, body: json, text, ms };
  }

  /** Like call(), but a status other than `expected` stops the bench with what was answered. */
  async expect(expected, method, path, body, options) {
    const res = await this.call(method, path, body, options);
    if (res.status !== expected) {
      throw new Error(`${method} ${path} answered ${res.status}, expected ${expected}: ${res.text.slice(0, 600)}`);
    }
    return res;
  }
}

/**
 * A conference morning starting an hour from now: inside the attendance window (check-in and
 * headcount reports open two hours before the start), whenever the bench runs.
 */
function startingSoon() {
  const startsAt = new Date(Date.now() + 3600_000);
  const endsAt = new Date(startsAt.getTime() + 3.5 * 3600_000);
  return { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() };
}

module.exports = { ApiClient, sleep, startingSoon };
