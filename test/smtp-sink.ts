import { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, SMTPServerAddress } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  raw: string;
  parsed: ParsedMail;
}

/**
 * A real SMTP server on 127.0.0.1 for tests: it keeps what it receives, can refuse every
 * message for a while (451) and can reject chosen addresses (550).
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  /** How many more messages to refuse with a temporary error. */
  refuseNext = 0;
  readonly rejectAddresses = new Set<string>();
  /**
   * Holds each message's final answer this long. A message counts as received only when the
   * 250 goes out while its client is still connected, as with a real mail server.
   */
  acceptDelayMs = 0;
  /** While true, messages are read but not answered (see release()). */
  holding = false;
  /** Clients connected now. */
  connections = 0;
  private held: (() => void)[] = [];
  private readonly closedSessions = new Set<string>();
  private server!: SMTPServer;
  port = 0;

  /** Listens on `port` (0: any free one). */
  async start(port = 0): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onConnect: (_session, callback) => {
        this.connections++;
        callback();
      },
      onClose: (session) => {
        this.connections--;
        this.closedSessions.add(session.id);
      },
      onRcptTo: (address: SMTPServerAddress, _session, callback) => {
        if (this.rejectAddresses.has(address.address.toLowerCase())) {
          const error = Object.assign(new Error('No such user here'), { responseCode: 550 });
          return callback(error);
        }
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (this.refuseNext > 0) {
            this.refuseNext--;
            return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
          }
          const raw = Buffer.concat(chunks).toString('utf8');
          const accept = (parsed: ParsedMail) => {
            if (this.closedSessions.has(session.id)) return;
            const to = (session.envelope.rcptTo[0]?.address ?? '').toLowerCase();
            this.received.push({ to, raw, parsed });
            callback();
          };
          void simpleParser(raw).then((parsed) =>
            setTimeout(() => (this.holding ? this.held.push(() => accept(parsed)) : accept(parsed)), this.acceptDelayMs),
          );
        });
      },
    });
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  /** How many messages wait for their answer while holding. */
  get heldCount(): number {
    return this.held.length;
  }

  /** Stops holding and answers what was held (a message whose client has gone counts for nothing). */
  release(): void {
    this.holding = false;
    const held = this.held;
    this.held = [];
    for (const accept of held) accept();
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((m) => m.to === address.toLowerCase());
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
