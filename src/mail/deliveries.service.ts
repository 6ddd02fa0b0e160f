import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Not, In, Repository } from 'typeorm';
import { Attendee } from '../attendees/attendee.entity';
import { AttendeeInvitations } from '../attendees/attendee-invitations';
import { calendarMessages, NOT_TAKING_PART, reachableAttendees } from '../attendees/invitation-messages';
import { Clock } from '../common/clock';
import { conferenceNotFound, conflict, notFound } from '../common/errors';
import { Page, pageOf, skipOf } from '../common/pagination';
import { assertOpen } from '../conferences/conference-lifecycle';
import { Conference } from '../conferences/conference.entity';
import { TransactionRunner } from '../database/transaction-runner';
import { OutboxDeliveryRepository } from '../outbox/outbox-delivery.repository';
import { DELIVERY_STATUSES, DeliveryStatus, MessageKind, OutboxMessage } from '../outbox/outbox-message.entity';
import { OutboxService } from '../outbox/outbox.service';
import { DeliveryAttempt } from './delivery-attempt.entity';
import {
  DeliveryListQueryDto,
  DeliveryResponseDto,
  QueueInvitationsDto,
  QueueResultDto,
  toDeliveryResponse,
} from './mail.dto';

const deliveryNotFound = (deliveryId: string) =>
  notFound('deliveryId', 'delivery_not_found', `Không tìm thấy thư ${deliveryId} trong hội nghị này.`);

/** Queueing invitations and reading the delivery log of a conference. */
@Injectable()
export class DeliveriesService {
  constructor(
    @InjectRepository(OutboxMessage) private readonly messages: Repository<OutboxMessage>,
    @InjectRepository(DeliveryAttempt) private readonly attempts: Repository<DeliveryAttempt>,
    @InjectRepository(Conference) private readonly conferences: Repository<Conference>,
    @InjectRepository(Attendee) private readonly attendees: Repository<Attendee>,
    private readonly outbox: OutboxService,
    private readonly outboxRows: OutboxDeliveryRepository,
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

  async list(conferenceId: string, query: DeliveryListQueryDto, options: { failedFirst?: boolean } = {}): Promise<Page<DeliveryResponseDto>> {
    await this.conferenceOrFail(conferenceId);
    if (options.failedFirst) return this.failedFirst(conferenceId, query);
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

  /** The delivery log with the failed mails first (the console's log), then latest first. */
  private async failedFirst(conferenceId: string, query: DeliveryListQueryDto): Promise<Page<DeliveryResponseDto>> {
    const qb = this.messages
      .createQueryBuilder('m')
      .where('m.conferenceId = :conferenceId', { conferenceId })
      .orderBy("CASE WHEN m.status = 'failed' THEN 0 ELSE 1 END", 'ASC')
      .addOrderBy('m.createdAt', 'DESC')
      .addOrderBy('m.id', 'ASC')
      .offset(skipOf(query))
      .limit(query.pageSize);
    if (query.status) qb.andWhere('m.status = :status', { status: query.status });
    if (query.kind) qb.andWhere('m.kind = :kind', { kind: query.kind });
    if (query.attendeeId) qb.andWhere('m.attendeeId = :attendeeId', { attendeeId: query.attendeeId });
    return pageOf(query, await qb.getManyAndCount(), toDeliveryResponse);
  }

  /** How many of a conference's mails (of one kind, or all) are in each state: one grouped query. */
  async statusCounts(conferenceId: string, kind?: MessageKind): Promise<Record<DeliveryStatus, number>> {
    await this.conferenceOrFail(conferenceId);
    const qb = this.messages
      .createQueryBuilder('m')
      .select('m.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .where('m.conferenceId = :conferenceId', { conferenceId })
      .groupBy('m.status');
    if (kind) qb.andWhere('m.kind = :kind', { kind });
    const counts = Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, 0])) as Record<DeliveryStatus, number>;
    for (const row of await qb.getRawMany<{ status: DeliveryStatus; count: string | number }>()) counts[row.status] = Number(row.count);
    return counts;
  }

  /** Who an invitation can go to: delegates taking part, those of them with an email, and those not invited yet. */
  async invitationCounts(conferenceId: string): Promise<{ takingPart: number; withEmail: number; notInvited: number }> {
    await this.conferenceOrFail(conferenceId);
    const row = await this.attendees
      .createQueryBuilder('a')
      .select('COUNT(*)', 'takingPart')
      .addSelect('COUNT(a.email)', 'withEmail')
      .addSelect('SUM(CASE WHEN a.email IS NOT NULL AND a.invitedAt IS NULL THEN 1 ELSE 0 END)', 'notInvited')
      .where({ conferenceId, status: Not(In(NOT_TAKING_PART)) })
      .getRawOne<{ takingPart: string | number; withEmail: string | number; notInvited: string | number | null }>();
    return { takingPart: Number(row?.takingPart ?? 0), withEmail: Number(row?.withEmail ?? 0), notInvited: Number(row?.notInvited ?? 0) };
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
        await this.outboxRows.retryNow(m, row.id, this.clock.now());
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
