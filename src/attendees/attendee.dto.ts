import { LinkOptionsDto } from '../auth/signed-link.dto';
import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { IssuedLinkResponseDto } from '../auth/signed-link.dto';
import { PageQueryDto } from '../common/pagination';
import { normalizePhone } from '../common/phone';
import { coded } from '../common/validation-messages';
import { IsOmittable, IsText } from '../common/validators';
import { PublicAgendaItemDto, PublicConferenceDto } from '../bridge-points/bridge-point.dto';
import { INVITATION_FIELDS } from '../conferences/public-conference';
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
/** A phone number is stored in the +84 form; the message shows the form people write. */
const PHONE_FORMAT = coded('not_a_phone', 'Trường "phone" phải là số điện thoại Việt Nam, ví dụ 0912 345 678.');
/**
 * Statuses an organizer may set by hand (invited: a paper invitation, say); attended comes from
 * check-in, waitlisted from registration, substituted from sending a substitute.
 */
const SETTABLE_STATUSES = ['added', 'invited', 'registered', 'accepted', 'declined', 'cancelled'] as const;

const ROLE_TEXT =
  'delegate (đại biểu), guest (khách mời), speaker (báo cáo viên), chair (chủ trì), organizer (Ban Tổ chức) or press (báo chí)';
const STATUS_TEXT =
  'added (on the list, no invitation sent yet), invited, registered (self-registered), waitlisted (danh sách chờ), accepted, ' +
  'declined, cancelled, attended (checked in) or substituted (sent a substitute, người đi thay)';
const PHONE_TEXT = 'a Vietnamese phone number, written as people do (0912 345 678, +84 912 345 678) and stored in the +84 form';

/** A person's own details: what a substitute brings too. */
export class PersonDto {
  @ApiProperty({ example: 'Nguyễn Thị Lan', description: 'full name (họ và tên), at most 200 characters' })
  @IsText(200)
  fullName!: string;

  @ApiPropertyOptional({ example: 'Phó Chủ tịch Ủy ban MTTQ tỉnh', description: 'position (chức vụ), at most 300 characters' })
  @IsOptional()
  @IsText(300)
  title?: string;

  @ApiPropertyOptional({ example: 'Ủy ban MTTQ Việt Nam tỉnh Bắc Ninh', description: 'organization (đơn vị công tác), at most 300 characters' })
  @IsOptional()
  @IsText(300)
  organization?: string;

  @ApiPropertyOptional({
    example: 'lan.nt@bacninh.gov.vn',
    description: 'email address (stored in lower case), unique among the delegates of a conference; invitations and updates are sent there',
  })
  @IsOptional()
  @Transform(lowerEmail)
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: '0912 345 678', description: PHONE_TEXT })
  @IsOptional()
  @Transform(toPhone)
  @Matches(/^\+84\d{9,10}$/, PHONE_FORMAT)
  phone?: string;
}

export class CreateAttendeeDto extends PersonDto {
  @ApiProperty({ description: 'UUID of the bridge point (điểm cầu) of this conference the person attends at; an operator may name only their own points' })
  @IsUUID()
  bridgePointId!: string;

  @ApiPropertyOptional({ enum: ATTENDEE_ROLES, default: 'delegate', description: `role at the conference: ${ROLE_TEXT}` })
  @IsOptional()
  @IsIn(ATTENDEE_ROLES)
  role?: AttendeeRole;

  @ApiPropertyOptional({
    enum: SETTABLE_STATUSES,
    default: 'added',
    description: 'status to start from; added until an invitation is sent (invited, say, for a paper invitation already handed over)',
  })
  @IsOptional()
  @IsIn(SETTABLE_STATUSES)
  status?: AttendeeStatus;

  @ApiPropertyOptional({ description: 'notes (ghi chú) for the organizers, at most 5,000 characters; line breaks are kept' })
  @IsOptional()
  @IsText(5000, { allowEmpty: true })
  notes?: string;
}

/** A change to an attendee: only the fields sent change; null clears an optional field. */
export class UpdateAttendeeDto {
  @ApiProperty({ description: 'the version read; a stale one answers 409' }) @IsInt() @Min(1) version!: number;

  @ApiPropertyOptional({ description: 'full name (họ và tên), at most 200 characters; cannot be cleared' })
  @IsOmittable()
  @IsText(200)
  fullName?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'position (chức vụ), at most 300 characters; null clears it' })
  @IsOptional()
  @IsText(300)
  title?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'organization (đơn vị công tác), at most 300 characters; null clears it' })
  @IsOptional()
  @IsText(300)
  organization?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'email address (stored in lower case), unique among the delegates of the conference; null clears it',
  })
  @IsOptional()
  @Transform(lowerEmail)
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '0912 345 678', description: `${PHONE_TEXT}; null clears it` })
  @IsOptional()
  @Transform(toPhone)
  @Matches(/^\+84\d{9,10}$/, PHONE_FORMAT)
  phone?: string | null;

  @ApiPropertyOptional({ description: 'UUID of another bridge point (điểm cầu) of this conference; an operator may name only their own points' })
  @IsOmittable()
  @IsUUID()
  bridgePointId?: string;

  @ApiPropertyOptional({ enum: ATTENDEE_ROLES, description: `role at the conference: ${ROLE_TEXT}` })
  @IsOmittable()
  @IsIn(ATTENDEE_ROLES)
  role?: AttendeeRole;

  @ApiPropertyOptional({
    enum: SETTABLE_STATUSES,
    description: 'status set by hand; attended comes from check-in, waitlisted from registration, substituted from the RSVP page',
  })
  @IsOmittable()
  @IsIn(SETTABLE_STATUSES)
  status?: AttendeeStatus;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'notes (ghi chú) for the organizers, at most 5,000 characters; null clears them' })
  @IsOptional()
  @IsText(5000, { allowEmpty: true })
  notes?: string | null;
}

