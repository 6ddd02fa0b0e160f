import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AwardDecisionsService } from '../awards/award-decisions.service';
import { toAwardLines } from './minutes-awards';
import { AwardLine } from './minutes-sections';

/** The awards presented at a conference, read for its minutes inside the caller's transaction. */
@Injectable()
export class MinutesAwardsReader {
  constructor(private readonly decisions: AwardDecisionsService) {}

  async read(m: EntityManager, conferenceId: string): Promise<AwardLine[]> {
    return toAwardLines(await this.decisions.listForConference(conferenceId, m));
  }
}
