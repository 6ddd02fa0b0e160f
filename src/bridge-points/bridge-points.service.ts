import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { AdministrativeUnit, UnitSet } from '../administrative-units/administrative-unit.entity';
import { Actor, userActor } from '../audit/actor';
import { AuditRecord, AuditService } from '../audit/audit.service';
import { SignedLinksService } from '../auth/signed-links.service';
import { User } from '../auth/user.entity';
import { Clock } from '../common/clock';
import { entityRows } from '../common/entity-rows';
import { badField, CodedDetail, conferenceNotFound, conflict, notFound, refusal } from '../common/errors';
import { assertVersion } from '../common/find-or-fail';
import { newId } from '../common/ids';
import { Page, pageOf, skipOf } from '../common/pagination';
import { containsPattern, searchKey } from '../common/text';
import { assertOpen } from '../conferences/conference-lifecycle';
import { Conference } from '../conferences/conference.entity';
import { AttendanceWindow } from '../conferences/attendance-window';
import { ConferenceState, ConferenceStateRepository } from '../conferences/conference-state.repository';
import { conferenceOrFail } from './conference-visibility';
import { TransactionRunner } from '../database/transaction-runner';
import { OutboxService } from '../outbox/outbox.service';
import { BridgePoint } from './bridge-point.entity';
import { BridgePointRepository } from './bridge-point.repository';
import { confirmationAfter } from './bridge-point-confirmation';
import { newBridgePoint, NewBridgePoint, unitFields } from './bridge-point-row';
import { inScope, OperatorScope, scopeOf, whereInScope } from './bridge-point-scope';
import { BridgePointSummary } from './bridge-point-summary.repository';
import {
  AttendanceDto,
  BridgePointListQueryDto,
  BridgePointResponseDto,
  ConfirmBridgePointDto,
  ConnectionCheckDto,
  ConnectionCheckResponseDto,
  ConnectResultDto,
  ConnectUnitsDto,
  CreateBridgePointDto,
  DeclineBridgePointDto,
  IssueLinkDto,
  IssueLinksDto,
  SignedLinkListResponseDto,
  SignedLinkResponseDto,
  toBridgePointResponse,
  toConnectionCheckResponse,
  UpdateBridgePointDto,
  VersionedActionDto,
} from './bridge-point.dto';
import { ConnectionCheck } from './connection-check.entity';
import { SummaryCache } from './summary-cache';

const CHUNK = 200;
export const CONFIRM_PAGE = 'bridge-points/confirm';
/** The action a closed attendance window refuses, as its message names it. */
export const ATTENDANCE_REPORT = 'Báo cáo số đại biểu thực tế';

/** Who acts on a bridge point, and which points they may act on (null: any of the conference). */
export interface PointActor {
  actor: Actor;
  scope: OperatorScope | null;
  /** A signed link opens exactly this point. */
  onlyPointId?: string;
}

/** A change to one point, written only if the point is still at `version`. */
export interface PointChange {
  pointId: string;
  version: number;
  changes: Partial<BridgePoint>;
}

type NewPoint = NewBridgePoint;

/** A refusal to create points is answered with at most this many details, as a body's validation is. */
const MAX_DETAILS = 20;

/** One problem of a point to create; `conflict` ones (the conference's state refuses it) make the whole answer a 409. */
type CreateProblem = CodedDetail & { conflict?: true };

/** What new points are checked against: the units they name and the conference's points so far. */
interface CreationContext {
  units: Map<string, AdministrativeUnit>;
  /** The points named as parents that are the conference's. */
  parents: BridgePoint[];
  existingMain: BridgePoint | null;
  /** `set:code` of every unit with a point; units planned for new points join as they are planned. */
  existingUnits: Set<string>;
  /** The conference's provincial points by `set:code`, for communes given no parent. */
  provincePoints: Map<string, BridgePoint>;
  /** How many points the conference has: the first new point's position. */
  position: number;
}

