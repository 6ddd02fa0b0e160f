import { BridgePointLevel, ConfirmationStatus, ConnectionStatus } from '../bridge-points/bridge-point.entity';
import { actualAttendees } from '../bridge-points/bridge-point-attendance';
import { MAIN_HALL_REGION } from '../bridge-points/bridge-point-summary.repository';

/** One bridge point as the board reads it from the database. */
export interface BoardPointRow {
  id: string;
  name: string;
  level: BridgePointLevel;
  isMain: boolean;
  region: string | null;
  provinceCode: string | null;
  confirmationStatus: ConfirmationStatus;
  connectionStatus: ConnectionStatus;
  expectedAttendees: number | null;
  reportedAttendees: number | null;
  checkedInAttendees: number;
  /** Whether the point fetched every material meant for the points through its link; absent when there are none. */
  materialsFetched?: boolean;
}

const CONFIRMATION_CODES: Record<ConfirmationStatus, string> = { pending: 'p', confirmed: 'c', declined: 'd' };
const CONNECTION_CODES: Record<ConnectionStatus, string> = { untested: 'u', ok: 'o', failed: 'f', degraded: 'g' };

/**
 * A tile as the board's script receives it, kept short because a board can hold 3,400 of
 * them: [id, name, confirmation (p|c|d), connection (u|o|f|g), expected, actual, materials?],
 * the last only when the conference has materials for the points: y (fetched them all) or n (not yet).
 */
export type Tile =
  | [id: string, name: string, confirmation: string, connection: string, expected: number | null, actual: number | null]
  | [id: string, name: string, confirmation: string, connection: string, expected: number | null, actual: number | null, materials: 'y' | 'n'];

export function tileOf(row: BoardPointRow): Tile {
  const tile: Tile = [
    row.id,
    row.name,
    CONFIRMATION_CODES[row.confirmationStatus],
    CONNECTION_CODES[row.connectionStatus],
    row.expectedAttendees,
    actualAttendees(row),
  ];
  return row.materialsFetched === undefined ? tile : [...tile, row.materialsFetched ? 'y' : 'n'];
}

export interface ProvinceGroup {
  code: string;
  name: string;
  tiles: Tile[];
}

/** One region of the board: its own points as tiles, and commune points grouped by their province. */
export interface BoardSection {
  region: string;
  tiles: Tile[];
  provinces: ProvinceGroup[];
}

/**
 * Lays the points out: by region (the main hall's region first, then alphabetical in
 * Vietnamese order), province and central points as tiles of their region, commune points
 * in a group per province, each group after its region's tiles, ordered by province code.
 * Rows come in board order (main point first, then connection order) and keep it.
 */
export function layOut(rows: BoardPointRow[], provinceNames: Map<string, string>): BoardSection[] {
  const sections = new Map<string, BoardSection>();
  let mainRegion: string | null = null;
  for (const row of rows) {
    const region = row.region ?? MAIN_HALL_REGION;
    if (row.isMain) mainRegion = region;
    let section = sections.get(region);
    if (!section) {
      section = { region, tiles: [], provinces: [] };
      sections.set(region, section);
    }
    if (row.level === 'commune' && row.provinceCode) {
      let group = section.provinces.find((p) => p.code === row.provinceCode);
      if (!group) {
        group = { code: row.provinceCode, name: provinceNames.get(row.provinceCode) ?? row.provinceCode, tiles: [] };
        section.provinces.push(group);
      }
      group.tiles.push(tileOf(row));
    } else {
      section.tiles.push(tileOf(row));
    }
  }
  for (const section of sections.values()) section.provinces.sort((a, b) => a.code.localeCompare(b.code));
  return [...sections.values()].sort((a, b) => {
    if (a.region === mainRegion) return -1;
    if (b.region === mainRegion) return 1;
    return a.region.localeCompare(b.region, 'vi');
  });
}

/** Where a point sits on the board: a change to any of these moves tiles, so the board is sent again whole. */
const placeOf = (row: BoardPointRow): string => [row.name, row.level, row.isMain, row.region, row.provinceCode].join('\u0000');

export type BoardChange = { kind: 'none' } | { kind: 'layout' } | { kind: 'tiles'; tiles: Tile[] };

/** What changed between two reads of a conference's points: nothing, some tiles' states, or the layout. */
export function diffPoints(before: Map<string, BoardPointRow>, after: BoardPointRow[]): BoardChange {
  if (before.size !== after.length) return { kind: 'layout' };
  const tiles: Tile[] = [];
  for (const row of after) {
    const old = before.get(row.id);
    if (!old || placeOf(old) !== placeOf(row)) return { kind: 'layout' };
    const tile = tileOf(row);
    const previous = tileOf(old);
    if (tile.length !== previous.length || tile.some((value, i) => value !== previous[i])) tiles.push(tile);
  }
  return tiles.length > 0 ? { kind: 'tiles', tiles } : { kind: 'none' };
}
