import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AdministrativeUnit, UnitSet } from '../administrative-units/administrative-unit.entity';
import { Actor, userActor } from '../audit/actor';
import { AuditService } from '../audit/audit.service';
import { User } from '../auth/user.entity';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { scopeOf } from '../bridge-points/bridge-point-scope';
import { Clock } from '../common/clock';
import { badField, conferenceNotFound, notFound } from '../common/errors';
import { assertVersion } from '../common/find-or-fail';
import { newId } from '../common/ids';
import { Page } from '../common/pagination';
import { searchKey } from '../common/text';
import { Conference } from '../conferences/conference.entity';
import { ConferencesService } from '../conferences/conferences.service';
import { TransactionRunner } from '../database/transaction-runner';
import { isOverdue } from './action-item-deadline';
import { assertOperatorFields, reportsOn } from './action-item-progress';
import {
  ActionItemListQueryDto,
  ActionItemResponseDto,
  AssigneeActionItemsQueryDto,
  CreateActionItemDto,
  toActionItemResponse,
  UpdateActionItemDto,
} from './action-item.dto';
import { ActionItem } from './action-item.entity';
import { ActionItemRepository } from './action-item.repository';
import { assertMinutesStage } from './minutes-errors';
import { forUpdate } from '../database/row-lock';
import { versionedUpdate } from '../database/versioned-update';
import { pointNotOfConference } from '../conferences/conference-points';

/** The vn-34 catalogue is in force from this day (Nghị quyết 202/2025/QH15). */
const VN34_FROM = Date.UTC(2025, 5, 30, 17); // 2025-07-01 00:00 +07:00

/** The catalogue of administrative units in force on a conference's day. */
export const unitSetOn = (startsAt: Date): UnitSet => (startsAt.getTime() >= VN34_FROM ? 'vn-34' : 'vn-63');

