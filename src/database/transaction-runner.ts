import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * The one way the app writes. Every write runs inside `transaction()`.
 *
 * TypeORM gives SQLite a single shared connection: two transactions at once fail ("cannot start
 * a transaction within a transaction"), and a write from another request issued while a
 * transaction is open joins it and is rolled back with it. So on SQLite transactions are
 * queued and run one at a time; on PostgreSQL each takes its own pooled connection and they
 * run concurrently. A call made inside a running transaction joins it instead of queueing
 * behind itself.
 */
@Injectable()
export class TransactionRunner {
  private readonly open = new AsyncLocalStorage<EntityManager>();
  private readonly serialize: boolean;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {
    this.serialize = dataSource.options.type === 'sqlite';
  }

  /** Runs `work` in one transaction: all of it is committed, or none of it if it throws. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const current = this.open.getStore();
    if (current) return work(current);
    const run = () =>
      this.dataSource.transaction((manager) => this.open.run(manager, () => work(manager)));
    if (!this.serialize) return run();
    const result = this.tail.then(run, run);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** True while the caller runs inside `transaction()`. */
  get inTransaction(): boolean {
    return this.open.getStore() !== undefined;
  }
}
