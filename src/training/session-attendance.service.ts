import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { AgendaItemRecords } from '../agenda/agenda-item-records';
import { AgendaItem } from '../agenda/agenda-item.entity';
import { normalizeAttendeeCode } from '../attendees/attendee-code';
import { attendeeNotFound } from '../attendees/attendee-errors';
import { Attendee } from '../attendees/attendee.entity';
import { Actor, userActor } from '../audit/actor';
import { AuditRecord, AuditService } from '../audit/audit.service';
import { User } from '../auth/user.entity';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { inScope, OperatorScope, scopeOf } from '../bridge-points/bridge-point-scope';
import { Clock } from '../common/clock';
import { badField, conflict, refusal } from '../common/errors';
import { assertVersion } from '../common/find-or-fail';
import { newId } from '../common/ids';
import { Conference } from '../conferences/conference.entity';
import { conferenceOrFail } from '../bridge-points/conference-visibility';
import { TransactionRunner } from '../database/transaction-runner';
import {
  AttendanceListQueryDto,
  AttendancePageDto,
  MarkAttendanceDto,
  RefusedCodeDto,
  RollCallResponseDto,
  SessionAttendanceResponseDto,
  toSessionAttendanceResponse,
} from './session-attendance.dto';
import { SessionAttendance, SessionAttendanceMethod, SessionAttendanceStatus } from './session-attendance.entity';
import { SessionAttendanceRepository } from './session-attendance.repository';
import { holdsPlace, notHoldingPlaceMessage } from './session-eligibility';
import { SESSION_STATUS_WORDS, SessionWindow } from './session-window';
import { versionedUpdate } from '../database/versioned-update';
import { agendaItemNotFound } from '../agenda/agenda-errors';

/** A session of a conference as the caller may act on it. */
export interface SessionContext {
  conference: Conference;
  item: AgendaItem;
  scope: OperatorScope | null;
}

/** One status to record for one person. */
export interface AttendanceChange {
  attendee: Attendee;
  status: SessionAttendanceStatus;
  method: SessionAttendanceMethod;
}

/** What recording a list of changes did, person by person. */
export interface AppliedChanges {
  /** Marked for the first time. */
  created: SessionAttendanceResponseDto[];
  /** Their mark changed. */
  updated: SessionAttendanceResponseDto[];
  /** They had this status already. */
  unchanged: SessionAttendanceResponseDto[];
}

/**
 * Attendance of training sessions (điểm danh buổi học): a roll call by check-in codes, one
 * person's status, and (through SessionAttendanceImportService) a paper sign-in sheet. An
 * operator acts only on the people of the bridge points in their scope; everyone else is, to
 * them, unknown.
 */
@Injectable()
export class SessionAttendanceService implements OnModuleInit {
  constructor(
    @InjectRepository(SessionAttendance) private readonly rows: Repository<SessionAttendance>,
    private readonly reads: SessionAttendanceRepository,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly window: SessionWindow,
    private readonly clock: Clock,
    private readonly itemRecords: AgendaItemRecords,
  ) {}

  /** A session with marks is not deleted from the agenda unless the organizer says so (force): the marks would go with it. */
  onModuleInit(): void {
    this.itemRecords.register({
      name: 'sessionAttendances',
      code: 'session_has_attendance',
      count: (m, itemId) => m.countBy(SessionAttendance, { agendaItemId: itemId }),
      describe: (n) => `Buổi học này đã có ${n} lượt điểm danh; xóa buổi học sẽ xóa cả kết quả điểm danh đó.`,
    });
  }

  async list(conferenceId: string, itemId: string, query: AttendanceListQueryDto, user: User): Promise<AttendancePageDto> {
    const { scope } = await this.sessionOf(this.rows.manager, conferenceId, itemId, user);
    const filter = { conferenceId, agendaItemId: itemId, scope, bridgePointId: query.bridgePointId };
    const [{ people, total, marks }, totals] = [await this.reads.page(filter, query), await this.reads.totals(filter)];
    return {
      items: people.map((person) => toSessionAttendanceResponse(itemId, person, marks.get(person.id))),
      total,
      page: query.page,
      pageSize: query.pageSize,
      totals,
    };
  }

