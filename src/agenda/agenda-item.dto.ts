import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min, ValidateIf } from 'class-validator';
import { coded } from '../common/validation-messages';
import { IsIsoInstant, IsText } from '../common/validators';
import { AGENDA_ITEM_KINDS, AgendaItem, AgendaItemKind } from './agenda-item.entity';

const MAX_SPEAKERS = 50;
const MAX_POSITION = 1_000_000;

/** Ids are stored lower-case, as the path pipe gives them, so the same id never counts as two. */
const lowerCase = ({ value }: { value: unknown }) => {
  const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v);
  return Array.isArray(value) ? value.map(lower) : lower(value);
};

/** Present or absent, never null: for fields a PATCH may change but not clear. */
const NotNullIfPresent = () => ValidateIf((_dto, value: unknown) => value !== undefined);

const speakerIdsMessage = () =>
  coded('not_a_uuid', 'Mỗi phần tử của trường "speakerIds" phải là mã định danh UUID của một báo cáo viên.');

const KIND_HELP =
  'the kind of item: opening (khai mạc), report (báo cáo), presentation (tham luận), discussion (thảo luận), directive (phát biểu chỉ đạo), conclusion (kết luận), award_ceremony (trao khen thưởng), closing (bế mạc) or break (giải lao)';
const TIME_HELP = 'ISO 8601 with an offset, e.g. 2025-07-15T08:30:00+07:00';
const SESSION_HELP =
  'true: the item is a session (buổi học, chuyên đề) of a training event, whose attendance (điểm danh) is taken and counts toward completion';

export class CreateAgendaItemDto {
  @ApiProperty({
    example: '2025-07-15T08:30:00+07:00',
    description: `when the item starts (${TIME_HELP}); within the conference's time, and not overlapping another item in the same place`,
  })
  @IsIsoInstant()
  startsAt!: string;

  @ApiProperty({ example: '2025-07-15T09:15:00+07:00', description: `when the item ends (${TIME_HELP}); after startsAt and no later than the conference's end` })
  @IsIsoInstant()
  endsAt!: string;

  @ApiProperty({ example: 'Báo cáo sơ kết công tác dân vận 6 tháng đầu năm', description: 'the title as the programme shows it, at most 500 characters' })
  @IsText(500)
  title!: string;

  @ApiPropertyOptional({ enum: AGENDA_ITEM_KINDS, default: 'presentation', description: KIND_HELP })
  @IsOptional()
  @IsIn(AGENDA_ITEM_KINDS)
  kind?: AgendaItemKind;

  @ApiPropertyOptional({ description: 'a longer description or notes, at most 20,000 characters; may be empty' })
  @IsOptional()
  @IsText(20000, { allowEmpty: true })
  description?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'UUID of the bridge point (điểm cầu) of this conference it is presented from; null or absent: the main hall (hội trường chính)',
  })
  @IsOptional()
  @Transform(lowerCase)
  @IsUUID('all')
  bridgePointId?: string | null;

  @ApiPropertyOptional({
    type: [String],
    description: `UUIDs of speakers (báo cáo viên) from the directory, in the order they speak; each at most once, at most ${MAX_SPEAKERS}`,
  })
  @IsOptional()
  @Transform(lowerCase)
  @IsArray()
  @ArrayMaxSize(MAX_SPEAKERS)
  @ArrayUnique()
  @IsUUID('all', { each: true, ...speakerIdsMessage() })
  speakerIds?: string[];

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: MAX_POSITION,
    description: 'order among items starting at the same time (lower first); defaults to after the last item',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_POSITION)
  position?: number;

  @ApiPropertyOptional({ default: false, description: SESSION_HELP })
  @IsOptional()
  @IsBoolean()
  attendanceRequired?: boolean;
}

/** Only the fields given change; description and bridgePointId may be cleared with null. */
export class UpdateAgendaItemDto {
  @ApiProperty({ description: 'the version read; a stale one answers 409' }) @IsInt() @Min(1) version!: number;

