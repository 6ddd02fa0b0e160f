import { In, DataSource } from 'typeorm';
import { User } from '../../src/auth/user.entity';
import { newId } from '../../src/common/ids';
import { TransactionRunner } from '../../src/database/transaction-runner';
import { startApp, TestApp } from '../harness';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const row = (tag: string) => ({
  id: newId(),
  email: `${tag}-${newId()}@ghi.vn`,
  passwordHash: 'scrypt$not-a-real-hash',
  fullName: 'Đại biểu thử',
  role: 'viewer' as const,
  administrativeUnitCode: null,
  active: true,
});

describe('the write helper (TransactionRunner) under 200 concurrent writes', () => {
  let t: TestApp;
  let tx: TransactionRunner;
  let db: DataSource;

  beforeAll(async () => {
    t = await startApp();
    tx = t.app.get(TransactionRunner);
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  it('keeps every committed row and none of the rolled-back ones', async () => {
    const committed: string[] = [];
    const rolledBack: string[] = [];
    const failures: unknown[] = [];

    const work = Array.from({ length: 200 }, (_, i) => {
      switch (i % 4) {
        case 0: // a transaction of two inserts with a pause between them, so transactions overlap in time
          return tx.transaction(async (m) => {
            const a = row('tx-a');
            const b = row('tx-b');
            await m.insert(User, a);
            await pause(1);
            await m.insert(User, b);
            committed.push(a.id, b.id);
          });
        case 1: // a plain single insert
          return tx.transaction(async (m) => {
            const r = row('plain');
            await m.insert(User, r);
            committed.push(r.id);
          });
        case 2: // a transaction that writes, then fails: none of it may stay
          return tx
            .transaction(async (m) => {
              const r = row('rollback');
              rolledBack.push(r.id);
              await m.insert(User, r);
              await pause(1);
              throw new Error('rolled back on purpose');
            })
            .catch((error: Error) => {
              if (error.message !== 'rolled back on purpose') failures.push(error);
            });
        default: // a transaction that calls the helper again: it joins, not deadlocks
          return tx.transaction(async (m) => {
            const outer = row('outer');
            await m.insert(User, outer);
            await tx.transaction(async (inner) => {
              const nested = row('nested');
              await inner.insert(User, nested);
              committed.push(outer.id, nested.id);
            });
          });
      }
    });
    const results = await Promise.allSettled(work);

    expect(failures).toEqual([]);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(committed).toHaveLength(250);
    expect(rolledBack).toHaveLength(50);
    expect(await db.getRepository(User).countBy({ id: In(committed) })).toBe(250);
    expect(await db.getRepository(User).countBy({ id: In(rolledBack) })).toBe(0);
  });

  it('rolls back every write of a failed transaction, not only the last', async () => {
    const ids = [row('a'), row('b'), row('c')];
    await expect(
      tx.transaction(async (m) => {
        for (const r of ids) await m.insert(User, r);
        await m.insert(User, { ...row('dup'), email: ids[0].email }); // violates the unique email
      }),
    ).rejects.toThrow();
    expect(await db.getRepository(User).countBy({ id: In(ids.map((r) => r.id)) })).toBe(0);
  });
});