/** The answer for points refused: 409 if any is refused by what the conference has already, 400 otherwise; nothing is created. */
function createRefusal(problems: CreateProblem[]) {
  const details = problems.slice(0, MAX_DETAILS).map(({ field, code, message }) => ({ field, code, message }));
  const more = problems.length - details.length;
  const message = details.map((d) => d.message).join(' ') + (more > 0 ? ` (và ${more} lỗi khác)` : '');
  return refusal(problems.some((p) => p.conflict) ? 409 : 400, details, message);
}

const unknownParent = (field: string, parentId: string): CodedDetail => ({
  field,
  code: 'unknown_parent',
  message: `Điểm cầu ${parentId} không thuộc hội nghị này nên không thể làm điểm cầu cấp trên.`,
});

@Injectable()
export class BridgePointsService {
  constructor(
    @InjectRepository(BridgePoint) private readonly points: Repository<BridgePoint>,
    @InjectRepository(ConnectionCheck) private readonly checks: Repository<ConnectionCheck>,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly links: SignedLinksService,
    private readonly summaries: SummaryCache,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
    private readonly window: AttendanceWindow,
    private readonly rows: BridgePointRepository,
    private readonly conferenceStates: ConferenceStateRepository,
  ) {}

  async actorFor(user: User): Promise<PointActor> {
    return { actor: userActor(user), scope: await scopeOf(this.points.manager, user) };
  }

  async list(conferenceId: string, query: BridgePointListQueryDto, user: User): Promise<Page<BridgePointResponseDto>> {
    const scope = await scopeOf(this.points.manager, user);
    await conferenceOrFail(this.points.manager, conferenceId, scope);
    const qb = this.points
      .createQueryBuilder('bp')
      .where('bp.conferenceId = :conferenceId', { conferenceId })
      .orderBy('bp.isMain', 'DESC')
      .addOrderBy('bp.provinceCode', 'ASC')
      .addOrderBy('bp.level', 'ASC')
      .addOrderBy('bp.administrativeUnitCode', 'ASC')
      .addOrderBy('bp.name', 'ASC')
      .skip(skipOf(query))
      .take(query.pageSize);
    if (query.level) qb.andWhere('bp.level = :level', { level: query.level });
    if (query.parentId) qb.andWhere('bp.parentId = :parentId', { parentId: query.parentId });
    if (query.administrativeUnitCode) qb.andWhere('bp.administrativeUnitCode = :code', { code: query.administrativeUnitCode });
    if (query.provinceCode) qb.andWhere('bp.provinceCode = :province', { province: query.provinceCode });
    if (query.confirmationStatus) qb.andWhere('bp.confirmationStatus = :cs', { cs: query.confirmationStatus });
    if (query.connectionStatus) qb.andWhere('bp.connectionStatus = :ns', { ns: query.connectionStatus });
    if (query.q) qb.andWhere("bp.searchKey LIKE :q ESCAPE '\\'", { q: containsPattern(query.q) });
    whereInScope(qb, 'bp', scope);
    return pageOf(query, await qb.getManyAndCount(), toBridgePointResponse);
  }

  /** The names of some points of a conference, by id (one query; for lists that show each row's point). */
  async namesOf(conferenceId: string, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.points.find({ select: { id: true, name: true }, where: { conferenceId, id: In([...new Set(ids)]) } });
    return new Map(rows.map((p) => [p.id, p.name]));
  }

  async get(conferenceId: string, pointId: string, who: PointActor): Promise<BridgePointResponseDto> {
    return toBridgePointResponse(await this.pointOrFail(this.points.manager, conferenceId, pointId, who));
  }

  async summary(conferenceId: string): Promise<BridgePointSummary> {
    const summary = await this.summaries.get(conferenceId);
    if (!summary) throw conferenceNotFound();
    return summary;
  }

  /** POST …/bridge-points: one point. */
  async createOne(conferenceId: string, dto: CreateBridgePointDto, user: User): Promise<BridgePointResponseDto> {
    const [created] = await this.createMany(conferenceId, [dto], user, '');
    return created;
  }

