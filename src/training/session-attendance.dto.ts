import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateIf } from 'class-validator';
import { Attendee } from '../attendees/attendee.entity';
import { PageQueryDto } from '../common/pagination';
import {
  SESSION_ATTENDANCE_METHODS,
  SESSION_ATTENDANCE_STATUSES,
  SessionAttendance,
  SessionAttendanceMethod,
  SessionAttendanceStatus,
} from './session-attendance.entity';

/** At most this many codes in one roll call. */
export const MAX_ROLL_CALL_CODES = 1000;

const STATUS_HELP = 'present (có mặt), late (đi muộn), excused (vắng có phép) or absent (vắng)';
const METHOD_HELP = 'self_code (the person entered the code shown in the hall), roll_call (marked by an organizer or operator) or import (a paper sign-in sheet)';
export const LIST_STATUSES = [...SESSION_ATTENDANCE_STATUSES, 'unmarked'] as const;
export type ListStatus = (typeof LIST_STATUSES)[number];

const lowerCase = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value);

/**
 * POST …/attendance: either a roll call `{ codes }`, or one person's status `{ attendeeId, status, version? }`.
 * The service refuses both at once and neither.
 */
export class MarkAttendanceDto {
  @ApiPropertyOptional({
    type: [String],
    example: ['K7Q4ZP', 'M3X9RT'],
    description: `roll call: check-in codes (mã điểm danh) of the people here, 1 to ${MAX_ROLL_CALL_CODES}; case, spaces and dashes are ignored. Not together with attendeeId`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ROLL_CALL_CODES)
  @IsString({ each: true })
  @MaxLength(20, { each: true })
  codes?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'one person: UUID of the attendee whose status is set (with status). Not together with codes' })
  @IsOptional()
  @Transform(lowerCase)
  @IsUUID('all')
  attendeeId?: string;

  @ApiPropertyOptional({ enum: SESSION_ATTENDANCE_STATUSES, description: `one person: the status to record, ${STATUS_HELP}; required with attendeeId` })
  @ValidateIf((dto: MarkAttendanceDto) => dto.attendeeId !== undefined || dto.status !== undefined)
  @IsIn(SESSION_ATTENDANCE_STATUSES)
  status?: SessionAttendanceStatus;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    description: "one person: the version of their attendance as read (GET …/attendance); required when they are marked already, a stale one answers 409",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class AttendanceListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: LIST_STATUSES, description: `only people with this status, ${STATUS_HELP}, or unmarked (nobody marked them yet)` })
  @IsOptional()
  @IsIn(LIST_STATUSES)
  status?: ListStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'only the people of this bridge point (điểm cầu)' })
  @IsOptional()
  @Transform(lowerCase)
  @IsUUID('all')
  bridgePointId?: string;
}

/** One person's attendance of the session. */
export class SessionAttendanceResponseDto {
  @ApiProperty({ format: 'uuid', description: 'UUID of the session (agenda item)' }) agendaItemId!: string;
  @ApiProperty({ format: 'uuid', description: 'UUID of the attendee' }) attendeeId!: string;
  @ApiProperty({ description: "the attendee's full name" }) fullName!: string;
  @ApiProperty({ nullable: true, type: String, description: "the attendee's title (chức vụ); null when none" }) title!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "the attendee's organization (đơn vị); null when none" }) organization!: string | null;
  @ApiProperty({ example: 'K7Q4ZP', description: "the attendee's check-in code (mã điểm danh)" }) code!: string;
  @ApiProperty({ format: 'uuid', description: 'UUID of their bridge point (điểm cầu)' }) bridgePointId!: string;
  @ApiProperty({ enum: SESSION_ATTENDANCE_STATUSES, nullable: true, description: `${STATUS_HELP}; null: not marked yet` })
  status!: SessionAttendanceStatus | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'when the status was recorded (ISO 8601, UTC); null when not marked' })
  at!: string | null;
  @ApiProperty({ enum: SESSION_ATTENDANCE_METHODS, nullable: true, description: `how: ${METHOD_HELP}; null when not marked` })
  method!: SessionAttendanceMethod | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'the version to send back with the next change of this status; null when not marked' })
  version!: number | null;
}

