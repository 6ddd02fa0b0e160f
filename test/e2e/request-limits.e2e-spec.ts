import { AddressInfo, connect } from 'node:net';
import { aConference, aMainPoint } from '../factories';
import { startApp, TestApp } from '../harness';

const bearer = { type: 'bearer' as const };

/**
 * Requests that cost the server more than they should are refused before validation spends
 * time on them, and what no text of the system holds (control characters) never reaches the
 * database, calendar files or mail.
 */
describe('requests refused by their shape', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  const createConference = (body: unknown) => t.http.post('/api/conferences').auth(t.adminToken, bearer).send(body as object);

  describe('bodies with too many keys', () => {
    it('refuses a body of tens of thousands of keys under the size limit with 413, at once and in a short answer', async () => {
      const keys = Object.fromEntries(Array.from({ length: 60_000 }, (_, i) => [`k${i}`, 1]));
      expect(JSON.stringify(keys).length).toBeLessThan(1_048_576);
      const started = Date.now();
      const res = await createConference({ ...aConference(), ...keys }).expect(413);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(res.body.details).toEqual([{ field: 'body', code: 'too_many_keys', message: 'Dữ liệu gửi lên có hơn 500 trường.' }]);
      expect(res.text.length).toBeLessThan(1000);
    });

    it('counts nested keys too', async () => {
      const nested = { ...aConference(), registration: Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`k${i}`, i])) };
      const res = await createConference(nested).expect(413);
      expect(res.body.details[0].code).toBe('too_many_keys');
    });

    it('lists at most 20 details for a body with many unknown fields, saying how many more there were', async () => {
      const unknown = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`unknown${i}`, i]));
      const res = await createConference({ ...aConference(), ...unknown }).expect(400);
      expect(res.body.details).toHaveLength(20);
      expect(res.body.details[0]).toMatchObject({ code: 'unknown_field' });
      expect(res.body.message).toMatch(/\(và 280 lỗi khác\)$/);
    });

    it('lets a list body hold as many keys as its DTO allows (a list of points), and refuses one with more', async () => {
      const { body: conference } = await createConference(aConference()).expect(201);
      const items = Array.from({ length: 300 }, (_, i) => ({ name: `Điểm cầu huyện ${i + 1}`, level: 'other', capacity: 50 }));
      const res = await t.http.post(`/api/conferences/${conference.id}/bridge-points`).auth(t.adminToken, bearer).send({ items }).expect(201);
      expect(res.body.items).toHaveLength(300);

      const padded = { items: [{ name: 'Điểm cầu thừa', ...Object.fromEntries(Array.from({ length: 80_000 }, (_, i) => [`k${i}`, 1])) }] };
      const refused = await t.http.post(`/api/conferences/${conference.id}/bridge-points`).auth(t.adminToken, bearer).send(padded).expect(413);
      expect(refused.body.details[0].code).toBe('too_many_keys');
    });

    it('refuses a query with more than 50 parameters', async () => {
      const query = Array.from({ length: 60 }, (_, i) => `p${i}=1`).join('&');
      const res = await t.http.get(`/api/conferences?${query}`).auth(t.adminToken, bearer).expect(413);
      expect(res.body.details[0].code).toBe('too_many_keys');
    });
  });

  describe('a body over the size limit', () => {
    /** Sends a body of `length` bytes 64 KB at a time, 10 ms apart (a client on a slow line), and answers what came back. */
    const sendSlowly = (port: number, length: number) =>
      new Promise<{ answer: string; written: boolean; error?: string }>((resolve) => {
        const body = Buffer.from(JSON.stringify({ x: 'y'.repeat(length) }));
        let answer = '';
        let written = false;
        let error: string | undefined;
        const socket = connect(port, '127.0.0.1', async () => {
          socket.write(`POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`);
          for (let i = 0; i < body.length && !socket.destroyed; i += 65_536) {
            await new Promise((r) => setTimeout(r, 10));
            socket.write(body.subarray(i, i + 65_536));
          }
          written = !socket.destroyed;
        });
        socket.on('data', (chunk) => (answer += chunk.toString()));
        socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code));
        socket.on('close', () => resolve({ answer, written, error }));
      });

    it('is answered 413 after the server has read it, so that a client still sending sees the answer and not a reset', async () => {
      const server = t.app.getHttpServer();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const { answer, written, error } = await sendSlowly((server.address() as AddressInfo).port, 1_200_000);
        expect(error).toBeUndefined();
        expect(written).toBe(true);
        expect(answer).toMatch(/^HTTP\/1\.1 413 /);
        expect(answer).toContain('"code":"body_too_large"');
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    });
  });

  describe('control characters', () => {
    it.each([
      ['NUL', 'Hội nghị\u0000tổng kết', 'U+0000'],
      ['escape', 'Hội nghị \u001b[31mđỏ', 'U+001B'],
      ['a carriage return alone', 'Hội nghị\rtổng kết', 'U+000D'],
      ['DEL', 'Hội nghị\u007f', 'U+007F'],
    ])('refuses %s in a text field with 400 naming the field and the character, writing nothing', async (_name, title, character) => {
      const before = (await t.http.get('/api/conferences').auth(t.adminToken, bearer).expect(200)).body.total as number;
      const res = await createConference(aConference({ title })).expect(400);
      expect(res.body.details).toEqual([
        { field: 'title', code: 'control_character', message: `Trường "title" chứa ký tự điều khiển (${character}); chỉ được dùng dấu tab và xuống dòng.` },
      ]);
      expect((await t.http.get('/api/conferences').auth(t.adminToken, bearer).expect(200)).body.total).toBe(before);
    });

    it('keeps tabs, line feeds and Windows line ends in text', async () => {
      const description = 'Dòng một\r\nDòng hai\n\tThụt lề';
      const res = await createConference(aConference({ description })).expect(201);
      expect(res.body.description).toBe(description);
    });

    it('refuses a control character in a nested field, naming its path', async () => {
      const { body: conference } = await createConference(aConference()).expect(201);
      const res = await t.http
        .post(`/api/conferences/${conference.id}/bridge-points`)
        .auth(t.adminToken, bearer)
        .send(aMainPoint({ name: 'Điểm cầu\u0000chính' }))
        .expect(400);
      expect(res.body.details[0]).toMatchObject({ field: 'name', code: 'control_character' });
    });

    it('refuses a control character in a query parameter', async () => {
      const res = await t.http.get('/api/speakers').query({ q: 'Nguyễn\u0000' }).auth(t.adminToken, bearer).expect(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'q', code: 'control_character' })]);
    });

    it('refuses a control character in a field name', async () => {
      const res = await createConference({ ...aConference(), 'ti\u0000tle': 'x' }).expect(400);
      expect(res.body.details[0]).toMatchObject({ field: 'body', code: 'invalid_field_name' });
    });
  });

  it('reports a control character in an imported cell as that row\'s error, leaving that row out', async () => {
    const { body: conference } = await createConference(aConference()).expect(201);
    const { body: main } = await t.http.post(`/api/conferences/${conference.id}/bridge-points`).auth(t.adminToken, bearer).send(aMainPoint()).expect(201);
    const csv = Buffer.from('Họ và tên,Chức vụ\nNguyễn Văn A,Chuyên viên\nTrần Thị\u001bB,Chuyên viên\n', 'utf8');
    const res = await t.http
      .post(`/api/conferences/${conference.id}/attendees/import`)
      .auth(t.adminToken, bearer)
      .field('bridgePointId', main.id)
      .attach('file', csv, 'dai-bieu.csv');
    const errors = (res.body.errors ?? []) as { row: number; field: string; code: string }[];
    expect(errors).toContainEqual(expect.objectContaining({ row: 3, field: 'fullName', code: 'control_character' }));
    const listed = (await t.http.get(`/api/conferences/${conference.id}/attendees`).auth(t.adminToken, bearer).expect(200)).body;
    expect(listed.items.map((a: { fullName: string }) => a.fullName)).toEqual(['Nguyễn Văn A']);

    // A NUL byte makes the file binary: it is refused as a whole.
    const withNul = Buffer.from('Họ và tên,Chức vụ\nTrần Thị\u0000B,Chuyên viên\n', 'utf8');
    const refused = await t.http
      .post(`/api/conferences/${conference.id}/attendees/import`)
      .auth(t.adminToken, bearer)
      .field('bridgePointId', main.id)
      .attach('file', withNul, 'dai-bieu.csv')
      .expect(400);
    expect(refused.body.details).toEqual([expect.objectContaining({ field: 'file', code: 'not_csv_or_xlsx' })]);
  });
});