  /** POST …/bridge-points with `{ items }`: all of them, or none if any is wrong. */
  async createList(conferenceId: string, items: CreateBridgePointDto[], user: User): Promise<ConnectResultDto> {
    const created = await this.createMany(conferenceId, items, user, 'items.');
    return { created: created.length, existing: 0, items: created };
  }

  private async createMany(
    conferenceId: string,
    items: CreateBridgePointDto[],
    user: User,
    fieldPrefix: string,
  ): Promise<BridgePointResponseDto[]> {
    const created = await this.tx.transaction(async (m) => {
      const conference = await conferenceOrFail(m, conferenceId);
      assertOpen(conference);
      const context = await this.creationContext(m, conferenceId, items);
      const { rows, details } = this.plannedPoints(conferenceId, items, context, fieldPrefix);
      if (details.length > 0) throw createRefusal(details);
      await this.insertChunked(m, rows);
      await this.audit.record(
        m,
        userActor(user),
        ...rows.map((row) => ({
          conferenceId,
          entityType: 'bridge_point' as const,
          entityId: row.id,
          action: 'create',
          after: { name: row.name, level: row.level, isMain: row.isMain, administrativeUnitCode: row.administrativeUnitCode },
        })),
      );
      return m.find(BridgePoint, { where: { id: In(rows.map((r) => r.id)) } });
    });
    this.summaries.invalidate(conferenceId);
    const order = new Map(created.map((p) => [p.id, p.position]));
    return created.sort((a, b) => order.get(a.id)! - order.get(b.id)!).map(toBridgePointResponse);
  }

  /** What `createMany` checks the new points against: the units they name and the conference's points so far. */
  private async creationContext(m: EntityManager, conferenceId: string, items: CreateBridgePointDto[]): Promise<CreationContext> {
    const units = await this.unitsFor(m, items);
    const parentIds = [...new Set(items.map((i) => i.parentId).filter((id): id is string => !!id))];
    const parents = parentIds.length
      ? await m.find(BridgePoint, { where: { id: In(parentIds), conferenceId } })
      : [];
    const existingMain = await m.findOneBy(BridgePoint, { conferenceId, isMain: true });
    const existingUnits = new Set(
      (
        await m.find(BridgePoint, {
          select: { administrativeUnitSet: true, administrativeUnitCode: true },
          where: { conferenceId },
        })
      ).map((p) => `${p.administrativeUnitSet}:${p.administrativeUnitCode}`),
    );
    const provincePoints = new Map(
      (await m.find(BridgePoint, { where: { conferenceId, level: 'provincial' } })).map((p) => [
        `${p.administrativeUnitSet}:${p.administrativeUnitCode}`,
        p,
      ]),
    );
    const position = await m.count(BridgePoint, { where: { conferenceId } });
    return { units, parents, existingMain, existingUnits, provincePoints, position };
  }

  /**
   * The rows to insert for `items`, or the problems that refuse them. Each item is checked in
   * order (its unit, the main point, its parent); a commune without a parent goes under its
   * province's point. Units planned here count as connected for the items after them.
   */
  private plannedPoints(
    conferenceId: string,
    items: CreateBridgePointDto[],
    context: CreationContext,
    fieldPrefix: string,
  ): { rows: NewPoint[]; details: CreateProblem[] } {
    const { units, parents, existingMain, existingUnits, provincePoints, position } = context;
    const details: CreateProblem[] = [];
    const field = (i: number, name: string) => (fieldPrefix ? `${fieldPrefix}${i}.${name}` : name);
    let mainSeen = existingMain !== null;
    const rows: NewPoint[] = [];

    items.forEach((item, i) => {
      const set: UnitSet = item.administrativeUnitSet ?? 'vn-34';
      const unit = item.administrativeUnitCode ? units.get(`${set}:${item.administrativeUnitCode}`) : undefined;
      const unitProblem = this.unitProblem(item, set, unit, existingUnits, (name) => field(i, name));
      if (unitProblem) {
        details.push(unitProblem);
        return;
      }
      if (item.isMain) {
        if (mainSeen) {
          details.push(
            existingMain
              ? { field: field(i, 'isMain'), code: 'main_point_taken', message: `Hội nghị đã có điểm cầu chính: ${existingMain.name}.`, conflict: true }
              : { field: field(i, 'isMain'), code: 'several_main_points', message: 'Chỉ một điểm cầu được là điểm cầu chính.' },
          );
          return;
        }
        mainSeen = true;
      }
      let parent = item.parentId ? parents.find((p) => p.id === item.parentId) : undefined;
      if (item.parentId && !parent) {
        details.push(unknownParent(field(i, 'parentId'), item.parentId));
        return;
      }
      if (!parent && unit?.level === 'commune') parent = provincePoints.get(`${set}:${unit.parentCode}`);
      if (unit) existingUnits.add(`${set}:${unit.code}`);
      rows.push(this.pointFromItem(conferenceId, item, set, unit, parent, position + i));
    });
    return { rows, details };
  }

