import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../common/pagination';
import { coded } from '../common/validation-messages';
import { IsIsoInstant, IsOmittable, IsText, IsTimeZone } from '../common/validators';
import {
  Conference,
  CONFERENCE_FORMATS,
  CONFERENCE_KINDS,
  CONFERENCE_STATUSES,
  ConferenceFormat,
  ConferenceKind,
  ConferenceStatus,
  CompletionRule,
  RegistrationSettings,
} from './conference.entity';

/** An http(s) address, with a message that keeps the example of what is expected. */
const ONLINE_URL = coded('not_a_url', 'Trường "onlineUrl" phải là địa chỉ web bắt đầu bằng http:// hoặc https://, ví dụ https://hop.example.vn/hoi-nghi.');

const KIND = 'kind of conference: review (sơ kết, tổng kết), training (tập huấn), thematic (chuyên đề), launch (phát động) or other';
const FORMAT = 'how it is held: in_person (trực tiếp), online (trực tuyến, through bridge points) or hybrid (kết hợp)';
const STATUS = 'state: draft → published → ongoing → completed, or cancelled before completed';

export class RegistrationSettingsDto {
  @ApiProperty({ description: 'whether delegates may register themselves on the public registration page (đăng ký tham dự)' })
  @IsBoolean()
  enabled!: boolean;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'registration opens at, ISO 8601 with offset; null: open as soon as the conference is published' })
  @IsOptional()
  @IsIsoInstant()
  opensAt?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'registration closes at, ISO 8601 with offset; null: open while the conference is published or ongoing' })
  @IsOptional()
  @IsIsoInstant()
  closesAt?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, description: 'places for the whole conference; further registrations go to the waiting list; null: no limit' })
  @IsOptional()
  @IsInt()
  @Min(1)
  capacity?: number | null;
}

const MIN_ATTENDANCE =
  'the least share of the sessions (agenda items with attendanceRequired) an attendee must attend, present or late, to complete the ' +
  'training, a whole percent from 1 to 100; 100 (the default) is "tham gia học tập đầy đủ"';
const REQUIRE_EVALUATION =
  'whether the evaluation form (phiếu đánh giá) must also be submitted; evaluations are not collected yet, so while this is true nobody completes';

/** The completion rule as sent: a field left out takes its default on create, and keeps its value on PATCH. */
export class CompletionRuleDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 100, description: MIN_ATTENDANCE })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  minAttendancePercent?: number;

  @ApiPropertyOptional({ default: false, description: REQUIRE_EVALUATION })
  @IsOptional()
  @IsBoolean()
  requireEvaluation?: boolean;
}

export class CreateConferenceDto {
  @ApiProperty({ example: 'Hội nghị toàn quốc sơ kết công tác dân vận 6 tháng đầu năm 2025', description: 'title (tên hội nghị), at most 500 characters' })
  @IsText(500)
  title!: string;

  @ApiProperty({ enum: CONFERENCE_KINDS, description: KIND }) @IsIn(CONFERENCE_KINDS) kind!: ConferenceKind;

  @ApiProperty({ enum: CONFERENCE_FORMATS, description: FORMAT }) @IsIn(CONFERENCE_FORMATS) format!: ConferenceFormat;

  @ApiProperty({ example: '2025-07-15T08:00:00+07:00', description: 'opening time (giờ khai mạc), ISO 8601 with offset' }) @IsIsoInstant() startsAt!: string;

  @ApiProperty({ example: '2025-07-15T11:30:00+07:00', description: 'closing time, ISO 8601 with offset; must be after startsAt' }) @IsIsoInstant() endsAt!: string;

  @ApiPropertyOptional({ default: 'Asia/Ho_Chi_Minh', description: 'IANA time zone that invitations, pages and documents write times in' })
  @IsOptional()
  @IsTimeZone()
  timezone?: string;

  @ApiPropertyOptional({ description: 'purpose and content, plain text, at most 20,000 characters' })
  @IsOptional()
  @IsText(20000, { allowEmpty: true })
  description?: string;

  @ApiPropertyOptional({ example: 'Ban Dân vận Trung ương', description: 'the organizing body (cơ quan chủ trì), at most 300 characters' })
  @IsOptional()
  @IsText(300)
  hostOrganization?: string;

  @ApiPropertyOptional({ description: 'where the main hall is (địa điểm), at most 500 characters' }) @IsOptional() @IsText(500) venue?: string;

