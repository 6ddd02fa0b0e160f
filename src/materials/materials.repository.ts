import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { Material, MaterialDownload } from './material.entity';
import { AUDIENCES_OF } from './material.dto';

export interface PointDownloadRow {
  bridgePointId: string;
  name: string;
  confirmationStatus: string;
  firstAt: Date | null;
  count: number;
}

/** What the status board needs to know about materials: how many are for the points, and how many each point fetched. */
export interface PointMaterialCounts {
  /** Materials whose audience includes the bridge points. */
  total: number;
  /** Per point, how many of those it downloaded at least once through its link (points with none are absent). */
  fetched: Map<string, number>;
}

/** SQLite answers an aggregate over instants as the stored UTC text; PostgreSQL as a Date. */
const instantOf = (value: unknown): Date | null =>
  value === null || value === undefined ? null : value instanceof Date ? value : new Date(`${String(value).replace(' ', 'T')}Z`);

/** The materials module's aggregate reads: who downloaded what, in a fixed number of queries. */
@Injectable()
export class MaterialsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every bridge point of the conference with its downloads of one material (count 0 and no first time when none), by name. */
  async downloadsByPoint(conferenceId: string, materialId: string): Promise<PointDownloadRow[]> {
    const rows: { id: string; name: string; status: string; firstAt: unknown; n: string | number }[] = await this.dataSource.manager
      .createQueryBuilder(BridgePoint, 'bp')
      .leftJoin(MaterialDownload, 'd', 'd.bridgePointId = bp.id AND d.materialId = :materialId', { materialId })
      .select('bp.id', 'id')
      .addSelect('bp.name', 'name')
      .addSelect('bp.confirmationStatus', 'status')
      .addSelect('MIN(d.at)', 'firstAt')
      .addSelect('COUNT(d.id)', 'n')
      .where('bp.conferenceId = :conferenceId', { conferenceId })
      .groupBy('bp.id')
      .addGroupBy('bp.name')
      .addGroupBy('bp.confirmationStatus')
      .orderBy('bp.name', 'ASC')
      .getRawMany();
    return rows.map((r) => ({ bridgePointId: r.id, name: r.name, confirmationStatus: r.status, firstAt: instantOf(r.firstAt), count: Number(r.n) }));
  }

  /** For the board: the point materials of a conference and how many of them each point fetched (one GROUP BY). */
  async pointCounts(conferenceId: string): Promise<PointMaterialCounts> {
    const audiences = [...AUDIENCES_OF.bridge_point];
    const total = await this.dataSource.manager.count(Material, { where: audiences.map((audience) => ({ conferenceId, audience })) });
    if (total === 0) return { total, fetched: new Map() };
    const rows: { id: string; n: string | number }[] = await this.dataSource.manager
      .createQueryBuilder(MaterialDownload, 'd')
      .innerJoin(Material, 'm', 'm.id = d.materialId')
      .select('d.bridgePointId', 'id')
      .addSelect('COUNT(DISTINCT d.materialId)', 'n')
      .where('d.conferenceId = :conferenceId AND d.bridgePointId IS NOT NULL AND m.audience IN (:...audiences)', { conferenceId, audiences })
      .groupBy('d.bridgePointId')
      .getRawMany();
    return { total, fetched: new Map(rows.map((r) => [r.id, Number(r.n)])) };
  }

  /** Moves whenever a material is added or removed or a point downloads one: the board's change marker for materials. */
  async marker(conferenceId: string): Promise<string> {
    const [row]: { m: string | number; s: string | number | null; d: string | number }[] = await this.dataSource.query(
      `SELECT (SELECT COUNT(*) FROM materials WHERE conference_id = $1) AS m,
              (SELECT SUM(size) FROM materials WHERE conference_id = $1) AS s,
              (SELECT COUNT(*) FROM material_downloads WHERE conference_id = $1 AND bridge_point_id IS NOT NULL) AS d`,
      [conferenceId],
    );
    return `${row.m}:${row.s ?? 0}:${row.d}`;
  }
}
