import { Injectable } from '@nestjs/common';
import { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { User } from '../auth/user.entity';
import { badField } from '../common/errors';

/** What the bridge points module answers about conferences' points (see ConferencePoints). */
export interface PointQueries {
  /** `null` when the user sees every conference; else a query of the ids of the ones they see (for `IN (…)`). */
  visibleIds(m: EntityManager, user: User): Promise<SelectQueryBuilder<ObjectLiteral> | null>;
  /** Whether the user sees the conference (an operator: it has a point in their scope). */
  sees(m: EntityManager, conferenceId: string, user: User): Promise<boolean>;
  /** How many of the conference's points are marked main. */
  mainCount(m: EntityManager, conferenceId: string): Promise<number>;
  /** Whether the point is one of the conference's. */
  has(m: EntityManager, conferenceId: string, pointId: string): Promise<boolean>;
}

/** 400 for a field naming a bridge point of another conference. */
export const pointNotOfConference = (pointId: string, field = 'bridgePointId') =>
  badField(field, 'bridge_point_not_found', `Điểm cầu ${pointId} không thuộc hội nghị này.`);

/**
 * A conference's bridge points, as conferences and the modules below bridge points need them: which
 * conferences a user sees (an operator only those with a point in their scope), whether one has its
 * main point (to be published), whether a point is one of its own (an agenda item's place). The
 * points are the bridge points module's: it registers its queries here when it starts, so conferences
 * need not know its tables (the dependency runs one way). Every read goes through the manager given.
 */
@Injectable()
export class ConferencePoints {
  private queries: PointQueries | null = null;

  register(queries: PointQueries): void {
    if (this.queries) throw new Error('the queries of conference points are registered twice');
    this.queries = queries;
  }

  /** Restricts `qb` to the conferences the user sees: `column` (a conference id) among theirs. */
  async whereVisible<T extends ObjectLiteral>(m: EntityManager, qb: SelectQueryBuilder<T>, column: string, user: User): Promise<void> {
    const ids = await this.registered().visibleIds(m, user);
    if (ids) qb.andWhere(`${column} IN (${ids.getQuery()})`, ids.getParameters());
  }

  sees(m: EntityManager, conferenceId: string, user: User): Promise<boolean> {
    return this.registered().sees(m, conferenceId, user);
  }

  mainCount(m: EntityManager, conferenceId: string): Promise<number> {
    return this.registered().mainCount(m, conferenceId);
  }

  has(m: EntityManager, conferenceId: string, pointId: string): Promise<boolean> {
    return this.registered().has(m, conferenceId, pointId);
  }

  private registered(): PointQueries {
    if (!this.queries) throw new Error('no bridge points module has registered the queries of conference points');
    return this.queries;
  }
}
