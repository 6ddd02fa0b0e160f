import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { OperatorScope, whereInScope } from '../bridge-points/bridge-point-scope';
import { containsPattern } from '../common/text';
import { skipOf } from '../common/pagination';
import { Conference } from '../conferences/conference.entity';
import { todayIn } from './action-item-deadline';
import { ActionItem, ActionItemStatus } from './action-item.entity';

export interface ActionItemFilters {
  status?: ActionItemStatus;
  overdue?: boolean;
  assignee?: string;
  assigneeAdministrativeUnitCode?: string;
  assigneeBridgePointId?: string;
  page: number;
  pageSize: number;
}

/** How far back "carried over" follows a chain of clones. */
const MAX_ANCESTORS = 20;

/** The action-item queries that filter, join or page. */
@Injectable()
export class ActionItemRepository {
  constructor(@InjectRepository(ActionItem) private readonly items: Repository<ActionItem>) {}

  /**
   * One page of items of `ownConferenceId` plus, when given, the items not done of the
   * `carriedFrom` conferences; ordered with carried-over items first, then by deadline (items
   * without one last) and position. Returns the page, the total and each conference's time zone.
   */
  async page(
    where: { ownConferenceId?: string; carriedFrom?: string[]; scope?: OperatorScope | null },
    filters: ActionItemFilters,
    now: Date,
  ): Promise<{ rows: ActionItem[]; total: number; timeZones: Map<string, string> }> {
    const m = this.items.manager;
    const qb = m.createQueryBuilder(ActionItem, 'ai').innerJoin(Conference, 'c', 'c.id = ai.conferenceId');
    if (where.ownConferenceId) {
      const carried = where.carriedFrom ?? [];
      qb.andWhere(
        new Brackets((b) => {
          b.where('ai.conferenceId = :own', { own: where.ownConferenceId });
          if (carried.length > 0) b.orWhere("(ai.conferenceId IN (:...carried) AND ai.status <> 'done')", { carried });
        }),
      );
    }
    if (where.scope) {
      const visible = whereInScope(m.createQueryBuilder(BridgePoint, 'bp').select('bp.conferenceId'), 'bp', where.scope);
      qb.andWhere(`ai.conferenceId IN (${visible.getQuery()})`, visible.getParameters());
    }
    if (filters.status) qb.andWhere('ai.status = :status', { status: filters.status });
    if (filters.assignee?.trim()) qb.andWhere("ai.assigneeSearchKey LIKE :assignee ESCAPE '\\'", { assignee: containsPattern(filters.assignee) });
    if (filters.assigneeAdministrativeUnitCode) {
      qb.andWhere('ai.assigneeAdministrativeUnitCode = :unit', { unit: filters.assigneeAdministrativeUnitCode });
    }
    if (filters.assigneeBridgePointId) qb.andWhere('ai.assigneeBridgePointId = :point', { point: filters.assigneeBridgePointId });
    if (filters.overdue !== undefined) this.whereOverdue(qb, filters.overdue, await this.zonesInUse(m), now);

    qb.select('ai')
      .addSelect(where.ownConferenceId ? 'CASE WHEN ai.conference_id = :own THEN 1 ELSE 0 END' : '0', 'own_last')
      .addSelect('CASE WHEN ai.deadline IS NULL THEN 1 ELSE 0 END', 'no_deadline')
      .orderBy('own_last', 'ASC')
      .addOrderBy('no_deadline', 'ASC')
      .addOrderBy('ai.deadline', 'ASC')
      .addOrderBy('ai.conferenceId', 'ASC')
      .addOrderBy('ai.position', 'ASC')
      .addOrderBy('ai.id', 'ASC')
      .offset(skipOf(filters))
      .limit(filters.pageSize);
    const [rows, total] = await Promise.all([qb.getMany(), qb.clone().offset(undefined).limit(undefined).orderBy().getCount()]);
    return { rows, total, timeZones: await this.timeZones(m, rows.map((r) => r.conferenceId)) };
  }

  /** The conferences this one was cloned from, nearest first (a chain of clones, followed back). */
  async ancestors(conference: Conference, m: EntityManager = this.items.manager): Promise<string[]> {
    const ids: string[] = [];
    let next = conference.clonedFromId;
    while (next && ids.length < MAX_ANCESTORS && !ids.includes(next) && next !== conference.id) {
      ids.push(next);
      const parent = await m.findOne(Conference, { select: { id: true, clonedFromId: true }, where: { id: next } });
      next = parent?.clonedFromId ?? null;
    }
    return ids;
  }

  /** The next position in a conference's list. */
  async nextPosition(m: EntityManager, conferenceId: string): Promise<number> {
    const row = await m
      .createQueryBuilder(ActionItem, 'ai')
      .select('MAX(ai.position)', 'last')
      .where('ai.conferenceId = :conferenceId', { conferenceId })
      .getRawOne<{ last: number | string | null }>();
    return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
  }

  /** Conference id → time zone. */
  async timeZones(m: EntityManager, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await m.find(Conference, { select: { id: true, timezone: true }, where: { id: In([...new Set(ids)]) } });
    return new Map(rows.map((c) => [c.id, c.timezone]));
  }

  /** The time zones conferences use (a handful). */
  private async zonesInUse(m: EntityManager): Promise<string[]> {
    const rows = await m.createQueryBuilder(Conference, 'c').select('DISTINCT c.timezone', 'tz').getRawMany<{ tz: string }>();
    return rows.map((r) => r.tz);
  }

  /**
   * Overdue in SQL: not done, with a deadline before today in the item's conference time zone.
   * "Today" is computed here for each time zone in use (a handful), so the comparison is plain text.
   */
  private whereOverdue(qb: SelectQueryBuilder<ActionItem>, overdue: boolean, zones: string[], now: Date): void {
    const params: Record<string, string> = {};
    const perZone = zones.map((zone, i) => {
      params[`tz${i}`] = zone;
      params[`today${i}`] = todayIn(now, zone);
      return `(c.timezone = :tz${i} AND ai.deadline < :today${i})`;
    });
    const late = `(ai.status <> 'done' AND ai.deadline IS NOT NULL AND (${perZone.length > 0 ? perZone.join(' OR ') : '1 = 0'}))`;
    qb.andWhere(overdue ? late : `NOT ${late}`, params);
  }
}
