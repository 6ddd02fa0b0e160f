import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsObject, IsOptional, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { nfc } from '../common/text';
import { IsText } from '../common/validators';
import { ABBREVIATION_PATTERN, SERIAL_PATTERN } from './document-number';
import { MinutesRevision, REVISION_REASONS, RevisionReason } from './minutes-revision.entity';
import { MinutesSections } from './minutes-sections';
import { ABBREVIATION_MESSAGE, MinutesSectionsDto, MinutesSectionsPatchDto, SERIAL_MESSAGE } from './minutes-sections.dto';
import { Minutes, MINUTES_STATUSES, MinutesStatus } from './minutes.entity';

/** What the draft cannot read from the conference; all optional (blanks are left to fill in). */
export class DraftMinutesDto {
  @ApiPropertyOptional({ example: 'Nguyễn Thị Lan', description: 'the secretary (thư ký) who records the minutes; left blank to fill in when absent' })
  @IsOptional()
  @IsText(200)
  secretaryName?: string;
  @ApiPropertyOptional({ example: 'Chuyên viên Văn phòng Ban', description: "the secretary's position (chức vụ)" })
  @IsOptional()
  @IsText(300)
  secretaryTitle?: string;
  @ApiPropertyOptional({ description: 'cơ quan chủ quản, printed above the issuing body' })
  @IsOptional()
  @IsText(300)
  superiorBody?: string;
  @ApiPropertyOptional({ description: 'cơ quan ban hành; defaults to the conference host organization' })
  @IsOptional()
  @IsText(300)
  issuingBody?: string;
  @ApiPropertyOptional({ example: 'BDVTW', description: 'defaults to the initials of the issuing body' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? nfc(value) : value))
  @IsString()
  @MaxLength(30)
  @Matches(ABBREVIATION_PATTERN, ABBREVIATION_MESSAGE)
  abbreviation?: string;
  @ApiPropertyOptional({ example: '15', description: 'the serial given by the records office (digits, no leading zero); left blank when absent' })
  @IsOptional()
  @IsString()
  @Matches(SERIAL_PATTERN, SERIAL_MESSAGE)
  number?: string;
  @ApiPropertyOptional({ example: 'Hà Nội', description: 'địa danh; defaults to Hà Nội' }) @IsOptional() @IsText(100) place?: string;
}

export class UpdateMinutesDto {
  @ApiProperty({ description: 'the version read; a stale one answers 409' }) @IsInt() @Min(1) version!: number;

  @ApiPropertyOptional({ type: MinutesSectionsPatchDto, description: 'only the sections given are replaced, each whole' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MinutesSectionsPatchDto)
  sections?: MinutesSectionsPatchDto;

  @ApiPropertyOptional({ description: "copy the conference's action items into the actionItems section as they are now" })
  @IsOptional()
  @IsBoolean()
  refreshActionItems?: boolean;
}

export class ApproveMinutesDto {
  @ApiProperty({ description: 'the version read; a stale one answers 409' }) @IsInt() @Min(1) version!: number;
}

export class ReopenMinutesDto {
  @ApiProperty({ description: 'the version read; a stale one answers 409' }) @IsInt() @Min(1) version!: number;
  @ApiProperty({ example: 'Bổ sung ý kiến kết luận của đồng chí chủ trì', description: 'kept in the audit trail' })
  @IsText(1000)
  reason!: string;
}

export class MinutesResponseDto {
  @ApiProperty({ format: 'uuid', description: 'UUID of the minutes' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'UUID of the conference' }) conferenceId!: string;
  @ApiProperty({ enum: MINUTES_STATUSES, description: 'draft (dự thảo, editable) or approved (đã phê duyệt, sealed)' }) status!: MinutesStatus;
  @ApiProperty({ nullable: true, type: String, example: '15/BB-BDVTW', description: 'the document number (số văn bản); null until the header has a serial' })
  number!: string | null;
  @ApiProperty({ type: () => MinutesSectionsDto, description: 'the content, section by section' }) sections!: MinutesSections;
  @ApiProperty({ description: 'the version to send back with a change (optimistic locking)' }) version!: number;
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'set on approval: SHA-256 (hex) of the canonical JSON of { conferenceId, number, sections } — keys sorted at every depth, strings in NFC, no whitespace, UTF-8',
  })
  contentHash!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'when they were approved (ISO 8601, UTC); null while a draft' })
  approvedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the approving user id' }) approvedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "the approving user's full name at the time" }) approvedByName!: string | null;
  @ApiProperty({ description: 'revision chain: 1 at first, bumped by each reopen' }) chain!: number;
  @ApiProperty({ description: 'the latest revision number within the chain' }) revision!: number;
  @ApiProperty({ format: 'date-time', description: 'when they were drafted (ISO 8601, UTC)' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', description: 'when they last changed (ISO 8601, UTC)' }) updatedAt!: string;
}

export class MinutesRevisionResponseDto {
  @ApiProperty({ format: 'uuid', description: 'UUID of the revision' }) id!: string;
  @ApiProperty({ description: 'the revision chain it belongs to (1 at first, bumped by each reopen)' }) chain!: number;
  @ApiProperty({ description: 'its number within the chain, from 1' }) revision!: number;
  @ApiProperty({ enum: REVISION_REASONS, description: 'draft: the first draft; edit: a saved edit; reopen: the approved content, first of a new chain' })
  reason!: RevisionReason;
  @ApiProperty({ nullable: true, type: String, example: '15/BB-BDVTW', description: 'the document number as it was in this revision' })
  number!: string | null;
  @ApiProperty({ type: () => MinutesSectionsDto, description: 'the full content as saved' }) sections!: MinutesSections;
  @ApiProperty({ nullable: true, type: String, description: 'id of the user who saved it; null for revisions the seed command wrote' }) authorId!: string | null;
  @ApiProperty({ description: "who saved it, as the audit trail names them (a user's email)" }) author!: string;
  @ApiProperty({ format: 'date-time', description: 'when it was saved (ISO 8601, UTC)' }) createdAt!: string;
}

export function toMinutesResponse(m: Minutes): MinutesResponseDto {
  return {
    id: m.id,
    conferenceId: m.conferenceId,
    status: m.status,
    number: m.number,
    sections: m.sections,
    version: m.version,
    contentHash: m.contentHash,
    approvedAt: m.approvedAt ? m.approvedAt.toISOString() : null,
    approvedBy: m.approvedBy,
    approvedByName: m.approvedByName,
    chain: m.chain,
    revision: m.revision,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}

export function toRevisionResponse(r: MinutesRevision): MinutesRevisionResponseDto {
  return {
    id: r.id,
    chain: r.chain,
    revision: r.revision,
    reason: r.reason,
    number: r.number,
    sections: r.sections,
    authorId: r.authorId,
    author: r.author,
    createdAt: r.createdAt.toISOString(),
  };
}
