import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { IssuedLinkResponseDto } from '../auth/signed-link.dto';
import { PageQueryDto } from '../common/pagination';
import { normalizePhone } from '../common/phone';
import { IsIsoInstant, IsOmittable, IsText } from '../common/validators';
import { PublicAgendaItemDto, PublicConferenceDto } from '../bridge-points/bridge-point.dto';
import {
  Attendee,
  ATTENDEE_ROLES,
  ATTENDEE_SOURCES,
  ATTENDEE_STATUSES,
  AttendeeRole,
  AttendeeSource,
  AttendeeStatus,
} from './attendee.entity';

const toPhone = ({ value }: { value: unknown }) => (typeof value === 'string' ? (normalizePhone(value) ?? value) : value);
const lowerEmail = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);
const PHONE_MESSAGE = '$property must be a Vietnamese phone number, e.g. 0912 345 678';
/**
 * Statuses an organizer may set by hand (invited: a paper invitation, say); attended comes from
 * check-in, waitlisted from registration, substituted from sending a substitute.
 */
const SETTABLE_STATUSES = ['added', 'invited', 'registered', 'accepted', 'declined', 'cancelled'] as const;

/** A person's own details: what a substitute brings too. */
export class PersonDto {
  @ApiProperty({ example: 'Nguyễn Thị Lan' }) @IsText(200) fullName!: string;
  @ApiPropertyOptional({ example: 'Phó Chủ tịch Ủy ban MTTQ tỉnh' }) @IsOptional() @IsText(300) title?: string;
  @ApiPropertyOptional({ example: 'Ủy ban MTTQ Việt Nam tỉnh Bắc Ninh' }) @IsOptional() @IsText(300) organization?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(lowerEmail)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email?: string;
  @ApiPropertyOptional({ example: '0912 345 678' })
  @IsOptional()
  @Transform(toPhone)
  @Matches(/^\+84\d{9,10}$/, { message: PHONE_MESSAGE })
  phone?: string;
}

export class CreateAttendeeDto extends PersonDto {
  @ApiProperty() @IsUUID() bridgePointId!: string;
  @ApiPropertyOptional({ enum: ATTENDEE_ROLES, default: 'delegate' }) @IsOptional() @IsIn(ATTENDEE_ROLES) role?: AttendeeRole;
  @ApiPropertyOptional({ enum: SETTABLE_STATUSES, default: 'added', description: 'added until an invitation is sent' }) @IsOptional() @IsIn(SETTABLE_STATUSES) status?: AttendeeStatus;
  @ApiPropertyOptional() @IsOptional() @IsText(5000, { allowEmpty: true }) notes?: string;
}

export class UpdateAttendeeDto {
  @ApiProperty({ description: 'the version read; a stale one answers 409' }) @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional() @IsOmittable() @IsText(200) fullName?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsText(300) title?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsText(300) organization?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(lowerEmail)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(toPhone)
  @Matches(/^\+84\d{9,10}$/, { message: PHONE_MESSAGE })
  phone?: string | null;
  @ApiPropertyOptional() @IsOmittable() @IsUUID() bridgePointId?: string;
  @ApiPropertyOptional({ enum: ATTENDEE_ROLES }) @IsOmittable() @IsIn(ATTENDEE_ROLES) role?: AttendeeRole;
  @ApiPropertyOptional({ enum: SETTABLE_STATUSES }) @IsOmittable() @IsIn(SETTABLE_STATUSES) status?: AttendeeStatus;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsText(5000, { allowEmpty: true }) notes?: string | null;
}