  /** POST …/attendance: a roll call of codes, or one person's status. */
  async mark(conferenceId: string, itemId: string, dto: MarkAttendanceDto, user: User): Promise<RollCallResponseDto | SessionAttendanceResponseDto> {
    if (dto.codes !== undefined && (dto.attendeeId !== undefined || dto.status !== undefined || dto.version !== undefined)) {
      throw badField('body', 'codes_or_attendee', 'Gửi "codes" để điểm danh theo mã, hoặc "attendeeId" và "status" để ghi trạng thái một người, không gửi cả hai.');
    }
    if (dto.codes !== undefined) return this.rollCall(conferenceId, itemId, dto.codes, user);
    if (dto.attendeeId === undefined || dto.status === undefined) {
      throw refusal(400, [
        ...(dto.attendeeId === undefined ? [{ field: 'attendeeId', code: 'required', message: 'Thiếu "attendeeId" (hoặc gửi "codes" để điểm danh theo mã).' }] : []),
        ...(dto.status === undefined ? [{ field: 'status', code: 'required', message: 'Thiếu "status": present, late, excused hoặc absent.' }] : []),
      ]);
    }
    return this.setStatus(conferenceId, itemId, dto.attendeeId, dto.status, dto.version, user);
  }

  /**
   * Marks the people whose codes are given as arriving now: present, or late past the grace.
   * Someone marked present or late before keeps that mark; someone marked absent or excused is
   * here after all and is marked anew.
   */
  private async rollCall(conferenceId: string, itemId: string, rawCodes: string[], user: User): Promise<RollCallResponseDto> {
    const codes = [...new Set(rawCodes.map(normalizeAttendeeCode))];
    return this.tx.transaction(async (m) => {
      const session = await this.sessionOf(m, conferenceId, itemId, user);
      this.window.assertLive(session.conference, session.item);
      const found = await this.visible(m, session.scope, await m.find(Attendee, { where: { conferenceId, code: In(codes) } }));
      const known = new Set(found.map((a) => a.code));
      const marks = await this.reads.marksOf(m, itemId, found.map((a) => a.id));
      const status = this.window.arrivalStatus(session.item, this.clock.now());
      const refused: RefusedCodeDto[] = [];
      const alreadyMarked: SessionAttendanceResponseDto[] = [];
      const changes: AttendanceChange[] = [];
      for (const attendee of found) {
        const mark = marks.get(attendee.id);
        if (!holdsPlace(attendee)) {
          refused.push({ code: attendee.code, attendeeId: attendee.id, reason: 'not_holding_place', message: notHoldingPlaceMessage(attendee) });
        } else if (mark && (mark.status === 'present' || mark.status === 'late')) {
          alreadyMarked.push(toSessionAttendanceResponse(itemId, attendee, mark));
        } else {
          changes.push({ attendee, status, method: 'roll_call' });
        }
      }
      const applied = await this.apply(m, session, changes, userActor(user), 'roll_call', marks);
      return { marked: [...applied.created, ...applied.updated], alreadyMarked, refused, unknown: codes.filter((c) => !known.has(c)) };
    });
  }

  private async setStatus(
    conferenceId: string,
    itemId: string,
    attendeeId: string,
    status: SessionAttendanceStatus,
    version: number | undefined,
    user: User,
  ): Promise<SessionAttendanceResponseDto> {
    return this.tx.transaction(async (m) => {
      const session = await this.sessionOf(m, conferenceId, itemId, user);
      this.window.assertRecordable(session.conference, session.item, status);
      const [attendee] = await this.visible(m, session.scope, await m.find(Attendee, { where: { id: attendeeId, conferenceId } }));
      if (!attendee) throw attendeeNotFound();
      if (!holdsPlace(attendee)) throw conflict('attendeeId', 'not_holding_place', notHoldingPlaceMessage(attendee));
      const marks = await this.reads.marksOf(m, itemId, [attendee.id]);
      const mark = marks.get(attendee.id);
      if (mark && version === undefined) {
        throw conflict(
          'version',
          'version_required',
          `${attendee.fullName} đã được điểm danh "${SESSION_STATUS_WORDS[mark.status]}" (phiên bản ${mark.version}); gửi kèm "version" đã đọc để thay đổi.`,
        );
      }
      if (mark && version !== undefined) assertVersion(mark, version);
      const applied = await this.apply(m, session, [{ attendee, status, method: 'roll_call' }], userActor(user), 'set_status', marks);
      return [...applied.created, ...applied.updated, ...applied.unchanged][0];
    });
  }

