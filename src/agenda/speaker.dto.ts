import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsInt, IsOptional, IsString, Matches, MaxLength, Min, ValidateIf } from 'class-validator';
import { CONFERENCE_STATUSES, ConferenceStatus } from '../conferences/conference.entity';
import { PageQueryDto } from '../common/pagination';
import { coded } from '../common/validation-messages';
import { normalizePhone } from '../common/phone';
import { IsText } from '../common/validators';
import { AGENDA_ITEM_KINDS, AgendaItemKind } from './agenda-item.entity';
import { Speaker } from './speaker.entity';

/** A phone in any usual Vietnamese writing, stored as +84…; an unreadable one stays as is and fails @Matches. */
const toPhone = ({ value }: { value: unknown }) => (typeof value === 'string' ? (normalizePhone(value) ?? value) : value);
const lowerEmail = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);
const phoneMessage = () => coded('not_a_phone', 'Trường "phone" phải là số điện thoại Việt Nam, ví dụ 0912 345 678.');

export class CreateSpeakerDto {
  @ApiProperty({ example: 'PGS.TS Nguyễn Văn An', description: 'the full name with academic titles as the programme shows it, at most 200 characters' })
  @IsText(200)
  fullName!: string;

  @ApiPropertyOptional({ example: 'Phó Trưởng Ban Dân vận Trung ương', description: 'the position (chức vụ), at most 300 characters' })
  @IsOptional()
  @IsText(300)
  title?: string;

  @ApiPropertyOptional({ example: 'Ban Dân vận Trung ương', description: 'the organization (cơ quan, đơn vị), at most 300 characters' })
  @IsOptional()
  @IsText(300)
  organization?: string;

  @ApiPropertyOptional({ example: 'nguyen.van.an@dvtw.vn', description: 'an email address, stored lower-case' })
  @IsOptional()
  @Transform(lowerEmail)
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: '0912 345 678', description: 'a Vietnamese phone number in any usual writing (0912 345 678, +84 912 345 678); stored in +84 form' })
  @IsOptional()
  @Transform(toPhone)
  @IsString()
  @Matches(/^\+84\d{9,10}$/, phoneMessage())
  phone?: string;

  @ApiPropertyOptional({ description: 'a short biography, at most 20,000 characters; may be empty' })
  @IsOptional()
  @IsText(20000, { allowEmpty: true })
  bio?: string;
}

/** Every field but fullName may be cleared with null. */
export class UpdateSpeakerDto {
  @ApiProperty({ description: 'the version read; a stale one answers 409' }) @IsInt() @Min(1) version!: number;

  @ApiPropertyOptional({ description: 'the new full name, at most 200 characters; may not be null' })
  @ValidateIf((_dto, value) => value !== undefined)
  @IsText(200)
  fullName?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'the new position (chức vụ); null clears it' })
  @IsOptional()
  @IsText(300)
  title?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'the new organization (cơ quan, đơn vị); null clears it' })
  @IsOptional()
  @IsText(300)
  organization?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'the new email address, stored lower-case; null clears it' })
  @IsOptional()
  @Transform(lowerEmail)
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'the new Vietnamese phone number in any usual writing, stored in +84 form; null clears it' })
  @IsOptional()
  @Transform(toPhone)
  @IsString()
  @Matches(/^\+84\d{9,10}$/, phoneMessage())
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'the new biography; null clears it' })
  @IsOptional()
  @IsText(20000, { allowEmpty: true })
  bio?: string | null;
}

export class SpeakerListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'name, title or organization contains this text, ignoring diacritics and case; at most 200 characters' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class SpeakerResponseDto {
  @ApiProperty({ description: 'UUID of the speaker (báo cáo viên)' }) id!: string;
  @ApiProperty({ description: 'the full name with academic titles' }) fullName!: string;
  @ApiProperty({ nullable: true, type: String, description: 'the position (chức vụ); null when not given' }) title!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the organization (cơ quan, đơn vị); null when not given' }) organization!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the email address, lower-case; null when not given' }) email!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the phone number in +84 form; null when not given', example: '+84912345678' })
  phone!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'a short biography; null when not given' }) bio!: string | null;
  @ApiProperty({ type: 'integer', description: 'the version to send back with the next change' }) version!: number;
}

/** One item of a speaker's agenda, across conferences. */
export class SpeakerAgendaItemResponseDto {
  @ApiProperty({ description: 'UUID of the agenda item' }) id!: string;
  @ApiProperty({ description: 'UUID of its conference' }) conferenceId!: string;
  @ApiProperty({ description: "the conference's title" }) conferenceTitle!: string;
  @ApiProperty({ enum: CONFERENCE_STATUSES, description: "the conference's state: draft, published, ongoing, completed or cancelled" })
  conferenceStatus!: ConferenceStatus;
  @ApiProperty({ format: 'date-time', description: 'when the item starts (ISO 8601, UTC)' }) startsAt!: string;
  @ApiProperty({ format: 'date-time', description: 'when the item ends (ISO 8601, UTC)' }) endsAt!: string;
  @ApiProperty({ description: "the item's title" }) title!: string;
  @ApiProperty({ enum: AGENDA_ITEM_KINDS, description: 'the kind of item (opening, report, presentation, discussion, directive, conclusion, award_ceremony, closing, break)' })
  kind!: AgendaItemKind;
}

export function toSpeakerResponse(speaker: Speaker): SpeakerResponseDto {
  return {
    id: speaker.id,
    fullName: speaker.fullName,
    title: speaker.title,
    organization: speaker.organization,
    email: speaker.email,
    phone: speaker.phone,
    bio: speaker.bio,
    version: speaker.version,
  };
}
