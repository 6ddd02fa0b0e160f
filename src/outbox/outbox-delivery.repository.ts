import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { columnValue } from '../common/entity-rows';
import { sqlInstant } from '../database/sql-instant';
import { TransactionRunner } from '../database/transaction-runner';
import { OutboxMessage } from './outbox-message.entity';

/** What became of a try that counts: failed for good, to retry later, or not sent (superseded). */
export interface SettledTry {
  status: 'failed' | 'pending' | 'skipped';
  lastError: string | null;
  /** When to try again (only for `pending`). */
  nextAttemptAt?: Date;
}

/**
 * The sending side's writes to the outbox: claiming due rows, and recording what became of each
 * (the mail dispatcher), and putting a failed mail back in line (the delivery API).
 */
@Injectable()
export class OutboxDeliveryRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
  ) {}

  /**
   * Takes up to `limit` due rows: pending ones whose time has come, and `sending` ones whose lease
   * expired; each is marked `sending` until `lockedUntil`, with one attempt more.
   */
  async claimDue(limit: number, now: Date, lockedUntil: Date): Promise<OutboxMessage[]> {
    if (this.dataSource.options.type === 'postgres') {
      // TypeORM answers an UPDATE … RETURNING on PostgreSQL as [rows, affectedCount].
      const [ids]: [{ id: string }[], number] = await this.dataSource.query(
        `UPDATE outbox_messages SET status = 'sending', attempts = attempts + 1, locked_until = $2, updated_at = now()
          WHERE id IN (SELECT id FROM outbox_messages
                        WHERE (status = 'pending' AND next_attempt_at <= $1) OR (status = 'sending' AND locked_until < $1)
                        ORDER BY next_attempt_at, id
                        LIMIT $3
                        FOR UPDATE SKIP LOCKED)
          RETURNING id`,
        [now, lockedUntil, limit],
      );
      return ids.length ? this.dataSource.getRepository(OutboxMessage).findBy({ id: In(ids.map((r) => r.id)) }) : [];
    }
    // An idle worker looks five times a second: a plain read first (in WAL mode it blocks no
    // writer), so that it takes the file's write lock, which an API process beside it waits
    // for, only when there is mail to claim.
    const dueWhere = "(o.status = 'pending' AND o.nextAttemptAt <= :now) OR (o.status = 'sending' AND o.lockedUntil < :now)";
    const anyDue = await this.dataSource.manager
      .createQueryBuilder(OutboxMessage, 'o')
      .select('o.id')
      .where(dueWhere, { now: sqlInstant(this.dataSource.manager, now) })
      .limit(1)
      .getRawOne();
    if (!anyDue) return [];
    // SQLite: one connection and one transaction at a time in this process, and the transaction
    // takes the write lock as it begins (BEGIN IMMEDIATE), so select-then-update is atomic.
    return this.tx.transaction(async (m) => {
      const due = await m
        .createQueryBuilder(OutboxMessage, 'o')
        .where(dueWhere, { now: sqlInstant(m, now) })
        .orderBy('o.nextAttemptAt', 'ASC')
        .addOrderBy('o.id', 'ASC')
        .limit(limit)
        .getMany();
      if (due.length === 0) return [];
      await m
        .createQueryBuilder()
        .update(OutboxMessage)
        .set({ status: 'sending', attempts: () => 'attempts + 1', lockedUntil })
        .whereInIds(due.map((r) => r.id))
        .execute();
      return due.map((r) => ({ ...r, status: 'sending' as const, attempts: r.attempts + 1, lockedUntil }));
    });
  }

  /** The mail server accepted the row's mail: a fixed statement, prepared once on SQLite (sent mails come a few at a time). */
  async markSent(m: EntityManager, id: string, sentAt: Date, messageId: string): Promise<void> {
    await this.tx.sql(
      m,
      "UPDATE outbox_messages SET status = 'sent', sent_at = $1, message_id = $2, last_error = NULL, locked_until = NULL, " +
        'updated_at = CURRENT_TIMESTAMP WHERE id = $3',
      [columnValue(m, OutboxMessage, 'sentAt', sentAt), messageId, id],
    );
  }

  /** A row not tried (or the server was unreachable) goes back to `pending` at once; its claim does not count as an attempt. */
  async putBack(m: EntityManager, row: OutboxMessage, now: Date): Promise<void> {
    await m.update(OutboxMessage, { id: row.id }, { status: 'pending', attempts: row.attempts - 1, lockedUntil: null, nextAttemptAt: now });
  }

  /** Records a try that counts: failed, to retry at `nextAttemptAt`, or skipped. */
  async settle(m: EntityManager, id: string, { status, lastError, nextAttemptAt }: SettledTry): Promise<void> {
    await m.update(OutboxMessage, { id }, { status, lastError, lockedUntil: null, ...(nextAttemptAt && { nextAttemptAt }) });
  }

  /** A failed or skipped row is sent again from scratch: pending now, with no attempts and no error. */
  async retryNow(m: EntityManager, id: string, now: Date): Promise<void> {
    await m.update(OutboxMessage, { id }, { status: 'pending', nextAttemptAt: now, lastError: null, attempts: 0 });
  }
}