  /**
   * The conference (404 if the caller may not see it), the agenda item (404 if not one of its),
   * which must be a session (409 otherwise), and the caller's operator scope.
   */
  async sessionOf(m: EntityManager, conferenceId: string, itemId: string, user: User): Promise<SessionContext> {
    const scope = await scopeOf(m, user);
    const conference = await conferenceOrFail(m, conferenceId, scope);
    const item = await m.findOneBy(AgendaItem, { id: itemId, conferenceId });
    if (!item) throw agendaItemNotFound(itemId);
    if (!item.attendanceRequired) {
      throw conflict('itemId', 'not_a_session', `Mục chương trình "${item.title}" không phải là buổi học cần điểm danh (attendanceRequired là false).`);
    }
    return { conference, item, scope };
  }

  /** The attendees the caller may act on: an operator's own points' only. */
  async visible(m: EntityManager, scope: OperatorScope | null, attendees: Attendee[]): Promise<Attendee[]> {
    if (!scope || attendees.length === 0) return attendees;
    const points = new Map(
      (await m.find(BridgePoint, { where: { id: In([...new Set(attendees.map((a) => a.bridgePointId))]) } })).map((p) => [p.id, p]),
    );
    return attendees.filter((a) => {
      const point = points.get(a.bridgePointId);
      return !!point && inScope(point, scope);
    });
  }

  /**
   * Records the changes in the caller's transaction, with one audit entry per changed mark.
   * `marks`: the people's current marks, read in this transaction. A mark changed meanwhile by
   * another instance (PostgreSQL) answers 409 and nothing is written.
   */
  async apply(
    m: EntityManager,
    session: SessionContext,
    changes: AttendanceChange[],
    actor: Actor,
    action: string,
    marks: Map<string, SessionAttendance>,
  ): Promise<AppliedChanges> {
    const now = this.clock.now();
    const itemId = session.item.id;
    const result: AppliedChanges = { created: [], updated: [], unchanged: [] };
    const audits: AuditRecord[] = [];
    const inserts: SessionAttendance[] = [];
    for (const { attendee, status, method } of changes) {
      const mark = marks.get(attendee.id);
      if (mark && mark.status === status) {
        result.unchanged.push(toSessionAttendanceResponse(itemId, attendee, mark));
        continue;
      }
      if (mark) {
        const next = { status, method, at: now, markedBy: actor.label };
        await versionedUpdate(m, SessionAttendance, mark, next);
        const after = { ...mark, ...next, version: mark.version + 1 };
        result.updated.push(toSessionAttendanceResponse(itemId, attendee, after));
        audits.push(this.auditOf(session, after, action, mark));
        continue;
      }
      const row = { id: newId(), conferenceId: session.conference.id, agendaItemId: itemId, attendeeId: attendee.id, status, method, at: now, markedBy: actor.label, version: 1 };
      inserts.push(row as SessionAttendance);
      result.created.push(toSessionAttendanceResponse(itemId, attendee, row as SessionAttendance));
      audits.push(this.auditOf(session, row as SessionAttendance, action, null));
    }
    if (inserts.length > 0) {
      // On PostgreSQL another instance may mark the same person at the same moment: its row wins, and this answers 409.
      // updateEntity(false): reading back the defaults would match rows by position and can swap the ids of the values given.
      for (let i = 0; i < inserts.length; i += 200) {
        await m.createQueryBuilder().insert().into(SessionAttendance).values(inserts.slice(i, i + 200)).orIgnore().updateEntity(false).execute();
      }
      const stored = await this.reads.marksOf(m, itemId, inserts.map((r) => r.attendeeId));
      const lost = inserts.find((r) => stored.get(r.attendeeId)?.id !== r.id);
      if (lost) {
        throw conflict('attendeeId', 'stale_version', 'Điểm danh vừa được người khác ghi cho cùng người này. Vui lòng tải lại rồi thử lại.');
      }
    }
    await this.audit.record(m, actor, ...audits);
    return result;
  }

  private auditOf(session: SessionContext, mark: SessionAttendance, action: string, before: SessionAttendance | null): AuditRecord {
    return {
      conferenceId: session.conference.id,
      entityType: 'session_attendance',
      entityId: mark.id,
      action,
      before: before ? { status: before.status, method: before.method } : null,
      after: { agendaItemId: mark.agendaItemId, attendeeId: mark.attendeeId, status: mark.status, method: mark.method },
    };
  }
}
