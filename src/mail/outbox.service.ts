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
          nextAttemptAt: now,
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
}
