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
import { hydratedValue } from '../common/entity-rows';

/** The columns exported, `code` first. */
const EXPORTED = ['code', 'fullName', 'title', 'organization', 'email', 'phone', 'bridgePointId', 'role', 'status', 'checkedInAt'] as const;
type ExportedAttendee = Pick<Attendee, (typeof EXPORTED)[number]>;

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
      .select('a.code', 'code')
      .where('a.conferenceId = :conferenceId', { conferenceId })
      .orderBy('bp.isMain', 'DESC')
      .addOrderBy('bp.provinceCode', 'ASC')
      .addOrderBy('bp.level', 'ASC')
      .addOrderBy('bp.administrativeUnitCode', 'ASC')
      .addOrderBy('bp.name', 'ASC')
      .addOrderBy('a.searchKey', 'ASC')
      .addOrderBy('a.code', 'ASC');
    // Raw rows, not entities: the ORM would hold its raw rows and the entities made of them at once.
    for (const property of EXPORTED.slice(1)) qb.addSelect(`a.${property}`, property);
    if (point) qb.andWhere('a.bridgePointId = :pointId', { pointId: point.id });
    whereInScope(qb, 'bp', scope);
    const [raws, points] = await Promise.all([
      qb.getRawMany<Record<string, unknown>>(),
      point ? [point] : m.find(BridgePoint, { select: { id: true, name: true }, where: { conferenceId } }),
    ]);
    const pointNames = new Map(points.map((p) => [p.id, p.name]));
    // Each row made as it is written, not a second list of 30,000 beside the delegates read.
    const rows = (function* (): Generator<ExportRow> {
      for (const raw of raws) {
        const a = { ...raw, checkedInAt: hydratedValue(m, Attendee, 'checkedInAt', raw.checkedInAt) } as ExportedAttendee;
        yield { ...a, bridgePoint: pointNames.get(a.bridgePointId) ?? '' };
      }
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
