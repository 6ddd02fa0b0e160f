import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsIsoInstant } from '../common/validators';

export class ConferenceCalendarQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'false', description: 'add each agenda item (except breaks) as its own event' })
  @IsOptional()
  @IsIn(['true', 'false'])
  agenda?: 'true' | 'false';
}

export class InviteQueryDto {
  @ApiPropertyOptional({ description: 'add a reminder (VALARM) this many minutes before the start', minimum: 1, maximum: 40320 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(40320)
  alarmMinutes?: number;
}

export class IssueCalendarLinkDto {
  @ApiPropertyOptional({ description: 'defaults to a year after the conference ends (or from now, if later)' })
  @IsOptional()
  @IsIsoInstant()
  expiresAt?: string;
}

export class CalendarLinkResponseDto {
  @ApiProperty() attendeeId!: string;
  @ApiProperty({ description: 'shown once; only its hash is stored' }) token!: string;
  @ApiProperty({ example: 'https://hoinghi.example.vn/api/public/calendar/<token>.ics' }) url!: string;
  @ApiProperty({ example: 'webcal://hoinghi.example.vn/api/public/calendar/<token>.ics' }) webcalUrl!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}
