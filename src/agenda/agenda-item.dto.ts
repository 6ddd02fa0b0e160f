import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsUUID, Max, Min, ValidateIf } from 'class-validator';
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

export class CreateAgendaItemDto {
  @ApiProperty({ example: '2025-07-15T08:30:00+07:00' }) @IsIsoInstant() startsAt!: string;

  @ApiProperty({ example: '2025-07-15T09:15:00+07:00' }) @IsIsoInstant() endsAt!: string;

  @ApiProperty({ example: 'Báo cáo sơ kết công tác dân vận 6 tháng đầu năm' }) @IsText(500) title!: string;

  @ApiPropertyOptional({ enum: AGENDA_ITEM_KINDS, default: 'presentation' })
  @IsOptional()
  @IsIn(AGENDA_ITEM_KINDS)
  kind?: AgendaItemKind;

  @ApiPropertyOptional() @IsOptional() @IsText(20000, { allowEmpty: true }) description?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'the bridge point it is presented from; null: the main hall' })
  @IsOptional()
  @Transform(lowerCase)
  @IsUUID('all', { message: 'bridgePointId must be a UUID' })
  bridgePointId?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'speakers from the directory, in the order they speak' })
  @IsOptional()
  @Transform(lowerCase)
  @IsArray()
  @ArrayMaxSize(MAX_SPEAKERS)
  @ArrayUnique({ message: 'speakerIds must not name a speaker twice' })
  @IsUUID('all', { each: true, message: 'speakerIds must be UUIDs' })
  speakerIds?: string[];

  @ApiPropertyOptional({ description: 'order among items starting at the same time; defaults to after the last item' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_POSITION)
  position?: number;
}

/** Only the fields given change; description and bridgePointId may be cleared with null. */
export class UpdateAgendaItemDto {
  @ApiProperty({ description: 'the version read; a stale one answers 409' }) @IsInt() @Min(1) version!: number;

  @ApiPropertyOptional() @NotNullIfPresent() @IsIsoInstant() startsAt?: string;

  @ApiPropertyOptional() @NotNullIfPresent() @IsIsoInstant() endsAt?: string;

  @ApiPropertyOptional() @NotNullIfPresent() @IsText(500) title?: string;

  @ApiPropertyOptional({ enum: AGENDA_ITEM_KINDS }) @NotNullIfPresent() @IsIn(AGENDA_ITEM_KINDS) kind?: AgendaItemKind;

  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsText(20000, { allowEmpty: true }) description?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'null moves the item to the main hall' })
  @IsOptional()
  @Transform(lowerCase)
  @IsUUID('all', { message: 'bridgePointId must be a UUID' })
  bridgePointId?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'replaces the list of speakers' })
  @NotNullIfPresent()
  @Transform(lowerCase)
  @IsArray()
  @ArrayMaxSize(MAX_SPEAKERS)
  @ArrayUnique({ message: 'speakerIds must not name a speaker twice' })
  @IsUUID('all', { each: true, message: 'speakerIds must be UUIDs' })
  speakerIds?: string[];

  @ApiPropertyOptional() @NotNullIfPresent() @IsInt() @Min(0) @Max(MAX_POSITION) position?: number;
}

export class AgendaItemResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() conferenceId!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: AGENDA_ITEM_KINDS }) kind!: AgendaItemKind;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null: the main hall' }) bridgePointId!: string | null;
  @ApiProperty({ type: [String], description: 'in the order they speak' }) speakerIds!: string[];
  @ApiProperty() position!: number;
  @ApiProperty() version!: number;
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
    version: item.version,
  };
}
