'use strict';

// Import benchmark: 10,000 delegates as CSV and as XLSX, built in memory, each timed from the
// upload to the end of its import job; a re-import that changes every row (upsert by email);
// and the same rows written with the raw database driver in one transaction, for the ratio.

const { Buffer } = require('node:buffer');
const { randomBytes, randomUUID } = require('node:crypto');
const { performance } = require('node:perf_hooks');
const ExcelJS = require('exceljs');
const { Client } = require('pg');
const { sleep, startingSoon } = require('./http');

const ROWS = 10_000;
const GOAL_MS = 3000;
const HEADERS = ['Họ và tên', 'Chức vụ', 'Đơn vị', 'Email', 'Số điện thoại', 'Điểm cầu', 'Vai trò'];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Quốc', 'Ngọc'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hùng', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Phương', 'Quân', 'Sơn', 'Thảo', 'Trang', 'Tuấn', 'Việt', 'Yến'];
const TITLES = ['Phó Chủ tịch UBND tỉnh', 'Trưởng Ban Dân vận Tỉnh ủy', 'Chủ tịch Ủy ban MTTQ tỉnh', 'Phó Trưởng ban', 'Chuyên viên', 'Bí thư Đảng ủy xã'];
const ROLES = ['Đại biểu', 'Đại biểu', 'Đại biểu', 'Khách mời', 'Báo cáo viên', 'Báo chí'];
const ROLE_CODES = { 'Đại biểu': 'delegate', 'Khách mời': 'guest', 'Báo cáo viên': 'speaker', 'Báo chí': 'press' };

const conferenceBody = (title) => ({
  title,
  kind: 'review',
  format: 'online',
  ...startingSoon(),
});

/** 10,000 delegates spread over the 34 provincial points, named by point name or by unit code. */
function buildRows(points, titleSuffix = '', count = ROWS, byCode = false) {
  const rows = [];
  for (let i = 0; i < count; i++) {
    const point = points[i % points.length];
    rows.push([
      `${FAMILY[i % FAMILY.length]} ${MIDDLE[(i >> 4) % MIDDLE.length]} ${GIVEN[(i >> 7) % GIVEN.length]}`,
      `${TITLES[i % TITLES.length]}${titleSuffix}`,
      `Ban Dân vận ${point.name.replace(/^Điểm cầu /, '')}`,
      `dai.bieu.${i}@dan-van.gov.vn`,
      `09${String(10_000_000 + i).slice(-8).replace(/^(\d{2})(\d{3})(\d{3})$/, '$1 $2 $3')}`,
      // Commune names repeat across provinces ("xã Tân Lập"): such points are named by code.
      i % 2 === 0 && !byCode ? point.name : point.administrativeUnitCode,
      ROLES[i % ROLES.length],
    ]);
  }
  return rows;
}

const csvField = (value) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const toCsv = (rows) => Buffer.from(`\uFEFF${[HEADERS, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`, 'utf8');

