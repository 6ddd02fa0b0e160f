import { Workbook } from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { aConference, aMainPoint } from '../factories';
import { zipBomb } from '../zip-files';
import { ApiClient, RunningApp } from './running-app';

/*
 * An upload may not grow the app by more than 150 MB, however much it expands: a 1 MB ZIP bomb
 * that declares 1 GB is refused, and the largest list accepted (100,000 rows of XLSX) is read
 * as it inflates. The growth is the app's peak RSS during the import (VmHWM, reset before it
 * through /proc/<pid>/clear_refs, or VmRSS sampled every 10 ms where that is not allowed) minus
 * its RSS just before.
 */

const LIMIT_MB = 150;

const kb = (pid: number, key: 'VmRSS' | 'VmHWM') => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);

/** Runs `work` and answers the app's peak RSS growth during it, in MB. */
async function peakGrowthDuring(pid: number, work: () => Promise<void>): Promise<number> {
  const before = kb(pid, 'VmRSS');
  let resetPeak = true;
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    resetPeak = false;
  }
  let sampled = before;
  let working = true;
  const sampler = (async () => {
    while (working) {
      sampled = Math.max(sampled, kb(pid, 'VmRSS'));
      await sleep(10);
    }
  })();
  try {
    await work();
  } finally {
    working = false;
    await sampler;
  }
  const peak = resetPeak ? Math.max(kb(pid, 'VmHWM'), sampled) : sampled;
  return (peak - before) / 1024;
}

