import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { ConfirmationCountsDto, ConnectionCountsDto } from '../bridge-points/bridge-point.dto';
import { CONFERENCE_STATUSES } from '../conferences/conference.entity';

/**
 * A tile, kept short because a board can hold 3,400 of them:
 * [id, name, confirmation (p|c|d), connection (u|o|f|g), expected attendees, actual attendees].
 */
const TILES: ApiPropertyOptions = {
  type: 'array',
  items: {
    type: 'array',
    minItems: 6,
    maxItems: 6,
    items: { oneOf: [{ type: 'string' }, { type: 'integer', nullable: true }] },
    example: ['6f1c…', 'Điểm cầu tỉnh Bắc Ninh', 'c', 'o', 120, null],
  },
  description: 'tiles: [id, name, p|c|d, u|o|f|g, expected, actual]',
};

type Tile = [string, string, string, string, number | null, number | null];

export class BoardConferenceDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: CONFERENCE_STATUSES }) status!: string;
  @ApiProperty({ example: 'Đang diễn ra' }) statusLabel!: string;
  @ApiProperty({ description: 'start and end as the board shows them, in the conference’s time zone' }) time!: string;
  @ApiProperty({ example: 'Asia/Ho_Chi_Minh' }) timezone!: string;
}

export class BoardCountsDto {
  @ApiProperty() total!: number;
  @ApiProperty({ type: ConfirmationCountsDto }) byConfirmation!: ConfirmationCountsDto;
  @ApiProperty({ type: ConnectionCountsDto }) byConnection!: ConnectionCountsDto;
  @ApiProperty() expectedAttendees!: number;
  @ApiProperty() actualAttendees!: number;
}

export class BoardProvinceGroupDto {
  @ApiProperty({ example: '24' }) code!: string;
  @ApiProperty({ example: 'Bắc Ninh' }) name!: string;
  @ApiProperty(TILES) tiles!: Tile[];
}

export class BoardSectionDto {
  @ApiProperty({ example: 'Đồng bằng sông Hồng' }) region!: string;
  @ApiProperty(TILES) tiles!: Tile[];
  @ApiProperty({ type: [BoardProvinceGroupDto], description: "commune points grouped by province, after the region's own tiles" })
  provinces!: BoardProvinceGroupDto[];
}

/** GET /api/conferences/:id/board: the whole status board, as its page first draws it. */
export class BoardSnapshotResponseDto {
  @ApiProperty({ type: BoardConferenceDto }) conference!: BoardConferenceDto;
  @ApiProperty({ type: BoardCountsDto }) counts!: BoardCountsDto;
  @ApiProperty({ type: [BoardSectionDto], description: "the main point's region first, then the others alphabetically" }) sections!: BoardSectionDto[];
}
