import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { entityRows } from '../common/entity-rows';
import { TransactionRunner } from '../database/transaction-runner';
import { BridgePoint } from './bridge-point.entity';

/**
 * The bridge points' hot statements, each prepared once on SQLite (confirmations, reports and
 * check-ins reach them by the thousand at once).
 */
@Injectable()
export class BridgePointRepository {
  constructor(private readonly tx: TransactionRunner) {}

  /** One point of the conference, or null. */
  async rowOf(m: EntityManager, conferenceId: string, pointId: string): Promise<BridgePoint | null> {
    const table = entityRows(m, BridgePoint);
    const { rows } = await this.tx.sql(m, `SELECT ${table.columns} FROM ${table.table} WHERE id = $1 AND conference_id = $2`, [pointId, conferenceId]);
    return rows.length > 0 ? table.hydrate(rows[0]) : null;
  }

  /** Adds `delta` check-ins (negative: undone) to the point's count, never below 0; the version stays. */
  async addCheckIns(m: EntityManager, bridgePointId: string, delta: number): Promise<void> {
    await this.tx.sql(
      m,
      'UPDATE bridge_points SET checked_in_attendees = CASE WHEN checked_in_attendees + $1 < 0 THEN 0 ' +
        'ELSE checked_in_attendees + $1 END, updated_at = CURRENT_TIMESTAMP WHERE id = $2',
      [delta, bridgePointId],
    );
  }

  /**
   * Writes `changes` with the version bumped, only if the point is still at the version read;
   * answers the rows changed (0: someone changed it since). The text depends only on which fields
   * change, so it is prepared once per set of fields.
   */
  async updateVersioned(m: EntityManager, point: BridgePoint, changes: Partial<BridgePoint>): Promise<number> {
    const metadata = m.connection.getMetadata(BridgePoint);
    const driver = m.connection.driver;
    const sets: string[] = [];
    const params: unknown[] = [];
    for (const [property, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      const column = metadata.findColumnWithPropertyName(property);
      if (!column) throw new Error(`bridge points have no column for ${property}`);
      params.push(driver.preparePersistentValue(value, column));
      sets.push(`${driver.escape(column.databaseName)} = $${params.length}`);
    }
    params.push(point.version + 1, point.id, point.version);
    const n = params.length;
    sets.push(`version = $${n - 2}`, 'updated_at = CURRENT_TIMESTAMP');
    const sql = `UPDATE bridge_points SET ${sets.join(', ')} WHERE id = $${n - 1} AND version = $${n}`;
    return (await this.tx.sql(m, sql, params)).affected;
  }
}
