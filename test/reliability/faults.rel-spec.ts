import { readFileSync } from 'node:fs';
import { aConference, aMainPoint } from '../factories';
import { SmtpSink } from '../smtp-sink';
import { ApiClient, RunningApp } from './running-app';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs: number, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(everyMs);
  }
}

function delegatesCsv(count: number, domain: string): string {
  const lines = ['Họ và tên,Chức vụ,Đơn vị,Email'];
  for (let i = 0; i < count; i++) lines.push(`Đại biểu Số ${i},Chuyên viên,Ban Dân vận tỉnh,dai.bieu.${i}@${domain}`);
  return lines.join('\r\n');
}

async function upload(app: RunningApp, api: ApiClient, conferenceId: string, pointId: string, csv: string) {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'danh-sach-dai-bieu.csv');
  const res = await fetch(`${app.baseUrl}/api/conferences/${conferenceId}/attendees/import?bridgePointId=${pointId}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${api.token}` },
    body: form,
  });
  return { status: res.status, body: await res.json() };
}

async function conferenceWithPoint(api: ApiClient, title: string) {
  const conference = await api.expect(201, 'POST', '/api/conferences', aConference({ title, startsAt: '2030-03-10T08:00:00+07:00', endsAt: '2030-03-10T11:00:00+07:00' }));
  const point = await api.expect(201, 'POST', `/api/conferences/${conference.body.id}/bridge-points`, aMainPoint());
  return { id: conference.body.id as string, pointId: point.body.id as string };
}

/** The processes a process started (the worker of an APP_ROLE=all process). */
function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const attendeeTotal = async (api: ApiClient, conferenceId: string) =>
  (await api.expect(200, 'GET', `/api/conferences/${conferenceId}/attendees?pageSize=1`)).body.total as number;

