import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User } from '../auth/user.entity';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { inScope, OperatorScope, scopeOf } from '../bridge-points/bridge-point-scope';
import { skipOf } from '../common/pagination';
import { contentDisposition, ExportFile, shortTitle, XLSX_CONTENT_TYPE } from '../common/spreadsheet-export';
import { DEFAULT_COMPLETION_RULE } from '../conferences/conference.dto';
import { CompletionRule, Conference } from '../conferences/conference.entity';
import { conferenceOrFail } from '../bridge-points/conference-visibility';
import { completionOf, sessionsNeeded } from './completion';
import { completionsXlsx } from './completion-export';
import { CompletionFilterDto, CompletionListQueryDto, CompletionPageDto, CompletionResponseDto } from './completion.dto';
import { AttendedRow, CompletionFilter, CompletionRepository } from './completion.repository';
import { SessionAttendance } from './session-attendance.entity';
import { bridgePointNotFound } from '../bridge-points/bridge-point-errors';

/**
 * Who completed a training (hoàn thành khóa học) under the conference's completion rule, from
 * the attendance of its sessions. Every role reads it; an operator sees only the people of the
 * bridge points in their scope. A fixed number of queries whatever the size.
 */
@Injectable()
export class CompletionService {
  constructor(
    @InjectRepository(SessionAttendance) private readonly marks: Repository<SessionAttendance>,
    private readonly reads: CompletionRepository,
  ) {}

  async list(conferenceId: string, query: CompletionListQueryDto, user: User): Promise<CompletionPageDto> {
    const { rule, filter } = await this.filterOf(conferenceId, query, user);
    const { rows, total } = await this.reads.rows(filter, { skip: skipOf(query), take: query.pageSize });
    return {
      items: rows.map((row) => this.completion(rule, filter.sessionIds.length, row)),
      total,
      page: query.page,
      pageSize: query.pageSize,
      sessionsRequired: filter.sessionIds.length,
      completionRule: rule,
    };
  }

  /** The same people and figures as the list, all of them, as an Excel workbook. */
  async exportXlsx(conferenceId: string, query: CompletionFilterDto, user: User): Promise<ExportFile> {
    const { conference, rule, filter, point } = await this.filterOf(conferenceId, query, user);
    const [{ rows }, points] = await Promise.all([
      this.reads.rows(filter),
      point ? [point] : this.marks.manager.find(BridgePoint, { select: { id: true, name: true }, where: { conferenceId } }),
    ]);
    const names = new Map(points.map((p) => [p.id, p.name]));
    const body = await completionsXlsx(
      rows.map((row) => ({ ...this.completion(rule, filter.sessionIds.length, row), bridgePoint: names.get(row.bridgePointId) ?? '' })),
    );
    const name = `Kết quả hoàn thành khóa học - ${shortTitle(conference.title)}${point ? ` - ${point.name}` : ''}.xlsx`;
    return { contentType: XLSX_CONTENT_TYPE, disposition: contentDisposition(name), body };
  }

  private completion(rule: CompletionRule, sessionsRequired: number, row: AttendedRow): CompletionResponseDto {
    const { sessionsAttended, evaluationSubmitted, ...person } = row;
    return { ...person, ...completionOf(rule, { sessionsRequired, sessionsAttended, evaluationSubmitted }) };
  }

  private async filterOf(
    conferenceId: string,
    query: CompletionFilterDto,
    user: User,
  ): Promise<{ conference: Conference; rule: CompletionRule; filter: CompletionFilter; point: BridgePoint | null }> {
    const m = this.marks.manager;
    const scope = await scopeOf(m, user);
    const conference = await conferenceOrFail(m, conferenceId, scope);
    const point = query.bridgePointId ? await this.pointOrFail(conferenceId, query.bridgePointId, scope) : null;
    const rule = { ...DEFAULT_COMPLETION_RULE, ...conference.completionRule };
    const sessionIds = await this.reads.sessionIds(conferenceId);
    // The list filters on the count of sessions attended that completes (see sessionsNeeded) and, when the rule asks
    // for it, on the evaluation submitted, so paging stays in SQL.
    const needed = sessionsNeeded(rule, sessionIds.length, true);
    let attended: CompletionFilter['attended'];
    if (query.completed === 'true') attended = needed === null ? 'none' : { atLeast: needed };
    if (query.completed === 'false') attended = needed === null ? undefined : { fewerThan: needed };
    return { conference, rule, point, filter: { conferenceId, scope, bridgePointId: query.bridgePointId, sessionIds, attended, requireEvaluation: rule.requireEvaluation } };
  }

  private async pointOrFail(conferenceId: string, bridgePointId: string, scope: OperatorScope | null): Promise<BridgePoint> {
    const point = await this.marks.manager.findOneBy(BridgePoint, { id: bridgePointId, conferenceId });
    if (!point || !inScope(point, scope)) {
      throw bridgePointNotFound(bridgePointId, 'bridgePointId');
    }
    return point;
  }
}
