import { LinkOptionsDto } from '../auth/signed-link.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export class ConferenceCalendarQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'false', description: 'add each agenda item (except breaks) as its own event' })
  @IsOptional()
  @IsIn(['true', 'false'])
  agenda?: 'true' | 'false';
}

export class InviteQueryDto {
  @ApiPropertyOptional({ description: 'add a reminder (VALARM) this many minutes before the start: 1 to 40,320 (four weeks); none when absent', minimum: 1, maximum: 40320 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(40320)
  alarmMinutes?: number;
}

/** POST …/attendees/:attendeeId/calendar-link: a feed link (expiry and replacement as every signed link). */
export class IssueCalendarLinkDto extends LinkOptionsDto {}

/** A link to an attendee's personal calendar feed. */
export class CalendarLinkResponseDto {
  @ApiProperty({ description: 'UUID of the attendee the feed is for' }) attendeeId!: string;
  @ApiProperty({ description: 'shown once; only its hash is stored' }) token!: string;
  @ApiProperty({ example: 'https://hoinghi.example.vn/api/public/calendar/<token>.ics', description: 'the feed as an https address (to download or to paste in a calendar app)' })
  url!: string;
  @ApiProperty({ example: 'webcal://hoinghi.example.vn/api/public/calendar/<token>.ics', description: 'the same feed as webcal://, which calendar apps open as a subscription' })
  webcalUrl!: string;
  @ApiProperty({ format: 'date-time', description: 'when the link stops working (ISO 8601, UTC)' }) expiresAt!: string;
}
