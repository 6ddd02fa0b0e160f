import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { MessageKind, OutboxMessage } from './outbox-message.entity';

export interface NewMessage {
  kind: MessageKind;
  conferenceId: string | null;
  recipient: string;
  recipientName?: string | null;
  attendeeId?: string | null;
  bridgePointId?: string | null;
  idempotencyKey: string;
  payload?: Record<string, unknown> | null;
  /** Not sent before this time (default: at once); a mail that waits can take in more before it goes. */
  notBefore?: Date;
}

/** Whom a message still waiting to be sent is for. */
export interface PendingRecipient {
  bridgePointId: string | null;
  attendeeId: string | null;
}

const CHUNK = 300;

/**
 * Records emails to send. Called inside the transaction of the change that causes them, so a
 * mail exists exactly when its cause was committed; nothing talks SMTP here. A message whose
 * idempotency key is already in the outbox is not queued again.
 */
@Injectable()
export class OutboxService {
  constructor(private readonly clock: Clock) {}

  /** Queues messages; answers how many were new. */
  async enqueue(m: EntityManager, messages: NewMessage[]): Promise<number> {
    const unique = [...new Map(messages.map((msg) => [msg.idempotencyKey, msg])).values()];
    let queued = 0;
    const now = this.clock.now();
    for (let i = 0; i < unique.length; i += CHUNK) {
      const chunk = unique.slice(i, i + CHUNK);
      const existing = new Set(
        (
          await m.find(OutboxMessage, {
            select: { idempotencyKey: true },
            where: { idempotencyKey: In(chunk.map((msg) => msg.idempotencyKey)) },
          })
        ).map((row) => row.idempotencyKey),
      );
      const rows = chunk
        .filter((msg) => !existing.has(msg.idempotencyKey))
        .map((msg) => ({
          id: newId(),
          kind: msg.kind,
          conferenceId: msg.conferenceId,
          recipient: msg.recipient.toLowerCase(),
          recipientName: msg.recipientName ?? null,
          attendeeId: msg.attendeeId ?? null,
          bridgePointId: msg.bridgePointId ?? null,
          idempotencyKey: msg.idempotencyKey,
          payload: msg.payload ?? null,
          status: 'pending' as const,
          attempts: 0,
          lastError: null,
          nextAttemptAt: msg.notBefore ?? now,
          lockedUntil: null,
          sentAt: null,
          messageId: null,
        }));
      if (rows.length === 0) continue;
      await m.createQueryBuilder().insert().into(OutboxMessage).values(rows as QueryDeepPartialEntity<OutboxMessage>[]).orIgnore().updateEntity(false).execute();
      queued += rows.length;
    }
    return queued;
  }

  /**
   * The recipients of a conference's messages of `kind` not yet taken for sending (optionally only
   * those whose idempotency key starts with `keyPrefix`): such a message is composed when it goes,
   * so it can still cover what happened since it was queued.
   */
  async pending(m: EntityManager, kind: MessageKind, conferenceId: string, keyPrefix?: string): Promise<PendingRecipient[]> {
    const query = m
      .createQueryBuilder(OutboxMessage, 'o')
      .select(['o.bridgePointId', 'o.attendeeId'])
      .where("o.kind = :kind AND o.conferenceId = :conferenceId AND o.status = 'pending'", { kind, conferenceId });
    if (keyPrefix) query.andWhere("o.idempotencyKey LIKE :prefix ESCAPE '\\'", { prefix: `${keyPrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    return (await query.getMany()).map((o) => ({ bridgePointId: o.bridgePointId, attendeeId: o.attendeeId }));
  }
}