async function toXlsx(rows) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Đại biểu');
  sheet.addRow(HEADERS);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function multipart(fileName, content, contentType) {
  const boundary = `----bench${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  return { body: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]), type: `multipart/form-data; boundary=${boundary}` };
}

/** Uploads a file and waits for its import to finish; the time covers upload, parsing, checks and writes. */
async function timedImport(api, conferenceId, fileName, content, contentType) {
  const { body, type } = multipart(fileName, content, contentType);
  const started = performance.now();
  const res = await fetch(`${api.baseUrl}/api/conferences/${conferenceId}/attendees/import`, {
    method: 'POST',
    headers: { ...api.authHeaders, 'content-type': type },
    body,
    signal: AbortSignal.timeout(120_000),
  });
  const answer = await res.json();
  if (res.status !== 202 && res.status !== 201) throw new Error(`import of ${fileName} answered ${res.status}: ${JSON.stringify(answer).slice(0, 600)}`);
  let job = answer;
  const deadline = Date.now() + 120_000;
  while (job.status === 'running') {
    if (Date.now() > deadline) throw new Error(`import job ${answer.jobId} still running after 120 s`);
    await sleep(20);
    job = (await api.expect(200, 'GET', `/api/conferences/${conferenceId}/attendees/import-jobs/${answer.jobId}`)).body;
  }
  return { ms: performance.now() - started, status: res.status, job };
}

const plain = (value) =>
  value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/\s+/g, ' ').trim();

/** The rows as the attendees table holds them, resolved the way the import resolves them. */
function tableRows(rows, conferenceId, points) {
  const byName = new Map(points.map((p) => [p.name, p.id]));
  const byCode = new Map(points.map((p) => [p.administrativeUnitCode, p.id]));
  const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
  return rows.map(([fullName, title, organization, email, phone, point, role], i) => [
    randomUUID(),
    conferenceId,
    byName.get(point) ?? byCode.get(point),
    fullName,
    title,
    organization,
    email,
    `+84${phone.replace(/\s/g, '').slice(1)}`,
    ROLE_CODES[role],
    'invited',
    'import',
    `R${String(i).padStart(5, '0')}`,
    plain(`${fullName} ${title} ${organization}`),
    1,
    now,
    now,
  ]);
}

const RAW_COLUMNS = [
  'id', 'conference_id', 'bridge_point_id', 'full_name', 'title', 'organization', 'email', 'phone',
  'role', 'status', 'source', 'code', 'search_key', 'version', 'created_at', 'updated_at',
];

/** The same rows with the raw driver in one transaction: a prepared statement on SQLite, 500-row INSERTs on PostgreSQL. */
async function rawInsert(database, rows) {
  const sql = `INSERT INTO attendees (${RAW_COLUMNS.join(', ')}) VALUES `;
  if (database.kind === 'sqlite') {
    const sqlite3 = require('sqlite3');
    const db = await new Promise((resolve, reject) => {
      const opened = new sqlite3.Database(database.env.SQLITE_PATH, (error) => (error ? reject(error) : resolve(opened)));
    });
    const run = (statement, params = []) =>
      new Promise((resolve, reject) => statement.run(params, (error) => (error ? reject(error) : resolve())));
    const exec = (text) => new Promise((resolve, reject) => db.exec(text, (error) => (error ? reject(error) : resolve())));
    try {
      db.configure('busyTimeout', 10_000);
      const started = performance.now();
      await exec('BEGIN IMMEDIATE');
      const statement = db.prepare(`${sql}(${RAW_COLUMNS.map(() => '?').join(', ')})`);
      for (const row of rows) await run(statement, row);
      await new Promise((resolve, reject) => statement.finalize((error) => (error ? reject(error) : resolve())));
      await exec('COMMIT');
      return performance.now() - started;
    } finally {
      await new Promise((resolve) => db.close(resolve));
    }
  }
  const client = new Client({ connectionString: database.env.DATABASE_URL });
  await client.connect();
  try {
    const started = performance.now();
    await client.query('BEGIN');
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      const values = chunk.map((_, r) => `(${RAW_COLUMNS.map((__, c) => `$${r * RAW_COLUMNS.length + c + 1}`).join(', ')})`);
      await client.query(sql + values.join(', '), chunk.flat());
    }
    await client.query('COMMIT');
    return performance.now() - started;
  } finally {
    await client.end();
  }
}

async function newConferenceWithProvinces(api, title) {
  const conference = await api.expect(201, 'POST', '/api/conferences', conferenceBody(title));
  const id = conference.body.id;
  await api.expect(201, 'POST', `/api/conferences/${id}/bridge-points`, { administrativeUnitSet: 'vn-34' });
  const points = (await api.expect(200, 'GET', `/api/conferences/${id}/bridge-points?pageSize=500`)).body.items;
  return { id, points };
}

/**
 * Runs the import phase against a running app. `fact(name, value, goal, met)` records a line of
 * the facts table; problems are returned for the report.
 */
async function measureImport({ api, database, app, log, fact }) {
  const problems = [];
  const result = { rows: ROWS, goalMs: GOAL_MS };
  const check = (label, outcome, expected) => {
    const { job } = outcome;
    if (job.status !== 'done' || job.created !== expected.created || job.updated !== expected.updated || job.rejected !== 0) {
      problems.push(`${label}: status ${job.status}, created ${job.created}, updated ${job.updated}, rejected ${job.rejected} (expected ${JSON.stringify(expected)})`);
    }
  };

  app.startPhase('import csv');
  const a = await newConferenceWithProvinces(api, 'Nhập danh sách đại biểu (benchmark CSV)');
  const rows = buildRows(a.points);
  const csv = toCsv(rows);
  log(`import: ${ROWS} rows as CSV (${(csv.length / 1024).toFixed(0)} KB)`);
  const csvRun = await timedImport(api, a.id, 'dai-bieu.csv', csv, 'text/csv');
  check('CSV import', csvRun, { created: ROWS, updated: 0 });
  result.csvMs = Math.round(csvRun.ms);
  fact(`import ${ROWS.toLocaleString('en')} rows, CSV (upload to job done)`, `${result.csvMs} ms, created ${csvRun.job.created}, answer ${csvRun.status}`, `< ${GOAL_MS} ms`, csvRun.ms < GOAL_MS);

  app.startPhase('import xlsx');
  const b = await newConferenceWithProvinces(api, 'Nhập danh sách đại biểu (benchmark XLSX)');
  const xlsx = await toXlsx(buildRows(b.points));
  log(`import: ${ROWS} rows as XLSX (${(xlsx.length / 1024).toFixed(0)} KB)`);
  const xlsxRun = await timedImport(api, b.id, 'dai-bieu.xlsx', xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  check('XLSX import', xlsxRun, { created: ROWS, updated: 0 });
  result.xlsxMs = Math.round(xlsxRun.ms);
  fact(`import ${ROWS.toLocaleString('en')} rows, XLSX (upload to job done)`, `${result.xlsxMs} ms, created ${xlsxRun.job.created}, answer ${xlsxRun.status}`, `< ${GOAL_MS} ms`, xlsxRun.ms < GOAL_MS);

  app.startPhase('import upsert');
  log(`import: the CSV again with every title changed (upsert by email)`);
  const upsertRun = await timedImport(api, a.id, 'dai-bieu-sua.csv', toCsv(buildRows(a.points, ' (sửa)')), 'text/csv');
  check('CSV re-import', upsertRun, { created: 0, updated: ROWS });
  result.upsertMs = Math.round(upsertRun.ms);
  fact(`re-import ${ROWS.toLocaleString('en')} changed rows, CSV (upsert by email)`, `${result.upsertMs} ms, updated ${upsertRun.job.updated}`);

  app.startPhase('import raw driver');
  const c = await newConferenceWithProvinces(api, 'Nhập danh sách đại biểu (benchmark raw driver)');
  const raw = tableRows(buildRows(c.points), c.id, c.points);
  result.rawMs = Math.round(await rawInsert(database, raw));
  const stored = (await api.expect(200, 'GET', `/api/conferences/${c.id}/attendees?pageSize=1`)).body.total;
  if (stored !== ROWS) problems.push(`raw driver insert: the API lists ${stored} delegates, expected ${ROWS}`);
  result.ratioCsvToRaw = Number((result.csvMs / result.rawMs).toFixed(2));
  fact(`same ${ROWS.toLocaleString('en')} rows, raw ${database.kind} driver, one transaction`, `${result.rawMs} ms (CSV import takes ${result.ratioCsvToRaw}× as long, end to end)`);
  // The CSV conference (10,000 delegates, distinct emails) goes on to the check-in and invitation phases.
  return { result, problems, conferenceId: a.id };
}

/**
 * The realistic data the reads and writes run against: `count` delegates spread over the
 * commune points of the nationwide conference, imported through the API as one CSV.
 */
async function loadDelegates({ api, conferenceId, count, log, fact }) {
  const points = [];
  for (let page = 1; page <= 20; page++) {
    const res = await api.expect(200, 'GET', `/api/conferences/${conferenceId}/bridge-points?level=commune&pageSize=500&page=${page}`);
    points.push(...res.body.items);
    if (points.length >= res.body.total || res.body.items.length === 0) break;
  }
  const csv = toCsv(buildRows(points, '', count, true));
  log(`loading ${count.toLocaleString('en')} delegates onto the nationwide conference (${(csv.length / 1024 / 1024).toFixed(1)} MB CSV)`);
  const run = await timedImport(api, conferenceId, 'dai-bieu-toan-quoc.csv', csv, 'text/csv');
  const ok = run.job.status === 'done' && run.job.created === count && run.job.rejected === 0;
  fact(
    `load ${count.toLocaleString('en')} delegates onto the nationwide conference (import)`,
    `${Math.round(run.ms)} ms, created ${run.job.created}, rejected ${run.job.rejected}`,
    `${count.toLocaleString('en')} created`,
    ok,
  );
  return ok ? null : `loading delegates: status ${run.job.status}, created ${run.job.created}, rejected ${run.job.rejected}`;
}

module.exports = { measureImport, loadDelegates, buildRows, toCsv, timedImport };