describe.each([
  ['SQLite', false],
  ['PostgreSQL', true],
])('faults on %s', (_name, postgres) => {
  // Imports run in the API process (README, Roles), so it is the API that is killed here; the
  // worker beside it runs on untouched.
  describe('kill -9 of the API during a 10,000-row import', () => {
    let app: RunningApp;
    afterAll(async () => app?.stop());

    it('writes all of it or nothing: after the restart nothing is there, the job says interrupted, and importing again brings all 10,000', async () => {
      app = await RunningApp.launch({ postgres, separateWorker: true });
      let api = await app.client();
      const { id, pointId } = await conferenceWithPoint(api, 'Hội nghị tập huấn công tác dân vận năm 2030');
      const csv = delegatesCsv(10_000, 'nhap-lieu.gov.vn');

      const started = await upload(app, api, id, pointId, csv);
      expect(started.status).toBe(202);
      const jobId: string = started.body.jobId;
      // Killed once rows are being written inside the import's transaction.
      await until('the import to write rows', async () => {
        const job = await api.call('GET', `/api/conferences/${id}/attendees/import-jobs/${jobId}`);
        return job.body.status === 'running' && job.body.processedRows > 0;
      }, 30_000, 20);
      await app.kill();
      expect(app.worker.running).toBe(true);

      const restarted = await app.start({}, { worker: false });
      api = restarted.api;
      expect(await attendeeTotal(api, id)).toBe(0);
      // SQLite owns its file, so the restarted process knows at once; on PostgreSQL another
      // instance could be running the job, so it waits for the heartbeat to go stale (30 s).
      const job = await until('the job to be reported interrupted', async () => {
        const res = await api.call('GET', `/api/conferences/${id}/attendees/import-jobs/${jobId}`);
        return res.body.status === 'failed' ? res.body : null;
      }, 60_000, 1_000);
      expect(job).toMatchObject({ status: 'failed', created: 0, message: expect.stringMatching(/bị gián đoạn/) });

      const again = await upload(app, api, id, pointId, csv);
      expect(again.status).toBe(202);
      const done = await until('the second import', async () => {
        const res = await api.call('GET', `/api/conferences/${id}/attendees/import-jobs/${again.body.jobId}`);
        return res.body.status === 'done' ? res.body : null;
      }, 120_000, 200);
      expect(done).toMatchObject({ created: 10_000, rejected: 0 });
      expect(await attendeeTotal(api, id)).toBe(10_000);
    });
  });

  describe('kill -9 of the worker during invitation dispatch', () => {
    let app: RunningApp;
    const smtp = new SmtpSink();
    afterAll(async () => {
      smtp.release();
      await app?.stop();
      await smtp.stop();
    });

    it('delivers every email exactly once after the restart: accepted ones are not sent again, unanswered ones are', async () => {
      await smtp.start();
      app = await RunningApp.launch({
        postgres,
        separateWorker: true,
        env: { SMTP_URL: smtp.url, MAIL_LEASE_SECONDS: '5', MAIL_DISPATCH_INTERVAL_MS: '200', MAIL_RATE_PER_SECOND: '0' },
      });
      const api = await app.client();
      const { id, pointId } = await conferenceWithPoint(api, 'Hội nghị trực tuyến toàn quốc triển khai nhiệm vụ năm 2030');
      const imported = await upload(app, api, id, pointId, delegatesCsv(1_000, 'thu-moi.gov.vn'));
      expect(imported.status).toBe(201);
      await api.expect(200, 'POST', `/api/conferences/${id}/publish`, {});
      smtp.acceptDelayMs = 5;
      await api.expect(202, 'POST', `/api/conferences/${id}/invitations`, { scope: 'all' });

      await until('300 mails to arrive', async () => smtp.received.length >= 300, 60_000, 20);
      // From here the server reads messages but answers none: they are in flight when the app dies.
      smtp.holding = true;
      await until('mails in flight', async () => smtp.heldCount >= 5, 30_000, 10);
      // Every answered mail recorded as sent before the kill (the outcome is written within ms).
      const accepted = smtp.received.length;
      await until('the accepted mails to be recorded', async () => {
        const sent = await api.call('GET', `/api/conferences/${id}/deliveries?status=sent&pageSize=1`);
        return sent.body.total >= accepted;
      }, 10_000, 20);
      await app.kill(app.worker);
      await until('the dead client to be disconnected', async () => smtp.connections === 0, 10_000, 10);
      smtp.release();
      expect(smtp.received.length).toBe(accepted);
      // The API answers on through the worker's death.
      await api.expect(200, 'GET', `/api/conferences/${id}`);

      await app.startWorker();
      await until('all 1,000 mails', async () => new Set(smtp.received.map((m) => m.to)).size >= 1_000, 120_000, 250);
      await sleep(1_000);
      const perRecipient = new Map<string, number>();
      for (const m of smtp.received) perRecipient.set(m.to, (perRecipient.get(m.to) ?? 0) + 1);
      expect(perRecipient.size).toBe(1_000);
      expect([...perRecipient.entries()].filter(([, n]) => n !== 1)).toEqual([]);
      const sent = await api.expect(200, 'GET', `/api/conferences/${id}/deliveries?status=sent&pageSize=1`);
      expect(sent.body.total).toBe(1_000);
    });
  });

  describe('APP_ROLE=all: kill -9 of its worker process during invitation dispatch', () => {
    let app: RunningApp;
    const smtp = new SmtpSink();
    afterAll(async () => {
      smtp.release();
      await app?.stop();
      await smtp.stop();
    });

    it('has the worker started again by the API process, and every email delivered exactly once', async () => {
      await smtp.start();
      app = await RunningApp.launch({
        postgres,
        env: { SMTP_URL: smtp.url, MAIL_LEASE_SECONDS: '5', MAIL_DISPATCH_INTERVAL_MS: '200', MAIL_RATE_PER_SECOND: '0' },
      });
      const api = await app.client();
      const firstPids = async () => {
        const pids = childPids(app.process.pid);
        return pids.length > 0 ? pids : null;
      };
      const [worker] = await until('the worker process', firstPids, 30_000, 100);
      const { id, pointId } = await conferenceWithPoint(api, 'Hội nghị trực tuyến sơ kết công tác năm 2030');
      expect((await upload(app, api, id, pointId, delegatesCsv(500, 'mot-lenh.gov.vn'))).status).toBe(201);
      await api.expect(200, 'POST', `/api/conferences/${id}/publish`, {});
      smtp.acceptDelayMs = 5;
      await api.expect(202, 'POST', `/api/conferences/${id}/invitations`, { scope: 'all' });
      await until('100 mails to arrive', async () => smtp.received.length >= 100, 60_000, 20);
      smtp.holding = true;
      await until('mails in flight', async () => smtp.heldCount >= 5, 30_000, 10);
      const accepted = smtp.received.length;
      await until('the accepted mails to be recorded', async () => {
        const sent = await api.call('GET', `/api/conferences/${id}/deliveries?status=sent&pageSize=1`);
        return sent.body.total >= accepted;
      }, 10_000, 20);
      process.kill(worker, 'SIGKILL');
      await until('the dead client to be disconnected', async () => smtp.connections === 0, 10_000, 10);
      smtp.release();
      const [restarted] = await until('a new worker process', async () => {
        const pids = childPids(app.process.pid).filter((pid) => pid !== worker);
        return pids.length > 0 ? pids : null;
      }, 30_000, 100);
      expect(alive(restarted)).toBe(true);
      await until('all 500 mails', async () => new Set(smtp.received.map((m) => m.to)).size >= 500, 120_000, 250);
      await sleep(1_000);
      expect(smtp.received).toHaveLength(500);
      expect(new Set(smtp.received.map((m) => m.to)).size).toBe(500);

      // Stopping the API stops its worker with it.
      await app.process.stop();
      await until('the worker to stop with the API', async () => !alive(restarted), 15_000, 100);
    });
  });

  describe('the mail server down for a minute', () => {
    let app: RunningApp;
    const smtp = new SmtpSink();
    afterAll(async () => {
      await app?.stop();
      await smtp.stop().catch(() => undefined);
    });

    it('loses nothing: every email arrives once after the server comes back', async () => {
      await smtp.start();
      const port = smtp.port;
      await smtp.stop();
      app = await RunningApp.launch({ postgres, separateWorker: true, env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_DISPATCH_INTERVAL_MS: '200' } });
      const api = await app.client();
      const { id, pointId } = await conferenceWithPoint(api, 'Hội nghị sơ kết 6 tháng đầu năm 2030');
      expect((await upload(app, api, id, pointId, delegatesCsv(300, 'mat-mang.gov.vn'))).status).toBe(201);
      await api.expect(200, 'POST', `/api/conferences/${id}/publish`, {});
      await api.expect(202, 'POST', `/api/conferences/${id}/invitations`, { scope: 'all' });

      await sleep(60_000);
      const during = await api.expect(200, 'GET', `/api/conferences/${id}/deliveries?status=failed&pageSize=1`);
      expect(during.body.total).toBe(0);
      await smtp.start(port);
      await until('all 300 mails', async () => smtp.received.length >= 300, 120_000, 250);
      await sleep(1_000);
      expect(new Set(smtp.received.map((m) => m.to)).size).toBe(300);
      expect(smtp.received).toHaveLength(300);
    });
  });
});