  /** What refuses an item for its unit: unknown, already connected, or neither given nor a name. */
  private unitProblem(
    item: CreateBridgePointDto,
    set: UnitSet,
    unit: AdministrativeUnit | undefined,
    existingUnits: Set<string>,
    field: (name: string) => string,
  ): CreateProblem | undefined {
    if (item.administrativeUnitCode && !unit) {
      return {
        field: field('administrativeUnitCode'),
        code: 'unknown_administrative_unit',
        message: `"${item.administrativeUnitCode}" không phải là mã đơn vị hành chính của bộ ${set}.`,
      };
    }
    if (unit && existingUnits.has(`${set}:${unit.code}`)) {
      return {
        field: field('administrativeUnitCode'),
        code: 'already_connected',
        message: `${unit.name} (${unit.code}) đã có điểm cầu trong hội nghị này.`,
        conflict: true,
      };
    }
    if (!item.name && !unit) {
      return { field: field('name'), code: 'name_required', message: 'Vui lòng nhập tên điểm cầu (name) khi không ghi mã đơn vị hành chính.' };
    }
    return undefined;
  }

  /** A new point from an item: the unit's fields (when it names one) under what the item gives. */
  private pointFromItem(
    conferenceId: string,
    item: CreateBridgePointDto,
    set: UnitSet,
    unit: AdministrativeUnit | undefined,
    parent: BridgePoint | undefined,
    position: number,
  ): NewPoint {
    const fromUnit = unit ? unitFields(set, unit) : undefined;
    return newBridgePoint({
      conferenceId,
      ...fromUnit,
      name: item.name ?? fromUnit!.name,
      level: item.level ?? fromUnit?.level ?? 'other',
      isMain: item.isMain ?? false,
      provinceCode: fromUnit ? fromUnit.provinceCode : (parent?.provinceCode ?? null),
      region: fromUnit?.region ?? parent?.region ?? null,
      parentId: parent?.id ?? null,
      address: item.address ?? null,
      chairName: item.chairName ?? null,
      chairTitle: item.chairTitle ?? null,
      contactName: item.contactName ?? null,
      contactPhone: item.contactPhone ?? null,
      contactEmail: item.contactEmail ?? null,
      expectedAttendees: item.expectedAttendees ?? null,
      notes: item.notes ?? null,
      capacity: item.capacity ?? null,
      position,
    });
  }

