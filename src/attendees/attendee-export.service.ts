import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User } from '../auth/user.entity';
import { inScope, scopeOf, whereInScope } from '../bridge-points/bridge-point-scope';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { ConferencesService } from '../conferences/conferences.service';
import { contentDisposition, CSV_CONTENT_TYPE, ExportFile, shortTitle, XLSX_CONTENT_TYPE } from '../common/spreadsheet-export';
import { ExportRow, toCsv, toXlsx } from './attendee-export-format';
import { AttendeeExportQueryDto } from './attendee-export.dto';
import { Attendee } from './attendee.entity';
import { bridgePointNotFound } from '../bridge-points/bridge-point-errors';

/**
 * The delegate list of a conference as CSV or XLSX, for everyone who may see the conference;
 * an operator gets only their points' delegates. Five queries at most, whatever the size.
 */
@Injectable()
export class AttendeeExportService {
  constructor(
    @InjectRepository(Attendee) private readonly attendees: Repository<Attendee>,
    private readonly conferences: ConferencesService,
  ) {}

  async export(conferenceId: string, format: 'csv' | 'xlsx', query: AttendeeExportQueryDto, user: User): Promise<ExportFile> {
    const conference = await this.conferences.findVisible(conferenceId, user);
    const m = this.attendees.manager;
    const scope = await scopeOf(m, user);
    let point: BridgePoint | null = null;
    if (query.bridgePointId) {
      point = await m.findOneBy(BridgePoint, { id: query.bridgePointId, conferenceId });
      if (!point || !inScope(point, scope)) {
        throw bridgePointNotFound(query.bridgePointId, 'bridgePointId');
      }
    }

    const qb = m
      .createQueryBuilder(Attendee, 'a')
      .innerJoin(BridgePoint, 'bp', 'bp.id = a.bridgePointId')
      .select(['a.id', 'a.code', 'a.fullName', 'a.title', 'a.organization', 'a.email', 'a.phone', 'a.bridgePointId', 'a.role', 'a.status', 'a.checkedInAt'])
      .where('a.conferenceId = :conferenceId', { conferenceId })
      .orderBy('bp.isMain', 'DESC')
      .addOrderBy('bp.provinceCode', 'ASC')
      .addOrderBy('bp.level', 'ASC')
      .addOrderBy('bp.administrativeUnitCode', 'ASC')
      .addOrderBy('bp.name', 'ASC')
      .addOrderBy('a.searchKey', 'ASC')
      .addOrderBy('a.code', 'ASC');
    if (point) qb.andWhere('a.bridgePointId = :pointId', { pointId: point.id });
    whereInScope(qb, 'bp', scope);
    const [attendees, points] = await Promise.all([
      qb.getMany(),
      point ? [point] : m.find(BridgePoint, { select: { id: true, name: true }, where: { conferenceId } }),
    ]);
    const pointNames = new Map(points.map((p) => [p.id, p.name]));
    // Each row made as it is written, not a second list of 30,000 beside the delegates read.
    const rows = (function* (): Generator<ExportRow> {
      for (const a of attendees) yield { ...a, bridgePoint: pointNames.get(a.bridgePointId) ?? '' };
    })();

    const name = `Danh sách đại biểu - ${shortTitle(conference.title)}${point ? ` - ${point.name}` : ''}.${format}`;
    if (format === 'csv') {
      const separator = query.separator === 'semicolon' ? ';' : ',';
      return { contentType: CSV_CONTENT_TYPE, disposition: contentDisposition(name), body: toCsv(rows, conference.timezone, separator) };
    }
    const body = await toXlsx(rows, conference.timezone, point ? point.name : 'Đại biểu');
    return { contentType: XLSX_CONTENT_TYPE, disposition: contentDisposition(name), body };
  }
}
