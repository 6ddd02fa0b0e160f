import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { newId } from '../common/ids';
import { BridgePoint } from './bridge-point.entity';
import { NewBridgePoint } from './bridge-point-row';
import { ConnectionCheck } from './connection-check.entity';

/**
 * Writes a demo event's bridge points for the seeding, inside its transaction: the points as given
 * (see newBridgePoint), as they stood after the event, and for each point whose connection was
 * tested the check its state comes from, recorded by `checkedBy` as a real test records one.
 */
@Injectable()
export class BridgePointDemoWriter {
  async insert(m: EntityManager, points: NewBridgePoint[], checkedBy: string): Promise<void> {
    for (let i = 0; i < points.length; i += 200) await m.insert(BridgePoint, points.slice(i, i + 200));
    const checks = points.flatMap((p) =>
      p.connectionStatus !== 'untested' && p.connectionCheckedAt
        ? [{ id: newId(), bridgePointId: p.id, result: p.connectionStatus, note: null, checkedAt: p.connectionCheckedAt, checkedBy }]
        : [],
    );
    for (let i = 0; i < checks.length; i += 200) await m.insert(ConnectionCheck, checks.slice(i, i + 200));
  }
}
