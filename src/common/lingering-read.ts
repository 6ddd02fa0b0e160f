import { IncomingMessage } from 'node:http';

/** How much of a refused body is read and dropped so that its sender sees the answer. */
export const LINGER_MAX_BYTES = 16 * 1024 * 1024;
export const LINGER_MAX_MS = 10_000;

/**
 * Reads and drops what is left of a request body the server has refused without reading (413,
 * too large by its Content-Length), before the answer goes out. Otherwise Node closes the
 * connection as soon as the answer is written, with the body still arriving, and the client,
 * still sending, sees a reset (EPIPE) instead of the 413 (RFC 9112 §9.6: a server should keep
 * reading for a while before closing). Bounded: after `maxBytes` or `maxMs` it stops reading and
 * the connection closes as before.
 */
export function drainRefusedBody(request: IncomingMessage, maxBytes = LINGER_MAX_BYTES, maxMs = LINGER_MAX_MS): Promise<void> {
  if (request.complete || request.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let read = 0;
    const finish = () => {
      clearTimeout(timer);
      request.off('data', onData);
      request.off('end', finish);
      request.off('error', finish);
      request.off('close', finish);
      if (!request.complete) request.pause();
      resolve();
    };
    const onData = (chunk: Buffer) => {
      read += chunk.length;
      if (read > maxBytes) finish();
    };
    const timer = setTimeout(finish, maxMs);
    request.on('data', onData);
    request.once('end', finish);
    request.once('error', finish);
    request.once('close', finish);
    request.resume();
  });
}