async function delegatesXlsx(rows: number, nameColumn = 'Họ và tên'): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Đại biểu');
  sheet.addRow(['STT', nameColumn, 'Chức vụ', 'Đơn vị', 'Email', 'Số điện thoại', 'Vai trò', 'Ghi chú']);
  for (let i = 1; i <= rows; i++) {
    sheet.addRow([i, `Nguyễn Văn Trường ${i}`, 'Phó Giám đốc Sở Nội vụ', `Ủy ban nhân dân xã số ${i % 3321}`, `dai.bieu.${i}@thu-moi.gov.vn`, `09${String(10_000_000 + i)}`, 'Đại biểu', 'Đi cùng đoàn lãnh đạo tỉnh']);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('memory of an import', () => {
  let app: RunningApp;
  let api: ApiClient;
  const results: string[] = [];

  const upload = async (conferenceId: string, pointId: string, file: Buffer, name: string) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file)]), name);
    const res = await fetch(`${app.baseUrl}/api/conferences/${conferenceId}/attendees/import?bridgePointId=${pointId}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${api.token}` },
      body: form,
    });
    return { status: res.status, body: await res.json() };
  };

  const conferenceWithPoint = async () => {
    const conference = await api.expect(201, 'POST', '/api/conferences', aConference({ startsAt: '2030-03-10T08:00:00+07:00', endsAt: '2030-03-10T11:00:00+07:00' }));
    const point = await api.expect(201, 'POST', `/api/conferences/${conference.body.id}/bridge-points`, aMainPoint());
    return { id: conference.body.id as string, pointId: point.body.id as string };
  };

  beforeAll(async () => {
    app = await RunningApp.launch({ env: { LOG_LEVEL: 'warn' } });
    api = await app.client();
    // Warm up: the import's code paths loaded and run once, so what is measured is the file.
    const { id, pointId } = await conferenceWithPoint();
    expect((await upload(id, pointId, await delegatesXlsx(100), 'am-may.xlsx')).status).toBe(201);
  });

  afterAll(async () => {
    console.log(`peak RSS growth of the app during one import:\n  ${results.join('\n  ')}`);
    await app?.stop();
  });

  it(`refuses a 1 MB ZIP bomb that declares 1 GB with a coded 400, growing by less than ${LIMIT_MB} MB`, async () => {
    const { id, pointId } = await conferenceWithPoint();
    const bomb = zipBomb();
    let answer: { status: number; body: { details: { code: string }[] } } | undefined;
    const growth = await peakGrowthDuring(app.process.pid, async () => {
      answer = await upload(id, pointId, bomb, 'bom.xlsx');
    });
    results.push(`ZIP bomb (${(bomb.length / 1024 / 1024).toFixed(1)} MB declaring 1,024 MB): ${growth.toFixed(1)} MB, answered ${answer!.status}`);
    expect(answer!.status).toBe(400);
    expect(answer!.body.details).toEqual([expect.objectContaining({ field: 'file', code: 'file_expands_too_much' })]);
    expect((await api.expect(200, 'GET', `/api/conferences/${id}/attendees?pageSize=1`)).body.total).toBe(0);
    expect(growth).toBeLessThan(LIMIT_MB);
  });

  it(`reads a 100,000-row XLSX whole (refused after reading for its header), growing by less than ${LIMIT_MB} MB`, async () => {
    const { id, pointId } = await conferenceWithPoint();
    const file = await delegatesXlsx(100_000, 'Người dự');
    let answer: { status: number; body: { details: { code: string }[] } } | undefined;
    const started = Date.now();
    const growth = await peakGrowthDuring(app.process.pid, async () => {
      answer = await upload(id, pointId, file, 'dai-bieu.xlsx');
    });
    results.push(`reading a 100,000-row XLSX (${(file.length / 1024 / 1024).toFixed(1)} MB), refused for its header: ${growth.toFixed(1)} MB in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(answer!.status).toBe(400);
    expect(answer!.body.details).toEqual([expect.objectContaining({ field: 'file', code: 'missing_column' })]);
    expect(growth).toBeLessThan(LIMIT_MB);
  });

  /** Imports `file` whole (a background job, polled to its end) and answers the job and the app's peak growth. */
  async function importWhole(file: Buffer, name: string, label: string) {
    const { id, pointId } = await conferenceWithPoint();
    let job: { status: string; created: number } | undefined;
    const started = Date.now();
    const growth = await peakGrowthDuring(app.process.pid, async () => {
      const answer = await upload(id, pointId, file, name);
      expect(answer.status).toBe(202);
      for (;;) {
        const res = await api.call('GET', `/api/conferences/${id}/attendees/import-jobs/${answer.body.jobId}`);
        if (res.body.status !== 'queued' && res.body.status !== 'running') {
          job = res.body;
          break;
        }
        await sleep(200);
      }
    });
    results.push(`${label} (${(file.length / 1024 / 1024).toFixed(1)} MB): ${growth.toFixed(1)} MB, job ${job!.status} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { job, growth };
  }

  it(`imports 100,000 delegates from XLSX, growing by less than ${LIMIT_MB} MB`, async () => {
    const { job, growth } = await importWhole(await delegatesXlsx(100_000), 'dai-bieu.xlsx', '100,000-row XLSX');
    expect(job).toMatchObject({ status: 'done', created: 100_000 });
    expect(growth).toBeLessThan(LIMIT_MB);
  });

  it(`imports 100,000 delegates from CSV, growing by less than ${LIMIT_MB} MB`, async () => {
    const lines = ['STT,Họ và tên,Chức vụ,Đơn vị,Email,Số điện thoại,Vai trò,Ghi chú'];
    for (let i = 1; i <= 100_000; i++) {
      lines.push(`${i},Trần Thị Thu ${i},Chuyên viên Văn phòng,"Ủy ban nhân dân xã số ${i % 3321}, tỉnh Hà Tĩnh",csv.${i}@thu-moi.gov.vn,09${10_000_000 + i},Đại biểu,`);
    }
    const file = Buffer.from('\uFEFF' + lines.join('\r\n'), 'utf8');
    const { job, growth } = await importWhole(file, 'dai-bieu.csv', '100,000-row CSV');
    expect(job).toMatchObject({ status: 'done', created: 100_000 });
    expect(growth).toBeLessThan(LIMIT_MB);
  });
});