  /**
   * Connects every province of a set, or every commune (of one province, or of the country)
   * each under its province's point, creating the province points first when missing. Points
   * that already exist are left alone, so calling it again changes nothing.
   */
  async connectUnits(conferenceId: string, dto: ConnectUnitsDto, user: User): Promise<ConnectResultDto> {
    const level = dto.level ?? 'province';
    if (level === 'commune' && dto.administrativeUnitSet !== 'vn-34') {
      throw badField('level', 'communes_need_vn34', 'Danh mục xã, phường chỉ có cho bộ đơn vị hành chính vn-34; hãy chọn administrativeUnitSet "vn-34".');
    }
    if (dto.parentCode !== undefined && level !== 'commune') {
      throw badField('parentCode', 'parent_code_needs_commune', 'Mã tỉnh (parentCode) chỉ dùng khi kết nối cấp xã (level "commune").');
    }
    const result = await this.tx.transaction(async (m) => {
      const conference = await conferenceOrFail(m, conferenceId);
      assertOpen(conference);
      const set = dto.administrativeUnitSet;
      const provinces = await m.find(AdministrativeUnit, {
        where: { set, level: 'province', ...(dto.parentCode && { code: dto.parentCode }) },
        order: { code: 'ASC' },
      });
      if (dto.parentCode && provinces.length === 0) {
        throw badField('parentCode', 'unknown_province', `"${dto.parentCode}" không phải là mã tỉnh, thành phố của bộ ${set}.`);
      }
      const existing = await m.find(BridgePoint, {
        select: { id: true, administrativeUnitCode: true, level: true, region: true, provinceCode: true },
        where: { conferenceId, administrativeUnitSet: set },
      });
      const byCode = new Map(existing.map((p) => [p.administrativeUnitCode!, p]));
      let position = await m.count(BridgePoint, { where: { conferenceId } });
      const rows: NewPoint[] = [];
      const provinceIds = new Map<string, string>();
      for (const province of provinces) {
        const found = byCode.get(province.code);
        if (found) {
          provinceIds.set(province.code, found.id);
          continue;
        }
        const row = this.pointFromUnit(conferenceId, set, province, null, position++);
        provinceIds.set(province.code, row.id);
        rows.push(row);
      }
      if (level === 'commune') {
        const communes = await m.find(AdministrativeUnit, {
          where: { set, level: 'commune', ...(dto.parentCode && { parentCode: dto.parentCode }) },
          order: { parentCode: 'ASC', code: 'ASC' },
        });
        for (const commune of communes) {
          if (byCode.has(commune.code)) continue;
          rows.push(this.pointFromUnit(conferenceId, set, commune, provinceIds.get(commune.parentCode!) ?? null, position++));
        }
      }
      await this.insertChunked(m, rows);
      const considered = level === 'commune' ? rows.length + existing.length : provinces.length;
      await this.audit.record(m, userActor(user), {
        conferenceId,
        entityType: 'conference',
        entityId: conferenceId,
        action: 'connect_units',
        after: { administrativeUnitSet: set, level, parentCode: dto.parentCode ?? null, created: rows.length },
      });
      return { created: rows.length, existing: Math.max(0, considered - rows.length) };
    });
    // Thousands of new rows at once: refresh PostgreSQL's statistics now rather than when
    // autovacuum gets to it, so the next queries are planned for the table's real size.
    if (result.created > 500 && this.points.manager.connection.options.type === 'postgres') {
      await this.points.manager.query('ANALYZE bridge_points');
    }
    this.summaries.invalidate(conferenceId);
    return result;
  }

  async update(conferenceId: string, pointId: string, dto: UpdateBridgePointDto, user: User): Promise<BridgePointResponseDto> {
    return this.change(conferenceId, pointId, { actor: userActor(user), scope: null }, 'update', dto.version, async (m, point) => {
      if (dto.isMain && !point.isMain) {
        const main = await m.findOneBy(BridgePoint, { conferenceId, isMain: true });
        if (main) {
          throw conflict('isMain', 'main_point_taken', `Hội nghị đã có điểm cầu chính: ${main.name}.`);
        }
      }
      if (dto.parentId !== undefined && dto.parentId !== point.parentId) {
        if (dto.parentId === point.id) throw badField('parentId', 'own_parent', 'Điểm cầu không thể là điểm cầu cấp trên của chính nó.');
        const parent = await m.findOneBy(BridgePoint, { id: dto.parentId, conferenceId });
        if (!parent) {
          const { field, code, message } = unknownParent('parentId', dto.parentId);
          throw badField(field, code, message);
        }
      }
      const { version: _v, ...fields } = dto;
      return { ...fields, ...(dto.name !== undefined && { searchKey: searchKey(dto.name) }) };
    });
  }

