import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { Actor, userActor } from '../audit/actor';
import { AuditService } from '../audit/audit.service';
import { SignedLinksService } from '../auth/signed-links.service';
import { User } from '../auth/user.entity';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { inScope, OperatorScope, scopeOf, whereInScope } from '../bridge-points/bridge-point-scope';
import { BridgePointsService } from '../bridge-points/bridge-points.service';
import { SummaryCache } from '../bridge-points/summary-cache';
import { Clock } from '../common/clock';
import { entityRows } from '../common/entity-rows';
import { assertVersion } from '../common/find-or-fail';
import { newId } from '../common/ids';
import { Page, pageOf, skipOf } from '../common/pagination';
import { containsPattern, personSearchKey } from '../common/text';
import { AttendanceWindow } from '../conferences/attendance-window';
import { assertOpen } from '../conferences/conference-lifecycle';
import { ConferenceStateRepository } from '../conferences/conference-state.repository';
import { conferenceOrFail } from '../bridge-points/conference-visibility';
import { TransactionRunner } from '../database/transaction-runner';
import { calendarMessages } from './invitation-messages';
import { OutboxService } from '../outbox/outbox.service';
import { newAttendeeCode, normalizeAttendeeCode } from './attendee-code';
import {
  AttendeeListQueryDto,
  AttendeeResponseDto,
  CheckInBatchDto,
  CheckInDto,
  CreateAttendeeDto,
  IssueRsvpLinkDto,
  PersonDto,
  toAttendeeResponse,
  UpdateAttendeeDto,
} from './attendee.dto';
import { AttendeeRepository } from './attendee.repository';
import { Attendee, AttendeeStatus } from './attendee.entity';
import { HOLDS_PLACE, Waitlist } from './waitlist';
import { badField, conflict, forbidden } from '../common/errors';
import { attendeeNotFound } from './attendee-errors';
import { versionedUpdate } from '../database/versioned-update';

export const RSVP_PAGE = 'rsvp';
/** The action a closed attendance window refuses, as its message names it. */
const CHECK_IN = 'Điểm danh';

/** 409 for checking in someone who declined, unless an organizer forces it. */
function declinedRefusal(attendee: Attendee) {
  return conflict(
    'status',
    'declined',
    `${attendee.fullName} đã báo không tham dự${attendee.declineReason ? ` (lý do: ${attendee.declineReason})` : ''}; ` +
      'Ban Tổ chức có thể điểm danh bằng "force": true.',
  );
}

/** Why a person in this state cannot answer their invitation (only for states `canAnswerInvitation` refuses). */
function cannotAnswerMessage(attendee: Attendee): string {
  switch (attendee.status) {
    case 'cancelled':
      return `Lời mời của ${attendee.fullName} đã bị hủy; không thể trả lời nữa.`;
    case 'attended':
      return `${attendee.fullName} đã điểm danh; không thể trả lời lời mời nữa.`;
    case 'waitlisted':
      return `${attendee.fullName} đang trong danh sách chờ; chỉ trả lời được khi đã có chỗ.`;
    default:
      return `${attendee.fullName} đã cử người đi thay; không thể trả lời lời mời nữa.`;
  }
}

/** Why a person in this state cannot check in (cancelled, waitlisted, substituted). */
function cannotCheckInMessage(attendee: Attendee): string {
  const who = `Đại biểu ${attendee.fullName} (mã ${attendee.code})`;
  switch (attendee.status) {
    case 'cancelled':
      return `${who} đã bị hủy khỏi danh sách; không thể điểm danh.`;
    case 'waitlisted':
      return `${who} đang trong danh sách chờ; không thể điểm danh.`;
    default:
      return `${who} đã cử người đi thay; người đi thay điểm danh bằng mã của mình.`;
  }
}

/** Whether a person in this state may still answer their invitation (accept, decline, send a substitute). */
export function canAnswerInvitation(status: AttendeeStatus): boolean {
  return status !== 'cancelled' && status !== 'attended' && status !== 'waitlisted' && status !== 'substituted';
}