export class AttendeeListQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() bridgePointId?: string;
  @ApiPropertyOptional({ enum: ATTENDEE_ROLES }) @IsOptional() @IsIn(ATTENDEE_ROLES) role?: AttendeeRole;
  @ApiPropertyOptional({ enum: ATTENDEE_STATUSES }) @IsOptional() @IsIn(ATTENDEE_STATUSES) status?: AttendeeStatus;
  @ApiPropertyOptional({ description: 'name, organization or title contains, ignoring diacritics' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

/** A check-in; `force` checks in someone who declined (organizers only, audited). */
export class CheckInDto {
  @ApiPropertyOptional({ description: 'check in an attendee who declined the invitation (organizers and admins only; audited)' })
  @IsOptional()
  @IsBoolean()
  force?: boolean;
}

export class CheckInBatchDto extends CheckInDto {
  @ApiProperty({ type: [String], example: ['K7Q4ZP', 'M3X9RT'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @IsString({ each: true })
  @MaxLength(20, { each: true })
  codes!: string[];
}

export class DeclineRsvpDto {
  @ApiProperty({ example: 'Bận công tác đột xuất' }) @IsText(1000) reason!: string;
}

export class IssueRsvpLinkDto {
  @ApiPropertyOptional({ description: 'defaults to 30 days after the conference ends (or from now, if later)' })
  @IsOptional()
  @IsIsoInstant()
  expiresAt?: string;
}

export class AttendeeResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() conferenceId!: string;
  @ApiProperty() bridgePointId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ nullable: true, type: String }) title!: string | null;
  @ApiProperty({ nullable: true, type: String }) organization!: string | null;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ enum: ATTENDEE_ROLES }) role!: AttendeeRole;
  @ApiProperty({ enum: ATTENDEE_STATUSES }) status!: AttendeeStatus;
  @ApiProperty({ enum: ATTENDEE_SOURCES }) source!: AttendeeSource;
  @ApiProperty({ example: 'K7Q4ZP' }) code!: string;
  @ApiProperty({ nullable: true, type: String }) notes!: string | null;
  @ApiProperty({ nullable: true, type: String }) declineReason!: string | null;
  @ApiProperty({ nullable: true, type: Number }) waitlistPosition!: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) checkedInAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'for a substitute (người đi thay): the attendee they stand in for' })
  substituteForId!: string | null;
  @ApiProperty() version!: number;
}

/** A check-in's answer: the attendee, and whether they had checked in before. */
export class CheckInResultDto extends AttendeeResponseDto {
  @ApiProperty({ description: 'true when the attendee had already checked in; checkedInAt is then the first time' })
  alreadyCheckedIn!: boolean;
}

export class CheckInBatchResponseDto {
  @ApiProperty({ type: [CheckInResultDto], description: 'checked in by this request' }) checkedIn!: CheckInResultDto[];
  @ApiProperty({ type: [CheckInResultDto], description: 'checked in before' }) alreadyCheckedIn!: CheckInResultDto[];
  @ApiProperty({ type: [AttendeeResponseDto], description: 'not checked in: they declined the invitation (send force: true to check them in anyway)' })
  declined!: AttendeeResponseDto[];
  @ApiProperty({ type: [String], description: "codes of no attendee of the conference (or of one outside an operator's points)" })
  unknown!: string[];
}

/** An RSVP link for one attendee. */
export class RsvpLinkResponseDto extends IssuedLinkResponseDto {
  @ApiProperty() attendeeId!: string;
}

/** The conference as an invited person sees it through their RSVP link. */
export class RsvpConferenceDto extends PickType(PublicConferenceDto, [
  'id',
  'title',
  'status',
  'startsAt',
  'endsAt',
  'timezone',
  'venue',
  'onlineUrl',
  'hostOrganization',
] as const) {}

export class RsvpBridgePointDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) address!: string | null;
}

/** The substitute as the person who sent them sees them: a name and the code to check in with. */
export class RsvpSubstituteDto {
  @ApiProperty() fullName!: string;
  @ApiProperty({ description: 'the substitute\'s own check-in code' }) code!: string;
}

/** GET /api/public/rsvp/:token: what the delegate is invited to, and where. */
export class RsvpViewResponseDto {
  @ApiProperty({ type: RsvpConferenceDto }) conference!: RsvpConferenceDto;
  @ApiProperty({ type: AttendeeResponseDto }) attendee!: AttendeeResponseDto;
  @ApiProperty({ type: RsvpBridgePointDto, description: 'where the delegate attends' }) bridgePoint!: RsvpBridgePointDto;
  @ApiProperty({ type: [PublicAgendaItemDto], description: 'the programme, in order' }) agenda!: PublicAgendaItemDto[];
  @ApiProperty({ type: RsvpSubstituteDto, nullable: true, description: 'who goes in their place, once the delegate sent a substitute' })
  substitute!: RsvpSubstituteDto | null;
  @ApiProperty({ format: 'date-time' }) linkExpiresAt!: string;
}

export function toAttendeeResponse(a: Attendee): AttendeeResponseDto {
  return {
    id: a.id,
    conferenceId: a.conferenceId,
    bridgePointId: a.bridgePointId,
    fullName: a.fullName,
    title: a.title,
    organization: a.organization,
    email: a.email,
    phone: a.phone,
    role: a.role,
    status: a.status,
    source: a.source,
    code: a.code,
    notes: a.notes,
    declineReason: a.declineReason,
    waitlistPosition: a.waitlistPosition,
    checkedInAt: a.checkedInAt ? a.checkedInAt.toISOString() : null,
    substituteForId: a.substituteForId,
    version: a.version,
  };
}
