import { createServer, Server, Socket } from 'node:net';
import MailComposer from 'nodemailer/lib/mail-composer';
import { AppConfig } from '../config/app-config';
import { MailServerUnavailableError, OutgoingMail, SmtpMailTransport } from './mail-transport';

/** A port nothing listens on: taken, then given back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A mail server that goes away: it takes one connection, stops listening, and drops it 30 ms later unanswered. */
async function vanishingServer(): Promise<{ server: Server; port: number; sockets: Set<Socket> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    server.close();
    setTimeout(() => socket.destroy(), 30);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as { port: number }).port, sockets };
}

const mail = (to: string): OutgoingMail => ({
  to: { name: 'Đại biểu', address: to },
  subject: 'Giấy mời',
  text: 'Kính mời đồng chí tham dự Hội nghị.',
  html: '<p>Kính mời đồng chí tham dự Hội nghị.</p>',
  messageId: `<${to}@hoinghi.local>`,
});

/** Settles within `ms`, or answers 'hung'. */
async function within<T>(promise: Promise<T>, ms: number): Promise<PromiseSettledResult<T> | 'hung'> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<'hung'>((resolve) => (timer = setTimeout(() => resolve('hung'), ms)));
  const [settled] = await Promise.race([Promise.allSettled([promise]), hung.then((h) => [h] as const)]);
  clearTimeout(timer);
  return settled;
}

describe('SmtpMailTransport with the mail server away', () => {
  afterEach(() => jest.restoreAllMocks());

  it('answers a send whose message was still being built when another send found the server gone', async () => {
    const transport = new SmtpMailTransport({ smtpUrl: `smtp://127.0.0.1:${await closedPort()}`, mailFrom: 'hoinghi@hoinghi.local' } as AppConfig);
    // The slow mail's message is held at its build until the other send has failed (and replaced the pool).
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const compile = MailComposer.prototype.compile;
    jest.spyOn(MailComposer.prototype, 'compile').mockImplementation(function (this: MailComposer) {
      const node = compile.call(this);
      if (String(this.mail.envelope ?? JSON.stringify(this.mail.to)).includes('cham@')) {
        const build = node.build.bind(node);
        node.build = (async () => {
          await gate;
          return build();
        }) as typeof node.build;
      }
      return node;
    });
    try {
      const slow = transport.send(mail('cham@tinh.gov.vn'));
      const fast = await within(transport.send(mail('nhanh@tinh.gov.vn')), 10_000);
      expect(fast).toMatchObject({ status: 'rejected', reason: expect.any(MailServerUnavailableError) });
      release();
      expect(await within(slow, 10_000)).toMatchObject({ status: 'rejected', reason: expect.any(MailServerUnavailableError) });
    } finally {
      await transport.close();
    }
  });

  it('answers a send waiting in a pool closed because the server went away as the server being away', async () => {
    const { server, port, sockets } = await vanishingServer();
    const transport = new SmtpMailTransport({ smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: 'hoinghi@hoinghi.local' } as AppConfig);
    try {
      // The first mail's connection is dropped and it waits in the pool for another; the second
      // finds the server gone, so the pool is replaced and closed under the first.
      const first = transport.send(mail('dau@tinh.gov.vn'));
      await new Promise((resolve) => setTimeout(resolve, 10));
      const second = transport.send(mail('sau@tinh.gov.vn'));
      for (const settled of await Promise.all([within(first, 10_000), within(second, 10_000)])) {
        expect(settled).toMatchObject({ status: 'rejected', reason: expect.any(MailServerUnavailableError) });
      }
    } finally {
      await transport.close();
      for (const socket of sockets) socket.destroy();
      if (server.listening) await new Promise((resolve) => server.close(resolve));
    }
  });
});
