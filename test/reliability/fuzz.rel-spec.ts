import { mkdirSync, writeFileSync } from 'node:fs';
import { digestTables } from './data-digest';
import { buildFixture, idResolver, TEST_JWT_SECRET } from './fixture';
import { badRequestsFor, FuzzRequest, operationsOf } from './openapi-fuzz';
import { RunningApp } from './running-app';

const MIN_REQUESTS = 10_000;
const IN_FLIGHT = 16;

interface Finding {
  request: string;
  status: number | string;
  answer: string;
}

async function send(baseUrl: string, token: string, r: FuzzRequest): Promise<{ status: number | string; text: string }> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const authorization = r.authorization === undefined ? `Bearer ${token}` : r.authorization;
  if (authorization !== null) headers.authorization = authorization;
  let body: ArrayBuffer | string | undefined;
  if (r.raw) {
    body = r.raw.buffer.slice(r.raw.byteOffset, r.raw.byteOffset + r.raw.byteLength) as ArrayBuffer;
    headers['content-type'] = r.contentType ?? 'application/json';
  } else if (r.body !== undefined) {
    body = JSON.stringify(r.body);
    headers['content-type'] = 'application/json';
  }
  try {
    const res = await fetch(baseUrl + r.path, { method: r.method, headers, body, signal: AbortSignal.timeout(30_000) });
    // A live stream (the status board's events) never ends: its status is the answer.
    if (res.headers.get('content-type')?.startsWith('text/event-stream')) {
      await res.body?.cancel();
      return { status: res.status, text: '' };
    }
    return { status: res.status, text: (await res.text()).slice(0, 300) };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    return { status: `no answer (${cause})`, text: '' };
  }
}

describe('fuzzing every route of the OpenAPI document', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await RunningApp.launch({ env: { JWT_SECRET: TEST_JWT_SECRET, LOGIN_RATE_LIMIT: '1000000' } });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('answers 10,000 bad requests without a 5xx, stays up, and the refused ones change nothing', async () => {
    const api = await app.client();
    const fixture = await buildFixture(api);
    const doc = (await api.expect(200, 'GET', '/docs-json')).body;
    const operations = operationsOf(doc);
    const idFor = idResolver(fixture);
    let requests = operations.flatMap((op) => badRequestsFor(op, doc, idFor));
    // The same requests again, with the ids spelled in capitals: a second pass over every route.
    const rounds = Math.ceil(MIN_REQUESTS / requests.length);
    requests = Array.from({ length: rounds }, (_, round) =>
      requests.map((r) => (round === 0 ? r : { ...r, path: round % 2 ? r.path.toUpperCase().replace('/API/', '/api/') : r.path })),
    ).flat();
    expect(requests.length).toBeGreaterThanOrEqual(MIN_REQUESTS);

    const before = await digestTables(app.database);
    const findings: Finding[] = [];
    const statuses = new Map<string, number>();
    let next = 0;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < requests.length) {
          const r = requests[next++];
          const { status, text } = await send(app.baseUrl, api.token!, r);
          const bucket = typeof status === 'number' ? `${Math.floor(status / 100)}xx` : 'none';
          statuses.set(bucket, (statuses.get(bucket) ?? 0) + 1);
          const refusedAsItMust = typeof status === 'number' && status >= 400 && status < 500;
          if (typeof status !== 'number' || status >= 500 || (r.mustReject && !refusedAsItMust)) {
            findings.push({ request: `${r.method} ${r.path.slice(0, 120)} [${r.label}]`, status, answer: text });
          }
        }
      }),
    );
    console.log(`fuzz: ${requests.length} requests over ${operations.length} operations:`, Object.fromEntries(statuses));

    if (findings.length > 0) {
      mkdirSync('test-output', { recursive: true });
      writeFileSync('test-output/fuzz-findings.json', JSON.stringify(findings, null, 2));
      const kinds = new Map<string, number>();
      for (const f of findings) {
        const key = `${f.status} ${f.request.replace(/[0-9a-f-]{36}/g, ':id').replace(/\?.*? \[/, ' [')}`;
        kinds.set(key, (kinds.get(key) ?? 0) + 1);
      }
      console.log('fuzz findings (all in test-output/fuzz-findings.json):', Object.fromEntries(kinds));
    }
    expect(findings.slice(0, 20)).toEqual([]);
    expect(app.process.running).toBe(true);
    await api.expect(200, 'GET', '/health');
    expect(await digestTables(app.database)).toEqual(before);
  });
});
