import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ACTUAL_ATTENDEES_SQL } from './bridge-point-attendance';
import { ConfirmationStatus, ConnectionStatus } from './bridge-point.entity';

export interface ProvinceSummary {
  code: string;
  name: string;
  total: number;
  confirmed: number;
  declined: number;
  pending: number;
  expectedAttendees: number;
  actualAttendees: number;
  reportedAttendees: number;
  checkedInAttendees: number;
}

/** Attendance figures (see bridge-point-attendance): summed over points, and over a province's points. */
type AttendanceTotals = Pick<ProvinceSummary, 'expectedAttendees' | 'actualAttendees' | 'reportedAttendees' | 'checkedInAttendees'>;

export interface BridgePointSummary {
  total: number;
  byConfirmation: Record<ConfirmationStatus, number>;
  byConnection: Record<ConnectionStatus, number>;
  byRegion: { region: string; total: number; confirmed: number; declined: number; pending: number }[];
  byProvince: ProvinceSummary[];
  expectedAttendees: number;
  actualAttendees: number;
  reportedAttendees: number;
  checkedInAttendees: number;
}

interface GroupRow {
  unit_set: string | null;
  province_code: string | null;
  province_name: string | null;
  region: string | null;
  confirmation_status: ConfirmationStatus;
  connection_status: ConnectionStatus;
  n: string | number;
  expected: string | number | null;
  actual: string | number | null;
  reported: string | number | null;
  checked_in: string | number | null;
}

/** Where points without a region (the main hall, other places) are counted. */
export const MAIN_HALL_REGION = 'Trung ương và khác';

/**
 * The bridge-point summary of a conference in one GROUP BY query: at most
 * provinces × 3 confirmation × 4 connection groups come back, whatever the number of points,
 * and are folded into the summary shape here.
 */
@Injectable()
export class BridgePointSummaryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The summary, or null when there is no such conference. */
  async summarize(conferenceId: string): Promise<BridgePointSummary | null> {
    const found: unknown[] = await this.dataSource.query('SELECT 1 AS found FROM conferences WHERE id = $1', [conferenceId]);
    if (found.length === 0) return null;
    // Group first, then name the (few) provinces: joining before grouping let PostgreSQL, with
    // no statistics yet on freshly connected points, walk the units table once per point.
    const rows: GroupRow[] = await this.dataSource.query(
      `SELECT g.unit_set, g.province_code, au.name AS province_name, g.region,
              g.confirmation_status, g.connection_status, g.n, g.expected, g.actual, g.reported, g.checked_in
         FROM (SELECT administrative_unit_set AS unit_set, province_code, region, confirmation_status, connection_status,
                      COUNT(*) AS n, SUM(expected_attendees) AS expected,
                      SUM(${ACTUAL_ATTENDEES_SQL}) AS actual, SUM(reported_attendees) AS reported,
                      SUM(checked_in_attendees) AS checked_in
                 FROM bridge_points
                WHERE conference_id = $1
                GROUP BY administrative_unit_set, province_code, region, confirmation_status, connection_status) g
         LEFT JOIN administrative_units au ON au.unit_set = g.unit_set AND au.code = g.province_code`,
      [conferenceId],
    );
    return fold(rows);
  }
}

export function fold(rows: GroupRow[]): BridgePointSummary {
  const summary: BridgePointSummary = {
    total: 0,
    byConfirmation: { pending: 0, confirmed: 0, declined: 0 },
    byConnection: { untested: 0, ok: 0, failed: 0, degraded: 0 },
    byRegion: [],
    byProvince: [],
    ...noAttendance(),
  };
  const regions = new Map<string, BridgePointSummary['byRegion'][number]>();
  const provinces = new Map<string, ProvinceSummary>();
  for (const row of rows) {
    const n = Number(row.n);
    summary.total += n;
    summary.byConfirmation[row.confirmation_status] += n;
    summary.byConnection[row.connection_status] += n;
    addAttendance(summary, row);

    const regionName = row.region ?? MAIN_HALL_REGION;
    const region = regions.get(regionName) ?? { region: regionName, total: 0, confirmed: 0, declined: 0, pending: 0 };
    region.total += n;
    region[row.confirmation_status] += n;
    regions.set(regionName, region);

    if (row.province_code) {
      const key = `${row.unit_set}:${row.province_code}`;
      const province = provinces.get(key) ?? {
        code: row.province_code,
        name: row.province_name ?? row.province_code,
        total: 0,
        confirmed: 0,
        declined: 0,
        pending: 0,
        ...noAttendance(),
      };
      province.total += n;
      province[row.confirmation_status] += n;
      addAttendance(province, row);
      provinces.set(key, province);
    }
  }
  summary.byRegion = [...regions.values()].sort((a, b) => a.region.localeCompare(b.region, 'vi'));
  summary.byProvince = [...provinces.values()].sort((a, b) => a.code.localeCompare(b.code));
  return summary;
}

const noAttendance = (): AttendanceTotals => ({ expectedAttendees: 0, actualAttendees: 0, reportedAttendees: 0, checkedInAttendees: 0 });

function addAttendance(totals: AttendanceTotals, row: GroupRow): void {
  totals.expectedAttendees += Number(row.expected ?? 0);
  totals.actualAttendees += Number(row.actual ?? 0);
  totals.reportedAttendees += Number(row.reported ?? 0);
  totals.checkedInAttendees += Number(row.checked_in ?? 0);
}
