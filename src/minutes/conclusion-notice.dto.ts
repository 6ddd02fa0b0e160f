import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, Matches, IsString, Min, ValidateNested, IsArray, ArrayMaxSize } from 'class-validator';
import { IsOmittable, IsText } from '../common/validators';
import { SERIAL_PATTERN } from './document-number';
import { NoticeSections } from './conclusion-notice-sections';
import { ConclusionNotice } from './conclusion-notice.entity';
import { ActionItemLineDto, DocumentHeaderDto, IsTextList, SERIAL_MESSAGE, toActionItemLine, toHeader } from './minutes-sections.dto';

export class DraftConclusionNoticeDto {
  @ApiPropertyOptional({ example: '20', description: 'the serial given by the records office (digits, no leading zero); left blank when absent' })
  @IsOptional()
  @IsString()
  @Matches(SERIAL_PATTERN, SERIAL_MESSAGE)
  number?: string;
}

export class NoticeSignerDto {
  @ApiProperty({ example: 'TL. TRƯỞNG BAN', description: 'thẩm quyền ký (TM., KT., TL., TUQ.), may be empty' })
  @IsText(100, { allowEmpty: true })
  authority!: string;
  @ApiProperty({ example: 'CHÁNH VĂN PHÒNG', description: "the signer's position, printed in capitals; may be empty" })
  @IsText(300, { allowEmpty: true })
  title!: string;
  @ApiProperty({ example: 'Nguyễn Văn Hùng', description: "the signer's full name; may be empty" }) @IsText(200, { allowEmpty: true }) name!: string;
}

/** The notice's sections as answered: all of them, every field present. */
export class NoticeSectionsDto implements NoticeSections {
  @ApiProperty({ type: () => DocumentHeaderDto }) header!: DocumentHeaderDto;
  @ApiProperty({ description: 'printed under "THÔNG BÁO": Kết luận của … tại Hội nghị …' }) title!: string;
  @ApiProperty({ description: 'the opening paragraph: the day, the conference, who chaired it' }) introduction!: string;
  @ApiProperty({ type: [String], description: 'as in the approved minutes, then as edited' }) conclusions!: string[];
  @ApiProperty({ type: () => [ActionItemLineDto], description: 'the action items assigned, as in the approved minutes, then as edited' })
  actionItems!: ActionItemLineDto[];
  @ApiProperty({ type: () => NoticeSignerDto, description: 'who signs the notice' }) signer!: NoticeSignerDto;
  @ApiProperty({ type: [String], example: ['Các điểm cầu dự Hội nghị', 'Lưu: VT'], description: 'nơi nhận: who receives a copy' }) distribution!: string[];
}

/** Any subset of the notice's sections; each one given replaces the stored one whole. */
export class NoticeSectionsPatchDto {
  @ApiPropertyOptional({ type: DocumentHeaderDto })
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => DocumentHeaderDto)
  header?: DocumentHeaderDto;
  @ApiPropertyOptional({ description: 'printed under "THÔNG BÁO" (at most 2,000 characters)' }) @IsOmittable() @IsText(2000) title?: string;
  @ApiPropertyOptional({ description: 'the opening paragraph; may be empty' }) @IsOmittable() @IsText(20000, { allowEmpty: true }) introduction?: string;
  @ApiPropertyOptional({ type: [String], description: 'the conclusions, one paragraph per entry (at most 200, none empty)' })
  @IsOmittable()
  @IsTextList(200, 20000)
  conclusions?: string[];
  @ApiPropertyOptional({ type: [ActionItemLineDto], description: 'the action items assigned (at most 1,000)' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => ActionItemLineDto)
  actionItems?: ActionItemLineDto[];
  @ApiPropertyOptional({ type: NoticeSignerDto })
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => NoticeSignerDto)
  signer?: NoticeSignerDto;
  @ApiPropertyOptional({ type: [String], description: 'nơi nhận: who receives a copy, one entry per line' })
  @IsOmittable()
  @IsTextList(100, 300)
  distribution?: string[];
}

export class UpdateConclusionNoticeDto {
  @ApiProperty({ description: 'the version read; a stale one answers 409' }) @IsInt() @Min(1) version!: number;
  @ApiProperty({ type: NoticeSectionsPatchDto, description: 'the sections to replace, each whole' })
  @IsObject()
  @ValidateNested()
  @Type(() => NoticeSectionsPatchDto)
  sections!: NoticeSectionsPatchDto;
}

export class ConclusionNoticeResponseDto {
  @ApiProperty({ format: 'uuid', description: 'UUID of the notice' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'UUID of the conference' }) conferenceId!: string;
  @ApiProperty({ format: 'uuid', description: 'UUID of the approved minutes it was drafted from' }) minutesId!: string;
  @ApiProperty({ nullable: true, type: String, example: '20/TB-BDVTW', description: 'the document number (số văn bản); null until the header has a serial' })
  number!: string | null;
  @ApiProperty({ type: () => NoticeSectionsDto, description: 'the content, section by section' }) sections!: NoticeSections;
  @ApiProperty({ description: 'the version to send back with a change (optimistic locking)' }) version!: number;
  @ApiProperty({ format: 'date-time', description: 'when it was drafted (ISO 8601, UTC)' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', description: 'when it last changed (ISO 8601, UTC)' }) updatedAt!: string;
}

export function toNoticeSectionsPatch(dto: NoticeSectionsPatchDto): Partial<NoticeSections> {
  const patch: Partial<NoticeSections> = {};
  if (dto.header) patch.header = toHeader(dto.header);
  if (dto.title !== undefined) patch.title = dto.title;
  if (dto.introduction !== undefined) patch.introduction = dto.introduction;
  if (dto.conclusions) patch.conclusions = dto.conclusions;
  if (dto.actionItems) patch.actionItems = dto.actionItems.map(toActionItemLine);
  if (dto.signer) patch.signer = { authority: dto.signer.authority, title: dto.signer.title, name: dto.signer.name };
  if (dto.distribution) patch.distribution = dto.distribution;
  return patch;
}

export function toNoticeResponse(n: ConclusionNotice): ConclusionNoticeResponseDto {
  return {
    id: n.id,
    conferenceId: n.conferenceId,
    minutesId: n.minutesId,
    number: n.number,
    sections: n.sections,
    version: n.version,
    createdAt: n.createdAt.toISOString(),
    updatedAt: n.updatedAt.toISOString(),
  };
}