  @ApiPropertyOptional({ example: 'https://hop.example.vn/hoi-nghi', description: 'the meeting link for online and hybrid conferences, http(s), at most 2,000 characters' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, ONLINE_URL)
  @MaxLength(2000)
  onlineUrl?: string;

  @ApiPropertyOptional({ description: 'who chairs the conference (người chủ trì), at most 200 characters' }) @IsOptional() @IsText(200) chairName?: string;

  @ApiPropertyOptional({ description: "the chair's position (chức vụ), at most 300 characters" }) @IsOptional() @IsText(300) chairTitle?: string;

  @ApiPropertyOptional({ type: RegistrationSettingsDto, description: 'self-registration settings; off by default' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RegistrationSettingsDto)
  registration?: RegistrationSettingsDto;

  @ApiPropertyOptional({ type: CompletionRuleDto, description: 'when an attendee has completed the training (hoàn thành khóa học); defaults to 100 % of the sessions, no evaluation required' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CompletionRuleDto)
  completionRule?: CompletionRuleDto;
}

/** Only the fields given change; nullable ones are cleared with null. */
export class UpdateConferenceDto {
  @ApiProperty({ description: 'the version read; a stale one answers 409' }) @IsInt() @Min(1) version!: number;

  @ApiPropertyOptional({ description: 'title, at most 500 characters' }) @IsOmittable() @IsText(500) title?: string;
  @ApiPropertyOptional({ enum: CONFERENCE_KINDS, description: KIND }) @IsOmittable() @IsIn(CONFERENCE_KINDS) kind?: ConferenceKind;
  @ApiPropertyOptional({ enum: CONFERENCE_FORMATS, description: FORMAT }) @IsOmittable() @IsIn(CONFERENCE_FORMATS) format?: ConferenceFormat;
  @ApiPropertyOptional({ description: 'opening time, ISO 8601 with offset; moving the start shifts the end (unless given) and the agenda' })
  @IsOmittable()
  @IsIsoInstant()
  startsAt?: string;
  @ApiPropertyOptional({ description: 'closing time, ISO 8601 with offset; every agenda item must still fit (409 otherwise)' })
  @IsOmittable()
  @IsIsoInstant()
  endsAt?: string;
  @ApiPropertyOptional({ description: 'IANA time zone, e.g. Asia/Ho_Chi_Minh' }) @IsOmittable() @IsTimeZone() timezone?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'purpose and content, at most 20,000 characters' })
  @IsOptional()
  @IsText(20000, { allowEmpty: true })
  description?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'the organizing body, at most 300 characters' })
  @IsOptional()
  @IsText(300)
  hostOrganization?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'where the main hall is, at most 500 characters' }) @IsOptional() @IsText(500) venue?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'the meeting link, http(s), at most 2,000 characters' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, ONLINE_URL)
  @MaxLength(2000)
  onlineUrl?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'who chairs the conference, at most 200 characters' }) @IsOptional() @IsText(200) chairName?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: "the chair's position, at most 300 characters" }) @IsOptional() @IsText(300) chairTitle?: string | null;
  @ApiPropertyOptional({ type: RegistrationSettingsDto, description: 'self-registration settings, replaced as a whole' })
  @IsOmittable()
  @ValidateNested()
  @Type(() => RegistrationSettingsDto)
  registration?: RegistrationSettingsDto;
  @ApiPropertyOptional({ type: CompletionRuleDto, description: 'when an attendee has completed the training; the fields given change, the others keep their value' })
  @IsOmittable()
  @ValidateNested()
  @Type(() => CompletionRuleDto)
  completionRule?: CompletionRuleDto;
}

export class TransitionDto {
  @ApiPropertyOptional({ description: 'the version read; a stale one answers 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

/** start and complete: refused too early unless `force` says the organizer means it (audited). */
export class TimedTransitionDto extends TransitionDto {
  @ApiPropertyOptional({
    description:
      'start: allow it more than CHECKIN_OPENS_MINUTES before startsAt; complete: allow it before startsAt. Recorded in the audit trail.',
  })
  @IsOptional()
  @IsBoolean()
  force?: boolean;
}

export class CancelConferenceDto extends TransitionDto {
  @ApiProperty({ example: 'Hoãn do thay đổi lịch công tác của lãnh đạo', description: 'why it is cancelled, written in the cancellation mail to invited delegates; at most 1,000 characters' })
  @IsText(1000)
  reason!: string;
}

export class CloneConferenceDto {
  @ApiProperty({ example: '2026-01-10T08:00:00+07:00', description: 'the new start, ISO 8601 with offset; every time is shifted by the difference' })
  @IsIsoInstant()
  startsAt!: string;

  @ApiPropertyOptional({ description: 'defaults to the original title' }) @IsOptional() @IsText(500) title?: string;
}

export class ConferenceListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CONFERENCE_STATUSES, description: 'only conferences in this state' }) @IsOptional() @IsIn(CONFERENCE_STATUSES) status?: ConferenceStatus;
  @ApiPropertyOptional({ enum: CONFERENCE_KINDS, description: 'only conferences of this kind' }) @IsOptional() @IsIn(CONFERENCE_KINDS) kind?: ConferenceKind;
  @ApiPropertyOptional({ enum: CONFERENCE_FORMATS, description: 'only conferences held this way' }) @IsOptional() @IsIn(CONFERENCE_FORMATS) format?: ConferenceFormat;
  @ApiPropertyOptional({ description: 'starts at or after, ISO 8601 with offset' }) @IsOptional() @IsIsoInstant() from?: string;
  @ApiPropertyOptional({ description: 'starts before, ISO 8601 with offset' }) @IsOptional() @IsIsoInstant() to?: string;
  @ApiPropertyOptional({ description: 'title contains, ignoring diacritics' }) @IsOptional() @IsString() @MaxLength(200) q?: string;
}