export class AttendanceTotalsDto {
  @ApiProperty({ type: 'integer', description: 'people marked present (có mặt)' }) present!: number;
  @ApiProperty({ type: 'integer', description: 'people marked late (đi muộn)' }) late!: number;
  @ApiProperty({ type: 'integer', description: 'people marked excused (vắng có phép)' }) excused!: number;
  @ApiProperty({ type: 'integer', description: 'people marked absent (vắng)' }) absent!: number;
  @ApiProperty({ type: 'integer', description: 'people not marked yet' }) unmarked!: number;
}

export class AttendancePageDto {
  @ApiProperty({ type: [SessionAttendanceResponseDto], description: 'one page of the people who hold a place, by name' }) items!: SessionAttendanceResponseDto[];
  @ApiProperty({ type: 'integer', description: 'people matching the filters, on all pages together' }) total!: number;
  @ApiProperty({ type: 'integer', description: 'this page, from 1' }) page!: number;
  @ApiProperty({ type: 'integer', description: 'how many items a page holds' }) pageSize!: number;
  @ApiProperty({ type: AttendanceTotalsDto, description: 'people per status, over every page (the bridge-point filter and the operator scope apply, the status filter does not)' })
  totals!: AttendanceTotalsDto;
}

/** A code of someone who does not hold a place (declined, waitlisted, cancelled, substituted). */
export class RefusedCodeDto {
  @ApiProperty({ example: 'K7Q4ZP', description: 'the code as normalized' }) code!: string;
  @ApiProperty({ format: 'uuid', description: 'UUID of the attendee' }) attendeeId!: string;
  @ApiProperty({ example: 'not_holding_place', description: 'a stable machine code of why they were not marked' }) reason!: string;
  @ApiProperty({ description: 'why, in Vietnamese' }) message!: string;
}

export class RollCallResponseDto {
  @ApiProperty({ type: [SessionAttendanceResponseDto], description: 'marked present or late by this roll call' }) marked!: SessionAttendanceResponseDto[];
  @ApiProperty({ type: [SessionAttendanceResponseDto], description: 'marked present or late before; unchanged' }) alreadyMarked!: SessionAttendanceResponseDto[];
  @ApiProperty({ type: [RefusedCodeDto], description: 'codes of people who do not hold a place; not marked' }) refused!: RefusedCodeDto[];
  @ApiProperty({ type: [String], description: "codes of nobody in the conference (or of someone outside an operator's bridge points)" }) unknown!: string[];
}

export function toSessionAttendanceResponse(agendaItemId: string, attendee: Attendee, mark: SessionAttendance | null | undefined): SessionAttendanceResponseDto {
  return {
    agendaItemId,
    attendeeId: attendee.id,
    fullName: attendee.fullName,
    title: attendee.title,
    organization: attendee.organization,
    code: attendee.code,
    bridgePointId: attendee.bridgePointId,
    status: mark?.status ?? null,
    at: mark ? mark.at.toISOString() : null,
    method: mark?.method ?? null,
    version: mark?.version ?? null,
  };
}

/** GET …/check-in-code: the code the hall screen shows now. */
export class SessionCheckInCodeDto {
  @ApiProperty({ example: 'Q7MZ4K', description: 'the six-character code people enter on their RSVP page to check in to the session' }) code!: string;
  @ApiProperty({ format: 'date-time', description: 'when the screen should show the next one (ISO 8601, UTC); the code is still accepted one period after' })
  expiresAt!: string;
  @ApiProperty({ format: 'date-time', description: "when the session's roll call opens (ISO 8601, UTC): SESSION_ATTENDANCE_OPENS_MINUTES before it starts" })
  opensAt!: string;
  @ApiProperty({ format: 'date-time', description: "when the session's roll call closes: the session's end (ISO 8601, UTC)" }) closesAt!: string;
}

/** POST /api/public/rsvp/:token/sessions/:itemId/check-in. */
export class SelfCheckInDto {
  @ApiProperty({ example: 'Q7MZ4K', description: 'the code shown on the hall screen; case, spaces and dashes are ignored' })
  @IsString()
  @MaxLength(20)
  code!: string;
}

export class SelfCheckInResponseDto extends SessionAttendanceResponseDto {
  @ApiProperty({ description: 'true when the person was marked present or late before; nothing changed' }) alreadyMarked!: boolean;
}