export interface AttendeeActor {
  actor: Actor;
  scope: OperatorScope | null;
}

export interface CheckInResult extends AttendeeResponseDto {
  /** True when this attendee had already checked in; checkedInAt is then the first time. */
  alreadyCheckedIn: boolean;
}

@Injectable()
export class AttendeesService {
  constructor(
    @InjectRepository(Attendee) private readonly attendees: Repository<Attendee>,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly links: SignedLinksService,
    private readonly summaries: SummaryCache,
    private readonly points: BridgePointsService,
    private readonly window: AttendanceWindow,
    private readonly outbox: OutboxService,
    private readonly waitlist: Waitlist,
    private readonly clock: Clock,
    private readonly rows: AttendeeRepository,
    private readonly conferenceStates: ConferenceStateRepository,
  ) {}

  async actorFor(user: User): Promise<AttendeeActor> {
    return { actor: userActor(user), scope: await scopeOf(this.attendees.manager, user) };
  }

  async list(conferenceId: string, query: AttendeeListQueryDto, who: AttendeeActor): Promise<Page<AttendeeResponseDto>> {
    await conferenceOrFail(this.attendees.manager, conferenceId, who.scope);
    const qb = this.attendees
      .createQueryBuilder('a')
      .where('a.conferenceId = :conferenceId', { conferenceId })
      .orderBy('a.searchKey', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .skip(skipOf(query))
      .take(query.pageSize);
    if (query.bridgePointId) qb.andWhere('a.bridgePointId = :bp', { bp: query.bridgePointId });
    if (query.role) qb.andWhere('a.role = :role', { role: query.role });
    if (query.status) qb.andWhere('a.status = :status', { status: query.status });
    if (query.q?.trim()) qb.andWhere("a.searchKey LIKE :q ESCAPE '\\'", { q: containsPattern(query.q) });
    if (who.scope) {
      const points = whereInScope(
        this.attendees.manager.createQueryBuilder(BridgePoint, 'bp').select('bp.id').where('bp.conferenceId = :conferenceId', { conferenceId }),
        'bp',
        who.scope,
      );
      qb.andWhere(`a.bridgePointId IN (${points.getQuery()})`, points.getParameters());
    }
    return pageOf(query, await qb.getManyAndCount(), toAttendeeResponse);
  }

  async get(conferenceId: string, attendeeId: string, who: AttendeeActor): Promise<AttendeeResponseDto> {
    return toAttendeeResponse(await this.attendeeOrFail(this.attendees.manager, conferenceId, attendeeId, who));
  }

  async create(conferenceId: string, dto: CreateAttendeeDto, who: AttendeeActor): Promise<AttendeeResponseDto> {
    const created = await this.tx.transaction(async (m) => {
      assertOpen(await conferenceOrFail(m, conferenceId, who.scope));
      await this.pointOrFail(m, conferenceId, dto.bridgePointId, who.scope);
      if (dto.email) await this.assertEmailFree(m, conferenceId, dto.email);
      const attendee: Omit<Attendee, 'createdAt' | 'updatedAt'> = {
        id: newId(),
        conferenceId,
        bridgePointId: dto.bridgePointId,
        fullName: dto.fullName,
        title: dto.title ?? null,
        organization: dto.organization ?? null,
        email: dto.email ?? null,
        phone: dto.phone ?? null,
        role: dto.role ?? 'delegate',
        status: dto.status ?? 'added',
        source: 'manual',
        code: await this.freeCode(m, conferenceId),
        notes: dto.notes ?? null,
        declineReason: null,
        waitlistPosition: null,
        invitedAt: null,
        respondedAt: null,
        checkedInAt: null,
        checkedInBy: null,
        searchKey: personSearchKey(dto),
        substituteForId: null,
        version: 1,
      };
      await m.insert(Attendee, attendee);
      await this.audit.record(m, who.actor, {
        conferenceId,
        entityType: 'attendee',
        entityId: attendee.id,
        action: 'create',
        after: { fullName: attendee.fullName, email: attendee.email, bridgePointId: attendee.bridgePointId, role: attendee.role },
      });
      return m.findOneByOrFail(Attendee, { id: attendee.id });
    });
    return toAttendeeResponse(created);
  }

  async update(conferenceId: string, attendeeId: string, dto: UpdateAttendeeDto, who: AttendeeActor): Promise<AttendeeResponseDto> {
    const updated = await this.tx.transaction(async (m) => {
      assertOpen(await conferenceOrFail(m, conferenceId));
      const current = await this.attendeeOrFail(m, conferenceId, attendeeId, who, true);
      assertVersion(current, dto.version);
      if (dto.bridgePointId && dto.bridgePointId !== current.bridgePointId) {
        await this.pointOrFail(m, conferenceId, dto.bridgePointId, who.scope);
      }
      if (dto.email && dto.email !== current.email) await this.assertEmailFree(m, conferenceId, dto.email);
      const { version: _v, ...fields } = dto;
      const next = { ...current, ...fields };
      const changes: Partial<Attendee> = {
        ...fields,
        searchKey: personSearchKey(next),
        ...(dto.status && dto.status !== current.status && { respondedAt: this.clock.now() }),
      };
      await versionedUpdate(m, Attendee, current, changes);
      if (current.checkedInAt && next.bridgePointId !== current.bridgePointId) {
        await this.points.countCheckIns(m, current.bridgePointId, -1);
        await this.points.countCheckIns(m, next.bridgePointId, 1);
      }
      if (this.freesPlace(current, next.status)) await this.waitlist.promote(m, conferenceId, current.bridgePointId);
      const after = await m.findOneByOrFail(Attendee, { id: attendeeId });
      await this.audit.record(m, who.actor, {
        conferenceId,
        entityType: 'attendee',
        entityId: attendeeId,
        action: 'update',
        before: toAttendeeResponse(current),
        after: toAttendeeResponse(after),
      });
      return after;
    });
    this.summaries.invalidate(conferenceId);
    return toAttendeeResponse(updated);
  }

  async remove(conferenceId: string, attendeeId: string, who: AttendeeActor): Promise<void> {
    await this.tx.transaction(async (m) => {
      assertOpen(await conferenceOrFail(m, conferenceId));
      const current = await this.attendeeOrFail(m, conferenceId, attendeeId, who, true);
      await m.delete(Attendee, { id: attendeeId });
      // Their RSVP and calendar links answer "revoked" from now on.
      await this.links.revoke(m, { attendeeId });
      if (current.checkedInAt) await this.points.countCheckIns(m, current.bridgePointId, -1);
      if (HOLDS_PLACE.includes(current.status)) await this.waitlist.promote(m, conferenceId, current.bridgePointId);
      await this.audit.record(m, who.actor, {
        conferenceId,
        entityType: 'attendee',
        entityId: attendeeId,
        action: 'delete',
        before: toAttendeeResponse(current),
      });
    });
    this.summaries.invalidate(conferenceId);
  }

  /**
   * Checks one attendee in. Idempotent: the first check-in counts them into their bridge
   * point's actual attendance; a second answers the first time and counts nothing.
   */
  async checkIn(conferenceId: string, attendeeId: string, dto: CheckInDto, who: AttendeeActor): Promise<CheckInResult> {
    const force = this.forceOf(dto, who);
    const result = await this.tx.transaction(async (m) => {
      // Locked on PostgreSQL (and current anyway on SQLite, where writes run one at a time), so
      // a second check-in of the same person waits for the first and reads its outcome.
      const { row, conference } = await this.conferenceStates.rowOfOpenConference(m, entityRows(m, Attendee), conferenceId, attendeeId, true);
      const attendee = await this.visibleAttendee(m, row, who);
      this.window.assertOpen(conference, CHECK_IN);
      if (attendee.status === 'declined' && !force) throw declinedRefusal(attendee);
      return this.checkInOne(m, attendee, who.actor, true);
    });
    this.summaries.invalidate(conferenceId);
    return result;
  }

  /** Checks in a list of attendee codes at once; unknown codes (or codes outside the operator's points) are listed. */
  async checkInBatch(
    conferenceId: string,
    dto: CheckInBatchDto,
    who: AttendeeActor,
  ): Promise<{ checkedIn: CheckInResult[]; alreadyCheckedIn: CheckInResult[]; declined: AttendeeResponseDto[]; unknown: string[] }> {
    const force = this.forceOf(dto, who);
    const codes = [...new Set(dto.codes.map(normalizeAttendeeCode))];
    const result = await this.tx.transaction(async (m) => {
      const conference = await conferenceOrFail(m, conferenceId, who.scope);
      assertOpen(conference);
      this.window.assertOpen(conference, CHECK_IN);
      const found = await m.find(Attendee, { where: { conferenceId, code: In(codes) } });
      const points = new Map(
        (await m.find(BridgePoint, { where: { id: In([...new Set(found.map((a) => a.bridgePointId))]) } })).map((p) => [p.id, p]),
      );
      const allowed = found.filter((a) => inScope(points.get(a.bridgePointId)!, who.scope));
      const byCode = new Set(allowed.map((a) => a.code));
      const checkedIn: CheckInResult[] = [];
      const already: CheckInResult[] = [];
      const declined: AttendeeResponseDto[] = [];
      for (const attendee of allowed) {
        if (attendee.status === 'declined' && !force) {
          declined.push(toAttendeeResponse(attendee));
          continue;
        }
        const outcome = await this.checkInOne(m, attendee, who.actor);
        (outcome.alreadyCheckedIn ? already : checkedIn).push(outcome);
      }
      return { checkedIn, alreadyCheckedIn: already, declined, unknown: codes.filter((c) => !byCode.has(c)) };
    });
    this.summaries.invalidate(conferenceId);
    return result;
  }

  async issueLink(conferenceId: string, attendeeId: string, dto: IssueRsvpLinkDto, user: User) {
    return this.tx.transaction(async (m) => {
      const conference = await conferenceOrFail(m, conferenceId);
      const attendee = await this.attendeeOrFail(m, conferenceId, attendeeId, await this.actorFor(user));
      const expiresAt = this.links.expiryOf('attendee', conference.endsAt, dto.expiresAt);
      const [link] = await this.links.issue(m, 'attendee', [{ conferenceId, attendeeId: attendee.id }], expiresAt, user.id, { replace: dto.replace });
      return { attendeeId, token: link.token, url: this.links.url(RSVP_PAGE, link.token), expiresAt: expiresAt.toISOString() };
    });
  }

  async revokeLinks(conferenceId: string, attendeeId: string, user: User): Promise<{ revoked: number }> {
    const revoked = await this.tx.transaction(async (m) => {
      await this.attendeeOrFail(m, conferenceId, attendeeId, await this.actorFor(user));
      return this.links.revoke(m, { attendeeId });
    });
    return { revoked };
  }

  /** RSVP: accept (đồng ý tham dự) or decline with a reason; a decline frees a place for the waiting list. */
  async respond(conferenceId: string, attendeeId: string, answer: 'accepted' | 'declined', reason: string | null, actor: Actor) {
    const updated = await this.tx.transaction(async (m) => {
      assertOpen(await conferenceOrFail(m, conferenceId));
      const current = await this.attendeeOrFail(m, conferenceId, attendeeId, { actor, scope: null }, true);
      this.assertCanRespond(current);
      await versionedUpdate(m, Attendee, current, {
        status: answer,
        declineReason: answer === 'declined' ? reason : null,
        respondedAt: this.clock.now(),
      });
      if (this.freesPlace(current, answer)) await this.waitlist.promote(m, conferenceId, current.bridgePointId);
      await this.audit.record(m, actor, {
        conferenceId,
        entityType: 'attendee',
        entityId: attendeeId,
        action: answer === 'accepted' ? 'rsvp_accept' : 'rsvp_decline',
        before: { status: current.status },
        after: { status: answer, declineReason: answer === 'declined' ? reason : null },
      });
      return m.findOneByOrFail(Attendee, { id: attendeeId });
    });
    return toAttendeeResponse(updated);
  }

  /**
   * Cử người đi thay: the substitute becomes an attendee of their own (their own code, RSVP link
   * and invitation), pointing at the person they replace, who becomes `substituted`. When the
   * invitations have gone out, the substitute is sent theirs and the person replaced gets a
   * cancellation of their own (METHOD:CANCEL), each at their own address.
   */
  async substitute(conferenceId: string, attendeeId: string, person: PersonDto, actor: Actor): Promise<AttendeeResponseDto> {
    const created = await this.tx.transaction(async (m) => {
      const conference = await conferenceOrFail(m, conferenceId);
      assertOpen(conference);
      const current = await this.attendeeOrFail(m, conferenceId, attendeeId, { actor, scope: null }, true);
      this.assertCanRespond(current);
      if (person.email) await this.assertEmailFree(m, conferenceId, person.email);
      const now = this.clock.now();
      const fields = {
        fullName: person.fullName,
        title: person.title ?? null,
        organization: person.organization ?? current.organization,
        email: person.email ?? null,
        phone: person.phone ?? null,
      };
      const substitute: Omit<Attendee, 'createdAt' | 'updatedAt'> = {
        ...fields,
        id: newId(),
        conferenceId,
        bridgePointId: current.bridgePointId,
        role: current.role,
        status: 'accepted',
        source: current.source,
        code: await this.freeCode(m, conferenceId),
        notes: null,
        declineReason: null,
        waitlistPosition: null,
        // Invited with everyone else when the invitations have gone out; with them later otherwise.
        invitedAt: current.invitedAt ? now : null,
        respondedAt: now,
        checkedInAt: null,
        checkedInBy: null,
        searchKey: personSearchKey(fields),
        substituteForId: current.id,
        version: 1,
      };
      await m.insert(Attendee, substitute);
      await versionedUpdate(m, Attendee, current, { status: 'substituted', respondedAt: now });
      if (current.invitedAt) {
        await this.outbox.enqueue(m, [
          ...calendarMessages(conference, [current], 'cancellation'),
          ...calendarMessages(conference, [substitute as Attendee], 'invitation'),
        ]);
      }
      await this.audit.record(
        m,
        actor,
        {
          conferenceId,
          entityType: 'attendee',
          entityId: attendeeId,
          action: 'substitute',
          before: { status: current.status, fullName: current.fullName, email: current.email, code: current.code },
          after: { status: 'substituted', substituteId: substitute.id },
        },
        {
          conferenceId,
          entityType: 'attendee',
          entityId: substitute.id,
          action: 'create',
          after: { ...fields, code: substitute.code, substituteForId: current.id },
        },
      );
      return m.findOneByOrFail(Attendee, { id: substitute.id });
    });
    return toAttendeeResponse(created);
  }

  private assertCanRespond(attendee: Attendee): void {
    if (!canAnswerInvitation(attendee.status)) throw conflict('status', 'cannot_answer', cannotAnswerMessage(attendee));
  }

  /** `force` is the organizers' to give: an operator who sends it is refused. */
  private forceOf(dto: CheckInDto, who: AttendeeActor): boolean {
    if (dto.force && who.scope) {
      throw forbidden('force', 'force_not_allowed', 'Chỉ Ban Tổ chức được điểm danh đại biểu đã báo không tham dự.');
    }
    return dto.force === true;
  }

  private freesPlace(before: Attendee, nextStatus: AttendeeStatus): boolean {
    return HOLDS_PLACE.includes(before.status) && !HOLDS_PLACE.includes(nextStatus);
  }

  /**
   * `current`: the attendee was read in this transaction with its row locked (or on SQLite), so
   * its version is the stored one and the answer needs no second read.
   */
  private async checkInOne(m: EntityManager, attendee: Attendee, actor: Actor, current = false): Promise<CheckInResult> {
    if (attendee.status === 'cancelled' || attendee.status === 'waitlisted' || attendee.status === 'substituted') {
      throw conflict('status', 'cannot_check_in', cannotCheckInMessage(attendee));
    }
    // A check-in time is set once and never cleared, so a current read that shows one is the answer.
    if (current && attendee.checkedInAt) return { ...toAttendeeResponse(attendee), alreadyCheckedIn: true };
    const now = this.clock.now();
    // Only the first check-in matches `checked_in_at IS NULL`, however many arrive at once.
    const first = await this.rows.markCheckedIn(m, attendee.id, now, actor.label);
    if (first) await this.points.countCheckIns(m, attendee.bridgePointId, 1);
    if (first && attendee.status === 'declined') {
      // Only a forced check-in gets here with a decline on record: the record says who overrode it.
      await this.audit.record(m, actor, {
        conferenceId: attendee.conferenceId,
        entityType: 'attendee',
        entityId: attendee.id,
        action: 'check_in_forced',
        before: { status: attendee.status, declineReason: attendee.declineReason },
        after: { status: 'attended', force: true },
      });
    }
    const after =
      current && first
        ? { ...attendee, checkedInAt: now, checkedInBy: actor.label, status: 'attended' as const, version: attendee.version + 1 }
        : await m.findOneByOrFail(Attendee, { id: attendee.id });
    return { ...toAttendeeResponse(after), alreadyCheckedIn: !first };
  }

  private async assertEmailFree(m: EntityManager, conferenceId: string, email: string): Promise<void> {
    if (await m.existsBy(Attendee, { conferenceId, email })) {
      throw conflict('email', 'email_in_use', `Email ${email} đã có trong danh sách đại biểu của hội nghị này.`);
    }
  }

  /** A code not yet used in this conference (a collision is rare; try again when it happens). */
  async freeCode(m: EntityManager, conferenceId: string): Promise<string> {
    for (;;) {
      const code = newAttendeeCode();
      if (!(await m.existsBy(Attendee, { conferenceId, code }))) return code;
    }
  }

  private async pointOrFail(m: EntityManager, conferenceId: string, pointId: string, scope: OperatorScope | null): Promise<BridgePoint> {
    const point = await m.findOneBy(BridgePoint, { id: pointId, conferenceId });
    if (!point || !inScope(point, scope)) {
      throw badField('bridgePointId', 'bridge_point_not_found', `Điểm cầu ${pointId} không thuộc hội nghị này hoặc không thuộc phạm vi bạn được thao tác.`);
    }
    return point;
  }

  /** 404 for an attendee of another conference and for one outside the operator's points alike. */
  private async attendeeOrFail(m: EntityManager, conferenceId: string, attendeeId: string, who: AttendeeActor, forUpdate = false): Promise<Attendee> {
    // A prepared statement: this read is on the check-in path, thousands of times at once.
    return this.visibleAttendee(m, await this.rows.rowOf(m, conferenceId, attendeeId, forUpdate), who);
  }

  /** The attendee read, if the actor may see them: an operator, only those of their own points. */
  private async visibleAttendee(m: EntityManager, attendee: Attendee | null, who: AttendeeActor): Promise<Attendee> {
    let visible = !!attendee;
    if (attendee && who.scope) {
      const point = await m.findOneBy(BridgePoint, { id: attendee.bridgePointId });
      visible = !!point && inScope(point, who.scope);
    }
    if (!attendee || !visible) throw attendeeNotFound();
    return attendee;
  }
}
