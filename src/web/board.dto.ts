import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { ConfirmationCountsDto, ConnectionCountsDto } from '../bridge-points/bridge-point.dto';
import { CONFERENCE_STATUSES } from '../conferences/conference.entity';

/**
 * A tile, kept short because a board can hold 3,400 of them:
 * [id, name, confirmation (p|c|d), connection (u|o|f|g), expected attendees, actual attendees, materials fetched (y|n, only
 * when the conference has materials for the points)].
 */
const TILES: ApiPropertyOptions = {
  type: 'array',
  items: {
    type: 'array',
    minItems: 6,
    maxItems: 7,
    items: { oneOf: [{ type: 'string' }, { type: 'integer', nullable: true }] },
    example: ['6f1c…', 'Điểm cầu tỉnh Bắc Ninh', 'c', 'o', 120, null],
  },
  description: 'tiles: [id, name, p|c|d, u|o|f|g, expected, actual, materials?]; materials (y: fetched every material for the points through its link, n: not yet) only when the conference has such materials',
};

type Tile = [string, string, string, string, number | null, number | null] | [string, string, string, string, number | null, number | null, string];

export class BoardConferenceDto {
  @ApiProperty({ format: 'uuid', description: 'UUID of the conference' }) id!: string;
  @ApiProperty({ description: 'title (tên hội nghị)' }) title!: string;
  @ApiProperty({ enum: CONFERENCE_STATUSES, description: 'state of the conference' }) status!: string;
  @ApiProperty({ example: 'Đang diễn ra', description: 'the state as the board writes it, in Vietnamese' }) statusLabel!: string;
  @ApiProperty({ description: 'start and end as the board shows them, in the conference’s time zone' }) time!: string;
  @ApiProperty({ example: 'Asia/Ho_Chi_Minh', description: 'IANA time zone of the conference' }) timezone!: string;
}

export class BoardCountsDto {
  @ApiProperty({ description: 'bridge points of the conference' }) total!: number;
  @ApiProperty({ type: ConfirmationCountsDto, description: 'points by confirmation state' }) byConfirmation!: ConfirmationCountsDto;
  @ApiProperty({ type: ConnectionCountsDto, description: 'points by connection state' }) byConnection!: ConnectionCountsDto;
  @ApiProperty({ description: "the sum of the points' expected attendees" }) expectedAttendees!: number;
  @ApiProperty({ description: "the sum of the points' actual attendees (reported headcount, else check-ins)" }) actualAttendees!: number;
}

export class BoardProvinceGroupDto {
  @ApiProperty({ example: '24', description: '2-digit province code' }) code!: string;
  @ApiProperty({ example: 'Bắc Ninh', description: 'province name' }) name!: string;
  @ApiProperty(TILES) tiles!: Tile[];
}

export class BoardSectionDto {
  @ApiProperty({ example: 'Đồng bằng sông Hồng', description: 'the region (vùng) of the section' }) region!: string;
  @ApiProperty(TILES) tiles!: Tile[];
  @ApiProperty({ type: [BoardProvinceGroupDto], description: "commune points grouped by province, after the region's own tiles" })
  provinces!: BoardProvinceGroupDto[];
}

/** GET /api/conferences/:id/board: the whole status board, as its page first draws it. */
export class BoardSnapshotResponseDto {
  @ApiProperty({ type: BoardConferenceDto, description: 'the conference' }) conference!: BoardConferenceDto;
  @ApiProperty({ type: BoardCountsDto, description: 'the counts at the top of the board' }) counts!: BoardCountsDto;
  @ApiProperty({ type: [BoardSectionDto], description: "the main point's region first, then the others alphabetically" }) sections!: BoardSectionDto[];
}