/** The registration settings as answered: every field present, null when not set. */
export class RegistrationSettingsResponseDto {
  @ApiProperty({ description: 'whether self-registration is on' }) enabled!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'registration opens at (ISO 8601, UTC); null: open as soon as the conference is published' }) opensAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'registration closes at (ISO 8601, UTC); null: open while the conference is published or ongoing' }) closesAt!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'places for the whole conference; null: no limit' }) capacity!: number | null;
}

/** The completion rule as answered: both fields, the defaults when never set. */
export class CompletionRuleResponseDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 100, description: MIN_ATTENDANCE }) minAttendancePercent!: number;
  @ApiProperty({ description: REQUIRE_EVALUATION }) requireEvaluation!: boolean;
}

export class ConferenceResponseDto {
  @ApiProperty({ format: 'uuid', description: 'UUID of the conference' }) id!: string;
  @ApiProperty({ description: 'title (tên hội nghị)' }) title!: string;
  @ApiProperty({ enum: CONFERENCE_KINDS, description: KIND }) kind!: ConferenceKind;
  @ApiProperty({ enum: CONFERENCE_FORMATS, description: FORMAT }) format!: ConferenceFormat;
  @ApiProperty({ enum: CONFERENCE_STATUSES, description: STATUS }) status!: ConferenceStatus;
  @ApiProperty({ nullable: true, type: String, description: 'purpose and content' }) description!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the organizing body (cơ quan chủ trì)' }) hostOrganization!: string | null;
  @ApiProperty({ format: 'date-time', description: 'opening time, ISO 8601 in UTC' }) startsAt!: string;
  @ApiProperty({ format: 'date-time', description: 'closing time, ISO 8601 in UTC' }) endsAt!: string;
  @ApiProperty({ example: 'Asia/Ho_Chi_Minh', description: 'IANA time zone that pages and documents write times in' }) timezone!: string;
  @ApiProperty({ nullable: true, type: String, description: 'where the main hall is (địa điểm)' }) venue!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the meeting link for online and hybrid conferences' }) onlineUrl!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'who chairs the conference (người chủ trì)' }) chairName!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "the chair's position" }) chairTitle!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'why it was cancelled; null unless cancelled' }) cancelReason!: string | null;
  @ApiProperty({ type: RegistrationSettingsResponseDto, description: 'self-registration settings' }) registration!: RegistrationSettings;
  @ApiProperty({ type: CompletionRuleResponseDto, description: 'when an attendee has completed the training (hoàn thành khóa học)' }) completionRule!: CompletionRule;
  @ApiProperty({ nullable: true, type: String, description: 'UUID of the conference this one was cloned from, if any' }) clonedFromId!: string | null;
  @ApiProperty({ description: 'optimistic-locking version; send it back when changing the conference' }) version!: number;
  @ApiProperty({ description: 'calendar revision (iCalendar SEQUENCE)' }) sequence!: number;
  @ApiProperty({ format: 'date-time', description: 'when it was created, ISO 8601 in UTC' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', description: 'when it last changed, ISO 8601 in UTC' }) updatedAt!: string;
}

export const DEFAULT_REGISTRATION: RegistrationSettings = { enabled: false, opensAt: null, closesAt: null, capacity: null };
/** 'tham gia học tập đầy đủ': every session, no evaluation required. */
export const DEFAULT_COMPLETION_RULE: CompletionRule = { minAttendancePercent: 100, requireEvaluation: false };

export function toConferenceResponse(c: Conference): ConferenceResponseDto {
  return {
    id: c.id,
    title: c.title,
    kind: c.kind,
    format: c.format,
    status: c.status,
    description: c.description,
    hostOrganization: c.hostOrganization,
    startsAt: c.startsAt.toISOString(),
    endsAt: c.endsAt.toISOString(),
    timezone: c.timezone,
    venue: c.venue,
    onlineUrl: c.onlineUrl,
    chairName: c.chairName,
    chairTitle: c.chairTitle,
    cancelReason: c.cancelReason,
    registration: c.registration ?? DEFAULT_REGISTRATION,
    completionRule: { ...DEFAULT_COMPLETION_RULE, ...c.completionRule },
    clonedFromId: c.clonedFromId,
    version: c.version,
    sequence: c.sequence,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}
