import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../common/pagination';
import { CALENDAR_REPLY_OUTCOMES, CalendarReply, CalendarReplyOutcome } from './calendar-reply.entity';

const OUTCOMES_DESCRIBED =
  'applied (the delegate\'s answer changed to it), tentative (recorded; the status stays), stale (older than the latest invitation ' +
  'or the answer already recorded), unknown_uid (no conference of ours), attendee_mismatch (not a delegate of this conference: a ' +
  'forwarded invitation), refused (the delegate can no longer answer), unsupported (an answer other than accepted, declined, ' +
  'tentative), unparseable, not_a_reply';

export class CalendarReplyListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CALENDAR_REPLY_OUTCOMES, description: 'only replies with this outcome' })
  @IsOptional()
  @IsIn(CALENDAR_REPLY_OUTCOMES)
  outcome?: CalendarReplyOutcome;

  @ApiPropertyOptional({ format: 'uuid', description: 'only the replies of this delegate (UUID)' })
  @IsOptional()
  @IsUUID()
  attendeeId?: string;
}

/** One message read from the organizer mailbox and what it did. */
export class CalendarReplyResponseDto {
  @ApiProperty({ format: 'uuid', description: 'UUID of the record' }) id!: string;
  @ApiProperty({ description: 'the Message-ID of the mail (or sha256: of the mail when it has none); each is read once' }) messageId!: string;
  @ApiProperty({ nullable: true, type: String, description: 'UUID of the delegate the reply was applied to or meant for, if one matched' }) attendeeId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'who answered: the ATTENDEE address of the reply' }) attendeeEmail!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'their name as the calendar wrote it (CN)' }) attendeeName!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the From address of the mail' }) from!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the subject of the mail' }) subject!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the answer (PARTSTAT): ACCEPTED, DECLINED, TENTATIVE …' }) partstat!: string | null;
  @ApiProperty({ nullable: true, type: 'integer', description: 'the invitation revision answered (SEQUENCE)' }) sequence!: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'when the person answered (DTSTAMP, ISO 8601, UTC)' }) answeredAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'their comment (COMMENT, or the text Outlook puts in the body); a decline reason' }) comment!: string | null;
  @ApiProperty({ enum: CALENDAR_REPLY_OUTCOMES, description: OUTCOMES_DESCRIBED }) outcome!: CalendarReplyOutcome;
  @ApiProperty({ description: 'why, in Vietnamese' }) reason!: string;
  @ApiProperty({ format: 'date-time', description: 'when the mail arrived in the mailbox (ISO 8601, UTC)' }) receivedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'when it was read and recorded (ISO 8601, UTC)' }) processedAt!: string;
}

export function toCalendarReplyResponse(row: CalendarReply): CalendarReplyResponseDto {
  return {
    id: row.id,
    messageId: row.messageId,
    attendeeId: row.attendeeId,
    attendeeEmail: row.attendeeEmail,
    attendeeName: row.attendeeName,
    from: row.fromAddress,
    subject: row.subject,
    partstat: row.partstat,
    sequence: row.sequence,
    answeredAt: row.dtstamp ? row.dtstamp.toISOString() : null,
    comment: row.comment,
    outcome: row.outcome,
    reason: row.reason,
    receivedAt: row.receivedAt.toISOString(),
    processedAt: row.processedAt.toISOString(),
  };
}
