import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { AttendeeInvitations } from '../attendees/attendee-invitations';
import { Clock } from '../common/clock';
import { conferenceNotFound, conflict, notFound } from '../common/errors';
import { Page, pageOf, skipOf } from '../common/pagination';
import { assertOpen } from '../conferences/conference-lifecycle';
import { Conference } from '../conferences/conference.entity';
import { TransactionRunner } from '../database/transaction-runner';
import { DeliveryAttempt } from './delivery-attempt.entity';
import { calendarMessages, reachableAttendees } from './invitation-messages';
import {
  DeliveryListQueryDto,
  DeliveryResponseDto,
  QueueInvitationsDto,
  QueueResultDto,
  toDeliveryResponse,
} from './mail.dto';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxService } from './outbox.service';

const deliveryNotFound = (deliveryId: string) =>
  notFound('deliveryId', 'delivery_not_found', `Không tìm thấy thư ${deliveryId} trong hội nghị này.`);

/** Queueing invitations and reading the delivery log of a conference. */
@Injectable()
export class DeliveriesService {
  constructor(
    @InjectRepository(OutboxMessage) private readonly messages: Repository<OutboxMessage>,
    @InjectRepository(DeliveryAttempt) private readonly attempts: Repository<DeliveryAttempt>,
    @InjectRepository(Conference) private readonly conferences: Repository<Conference>,
    private readonly outbox: OutboxService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly invitations: AttendeeInvitations,
  ) {}

  /** Queues invitations (giấy mời) for all reachable attendees, those not invited yet, or a list. */
  async queueInvitations(conferenceId: string, dto: QueueInvitationsDto): Promise<QueueResultDto> {
    return this.tx.transaction(async (m) => {
      const conference = await m.findOneBy(Conference, { id: conferenceId });
      if (!conference) throw conferenceNotFound();
      assertOpen(conference);
      if (conference.status === 'draft') {
        throw conflict('status', 'not_published', 'Hội nghị còn là bản nháp; hãy công bố hội nghị trước khi gửi giấy mời.');
      }
      let attendees = await reachableAttendees(m, conferenceId, dto.scope === 'ids' ? dto.ids : undefined);
      if (dto.scope === 'not_invited') attendees = attendees.filter((a) => a.invitedAt === null);
      const withEmail = attendees.filter((a) => a.email);
      const queued = await this.outbox.enqueue(m, calendarMessages(conference, withEmail, 'invitation'));
      const now = this.clock.now();
      await this.invitations.markQueued(m, withEmail.filter((a) => a.invitedAt === null).map((a) => a.id), now);
      const withoutEmail = attendees.length - withEmail.length;
      return { queued, alreadyQueued: withEmail.length - queued, withoutEmail };
    });
  }

  async list(conferenceId: string, query: DeliveryListQueryDto): Promise<Page<DeliveryResponseDto>> {
    await this.conferenceOrFail(conferenceId);
    const found = await this.messages.findAndCount({
      where: {
        conferenceId,
        ...(query.status && { status: query.status }),
        ...(query.kind && { kind: query.kind }),
        ...(query.attendeeId && { attendeeId: query.attendeeId }),
      },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: skipOf(query),
      take: query.pageSize,
    });
    return pageOf(query, found, toDeliveryResponse);
  }

  async get(conferenceId: string, deliveryId: string): Promise<DeliveryResponseDto> {
    const row = await this.messages.findOneBy({ id: deliveryId, conferenceId });
    if (!row) throw deliveryNotFound(deliveryId);
    const log = await this.attempts.find({ where: { messageId: deliveryId }, order: { attempt: 'ASC', at: 'ASC' } });
    return {
      ...toDeliveryResponse(row),
      log: log.map((a) => ({ attempt: a.attempt, at: a.at.toISOString(), outcome: a.outcome, error: a.error, durationMs: a.durationMs })),
    };
  }

  /** Sends one message again: a failed one is retried; a sent one is queued anew (once per request). */
  async resend(conferenceId: string, deliveryId: string): Promise<DeliveryResponseDto> {
    const id = await this.tx.transaction(async (m) => {
      const row = await m.findOneBy(OutboxMessage, { id: deliveryId, conferenceId });
      if (!row) throw deliveryNotFound(deliveryId);
      if (row.status === 'pending' || row.status === 'sending') {
        throw conflict(
          'status',
          'delivery_in_progress',
          `Thư này ${row.status === 'pending' ? 'đang chờ gửi' : 'đang được gửi'}; chưa thể gửi lại.`,
        );
      }
      if (row.status === 'failed' || row.status === 'skipped') {
        await m.update(OutboxMessage, { id: row.id }, { status: 'pending', nextAttemptAt: this.clock.now(), lastError: null, attempts: 0 });
        return row.id;
      }
      const resends = await m.count(OutboxMessage, { where: { conferenceId, attendeeId: row.attendeeId ?? IsNull(), kind: row.kind } });
      await this.outbox.enqueue(m, [
        {
          kind: row.kind,
          conferenceId,
          recipient: row.recipient,
          recipientName: row.recipientName,
          attendeeId: row.attendeeId,
          bridgePointId: row.bridgePointId,
          idempotencyKey: `${row.idempotencyKey}:resend:${resends}`,
          payload: row.payload,
        },
      ]);
      const created = await m.findOneByOrFail(OutboxMessage, { idempotencyKey: `${row.idempotencyKey}:resend:${resends}` });
      return created.id;
    });
    return this.get(conferenceId, id);
  }

  private async conferenceOrFail(conferenceId: string): Promise<void> {
    if (!(await this.conferences.existsBy({ id: conferenceId }))) throw conferenceNotFound();
  }
}
