import { EntityManager, In, IsNull, Not } from 'typeorm';
import { Conference } from '../conferences/conference.entity';
import { MessageKind } from '../outbox/outbox-message.entity';
import { NewMessage } from '../outbox/outbox.service';
import { Attendee } from './attendee.entity';

/** Attendees who still take part (calendar mail goes to those of them with an email). */
export const NOT_TAKING_PART = ['cancelled', 'declined', 'waitlisted', 'substituted'];
const TAKING_PART = { status: Not(In(NOT_TAKING_PART)) };

/** What queueing a calendar mail reads of a delegate (not whole rows: a conference may have tens of thousands). */
export type MailedAttendee = Pick<Attendee, 'id' | 'email' | 'fullName' | 'invitedAt'>;
const MAILED = { id: true, email: true, fullName: true, invitedAt: true } as const;

/** One calendar message per attendee, keyed by attendee, kind and calendar revision. */
export function calendarMessages(conference: Conference, attendees: Pick<Attendee, 'id' | 'email' | 'fullName'>[], kind: MessageKind): NewMessage[] {
  return attendees
    .filter((a) => a.email)
    .map((a) => ({
      kind,
      conferenceId: conference.id,
      recipient: a.email!,
      recipientName: a.fullName,
      attendeeId: a.id,
      idempotencyKey: `${kind}:${a.id}:${conference.sequence}`,
      payload: { sequence: conference.sequence },
    }));
}

/** Attendees who were already invited and should hear about a change or a cancellation. */
export function invitedAttendees(m: EntityManager, conferenceId: string): Promise<MailedAttendee[]> {
  return m.find(Attendee, { select: MAILED, where: { conferenceId, invitedAt: Not(IsNull()), email: Not(IsNull()), ...TAKING_PART } });
}

/** Attendees who still take part (of `ids`, when given): those an invitation may go to. */
export function reachableAttendees(m: EntityManager, conferenceId: string, ids?: string[]): Promise<MailedAttendee[]> {
  return m.find(Attendee, { select: MAILED, where: { conferenceId, ...TAKING_PART, ...(ids && { id: In(ids) }) } });
}
