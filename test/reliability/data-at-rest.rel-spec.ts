import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { readTables } from './data-digest';
import { buildFixture, Fixture, TEST_JWT_SECRET } from './fixture';
import { RunningApp } from './running-app';

const PASSWORDS = ['HoiNghi@2025', 'mat-khau-du-dai'];
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * Tokens of the links in every mail written to MAIL_DIR (the path segment after /rsvp/, /confirm/,
 * /calendar/), read from the decoded parts: text, HTML and the calendar attachment, whatever their
 * transfer encoding.
 */
async function mailedTokens(mailDir: string): Promise<string[]> {
  if (!existsSync(mailDir)) return [];
  const tokens = new Set<string>();
  for (const file of readdirSync(mailDir)) {
    const mail = await simpleParser(readFileSync(join(mailDir, file)));
    const text = [mail.text ?? '', typeof mail.html === 'string' ? mail.html : '', ...mail.attachments.map((a) => a.content.toString('utf8'))]
      .join('\n')
      // Folded iCalendar lines would cut a token in two.
      .replace(/\r?\n /g, '');
    for (const match of text.matchAll(/\/(?:rsvp|confirm|calendar|bridge-points)\/([A-Za-z0-9_-]{40,})/g)) tokens.add(match[1]);
  }
  return [...tokens];
}

describe.each([
  ['SQLite', false],
  ['PostgreSQL', true],
])('data at rest on %s', (_name, postgres) => {
  let app: RunningApp;
  let fixture: Fixture;

  beforeAll(async () => {
    app = await RunningApp.launch({ postgres, env: { JWT_SECRET: TEST_JWT_SECRET, MAIL_DISPATCH_INTERVAL_MS: '100', LOG_LEVEL: 'info' } });
    fixture = await buildFixture(await app.client());
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('keeps link tokens only as SHA-256 hashes and passwords only as scrypt hashes', async () => {
    const api = await app.client();
    await api.expect(200, 'POST', `/api/conferences/${fixture.conferenceId}/publish`, {});
    await api.expect(202, 'POST', `/api/conferences/${fixture.conferenceId}/invitations`, { scope: 'all' });
    const mailDir = join(app.database.tempDir, 'mail');
    let mailed: string[] = [];
    for (let i = 0; i < 100 && mailed.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      mailed = await mailedTokens(mailDir);
    }
    expect(mailed.length).toBeGreaterThan(0);
    const issued = [fixture.bridgePointToken, fixture.rsvpToken, fixture.calendarToken];
    const secrets = [...issued, ...mailed, ...PASSWORDS, TEST_JWT_SECRET];

    const tables = await readTables(app.database);
    const everything = [...tables.values()].flat().join('\n');
    for (const secret of secrets) expect({ secret, found: everything.includes(secret) }).toEqual({ secret, found: false });

    const links = tables.get('signed_links')!.join('\n');
    for (const token of [...issued, ...mailed]) expect({ token, stored: links.includes(sha256(token)) }).toEqual({ token, stored: true });

    const users = tables.get('users')!;
    expect(users.length).toBeGreaterThanOrEqual(3);
    for (const row of users) expect(row).toMatch(/scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]{16,}\$[A-Za-z0-9+/=]{32,}/);
  });

  it('writes no link token to the logs, whether the link answers, fails or does not exist', async () => {
    const visitor = app.anonymous();
    const unknown = 'x'.repeat(43);
    const requests: [string, string][] = [
      ['GET', `/api/public/bridge-points/${fixture.bridgePointToken}`],
      ['GET', `/api/public/rsvp/${fixture.rsvpToken}`],
      ['GET', `/api/public/calendar/${fixture.calendarToken}.ics`],
      ['GET', `/bridge-points/confirm/${fixture.bridgePointToken}`],
      ['GET', `/rsvp/${fixture.rsvpToken}`],
      ['GET', `/rsvp/${fixture.rsvpToken}?token=${fixture.rsvpToken}`],
      ['GET', `/api/public/rsvp/${unknown}`],
      ['GET', `/rsvp/${unknown}`],
      ['POST', `/api/public/rsvp/${fixture.rsvpToken}/decline`],
    ];
    for (const [method, path] of requests) await visitor.call(method, path, method === 'POST' ? { reason: 123 } : undefined);

    const logs = readdirSync(app.database.tempDir)
      .filter((file) => file.endsWith('.log'))
      .map((file) => readFileSync(join(app.database.tempDir, file), 'utf8'))
      .join('\n');
    expect(logs).toContain('/rsvp/***');
    expect(logs).toContain('/api/public/calendar/***.ics');
    for (const token of [fixture.bridgePointToken, fixture.rsvpToken, fixture.calendarToken, unknown]) {
      expect({ token, logged: logs.includes(token) }).toEqual({ token, logged: false });
    }
  });
});
