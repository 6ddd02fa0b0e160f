'use strict';

// A local SMTP server the app delivers to during the bench: it accepts every message, counts
// them per recipient and keeps the raw source of a few, so delivery can be checked (each
// recipient exactly once) without parsing ten thousand mails.

const { Buffer } = require('node:buffer');
const { performance } = require('node:perf_hooks');
const { SMTPServer } = require('smtp-server');

/**
 * Starts the sink on 127.0.0.1 (a free port). `sampleAt`: 1-based message numbers whose raw
 * source is kept for parsing afterwards.
 */
function startSmtpSink({ sampleAt = [1, 2, 2500, 5000, 9999] } = {}) {
  const keep = new Set(sampleAt);
  const stats = {
    started: 0,
    messages: 0,
    bytes: 0,
    byRecipient: new Map(),
    firstAt: null,
    lastAt: null,
    samples: [],
    errors: [],
    /** Connections opened in all, open now, and the most open at once since the last reset. */
    connections: 0,
    open: 0,
    maxOpen: 0,
  };

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    disableReverseLookup: true,
    logger: false,
    banner: 'hoi-nghi bench sink',
    size: 20 * 1024 * 1024,
    closeTimeout: 2000,
    onConnect(session, callback) {
      stats.connections += 1;
      stats.open += 1;
      stats.maxOpen = Math.max(stats.maxOpen, stats.open);
      callback();
    },
    onClose() {
      stats.open = Math.max(0, stats.open - 1);
    },
    onData(stream, session, callback) {
      stats.started += 1;
      const number = stats.started;
      const chunks = keep.has(number) ? [] : null;
      let size = 0;
      stream.on('data', (chunk) => {
        size += chunk.length;
        if (chunks) chunks.push(chunk);
      });
      stream.on('end', () => {
        stats.messages += 1;
        stats.bytes += size;
        const now = performance.now();
        stats.firstAt ??= now;
        stats.lastAt = now;
        for (const rcpt of session.envelope.rcptTo) {
          const address = rcpt.address.toLowerCase();
          stats.byRecipient.set(address, (stats.byRecipient.get(address) ?? 0) + 1);
        }
        if (chunks) stats.samples.push({ number, recipients: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
        callback(null, 'queued by the bench sink');
      });
      stream.on('error', (error) => {
        if (stats.errors.length < 5) stats.errors.push(`stream: ${error.message}`);
      });
    },
  });
  server.on('error', (error) => {
    if (stats.errors.length < 5) stats.errors.push(error.message);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      const { port } = server.server.address();
      resolve({
        port,
        url: `smtp://127.0.0.1:${port}`,
        stats,
        /** Forgets what was received so far (the counts of one phase start at zero). */
        reset() {
          stats.started = 0;
          stats.messages = 0;
          stats.bytes = 0;
          stats.byRecipient = new Map();
          stats.firstAt = null;
          stats.lastAt = null;
          stats.samples = [];
          stats.connections = 0;
          stats.maxOpen = stats.open;
        },
        close: () =>
          new Promise((done) => {
            // Bounded: open pooled connections from the app are cut after 2 s.
            const timer = setTimeout(done, 3000);
            server.close(() => {
              clearTimeout(timer);
              done();
            });
          }),
      });
    });
  });
}

module.exports = { startSmtpSink };
