import { HttpException } from '@nestjs/common';
import { PasswordCheckGate } from './password-check-gate';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('PasswordCheckGate', () => {
  it('runs at most `concurrent` checks, queues up to `queued` more and refuses the rest with 429 at once', async () => {
    const gate = new PasswordCheckGate(2, 1);
    const blockers = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = blockers.map((b, i) => gate.run(async () => (started.push(i), b.promise)));
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(gate.load).toEqual({ running: 2, waiting: 1 });

    const refused = await gate.run(async () => 'never').catch((e: HttpException) => e);
    expect(refused).toBeInstanceOf(HttpException);
    expect((refused as HttpException).getStatus()).toBe(429);
    expect((refused as HttpException).getResponse()).toMatchObject({ details: [{ code: 'login_busy' }] });

    blockers[0].resolve();
    await runs[0];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    expect(gate.load).toEqual({ running: 2, waiting: 0 });
    blockers[1].resolve();
    blockers[2].resolve();
    await Promise.all(runs);
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('frees its slot when a check fails', async () => {
    const gate = new PasswordCheckGate(1, 0);
    await expect(gate.run(async () => Promise.reject(new Error('scrypt failed')))).rejects.toThrow('scrypt failed');
    await expect(gate.run(async () => 'ok')).resolves.toBe('ok');
  });
});
