'use strict';

// Runs before `npm test`: the page tests drive a real browser (Debian's chromium), the
// calendar-reply tests read a real IMAP server (Debian's Dovecot, started by the tests on a free
// port) and the certificate tests draw PDF pages with poppler's pdftoppm (poppler-utils) to read
// their QR codes. On a Debian machine where one is missing, installs its package (as root, through
// apt-get); elsewhere says what to do.

const { execFileSync } = require('node:child_process');
const { existsSync } = require('node:fs');

const needs = [
  { what: 'the page tests', path: process.env.CHROMIUM_PATH || '/usr/bin/chromium', pkg: 'chromium', variable: 'CHROMIUM_PATH' },
  { what: 'the calendar-reply tests', path: process.env.DOVECOT_BIN || '/usr/sbin/dovecot', pkg: 'dovecot-imapd', variable: 'DOVECOT_BIN' },
  { what: 'the certificate QR tests', path: process.env.PDFTOPPM_BIN || '/usr/bin/pdftoppm', pkg: 'poppler-utils', variable: 'PDFTOPPM_BIN' },
];
const missing = needs.filter((n) => !existsSync(n.path));
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const canInstall = isRoot && existsSync('/usr/bin/apt-get') && missing.every((n) => !process.env[n.variable]);
if (!canInstall) {
  for (const n of missing) console.error(`${n.what} need ${n.path}. Install it (Debian: apt-get install -y ${n.pkg}) or set ${n.variable}.`);
  process.exit(1);
}
const packages = missing.map((n) => n.pkg);
console.log(`Installing Debian packages for ${missing.map((n) => n.what).join(' and ')} (apt-get install -y ${packages.join(' ')})…`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: ['ignore', 'ignore', 'inherit'], env });
for (const n of missing) {
  if (!existsSync(n.path)) {
    console.error(`apt-get finished but ${n.path} is still missing.`);
    process.exit(1);
  }
}
