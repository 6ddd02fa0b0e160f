import { tooMany } from '../common/errors';

/**
 * Bounds how many password hashes run at once. Each scrypt takes a thread of Node's small pool
 * for tens of milliseconds, the pool the database driver needs too: a few hundred concurrent
 * logins (over many accounts, from many addresses, so no rate limit stops them) froze every
 * other request for seconds. At most `concurrent` run; up to `queued` more wait their turn;
 * any more are refused at once with 429, costing nothing.
 */
export class PasswordCheckGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrent: number,
    private readonly queued: number,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running < this.concurrent) {
      this.running++;
    } else if (this.waiting.length < this.queued) {
      // The finishing check hands its slot straight to this one: `running` stays as it is.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      throw tooMany('request', 'login_busy', 'Hệ thống đang bận xử lý nhiều lượt đăng nhập. Vui lòng thử lại sau vài giây.');
    }
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  /** Checks running and waiting now (for tests and metrics). */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }
}
