import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What became of one message read from the organizer mailbox:
 * `applied` (the delegate's answer changed to it), `tentative` (recorded; a tentative answer
 * neither takes nor frees a place, so the status stays), `stale` (older than the latest
 * invitation or answer), `unknown_uid` (no conference of ours), `attendee_mismatch` (the
 * ATTENDEE is not a delegate of that conference: a forwarded invitation), `refused` (the
 * delegate can no longer answer: withdrawn, substituted, conference closed), `unsupported` (a
 * PARTSTAT other than accepted, declined, tentative), `unparseable`, `not_a_reply`.
 */
export const CALENDAR_REPLY_OUTCOMES = [
  'applied',
  'tentative',
  'stale',
  'unknown_uid',
  'attendee_mismatch',
  'refused',
  'unsupported',
  'unparseable',
  'not_a_reply',
] as const;
export type CalendarReplyOutcome = (typeof CALENDAR_REPLY_OUTCOMES)[number];

/** Longest Message-ID kept as is; a longer one is kept as its SHA-256. */
export const MESSAGE_KEY_LENGTH = 500;

/** One message of the organizer mailbox, read once (its Message-ID is unique), and what it did. */
@Entity('calendar_replies')
export class CalendarReply {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** The Message-ID header (`<…>`), or `sha256:…` of the message when it has none. */
  @Column({ type: 'varchar', length: MESSAGE_KEY_LENGTH })
  messageId!: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  conferenceId!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  attendeeId!: string | null;

  /** The From address of the message. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  fromAddress!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  subject!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  uid!: string | null;

  /** The ATTENDEE's address (lower case) and CN. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  attendeeEmail!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  attendeeName!: string | null;

  /** ACCEPTED, DECLINED, TENTATIVE … as the client sent it. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  partstat!: string | null;

  @Column({ type: 'integer', nullable: true })
  sequence!: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  dtstamp!: Date | null;

  /** COMMENT, or the text Outlook puts in the body. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  comment!: string | null;

  @Column({ type: 'varchar', length: 24 })
  outcome!: CalendarReplyOutcome;

  /** Why, in Vietnamese, for the organizer. */
  @Column({ type: 'varchar', length: 1000 })
  reason!: string;

  @Column({ type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ type: 'timestamptz' })
  processedAt!: Date;
}
