import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../common/pagination';
import { IsIsoInstant, IsOmittable, IsText, IsTimeZone } from '../common/validators';
import {
  Conference,
  CONFERENCE_FORMATS,
  CONFERENCE_KINDS,
  CONFERENCE_STATUSES,
  ConferenceFormat,
  ConferenceKind,
  ConferenceStatus,
  RegistrationSettings,
} from './conference.entity';

export class RegistrationSettingsDto {
  @ApiProperty() @IsBoolean() enabled!: boolean;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) @IsOptional() @IsIsoInstant() opensAt?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) @IsOptional() @IsIsoInstant() closesAt?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1 }) @IsOptional() @IsInt() @Min(1) capacity?: number | null;
}

export class CreateConferenceDto {
  @ApiProperty({ example: 'Hội nghị toàn quốc sơ kết công tác dân vận 6 tháng đầu năm 2025' })
  @IsText(500)
  title!: string;

  @ApiProperty({ enum: CONFERENCE_KINDS }) @IsIn(CONFERENCE_KINDS) kind!: ConferenceKind;

  @ApiProperty({ enum: CONFERENCE_FORMATS }) @IsIn(CONFERENCE_FORMATS) format!: ConferenceFormat;

  @ApiProperty({ example: '2025-07-15T08:00:00+07:00' }) @IsIsoInstant() startsAt!: string;

  @ApiProperty({ example: '2025-07-15T11:30:00+07:00' }) @IsIsoInstant() endsAt!: string;

  @ApiPropertyOptional({ default: 'Asia/Ho_Chi_Minh' }) @IsOptional() @IsTimeZone() timezone?: string;

  @ApiPropertyOptional() @IsOptional() @IsText(20000, { allowEmpty: true }) description?: string;

  @ApiPropertyOptional({ example: 'Ban Dân vận Trung ương' }) @IsOptional() @IsText(300) hostOrganization?: string;

  @ApiPropertyOptional() @IsOptional() @IsText(500) venue?: string;

  @ApiPropertyOptional({ example: 'https://hop.example.vn/hoi-nghi' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'onlineUrl must be an http(s) URL' })
  @MaxLength(2000)
  onlineUrl?: string;

  @ApiPropertyOptional() @IsOptional() @IsText(200) chairName?: string;

  @ApiPropertyOptional() @IsOptional() @IsText(300) chairTitle?: string;

  @ApiPropertyOptional({ type: RegistrationSettingsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RegistrationSettingsDto)
  registration?: RegistrationSettingsDto;
}

export class UpdateConferenceDto {
  @ApiProperty({ description: 'the version read; a stale one answers 409' }) @IsInt() @Min(1) version!: number;

  @ApiPropertyOptional() @IsOmittable() @IsText(500) title?: string;
  @ApiPropertyOptional({ enum: CONFERENCE_KINDS }) @IsOmittable() @IsIn(CONFERENCE_KINDS) kind?: ConferenceKind;
  @ApiPropertyOptional({ enum: CONFERENCE_FORMATS }) @IsOmittable() @IsIn(CONFERENCE_FORMATS) format?: ConferenceFormat;
  @ApiPropertyOptional({ description: 'moving the start shifts the end (unless given) and the agenda' })
  @IsOmittable()
  @IsIsoInstant()
  startsAt?: string;
  @ApiPropertyOptional() @IsOmittable() @IsIsoInstant() endsAt?: string;
  @ApiPropertyOptional() @IsOmittable() @IsTimeZone() timezone?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsText(20000, { allowEmpty: true }) description?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsText(300) hostOrganization?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsText(500) venue?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'onlineUrl must be an http(s) URL' })
  @MaxLength(2000)
  onlineUrl?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsText(200) chairName?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsText(300) chairTitle?: string | null;
  @ApiPropertyOptional({ type: RegistrationSettingsDto })
  @IsOmittable()
  @ValidateNested()
  @Type(() => RegistrationSettingsDto)
  registration?: RegistrationSettingsDto;
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
  @ApiProperty({ example: 'Hoãn do thay đổi lịch công tác của lãnh đạo' }) @IsText(1000) reason!: string;
}

export class CloneConferenceDto {
  @ApiProperty({ example: '2026-01-10T08:00:00+07:00', description: 'the new start; every time is shifted by the difference' })
  @IsIsoInstant()
  startsAt!: string;

  @ApiPropertyOptional({ description: 'defaults to the original title' }) @IsOptional() @IsText(500) title?: string;
}

export class ConferenceListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CONFERENCE_STATUSES }) @IsOptional() @IsIn(CONFERENCE_STATUSES) status?: ConferenceStatus;
  @ApiPropertyOptional({ enum: CONFERENCE_KINDS }) @IsOptional() @IsIn(CONFERENCE_KINDS) kind?: ConferenceKind;
  @ApiPropertyOptional({ enum: CONFERENCE_FORMATS }) @IsOptional() @IsIn(CONFERENCE_FORMATS) format?: ConferenceFormat;
  @ApiPropertyOptional({ description: 'starts at or after' }) @IsOptional() @IsIsoInstant() from?: string;
  @ApiPropertyOptional({ description: 'starts before' }) @IsOptional() @IsIsoInstant() to?: string;
  @ApiPropertyOptional({ description: 'title contains, ignoring diacritics' }) @IsOptional() @IsString() @MaxLength(200) q?: string;
}

/** The registration settings as answered: every field present, null when not set. */
export class RegistrationSettingsResponseDto {
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) opensAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) closesAt!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'places for the whole conference; null: no limit' }) capacity!: number | null;
}

export class ConferenceResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: CONFERENCE_KINDS }) kind!: ConferenceKind;
  @ApiProperty({ enum: CONFERENCE_FORMATS }) format!: ConferenceFormat;
  @ApiProperty({ enum: CONFERENCE_STATUSES }) status!: ConferenceStatus;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ nullable: true, type: String }) hostOrganization!: string | null;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty({ example: 'Asia/Ho_Chi_Minh' }) timezone!: string;
  @ApiProperty({ nullable: true, type: String }) venue!: string | null;
  @ApiProperty({ nullable: true, type: String }) onlineUrl!: string | null;
  @ApiProperty({ nullable: true, type: String }) chairName!: string | null;
  @ApiProperty({ nullable: true, type: String }) chairTitle!: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelReason!: string | null;
  @ApiProperty({ type: RegistrationSettingsResponseDto }) registration!: RegistrationSettings;
  @ApiProperty({ nullable: true, type: String }) clonedFromId!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'calendar revision (iCalendar SEQUENCE)' }) sequence!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export const DEFAULT_REGISTRATION: RegistrationSettings = { enabled: false, opensAt: null, closesAt: null, capacity: null };

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
    clonedFromId: c.clonedFromId,
    version: c.version,
    sequence: c.sequence,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}
