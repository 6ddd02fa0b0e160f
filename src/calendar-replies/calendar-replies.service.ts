import { HttpException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Actor } from '../audit/actor';
import { Attendee } from '../attendees/attendee.entity';
import { AttendeesService } from '../attendees/attendees.service';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { Page, pageOf, skipOf } from '../common/pagination';
import { Conference } from '../conferences/conference.entity';
import { conferenceOrFail } from '../bridge-points/conference-visibility';
import { TransactionRunner } from '../database/transaction-runner';
import { ReadMessage, readReplyMessage } from './calendar-reply-message';
import { decideReply, lastAnswerAt } from './calendar-reply-rules';
import { CalendarReply, CalendarReplyOutcome, MESSAGE_KEY_LENGTH } from './calendar-reply.entity';
import { CalendarReplyListQueryDto, CalendarReplyResponseDto, toCalendarReplyResponse } from './calendar-reply.dto';
import { forUpdate } from '../database/row-lock';

/** Who the audit log names for an answer that came as a calendar reply. */
export const CALENDAR_REPLY_ACTOR: Actor = { label: 'calendar reply', userId: null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What became of one message; `duplicate`: it was recorded before (a restart, or another instance took it). */
export interface RecordedMessage {
  outcome: CalendarReplyOutcome;
  duplicate: boolean;
}

/** Calendar replies (iTIP REPLY) from the organizer mailbox: recorded once each, applied to the delegate like the RSVP page. */
@Injectable()
export class CalendarRepliesService {
  constructor(
    @InjectRepository(CalendarReply) private readonly replies: Repository<CalendarReply>,
    private readonly attendees: AttendeesService,
    private readonly calendar: CalendarService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /**
   * Reads one raw message and records what it did, in one transaction with the delegate's
   * change. The row is inserted first: its unique Message-ID makes a second reading (after a
   * restart, or by another instance) a `duplicate` that changes nothing.
   */
  async record(raw: Buffer, receivedAt: Date | null = null): Promise<RecordedMessage> {
    const message = await readReplyMessage(raw);
    const messageKey = clip(message.messageKey, MESSAGE_KEY_LENGTH)!;
    return this.tx.transaction(async (m) => {
      const id = newId();
      const now = this.clock.now();
      await m
        .createQueryBuilder()
        .insert()
        .into(CalendarReply)
        .values({
          id,
          messageId: messageKey,
          conferenceId: null,
          attendeeId: null,
          fromAddress: clip(message.fromAddress, 254),
          subject: clip(message.subject, 300),
          ...(message.reply.kind === 'reply' ? answerColumns(message.reply.answer) : {}),
          outcome: message.reply.kind === 'reply' ? 'unparseable' : message.reply.kind,
          reason: message.reply.kind === 'reply' ? '' : clip(message.reply.reason, 1000)!,
          receivedAt: receivedAt ?? message.date ?? now,
          processedAt: now,
        })
        .orIgnore()
        .updateEntity(false)
        .execute();
      const stored = await m.findOneByOrFail(CalendarReply, { messageId: messageKey });
      if (stored.id !== id) return { outcome: stored.outcome, duplicate: true };
      if (message.reply.kind !== 'reply') return { outcome: message.reply.kind, duplicate: false };
      const outcome = await this.apply(m, id, message.reply.answer);
      return { outcome, duplicate: false };
    });
  }

  async list(conferenceId: string, query: CalendarReplyListQueryDto): Promise<Page<CalendarReplyResponseDto>> {
    await conferenceOrFail(this.replies.manager, conferenceId);
    const found = await this.replies.findAndCount({
      where: {
        conferenceId,
        ...(query.outcome && { outcome: query.outcome }),
        ...(query.attendeeId && { attendeeId: query.attendeeId }),
      },
      order: { receivedAt: 'DESC', id: 'ASC' },
      skip: skipOf(query),
      take: query.pageSize,
    });
    return pageOf(query, found, toCalendarReplyResponse);
  }

  private async apply(m: EntityManager, id: string, answer: Extract<ReadMessage['reply'], { kind: 'reply' }>['answer']): Promise<CalendarReplyOutcome> {
    const conference = await this.conferenceOf(m, answer.uid);
    // Locked on PostgreSQL until the answer is applied, so two replies of one person read by two instances apply in turn
    // and the newer wins (on SQLite writes run one at a time).
    const attendee = conference
      ? await m.findOne(Attendee, { where: { conferenceId: conference.id, email: answer.attendeeEmail }, ...forUpdate(m) })
      : null;
    const lastApplied = attendee
      ? await m.findOne(CalendarReply, { where: { attendeeId: attendee.id, outcome: 'applied' }, order: { processedAt: 'DESC' } })
      : null;
    const decision = decideReply(answer, { conference, attendee, lastAnswerAt: lastAnswerAt(attendee?.respondedAt ?? null, lastApplied) });
    let outcome: CalendarReplyOutcome = decision.outcome === 'apply' ? 'applied' : decision.outcome;
    let reason = decision.reason;
    if (decision.outcome === 'apply') {
      try {
        const reasonGiven = decision.answer === 'declined' ? answer.comment : null;
        await this.attendees.respond(conference!.id, attendee!.id, decision.answer, reasonGiven, CALENDAR_REPLY_ACTOR);
      } catch (error) {
        // The RSVP page's own refusals (withdrawn, substituted, conference closed) are recorded; anything else is retried.
        if (!(error instanceof HttpException)) throw error;
        outcome = 'refused';
        reason = refusalMessage(error);
      }
    }
    await m.update(
      CalendarReply,
      { id },
      { conferenceId: conference?.id ?? null, attendeeId: attendee?.id ?? null, outcome, reason: clip(reason, 1000)!, processedAt: this.clock.now() },
    );
    return outcome;
  }

  /** The conference whose invitations carry this UID (CalendarService makes them), if any. */
  private async conferenceOf(m: EntityManager, uid: string): Promise<Conference | null> {
    const at = uid.lastIndexOf('@');
    const candidate = uid.slice(0, at).toLowerCase();
    if (at < 0 || !UUID.test(candidate)) return null;
    if (this.calendar.conferenceUid(candidate).toLowerCase() !== uid.toLowerCase()) return null;
    return m.findOneBy(Conference, { id: candidate });
  }
}

function answerColumns(answer: Extract<ReadMessage['reply'], { kind: 'reply' }>['answer']): Partial<CalendarReply> {
  return {
    uid: clip(answer.uid, 300),
    attendeeEmail: clip(answer.attendeeEmail, 254),
    attendeeName: clip(answer.attendeeName, 200),
    partstat: clip(answer.partstat, 32),
    // PostgreSQL's integer; a client's absurd SEQUENCE is kept as the largest.
    sequence: Math.min(answer.sequence, 2 ** 31 - 1),
    dtstamp: answer.dtstamp,
    comment: clip(answer.comment, 1000),
  };
}

/**
 * Text from a stranger's mail fitted to its column: PostgreSQL refuses NUL in text and a value
 * longer than its varchar, and a message that can never be stored would be read again forever.
 */
function clip(text: string | null, length: number): string | null {
  if (text === null) return null;
  return [...text.replace(/[^\P{Cc}\t\n\r]/gu, '')].slice(0, length).join('');
}

function refusalMessage(error: HttpException): string {
  const body = error.getResponse();
  const message = typeof body === 'object' && body && 'message' in body ? String((body as { message: unknown }).message) : error.message;
  return message;
}