  confirm(conferenceId: string, pointId: string, dto: ConfirmBridgePointDto, who: PointActor) {
    return this.change(conferenceId, pointId, who, 'confirm', dto.version, async (_m, point) => {
      const status = confirmationAfter(point, 'confirm');
      const { version: _v, ...details } = dto;
      return {
        ...details,
        confirmationStatus: status,
        declineReason: null,
        confirmedAt: point.confirmedAt ?? this.clock.now(),
      };
    });
  }

  decline(conferenceId: string, pointId: string, dto: DeclineBridgePointDto, who: PointActor) {
    return this.change(conferenceId, pointId, who, 'decline', dto.version, async (_m, point) => ({
      confirmationStatus: confirmationAfter(point, 'decline'),
      declineReason: dto.reason,
      confirmedAt: null,
    }));
  }

  reopen(conferenceId: string, pointId: string, dto: VersionedActionDto, user: User) {
    return this.change(conferenceId, pointId, { actor: userActor(user), scope: null }, 'reopen', dto.version, async (_m, point) => ({
      confirmationStatus: confirmationAfter(point, 'reopen'),
      declineReason: null,
      confirmedAt: null,
    }));
  }

  /** Records a connection check; the latest one becomes the point's connection state, the rest is history. */
  async connectionCheck(conferenceId: string, pointId: string, dto: ConnectionCheckDto, who: PointActor) {
    let check: ConnectionCheck | undefined;
    const point = await this.change(conferenceId, pointId, who, 'connection_check', undefined, async (m, current) => {
      check = m.create(ConnectionCheck, {
        id: newId(),
        bridgePointId: current.id,
        result: dto.result,
        note: dto.note ?? null,
        checkedAt: this.clock.now(),
        checkedBy: who.actor.label,
      });
      await m.insert(ConnectionCheck, check);
      return { connectionStatus: dto.result, connectionCheckedAt: check.checkedAt };
    });
    return { bridgePoint: point, check: toConnectionCheckResponse(check!) };
  }

  /** The headcount a point reports (số đại biểu thực tế); it stands for the point's attendance from then on. */
  attendance(conferenceId: string, pointId: string, dto: AttendanceDto, who: PointActor) {
    return this.change(conferenceId, pointId, who, 'attendance', undefined, async (_m, _point, conference) => {
      this.window.assertOpen(conference, ATTENDANCE_REPORT);
      return { reportedAttendees: dto.actualAttendees };
    });
  }

  /**
   * Counts check-ins (or their undoing) into a point's `checkedInAttendees`, inside the caller's
   * transaction. The count is kept by the system, not edited by people, so it leaves the point's
   * `version` alone: someone editing the point during check-in gets no false 409.
   */
  async countCheckIns(m: EntityManager, bridgePointId: string, delta: number): Promise<void> {
    if (delta === 0) return;
    await this.rows.addCheckIns(m, bridgePointId, delta);
  }

  async checkHistory(conferenceId: string, pointId: string, who: PointActor): Promise<ConnectionCheckResponseDto[]> {
    await this.pointOrFail(this.points.manager, conferenceId, pointId, who);
    const checks = await this.checks.find({ where: { bridgePointId: pointId }, order: { checkedAt: 'DESC', id: 'ASC' } });
    return checks.map(toConnectionCheckResponse);
  }

  async issueLink(conferenceId: string, pointId: string, dto: IssueLinkDto, user: User): Promise<SignedLinkResponseDto> {
    const { links } = await this.tx.transaction(async (m) => {
      const conference = await conferenceOrFail(m, conferenceId);
      const point = await this.pointOrFail(m, conferenceId, pointId, { actor: userActor(user), scope: null });
      return this.issueFor(m, conference, [point], dto, user);
    });
    return links[0];
  }

