import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import { AgendaItem } from '../agenda/agenda-item.entity';
import { Attendee } from '../attendees/attendee.entity';
import { HOLDS_PLACE } from '../attendees/waitlist';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { OperatorScope, whereInScope } from '../bridge-points/bridge-point-scope';
import { DEFAULT_COMPLETION_RULE } from '../conferences/conference.dto';
import { Conference } from '../conferences/conference.entity';
import { ATTENDED_STATUSES, sessionsNeeded } from './completion';
import { EvaluationSubmission } from './evaluation.entity';
import { SessionAttendance } from './session-attendance.entity';

export interface CompletionFilter {
  conferenceId: string;
  scope: OperatorScope | null;
  bridgePointId?: string;
  /** The conference's sessions (agenda items with attendanceRequired). */
  sessionIds: string[];
  /** Only people who attended at least (`atLeast`) or fewer than (`fewerThan`) this many sessions; `none`: nobody. */
  attended?: { atLeast: number } | { fewerThan: number } | 'none';
  /** With `attended`: completing also needs the evaluation submitted (the rule's requireEvaluation). */
  requireEvaluation?: boolean;
}

/** 1 when the person submitted the evaluation, else 0. */
const SUBMITTED = 'CASE WHEN ev.attendeeId IS NULL THEN 0 ELSE 1 END';

/** One person who holds a place, with the sessions they attended. */
export interface AttendedRow {
  attendeeId: string;
  fullName: string;
  title: string | null;
  organization: string | null;
  bridgePointId: string;
  sessionsAttended: number;
  evaluationSubmitted: boolean;
}

/** Reads for completion: the people who hold a place, each with a count of the sessions they attended (GROUP BY). */
@Injectable()
export class CompletionRepository {
  constructor(@InjectRepository(SessionAttendance) private readonly marks: Repository<SessionAttendance>) {}

  /** The ids of the conference's sessions, in agenda order. */
  async sessionIds(conferenceId: string, m: EntityManager = this.marks.manager): Promise<string[]> {
    const items = await m.find(AgendaItem, { select: { id: true }, where: { conferenceId, attendanceRequired: true } });
    return items.map((i) => i.id);
  }

  /**
   * Everyone who completed under the conference's rule (sessions attended and, when the rule asks,
   * the evaluation submitted), by name: the completion list's `completed=true`, read with `m`
   * (a caller's transaction, e.g. issuing certificates).
   */
  async completed(conference: Conference, m: EntityManager = this.marks.manager): Promise<AttendedRow[]> {
    const rule = { ...DEFAULT_COMPLETION_RULE, ...conference.completionRule };
    const sessionIds = await this.sessionIds(conference.id, m);
    const needed = sessionsNeeded(rule, sessionIds.length, true);
    if (needed === null) return [];
    const filter = { conferenceId: conference.id, scope: null, sessionIds, attended: { atLeast: needed }, requireEvaluation: rule.requireEvaluation };
    return (await this.rows(filter, undefined, m)).rows;
  }

  /** One page, by name (two queries), or every row when `page` is not given (one query). */
  async rows(filter: CompletionFilter, page?: { skip: number; take: number }, m: EntityManager = this.marks.manager): Promise<{ rows: AttendedRow[]; total: number }> {
    const qb = this.people(filter, m);
    const listed = qb
      .clone()
      .select('a.id', 'attendeeId')
      .addSelect('a.fullName', 'fullName')
      .addSelect('a.title', 'title')
      .addSelect('a.organization', 'organization')
      .addSelect('a.bridgePointId', 'bridgePointId')
      .addSelect(this.attendedOf(filter), 'sessionsAttended')
      .addSelect(SUBMITTED, 'evaluationSubmitted')
      .orderBy('a.searchKey', 'ASC')
      .addOrderBy('a.id', 'ASC');
    if (page) listed.offset(page.skip).limit(page.take);
    const raw = await listed.getRawMany<Omit<AttendedRow, 'sessionsAttended' | 'evaluationSubmitted'> & { sessionsAttended: string | number; evaluationSubmitted: string | number }>();
    const rows = raw.map((r) => ({ ...r, sessionsAttended: Number(r.sessionsAttended), evaluationSubmitted: Number(r.evaluationSubmitted) === 1 }));
    const total = page ? await qb.getCount() : rows.length;
    return { rows, total };
  }

  private attendedOf(filter: CompletionFilter): string {
    return filter.sessionIds.length > 0 ? 'COALESCE(c.attended, 0)' : '0';
  }

  private people(filter: CompletionFilter, m: EntityManager): SelectQueryBuilder<Attendee> {
    const qb = m
      .createQueryBuilder(Attendee, 'a')
      .where('a.conferenceId = :conferenceId', { conferenceId: filter.conferenceId })
      .andWhere('a.status IN (:...holds)', { holds: HOLDS_PLACE })
      // Who submitted the evaluation (never what they answered).
      .leftJoin(EvaluationSubmission, 'ev', 'ev.conferenceId = a.conferenceId AND ev.attendeeId = a.id');
    if (filter.sessionIds.length > 0) {
      // Marks of items that are no longer sessions do not count.
      qb.leftJoin(
        (sub: SelectQueryBuilder<SessionAttendance>) =>
          sub
            .select('s.attendeeId', 'attendee_id')
            .addSelect('COUNT(*)', 'attended')
            .from(SessionAttendance, 's')
            .where('s.conferenceId = :conferenceId', { conferenceId: filter.conferenceId })
            .andWhere('s.agendaItemId IN (:...sessionIds)', { sessionIds: filter.sessionIds })
            .andWhere('s.status IN (:...attendedStatuses)', { attendedStatuses: ATTENDED_STATUSES })
            .groupBy('s.attendeeId'),
        'c',
        'c.attendee_id = a.id',
      );
    }
    if (filter.bridgePointId) qb.andWhere('a.bridgePointId = :bp', { bp: filter.bridgePointId });
    if (filter.scope) {
      const points = whereInScope(
        m.createQueryBuilder(BridgePoint, 'bp').select('bp.id').where('bp.conferenceId = :conferenceId', { conferenceId: filter.conferenceId }),
        'bp',
        filter.scope,
      );
      qb.andWhere(`a.bridgePointId IN (${points.getQuery()})`, points.getParameters());
    }
    const attended = this.attendedOf(filter);
    if (filter.attended === 'none') qb.andWhere('1 = 0');
    else if (filter.attended && 'atLeast' in filter.attended) {
      qb.andWhere(`${attended} >= :atLeast`, { atLeast: filter.attended.atLeast });
      if (filter.requireEvaluation) qb.andWhere('ev.attendeeId IS NOT NULL');
    } else if (filter.attended) {
      const short = `${attended} < :fewerThan`;
      qb.andWhere(filter.requireEvaluation ? `(${short} OR ev.attendeeId IS NULL)` : short, { fewerThan: filter.attended.fewerThan });
    }
    return qb;
  }
}
