import { Injectable, OnModuleInit } from '@nestjs/common';
import { CloneContext, ConferenceCloneSteps } from '../conferences/conference-clone-steps';
import { newId } from '../common/ids';
import { BridgePoint } from './bridge-point.entity';

/**
 * A clone's bridge points: the same points, as if just connected — unconfirmed, untested, with no
 * headcount or check-ins (those belong to the event that took place) — written by the module that
 * owns them, inside the clone's transaction. Fills `context.pointIds` for the steps after it.
 */
@Injectable()
export class BridgePointCopies implements OnModuleInit {
  constructor(private readonly steps: ConferenceCloneSteps) {}

  onModuleInit(): void {
    this.steps.register('bridgePoints', (context) => this.copy(context), 10);
  }

  async copy({ manager: m, sourceId, copyId, pointIds }: CloneContext): Promise<number> {
    const points = await m.find(BridgePoint, { where: { conferenceId: sourceId }, order: { level: 'ASC', position: 'ASC' } });
    for (const p of points) pointIds.set(p.id, newId());
    const copies = points.map(({ createdAt: _c, updatedAt: _u, ...p }) => ({
      ...p,
      id: pointIds.get(p.id)!,
      conferenceId: copyId,
      parentId: p.parentId ? (pointIds.get(p.parentId) ?? null) : null,
      confirmationStatus: 'pending' as const,
      declineReason: null,
      confirmedAt: null,
      connectionStatus: 'untested' as const,
      connectionCheckedAt: null,
      reportedAttendees: null,
      checkedInAttendees: 0,
      version: 1,
    }));
    // Parents before children, so the self-reference holds at every insert.
    const parentsFirst = [...copies.filter((p) => !p.parentId), ...copies.filter((p) => p.parentId)];
    for (let i = 0; i < parentsFirst.length; i += 200) await m.insert(BridgePoint, parentsFirst.slice(i, i + 200));
    return points.length;
  }
}
