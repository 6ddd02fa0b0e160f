import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { SqliteStatement, sqliteConnectionOf } from './sqlite-connection';
import { WRITE_DATA_SOURCE } from './write-connection';

/** At most this many queued transactions share one SQLite commit. */
const MAX_GROUP = 100;
/** At most this many SQL texts are kept prepared; others run as ordinary queries. */
const MAX_PREPARED = 200;

interface QueuedWork {
  work: (manager: EntityManager) => Promise<unknown>;
  /** The caller's async context (request id in logs, and the like), where `work` runs. */
  context: AsyncResource;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * The one way the app writes. Every write runs inside `transaction()`.
 *
 * TypeORM gives SQLite a single shared connection: two transactions at once fail ("cannot start
 * a transaction within a transaction"), and a write from another request issued while a
 * transaction is open joins it and is rolled back with it. So on SQLite transactions are
 * queued and run one at a time; on PostgreSQL each takes its own pooled connection and they
 * run concurrently. A call made inside a running transaction joins it instead of queueing
 * behind itself.
 *
 * On SQLite, what queued up while one transaction ran is committed together (group commit):
 * one BEGIN … COMMIT, so one sync of the log for the lot instead of one each, with each queued
 * transaction inside its own savepoint. A transaction that fails is rolled back to its savepoint
 * (none of its writes stay, the others' do); the others are answered only once the shared
 * COMMIT succeeded, and all of them fail if it does not.
 *
 * On SQLite transactions run on a connection of their own (`write-connection.ts`), so reads
 * outside a transaction never see rows that are not yet committed.
 */
@Injectable()
export class TransactionRunner implements OnModuleDestroy {
  private readonly open = new AsyncLocalStorage<EntityManager>();
  private readonly serialize: boolean;
  private readonly queue: QueuedWork[] = [];
  private draining = false;
  /** SQLite statements prepared once, per connection and SQL text. */
  private readonly prepared = new Map<DataSource, Map<string, SqliteStatement>>();
  private preparing = true;

  /**
   * @param dataSource the app's DataSource, which reads outside transactions use
   * @param writer where transactions run: on SQLite a second connection to the same file, else `dataSource`
   */
  constructor(
    private readonly dataSource: DataSource,
    @Inject(WRITE_DATA_SOURCE) private readonly writer: DataSource = dataSource,
  ) {
    this.serialize = dataSource.options.type === 'sqlite';
  }

  /** Runs `work` in one transaction: all of it is committed, or none of it if it throws. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const current = this.open.getStore();
    if (current) return work(current);
    if (!this.serialize) return this.writer.transaction((manager) => this.open.run(manager, () => work(manager)));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({
        work,
        // Not AsyncLocalStorage.snapshot(): on Node 20 it costs a tenth of a millisecond a call.
        context: new AsyncResource('TransactionRunner'),
        resolve: resolve as (value: unknown) => void,
        reject,
      });
      if (!this.draining) void this.drain();
    });
  }

  /**
   * Runs a hot, fixed SQL text through `manager` (parameters `$1`, `$2`, … as PostgreSQL numbers
   * them; on SQLite each `$n` is sent as `?n`, SQLite's explicitly numbered parameter, so a text
   * may use them in any order and repeat them): on SQLite with a statement prepared once
   * and reused, which saves the driver's
   * prepare and finalize (a round trip to its thread) and the ORM's query building on every
   * call; on PostgreSQL as an ordinary query. Answers the rows and, for a write, the rows changed.
   */
  async sql(manager: EntityManager, sql: string, params: unknown[]): Promise<{ rows: Record<string, unknown>[]; affected: number }> {
    // SQLite reads `$1` as a parameter named "$1" and numbers such names by first appearance.
    const text = this.serialize ? sql.replace(/\$(\d+)/g, '?$1') : sql;
    const statement = this.statement(manager, text);
    if (!statement) {
      const own = manager.queryRunner ? null : manager.connection.createQueryRunner();
      try {
        const result = await (manager.queryRunner ?? own!).query(text, params, true);
        return { rows: Array.isArray(result.records) ? result.records : [], affected: result.affected ?? 0 };
      } finally {
        await own?.release();
      }
    }
    if (/^\s*(SELECT|WITH)\b/i.test(text)) {
      return new Promise((resolve, reject) =>
        statement.all(params, (error, rows) => (error ? reject(error) : resolve({ rows, affected: 0 }))),
      );
    }
    return new Promise((resolve, reject) =>
      statement.run(params, function (error) {
        if (error) reject(error);
        else resolve({ rows: [], affected: this.changes });
      }),
    );
  }

  private statement(manager: EntityManager, text: string): SqliteStatement | null {
    if (!this.serialize || !this.preparing) return null;
    let byText = this.prepared.get(manager.connection);
    if (!byText) this.prepared.set(manager.connection, (byText = new Map()));
    let statement = byText.get(text);
    if (!statement) {
      if (byText.size >= MAX_PREPARED) return null;
      statement = sqliteConnectionOf(manager.connection).prepare(text);
      byText.set(text, statement);
    }
    return statement;
  }

  /** Prepared statements must be finalized before the database can be closed; the write connection is this runner's to close. */
  async onModuleDestroy(): Promise<void> {
    this.preparing = false;
    const statements = [...this.prepared.values()].flatMap((byText) => [...byText.values()]);
    this.prepared.clear();
    await Promise.all(statements.map((s) => new Promise<void>((resolve) => s.finalize(() => resolve()))));
    if (this.writer !== this.dataSource && this.writer.isInitialized) await this.writer.destroy();
  }

  /** True while the caller runs inside `transaction()`. */
  get inTransaction(): boolean {
    return this.open.getStore() !== undefined;
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        const group = this.queue.splice(0, MAX_GROUP);
        if (group.length === 1) await this.runAlone(group[0]);
        else await this.runGrouped(group);
      }
    } finally {
      this.draining = false;
    }
  }

  private run(queued: QueuedWork, manager: EntityManager): Promise<unknown> {
    return queued.context.runInAsyncScope(() => this.open.run(manager, () => queued.work(manager)));
  }

  private async runAlone(queued: QueuedWork): Promise<void> {
    try {
      queued.resolve(await this.writer.transaction((manager) => this.run(queued, manager)));
    } catch (error) {
      queued.reject(error);
    }
  }

  private async runGrouped(group: QueuedWork[]): Promise<void> {
    // On SQLite this is the write connection's one query runner, the same one writer.transaction() uses.
    const runner = this.writer.createQueryRunner();
    const done: { queued: QueuedWork; value: unknown }[] = [];
    try {
      await runner.startTransaction();
    } catch (error) {
      for (const queued of group) queued.reject(error);
      return;
    }
    let next = 0;
    let broken: unknown;
    for (; next < group.length && broken === undefined; next++) {
      const queued = group[next];
      try {
        await this.sql(runner.manager, 'SAVEPOINT queued_transaction', []);
      } catch (error) {
        broken = error;
        break;
      }
      let failure: { error: unknown } | undefined;
      let value: unknown;
      try {
        value = await this.run(queued, runner.manager);
      } catch (error) {
        failure = { error };
      }
      try {
        if (failure) await this.sql(runner.manager, 'ROLLBACK TO queued_transaction', []);
        await this.sql(runner.manager, 'RELEASE queued_transaction', []);
      } catch (error) {
        // SQLite ends the whole transaction on some errors (disk full, I/O): the savepoint is gone.
        broken = error;
      }
      if (failure) queued.reject(failure.error);
      else if (broken === undefined) done.push({ queued, value });
      else queued.reject(broken);
    }
    // Not started: they go first in the next round, untouched.
    if (next < group.length) this.queue.unshift(...group.slice(next));
    if (broken !== undefined) {
      await runner.rollbackTransaction().catch(() => undefined);
      for (const { queued } of done) queued.reject(broken);
      return;
    }
    try {
      await runner.commitTransaction();
    } catch (error) {
      await runner.rollbackTransaction().catch(() => undefined);
      for (const { queued } of done) queued.reject(error);
      return;
    }
    for (const { queued, value } of done) queued.resolve(value);
  }
}