  @ApiPropertyOptional({ description: `the new start (${TIME_HELP}); may not be null` }) @NotNullIfPresent() @IsIsoInstant() startsAt?: string;

  @ApiPropertyOptional({ description: `the new end (${TIME_HELP}); may not be null` }) @NotNullIfPresent() @IsIsoInstant() endsAt?: string;

  @ApiPropertyOptional({ description: 'the new title, at most 500 characters; may not be null' }) @NotNullIfPresent() @IsText(500) title?: string;

  @ApiPropertyOptional({ enum: AGENDA_ITEM_KINDS, description: `${KIND_HELP}; may not be null` })
  @NotNullIfPresent()
  @IsIn(AGENDA_ITEM_KINDS)
  kind?: AgendaItemKind;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'the new description, at most 20,000 characters; null clears it' })
  @IsOptional()
  @IsText(20000, { allowEmpty: true })
  description?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'UUID of a bridge point (điểm cầu) of this conference to present it from; null moves the item to the main hall',
  })
  @IsOptional()
  @Transform(lowerCase)
  @IsUUID('all')
  bridgePointId?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'replaces the list of speakers (UUIDs, in speaking order); an empty list removes them all' })
  @NotNullIfPresent()
  @Transform(lowerCase)
  @IsArray()
  @ArrayMaxSize(MAX_SPEAKERS)
  @ArrayUnique()
  @IsUUID('all', { each: true, ...speakerIdsMessage() })
  speakerIds?: string[];

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_POSITION, description: 'the new order among items starting at the same time; may not be null' })
  @NotNullIfPresent()
  @IsInt()
  @Min(0)
  @Max(MAX_POSITION)
  position?: number;

  @ApiPropertyOptional({ description: `${SESSION_HELP}; may not be null` })
  @NotNullIfPresent()
  @IsBoolean()
  attendanceRequired?: boolean;
}

export class AgendaItemResponseDto {
  @ApiProperty({ description: 'UUID of the agenda item (mục chương trình)' }) id!: string;
  @ApiProperty({ description: 'UUID of its conference' }) conferenceId!: string;
  @ApiProperty({ format: 'date-time', description: 'when it starts (ISO 8601, UTC)' }) startsAt!: string;
  @ApiProperty({ format: 'date-time', description: 'when it ends (ISO 8601, UTC)' }) endsAt!: string;
  @ApiProperty({ description: 'the title as the programme shows it' }) title!: string;
  @ApiProperty({ enum: AGENDA_ITEM_KINDS, description: KIND_HELP }) kind!: AgendaItemKind;
  @ApiProperty({ nullable: true, type: String, description: 'a longer description or notes; null when none' }) description!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'UUID of the bridge point it is presented from; null: the main hall' }) bridgePointId!: string | null;
  @ApiProperty({ type: [String], description: 'UUIDs of its speakers, in the order they speak' }) speakerIds!: string[];
  @ApiProperty({ type: 'integer', description: 'order among items starting at the same time' }) position!: number;
  @ApiProperty({ description: SESSION_HELP }) attendanceRequired!: boolean;
  @ApiProperty({ type: 'integer', description: 'the version to send back with the next change' }) version!: number;
}

export function toAgendaItemResponse(item: AgendaItem, speakerIds: string[]): AgendaItemResponseDto {
  return {
    id: item.id,
    conferenceId: item.conferenceId,
    startsAt: item.startsAt.toISOString(),
    endsAt: item.endsAt.toISOString(),
    title: item.title,
    kind: item.kind,
    description: item.description,
    bridgePointId: item.bridgePointId,
    speakerIds,
    position: item.position,
    attendanceRequired: item.attendanceRequired,
    version: item.version,
  };
}

/** DELETE of an item: `force=true` also deletes the records other modules keep against it (a session's attendance). */
export class RemoveAgendaItemQueryDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: "also delete what is recorded against the item (a session's attendance marks); without it such an item answers 409. Counted in the audit entry.",
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  force?: 'true' | 'false';
}
