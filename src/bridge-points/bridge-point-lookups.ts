import { Injectable, OnModuleInit } from '@nestjs/common';
import { In } from 'typeorm';
import { OperatorPoints } from '../auth/operator-points';
import { ConferencePoints } from '../conferences/conference-points';
import { BridgePoint } from './bridge-point.entity';
import { conferenceIdsVisibleTo, hasPointInScope } from './conference-visibility';

/**
 * Answers what the modules below bridge points ask of them, through the seams those modules keep:
 * conferences (ConferencePoints: which conferences a user sees, how many main points one has,
 * whether a point is one of its own) and auth (OperatorPoints: which ids are points an operator
 * may be assigned to). Registered when the module starts.
 */
@Injectable()
export class BridgePointLookups implements OnModuleInit {
  constructor(
    private readonly conferencePoints: ConferencePoints,
    private readonly operatorPoints: OperatorPoints,
  ) {}

  onModuleInit(): void {
    this.conferencePoints.register({
      visibleIds: conferenceIdsVisibleTo,
      sees: hasPointInScope,
      mainCount: (m, conferenceId) => m.countBy(BridgePoint, { conferenceId, isMain: true }),
      has: (m, conferenceId, pointId) => m.existsBy(BridgePoint, { id: pointId, conferenceId }),
    });
    this.operatorPoints.register(async (m, ids) => {
      const found = await m.find(BridgePoint, { select: { id: true }, where: { id: In(ids) } });
      return found.map((point) => point.id);
    });
  }
}
