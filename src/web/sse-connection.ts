import { FastifyReply } from 'fastify';

/** A slow reader that lets this much pile up is dropped; its script reconnects and gets the whole board. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

/**
 * One server-sent-events response. The headers go out with the first event, so an error found
 * before it (an unknown conference) still answers as a normal JSON error.
 */
export class SseConnection {
  private started = false;
  private ended = false;

  constructor(private readonly reply: FastifyReply) {}

  send(event: string, data: unknown): void {
    if (this.ended) return;
    this.start();
    this.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** A comment line: keeps proxies and the reader from timing the stream out. */
  ping(): void {
    if (this.started && !this.ended) this.write(': ping\n\n');
  }

  close(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.started) this.reply.raw.end();
  }

  /** Runs `fn` once when the client goes away (at once if it already has). */
  onGone(fn: () => void): void {
    const raw = this.reply.raw;
    if (raw.destroyed || raw.writableFinished) {
      fn();
      return;
    }
    raw.once('close', fn);
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    this.reply.hijack();
    // Headers Fastify holds (the request id) go out too; helmet's are already on the raw response.
    const headers: Record<string, string | number | string[]> = {};
    for (const [name, value] of Object.entries(this.reply.getHeaders())) if (value !== undefined) headers[name] = value;
    this.reply.raw.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store, no-transform',
      'x-accel-buffering': 'no',
      connection: 'keep-alive',
    });
    this.reply.raw.flushHeaders();
  }

  private write(chunk: string): void {
    const raw = this.reply.raw;
    if (raw.destroyed) return;
    raw.write(chunk);
    if (raw.writableLength > MAX_BUFFERED_BYTES) this.close();
  }
}
