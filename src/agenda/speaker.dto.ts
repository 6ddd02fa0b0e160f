import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsInt, IsOptional, IsString, Matches, MaxLength, Min, ValidateIf } from 'class-validator';
import { CONFERENCE_STATUSES, ConferenceStatus } from '../conferences/conference.entity';
import { PageQueryDto } from '../common/pagination';
import { normalizePhone } from '../common/phone';
import { IsText } from '../common/validators';
import { AGENDA_ITEM_KINDS, AgendaItemKind } from './agenda-item.entity';
import { Speaker } from './speaker.entity';

/** A phone in any usual Vietnamese writing, stored as +84…; an unreadable one stays as is and fails @Matches. */
const toPhone = ({ value }: { value: unknown }) => (typeof value === 'string' ? (normalizePhone(value) ?? value) : value);
const lowerEmail = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);
const PHONE_MESSAGE = 'phone must be a Vietnamese phone number, e.g. 0912 345 678';
const EMAIL_MESSAGE = 'email must be an email address';

export class CreateSpeakerDto {
  @ApiProperty({ example: 'PGS.TS Nguyễn Văn An' }) @IsText(200) fullName!: string;

  @ApiPropertyOptional({ example: 'Phó Trưởng Ban Dân vận Trung ương' }) @IsOptional() @IsText(300) title?: string;

  @ApiPropertyOptional({ example: 'Ban Dân vận Trung ương' }) @IsOptional() @IsText(300) organization?: string;

  @ApiPropertyOptional({ example: 'nguyen.van.an@dvtw.vn' })
  @IsOptional()
  @Transform(lowerEmail)
  @IsEmail({}, { message: EMAIL_MESSAGE })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: '0912 345 678', description: 'stored as +84…' })
  @IsOptional()
  @Transform(toPhone)
  @IsString()
  @Matches(/^\+84\d{9,10}$/, { message: PHONE_MESSAGE })
  phone?: string;

  @ApiPropertyOptional() @IsOptional() @IsText(20000, { allowEmpty: true }) bio?: string;
}

/** Every field but fullName may be cleared with null. */
export class UpdateSpeakerDto {
  @ApiProperty({ description: 'the version read; a stale one answers 409' }) @IsInt() @Min(1) version!: number;

  @ApiPropertyOptional() @ValidateIf((_dto, value) => value !== undefined) @IsText(200) fullName?: string;

  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsText(300) title?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsText(300) organization?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(lowerEmail)
  @IsEmail({}, { message: EMAIL_MESSAGE })
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'stored as +84…' })
  @IsOptional()
  @Transform(toPhone)
  @IsString()
  @Matches(/^\+84\d{9,10}$/, { message: PHONE_MESSAGE })
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsText(20000, { allowEmpty: true }) bio?: string | null;
}

export class SpeakerListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'name, title or organization contains, ignoring diacritics and case' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class SpeakerResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ nullable: true, type: String }) title!: string | null;
  @ApiProperty({ nullable: true, type: String }) organization!: string | null;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ nullable: true, type: String }) bio!: string | null;
  @ApiProperty() version!: number;
}

/** One item of a speaker's agenda, across conferences. */
export class SpeakerAgendaItemResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() conferenceId!: string;
  @ApiProperty() conferenceTitle!: string;
  @ApiProperty({ enum: CONFERENCE_STATUSES }) conferenceStatus!: ConferenceStatus;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: AGENDA_ITEM_KINDS }) kind!: AgendaItemKind;
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
