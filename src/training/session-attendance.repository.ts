import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
import { Attendee } from '../attendees/attendee.entity';
import { HOLDS_PLACE } from '../attendees/waitlist';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { OperatorScope, whereInScope } from '../bridge-points/bridge-point-scope';
import { skipOf } from '../common/pagination';
import { AttendanceListQueryDto, AttendanceTotalsDto } from './session-attendance.dto';
import { SESSION_ATTENDANCE_STATUSES, SessionAttendance } from './session-attendance.entity';

export interface AttendanceFilter {
  conferenceId: string;
  agendaItemId: string;
  scope: OperatorScope | null;
  bridgePointId?: string;
}

/** Reads of a session's attendance: the people who hold a place, each with their mark (if any). */
@Injectable()
export class SessionAttendanceRepository {
  constructor(@InjectRepository(SessionAttendance) private readonly marks: Repository<SessionAttendance>) {}

  /** One page of the people holding a place, by name, with their marks: three queries whatever the page size. */
  async page(filter: AttendanceFilter, query: AttendanceListQueryDto): Promise<{ people: Attendee[]; total: number; marks: Map<string, SessionAttendance> }> {
    const qb = this.people(filter).orderBy('a.searchKey', 'ASC').addOrderBy('a.id', 'ASC').skip(skipOf(query)).take(query.pageSize);
    if (query.status === 'unmarked') {
      qb.andWhere('NOT EXISTS (SELECT 1 FROM session_attendances s WHERE s.attendee_id = a.id AND s.agenda_item_id = :itemId)', { itemId: filter.agendaItemId });
    } else if (query.status) {
      qb.andWhere('EXISTS (SELECT 1 FROM session_attendances s WHERE s.attendee_id = a.id AND s.agenda_item_id = :itemId AND s.status = :markStatus)', {
        itemId: filter.agendaItemId,
        markStatus: query.status,
      });
    }
    const [people, total] = await qb.getManyAndCount();
    return { people, total, marks: await this.marksOf(this.marks.manager, filter.agendaItemId, people.map((p) => p.id)) };
  }

  /** People per status (GROUP BY over the same people as the list, without the status filter). */
  async totals(filter: AttendanceFilter): Promise<AttendanceTotalsDto> {
    const rows = await this.people(filter)
      .leftJoin(SessionAttendance, 's', 's.attendeeId = a.id AND s.agendaItemId = :itemId', { itemId: filter.agendaItemId })
      .select("COALESCE(s.status, 'unmarked')", 'status')
      .addSelect('COUNT(*)', 'n')
      .groupBy("COALESCE(s.status, 'unmarked')")
      .getRawMany<{ status: string; n: string | number }>();
    const totals: AttendanceTotalsDto = { present: 0, late: 0, excused: 0, absent: 0, unmarked: 0 };
    for (const row of rows) {
      if ((SESSION_ATTENDANCE_STATUSES as readonly string[]).includes(row.status) || row.status === 'unmarked') {
        totals[row.status as keyof AttendanceTotalsDto] = Number(row.n);
      }
    }
    return totals;
  }

  /** The marks of these people for the session, by attendee. */
  async marksOf(m: EntityManager, agendaItemId: string, attendeeIds: string[]): Promise<Map<string, SessionAttendance>> {
    const found: SessionAttendance[] = [];
    for (let i = 0; i < attendeeIds.length; i += 500) {
      found.push(...(await m.find(SessionAttendance, { where: { agendaItemId, attendeeId: In(attendeeIds.slice(i, i + 500)) } })));
    }
    return new Map(found.map((mark) => [mark.attendeeId, mark]));
  }

  private people(filter: AttendanceFilter): SelectQueryBuilder<Attendee> {
    const qb = this.marks.manager
      .createQueryBuilder(Attendee, 'a')
      .where('a.conferenceId = :conferenceId', { conferenceId: filter.conferenceId })
      .andWhere('a.status IN (:...holds)', { holds: HOLDS_PLACE });
    if (filter.bridgePointId) qb.andWhere('a.bridgePointId = :bp', { bp: filter.bridgePointId });
    if (filter.scope) {
      const points = whereInScope(
        this.marks.manager.createQueryBuilder(BridgePoint, 'bp').select('bp.id').where('bp.conferenceId = :conferenceId', { conferenceId: filter.conferenceId }),
        'bp',
        filter.scope,
      );
      qb.andWhere(`a.bridgePointId IN (${points.getQuery()})`, points.getParameters());
    }
    return qb;
  }
}