describe('two API and two worker processes on one PostgreSQL', () => {
  let app: RunningApp;
  const smtp = new SmtpSink();
  afterAll(async () => {
    await app?.stop();
    await smtp.stop();
  });

  it('send the invitations of one conference, each email once', async () => {
    await smtp.start();
    const env = { SMTP_URL: smtp.url, MAIL_DISPATCH_INTERVAL_MS: '100', MAIL_BATCH_SIZE: '20', MAIL_RATE_PER_SECOND: '0' };
    // Two API processes and two worker processes: the workers claim from one outbox.
    app = await RunningApp.launch({ postgres: true, separateWorker: true, env });
    const first = await app.client();
    const second = await app.start(env);
    const { id, pointId } = await conferenceWithPoint(first, 'Hội nghị giao ban trực tuyến quý I năm 2030');
    expect((await upload(app, second.api, id, pointId, delegatesCsv(1_000, 'hai-may.gov.vn'))).status).toBe(201);
    await first.expect(200, 'POST', `/api/conferences/${id}/publish`, {});
    // Queued through both instances at once: the idempotency keys make the second a no-op.
    await Promise.all([
      first.expect(202, 'POST', `/api/conferences/${id}/invitations`, { scope: 'all' }),
      second.api.expect(202, 'POST', `/api/conferences/${id}/invitations`, { scope: 'all' }),
    ]);
    await until('all 1,000 mails', async () => smtp.received.length >= 1_000, 120_000, 250);
    await sleep(1_500);
    expect(new Set(smtp.received.map((m) => m.to)).size).toBe(1_000);
    expect(smtp.received).toHaveLength(1_000);
  });
});
