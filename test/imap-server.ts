import { ChildProcess, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/** Where Debian's dovecot-imapd puts the server (`.ci/run` installs it when missing). */
const DOVECOT = process.env.DOVECOT_BIN ?? '/usr/sbin/dovecot';

/**
 * A real IMAP server for tests: Dovecot as a throwaway instance with its own config file, on
 * 127.0.0.1 and a free port, plaintext login, one passwd-file user and a maildir in a temp dir.
 * It runs unprivileged: as the current user, or as `nobody` when that is root (Dovecot's login
 * process refuses to run as root). `stop()` and `start()` again keep the mailbox (a restart).
 */
export class ImapServer {
  readonly user = 'hoinghi@hoinghi.local';
  readonly password = 'mat-khau-hop-thu';
  port = 0;
  private readonly dir = mkdtempSync(join(tmpdir(), 'hn-imap-'));
  private process: ChildProcess | null = null;
  private log = '';
  private readonly account = runAs();

  /** `imap://user:pass@127.0.0.1:port` for IMAP_URL. */
  get url(): string {
    return `imap://${encodeURIComponent(this.user)}:${encodeURIComponent(this.password)}@127.0.0.1:${this.port}`;
  }

  /** The user's maildir (new mail can be dropped into `new/` while the server is down). */
  get maildir(): string {
    return join(this.dir, 'mail', this.user);
  }

  async start(): Promise<void> {
    if (this.process) return;
    if (!existsSync(DOVECOT)) throw new Error(`no Dovecot at ${DOVECOT}: apt-get install dovecot-imapd (.ci/run does)`);
    if (!this.port) this.port = await freePort();
    this.writeConfig();
    this.log = '';
    const child = spawn(DOVECOT, ['-F', '-c', join(this.dir, 'dovecot.conf')], {
      stdio: ['ignore', 'pipe', 'pipe'],
      uid: this.account.uid,
      gid: this.account.gid,
    });
    child.stdout?.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    this.process = child;
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code) => reject(new Error(`dovecot exited (${code}) at start:\n${this.log}`))),
    );
    exited.catch(() => undefined);
    await Promise.race([this.waitForGreeting(), exited]);
  }

  /** Stops the server (SIGTERM) and waits for it to be gone; clients see their connection closed. */
  async stop(): Promise<void> {
    const child = this.process;
    if (!child) return;
    this.process = null;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await gone;
    clearTimeout(timer);
  }

  /**
   * Puts a message straight into the inbox's maildir, as a delivery agent does (it works while
   * the server is down; the server finds it when it comes back).
   */
  deliverToMaildir(raw: Buffer): void {
    for (const sub of ['', 'new', 'cur', 'tmp']) {
      mkdirSync(join(this.maildir, sub), { recursive: true });
      chownSync(join(this.maildir, sub), this.account.uid, this.account.gid);
    }
    const file = join(this.maildir, 'new', `${Date.now()}.M${process.hrtime.bigint()}P${process.pid}.test`);
    writeFileSync(file, raw);
    chownSync(file, this.account.uid, this.account.gid);
  }

  /** Stops the server and removes its files. */
  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private writeConfig(): void {
    const me = this.account;
    for (const sub of ['run', 'state', 'mail', join('mail', this.user)]) mkdirSync(join(this.dir, sub), { recursive: true });
    writeFileSync(join(this.dir, 'users'), `${this.user}:{PLAIN}${this.password}:${me.uid}:${me.gid}::${this.maildir}\n`);
    const config = `
base_dir = ${join(this.dir, 'run')}
state_dir = ${join(this.dir, 'state')}
log_path = /dev/stderr
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${me.username}
default_internal_group = ${me.group}
default_login_user = ${me.username}
first_valid_uid = ${me.uid}
last_valid_uid = ${me.uid}
first_valid_gid = ${me.gid}
mail_location = maildir:~
mail_plugins =
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${join(this.dir, 'users')}
}
userdb {
  driver = passwd-file
  args = username_format=%u ${join(this.dir, 'users')}
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${this.port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
service stats {
  unix_listener stats-reader {
    user = ${me.username}
  }
  unix_listener stats-writer {
    user = ${me.username}
  }
}
`;
    writeFileSync(join(this.dir, 'dovecot.conf'), config);
    for (const path of ['', 'run', 'state', 'mail', join('mail', this.user), 'users', 'dovecot.conf']) {
      chownSync(join(this.dir, path), me.uid, me.gid);
    }
  }

  private async waitForGreeting(): Promise<void> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      if (await greets(this.port)) return;
      if (Date.now() > deadline) throw new Error(`dovecot did not answer on port ${this.port}:\n${this.log}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

interface Account {
  username: string;
  uid: number;
  gid: number;
  group: string;
}

/** The current user, or `nobody` in place of root. */
function runAs(): Account {
  const me = userInfo();
  if (me.uid !== 0) return { username: me.username, uid: me.uid, gid: me.gid, group: groupName(me.gid) };
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('nobody:'));
  if (!line) throw new Error('no "nobody" user to run dovecot as');
  const [, , uid, gid] = line.split(':');
  return { username: 'nobody', uid: Number(uid), gid: Number(gid), group: groupName(Number(gid)) };
}

function groupName(gid: number): string {
  const line = readFileSync('/etc/group', 'utf8').split('\n').find((l) => l.split(':')[2] === String(gid));
  return line ? line.split(':')[0] : String(gid);
}

function greets(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('data', (chunk: Buffer) => done(chunk.toString().startsWith('* OK')));
    socket.once('error', () => done(false));
    socket.connect(port, '127.0.0.1');
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