/** `?bridgePointId=&role=&status=&q=` on top of the page. */
export class AttendeeListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'only the attendees of this bridge point (điểm cầu): its UUID' })
  @IsOptional()
  @IsUUID()
  bridgePointId?: string;

  @ApiPropertyOptional({ enum: ATTENDEE_ROLES, description: `only attendees with this role: ${ROLE_TEXT}` })
  @IsOptional()
  @IsIn(ATTENDEE_ROLES)
  role?: AttendeeRole;

  @ApiPropertyOptional({ enum: ATTENDEE_STATUSES, description: `only attendees in this status: ${STATUS_TEXT}` })
  @IsOptional()
  @IsIn(ATTENDEE_STATUSES)
  status?: AttendeeStatus;

  @ApiPropertyOptional({ description: 'name, organization or title contains, ignoring case and diacritics ("nguyen van an" finds "Nguyễn Văn An"); at most 200 characters' })
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
  @ApiProperty({
    type: [String],
    example: ['K7Q4ZP', 'M3X9RT'],
    description: 'check-in codes (mã điểm danh), 1 to 5,000; case, spaces and dashes are ignored ("k7q-4zp" is K7Q4ZP)',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @IsString({ each: true })
  @MaxLength(20, { each: true })
  codes!: string[];
}

export class DeclineRsvpDto {
  @ApiProperty({ example: 'Bận công tác đột xuất', description: 'why the person cannot attend (lý do), at most 1,000 characters; shown to the organizers' })
  @IsText(1000)
  reason!: string;
}

/** POST …/attendees/:attendeeId/links: an RSVP link (expiry and replacement as every signed link). */
export class IssueRsvpLinkDto extends LinkOptionsDto {}

export class AttendeeResponseDto {
  @ApiProperty({ description: 'UUID of the attendee' }) id!: string;
  @ApiProperty({ description: 'UUID of the conference (hội nghị)' }) conferenceId!: string;
  @ApiProperty({ description: 'UUID of the bridge point (điểm cầu) the person attends at' }) bridgePointId!: string;
  @ApiProperty({ description: 'full name (họ và tên)' }) fullName!: string;
  @ApiProperty({ nullable: true, type: String, description: 'position (chức vụ)' }) title!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'organization (đơn vị công tác)' }) organization!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'email address, in lower case' }) email!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '+84912345678', description: 'phone number in the +84 form' }) phone!: string | null;
  @ApiProperty({ enum: ATTENDEE_ROLES, description: `role at the conference: ${ROLE_TEXT}` }) role!: AttendeeRole;
  @ApiProperty({ enum: ATTENDEE_STATUSES, description: `where the person stands: ${STATUS_TEXT}` }) status!: AttendeeStatus;
  @ApiProperty({ enum: ATTENDEE_SOURCES, description: 'how the person came on the list: manual (added by hand), import (a list file) or self (self-registration)' })
  source!: AttendeeSource;
  @ApiProperty({ example: 'K7Q4ZP', description: 'check-in code (mã điểm danh), 6 letters and digits, unique in the conference' }) code!: string;
  @ApiProperty({ nullable: true, type: String, description: 'notes (ghi chú) for the organizers' }) notes!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the reason given when declining the invitation' }) declineReason!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'place on the waiting list (1 is next); null when not waitlisted' })
  waitlistPosition!: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'when the person first checked in (ISO 8601, UTC); null before' })
  checkedInAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'for a substitute (người đi thay): the attendee they stand in for' })
  substituteForId!: string | null;
  @ApiProperty({ description: 'revision number; send it back with a change (PATCH), a stale one answers 409' }) version!: number;
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
  @ApiProperty({ description: 'UUID of the attendee the link is for' }) attendeeId!: string;
}

/** The conference as an invited person sees it through their RSVP link. */
export class RsvpConferenceDto extends PickType(PublicConferenceDto, INVITATION_FIELDS) {}

export class RsvpBridgePointDto {
  @ApiProperty({ description: 'UUID of the bridge point (điểm cầu)' }) id!: string;
  @ApiProperty({ description: 'its name, e.g. Điểm cầu tỉnh Bắc Ninh' }) name!: string;
  @ApiProperty({ nullable: true, type: String, description: 'where it is; null when not given' }) address!: string | null;
}

/** The substitute as the person who sent them sees them: a name and the code to check in with. */
export class RsvpSubstituteDto {
  @ApiProperty({ description: 'full name of the substitute (người đi thay)' }) fullName!: string;
  @ApiProperty({ description: 'the substitute\'s own check-in code' }) code!: string;
}

/** GET /api/public/rsvp/:token: what the delegate is invited to, and where. */
export class RsvpViewResponseDto {
  @ApiProperty({ type: RsvpConferenceDto, description: 'the conference the person is invited to' }) conference!: RsvpConferenceDto;
  @ApiProperty({ type: AttendeeResponseDto, description: 'the person as on the list, with their answer so far' }) attendee!: AttendeeResponseDto;
  @ApiProperty({ type: RsvpBridgePointDto, description: 'where the delegate attends' }) bridgePoint!: RsvpBridgePointDto;
  @ApiProperty({ type: [PublicAgendaItemDto], description: 'the programme, in order' }) agenda!: PublicAgendaItemDto[];
  @ApiProperty({ type: RsvpSubstituteDto, nullable: true, description: 'who goes in their place, once the delegate sent a substitute' })
  substitute!: RsvpSubstituteDto | null;
  @ApiProperty({ format: 'date-time', description: 'when the RSVP link stops working (ISO 8601, UTC)' }) linkExpiresAt!: string;
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
