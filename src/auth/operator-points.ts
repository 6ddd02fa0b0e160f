import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Which of these ids are bridge points. */
export type FindPoints = (m: EntityManager, ids: string[]) => Promise<string[]>;

/**
 * The bridge points an operator is assigned to (user_bridge_points) are the bridge points module's:
 * it tells here, when it starts, how to find which ids are points, so auth need not know its tables
 * (the dependency runs one way: bridge points know users; auth does not know points).
 */
@Injectable()
export class OperatorPoints {
  private find: FindPoints | null = null;

  register(find: FindPoints): void {
    if (this.find) throw new Error('the look-up of operator points is registered twice');
    this.find = find;
  }

  /** The ones of `ids` that are bridge points, read through `m`. */
  existing(m: EntityManager, ids: string[]): Promise<string[]> {
    if (!this.find) throw new Error('no bridge points module has registered the look-up of operator points');
    return this.find(m, ids);
  }
}