  /**
   * Links for every point of the conference, or those counted under one province, or of one
   * level; says how many link mails were queued and which points have no email to send one to.
   */
  async issueLinks(conferenceId: string, dto: IssueLinksDto, user: User): Promise<SignedLinkListResponseDto> {
    return this.tx.transaction(async (m) => {
      const conference = await conferenceOrFail(m, conferenceId);
      const points = await m.find(BridgePoint, {
        where: {
          conferenceId,
          ...(dto.provinceCode && { provinceCode: dto.provinceCode }),
          ...(dto.level && { level: dto.level }),
        },
        order: { position: 'ASC' },
      });
      const { links, queued } = await this.issueFor(m, conference, points, dto, user);
      const withoutEmail = points.filter((p) => !p.contactEmail).map((p) => ({ bridgePointId: p.id, name: p.name }));
      return { items: links, queued, withoutEmail };
    });
  }

  async revokeLinks(conferenceId: string, pointId: string, user: User): Promise<{ revoked: number }> {
    const revoked = await this.tx.transaction(async (m) => {
      await this.pointOrFail(m, conferenceId, pointId, { actor: userActor(user), scope: null });
      return this.links.revoke(m, { bridgePointId: pointId });
    });
    return { revoked };
  }

  private async issueFor(
    m: EntityManager,
    conference: Conference,
    points: BridgePoint[],
    dto: IssueLinkDto,
    user: User,
  ): Promise<{ links: SignedLinkResponseDto[]; queued: number }> {
    const expiresAt = this.links.expiryOf('bridge_point', conference.endsAt, dto.expiresAt);
    const issued = await this.links.issue(
      m,
      'bridge_point',
      points.map((p) => ({ conferenceId: conference.id, bridgePointId: p.id })),
      expiresAt,
      user.id,
      { replace: dto.replace },
    );
    let queued = 0;
    // `sendEmail` is the former name of `send`, still honoured when `send` is not given.
    if ((dto.send ?? dto.sendEmail) !== false) {
      // The mail carries a link of its own, issued when it is sent: no token waits in the outbox.
      queued = await this.outbox.enqueue(
        m,
        points
          .map((point, i) => ({ point, link: issued[i] }))
          .filter(({ point }) => point.contactEmail)
          .map(({ point, link }) => ({
            kind: 'bridge_point_link' as const,
            conferenceId: conference.id,
            recipient: point.contactEmail!,
            recipientName: point.contactName,
            bridgePointId: point.id,
            idempotencyKey: `bridge_point_link:${link.id}`,
          })),
      );
    }
    const links = issued.map((link, i) => ({
      bridgePointId: points[i].id,
      token: link.token,
      url: this.links.url(CONFIRM_PAGE, link.token),
      expiresAt: link.expiresAt.toISOString(),
    }));
    return { links, queued };
  }

  /**
   * The one path every change to a bridge point takes: in a transaction, the conference must be
   * open, the point must belong to it and be in the actor's scope, the version (when given)
   * must be current; the change is written with the version bumped, and audited.
   */
  private async change(
    conferenceId: string,
    pointId: string,
    who: PointActor,
    action: string,
    expectedVersion: number | undefined,
    compute: (m: EntityManager, point: BridgePoint, conference: ConferenceState) => Promise<Partial<BridgePoint>>,
  ): Promise<BridgePointResponseDto> {
    const updated = await this.tx.transaction(async (m) => {
      const { row, conference } = await this.conferenceStates.rowOfOpenConference(m, entityRows(m, BridgePoint), conferenceId, pointId, true);
      const point = this.allowedPoint(row, pointId, who);
      if (expectedVersion !== undefined) assertVersion(point, expectedVersion);
      const changes = await compute(m, point, conference);
      const { after, entry } = await this.write(m, point, changes, action);
      await this.audit.record(m, who.actor, entry);
      return after;
    });
    this.summaries.invalidate(conferenceId);
    return toBridgePointResponse(updated);
  }