/** Action items (nhiệm vụ) assigned at a conference: listed per conference and per assignee across conferences. */
@Injectable()
export class ActionItemsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repository: ActionItemRepository,
    private readonly conferences: ConferencesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly dataSource: DataSource,
  ) {}

  async list(conferenceId: string, query: ActionItemListQueryDto, user: User): Promise<Page<ActionItemResponseDto>> {
    const conference = await this.conferences.findVisible(conferenceId, user);
    const carriedFrom = query.include === 'carried_over' ? await this.repository.ancestors(conference) : [];
    return this.page({ ownConferenceId: conferenceId, carriedFrom }, query);
  }

  /** Every conference's items for one assignee (a unit code, a name, or both); operators see their conferences only. */
  async listForAssignee(query: AssigneeActionItemsQueryDto, user: User): Promise<Page<ActionItemResponseDto>> {
    const scope = await scopeOf(this.dataSource.manager, user);
    return this.page({ scope }, query);
  }

  async create(conferenceId: string, dto: CreateActionItemDto, user: User): Promise<ActionItemResponseDto> {
    await this.conferences.findVisible(conferenceId, user);
    const { item, timeZone } = await this.tx.transaction((m) => this.createIn(m, conferenceId, dto, userActor(user)));
    return toActionItemResponse(item, isOverdue(item, this.clock.now(), timeZone));
  }

  /** Creates an item inside the caller's transaction (a request's, or the demo seeder's). */
  async createIn(
    m: EntityManager,
    conferenceId: string,
    dto: CreateActionItemDto,
    actor: Actor,
  ): Promise<{ item: ActionItem; timeZone: string }> {
    const conference = await m.findOne(Conference, { where: { id: conferenceId }, ...forUpdate(m) });
    if (!conference) throw conferenceNotFound();
    assertMinutesStage(conference, 'giao nhiệm vụ');
    const assignment = await this.assignment(m, conference, {
      bridgePointId: dto.assigneeBridgePointId ?? null,
      unitCode: dto.assigneeAdministrativeUnitCode ?? null,
      unitSet: dto.assigneeAdministrativeUnitSet ?? null,
    });
    const status = dto.status ?? 'open';
    const row: Omit<ActionItem, 'createdAt' | 'updatedAt'> = {
      id: newId(),
      conferenceId,
      description: dto.description,
      assignee: dto.assignee,
      assigneeSearchKey: searchKey(dto.assignee),
      ...assignment,
      deadline: dto.deadline ?? null,
      status,
      progressNote: null,
      position: await this.repository.nextPosition(m, conferenceId),
      doneAt: status === 'done' ? this.clock.now() : null,
      createdBy: actor.userId,
      version: 1,
    };
    await m.insert(ActionItem, row);
    const item = await m.findOneByOrFail(ActionItem, { id: row.id });
    await this.audit.record(m, actor, {
      conferenceId,
      entityType: 'action_item',
      entityId: item.id,
      action: 'create',
      after: toActionItemResponse(item, false),
    });
    return { item, timeZone: conference.timezone };
  }

  /**
   * Admins and organizers change any field; an operator reports progress (status, progressNote)
   * on items assigned to its own bridge points, and gets 404 for every other item, as if missing.
   */
  async update(conferenceId: string, itemId: string, dto: UpdateActionItemDto, user: User): Promise<ActionItemResponseDto> {
    const scope = await scopeOf(this.dataSource.manager, user);
    if (scope) assertOperatorFields(dto);
    await this.conferences.findVisible(conferenceId, user);
    const { item, timeZone } = await this.tx.transaction(async (m) => {
      const conference = await m.findOneByOrFail(Conference, { id: conferenceId });
      const current = await m.findOne(ActionItem, { where: { id: itemId, conferenceId }, ...forUpdate(m) });
      const point =
        scope && current?.assigneeBridgePointId ? await m.findOneBy(BridgePoint, { id: current.assigneeBridgePointId, conferenceId }) : null;
      if (!current || !reportsOn(current, point, scope)) {
        throw notFound('itemId', 'action_item_not_found', `Không tìm thấy nhiệm vụ ${itemId} trong hội nghị này.`);
      }
      assertVersion(current, dto.version);
      const pointChanged = dto.assigneeBridgePointId !== undefined;
      const unitChanged = dto.assigneeAdministrativeUnitCode !== undefined || dto.assigneeAdministrativeUnitSet !== undefined;
      const assignment =
        pointChanged || unitChanged
          ? await this.assignment(m, conference, {
              bridgePointId: pointChanged ? (dto.assigneeBridgePointId ?? null) : current.assigneeBridgePointId,
              unitCode:
                dto.assigneeAdministrativeUnitCode !== undefined
                  ? dto.assigneeAdministrativeUnitCode
                  : pointChanged
                    ? null
                    : current.assigneeAdministrativeUnitCode,
              unitSet: dto.assigneeAdministrativeUnitSet ?? (unitChanged ? null : current.assigneeAdministrativeUnitSet),
            })
          : {};
      const status = dto.status ?? current.status;
      const changes: Partial<ActionItem> = {
        ...(dto.description !== undefined && { description: dto.description }),
        ...(dto.assignee !== undefined && { assignee: dto.assignee, assigneeSearchKey: searchKey(dto.assignee) }),
        ...assignment,
        ...(dto.deadline !== undefined && { deadline: dto.deadline }),
        ...(dto.progressNote !== undefined && { progressNote: dto.progressNote }),
        status,
        doneAt: status === 'done' ? (current.doneAt ?? this.clock.now()) : null,
      };
      await versionedUpdate(m, ActionItem, current, changes);
      const updated = await m.findOneByOrFail(ActionItem, { id: itemId });
      await this.audit.record(m, userActor(user), {
        conferenceId,
        entityType: 'action_item',
        entityId: itemId,
        action: 'update',
        before: toActionItemResponse(current, false),
        after: toActionItemResponse(updated, false),
      });
      return { item: updated, timeZone: conference.timezone };
    });
    return toActionItemResponse(item, isOverdue(item, this.clock.now(), timeZone));
  }

  private async page(
    where: Parameters<ActionItemRepository['page']>[0],
    query: ActionItemListQueryDto | AssigneeActionItemsQueryDto,
  ): Promise<Page<ActionItemResponseDto>> {
    const now = this.clock.now();
    const { rows, total, timeZones } = await this.repository.page(where, query, now);
    const items = rows.map((row) =>
      toActionItemResponse(
        row,
        isOverdue(row, now, timeZones.get(row.conferenceId) ?? 'Asia/Ho_Chi_Minh'),
        where.ownConferenceId !== undefined && row.conferenceId !== where.ownConferenceId,
      ),
    );
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /**
   * Checks the assignee's bridge point (of this conference) and unit (in the catalogue); a point
   * with a unit gives the item that unit when none is named.
   */
  private async assignment(
    m: EntityManager,
    conference: Conference,
    given: { bridgePointId: string | null; unitCode: string | null; unitSet: UnitSet | null },
  ): Promise<Pick<ActionItem, 'assigneeBridgePointId' | 'assigneeAdministrativeUnitCode' | 'assigneeAdministrativeUnitSet'>> {
    let unitCode = given.unitCode;
    let unitSet = given.unitSet;
    if (given.bridgePointId) {
      const point = await m.findOne(BridgePoint, {
        select: { id: true, administrativeUnitSet: true, administrativeUnitCode: true },
        where: { id: given.bridgePointId, conferenceId: conference.id },
      });
      if (!point) {
        throw pointNotOfConference(given.bridgePointId, 'assigneeBridgePointId');
      }
      if (!unitCode && point.administrativeUnitCode) {
        unitCode = point.administrativeUnitCode;
        unitSet = unitSet ?? point.administrativeUnitSet;
      }
    }
    if (!unitCode) return { assigneeBridgePointId: given.bridgePointId, assigneeAdministrativeUnitCode: null, assigneeAdministrativeUnitSet: null };
    const set = unitSet ?? unitSetOn(conference.startsAt);
    if (!(await m.existsBy(AdministrativeUnit, { set, code: unitCode }))) {
      throw badField(
        'assigneeAdministrativeUnitCode',
        'administrative_unit_not_found',
        `Không có đơn vị hành chính mã ${unitCode} trong danh mục ${set}.`,
      );
    }
    return { assigneeBridgePointId: given.bridgePointId, assigneeAdministrativeUnitCode: unitCode, assigneeAdministrativeUnitSet: set };
  }
}