  /**
   * Changes many points of one conference in one transaction, each the way `change` changes one:
   * the conference must be open, each point must be of it and still at the version the caller
   * read (409 otherwise, and nothing is written); each is written with its version bumped and
   * gets its own audit entry.
   */
  async changeMany(conferenceId: string, user: User, action: string, changes: PointChange[]): Promise<BridgePointResponseDto[]> {
    const who: PointActor = { actor: userActor(user), scope: null };
    const updated = await this.tx.transaction(async (m) => {
      await this.conferenceStates.assertOpen(m, conferenceId);
      if (changes.length === 0) return [];
      const current = await m.find(BridgePoint, { where: { conferenceId, id: In(changes.map((c) => c.pointId)) } });
      const byId = new Map(current.map((p) => [p.id, p]));
      const written: BridgePoint[] = [];
      const entries: AuditRecord[] = [];
      for (const change of changes) {
        const point = this.allowedPoint(byId.get(change.pointId) ?? null, change.pointId, who);
        assertVersion(point, change.version);
        const { after, entry } = await this.write(m, point, change.changes, action);
        written.push(after);
        entries.push(entry);
      }
      await this.audit.record(m, who.actor, ...entries);
      return written;
    });
    this.summaries.invalidate(conferenceId);
    return updated.map(toBridgePointResponse);
  }

  /**
   * Writes one point's change with its version bumped, 409 when the point changed since it was
   * read; answers the row as written (without reading it back: `change` runs thousands of times
   * at once) and the audit entry that records it.
   */
  private async write(
    m: EntityManager,
    point: BridgePoint,
    changes: Partial<BridgePoint>,
    action: string,
  ): Promise<{ after: BridgePoint; entry: AuditRecord }> {
    const affected = await this.rows.updateVersioned(m, point, changes);
    if (affected !== 1) assertVersion(await m.findOneByOrFail(BridgePoint, { id: point.id }), point.version);
    const after: BridgePoint = { ...point, ...changes, version: point.version + 1, updatedAt: this.clock.now() };
    const entry: AuditRecord = {
      conferenceId: point.conferenceId,
      entityType: 'bridge_point',
      entityId: point.id,
      action,
      before: toBridgePointResponse(point),
      after: toBridgePointResponse(after),
    };
    return { after, entry };
  }

  private async pointOrFail(m: EntityManager, conferenceId: string, pointId: string, who: PointActor): Promise<BridgePoint> {
    // A prepared statement: reads of single points come by the thousand too.
    return this.allowedPoint(await this.rows.rowOf(m, conferenceId, pointId), pointId, who);
  }

  /** 404 for a point of another conference and for a point outside the actor's scope alike. */
  private allowedPoint(point: BridgePoint | null, pointId: string, who: PointActor): BridgePoint {
    const allowed = point && inScope(point, who.scope) && (!who.onlyPointId || who.onlyPointId === point.id);
    if (!point || !allowed) throw notFound('bpId', 'bridge_point_not_found', `Không tìm thấy điểm cầu ${pointId} trong hội nghị này.`);
    return point;
  }

  private async unitsFor(m: EntityManager, items: CreateBridgePointDto[]): Promise<Map<string, AdministrativeUnit>> {
    const wanted = items.filter((i) => i.administrativeUnitCode);
    if (wanted.length === 0) return new Map();
    const units = await m.find(AdministrativeUnit, {
      where: { code: In([...new Set(wanted.map((i) => i.administrativeUnitCode!))]) },
    });
    return new Map(units.map((u) => [`${u.set}:${u.code}`, u]));
  }

  private pointFromUnit(
    conferenceId: string,
    set: UnitSet,
    unit: AdministrativeUnit,
    parentId: string | null,
    position: number,
  ): NewPoint {
    return newBridgePoint({ conferenceId, ...unitFields(set, unit), parentId, position });
  }

  /** Parents first, in chunks: one round trip per chunk, never one per row. */
  private async insertChunked(m: EntityManager, rows: NewPoint[]): Promise<void> {
    const ids = new Set(rows.map((r) => r.id));
    const childOfNew = (r: NewPoint) => r.parentId !== null && ids.has(r.parentId);
    const ordered = [...rows.filter((r) => !childOfNew(r)), ...rows.filter(childOfNew)];
    for (let i = 0; i < ordered.length; i += CHUNK) {
      await m.createQueryBuilder().insert().into(BridgePoint).values(ordered.slice(i, i + CHUNK)).updateEntity(false).execute();
    }
  }
}
