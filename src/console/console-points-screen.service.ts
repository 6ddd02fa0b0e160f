import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { FastifyRequest } from 'fastify';
import { AdministrativeUnitQueryDto } from '../administrative-units/administrative-unit.dto';
import { AdministrativeUnitsService } from '../administrative-units/administrative-units.service';
import { BridgePointContactsImportService } from '../bridge-points/bridge-point-contacts-import.service';
import { ContactsImportReportDto } from '../bridge-points/bridge-point-contacts-import.dto';
import { BridgePointListQueryDto, ConnectUnitsDto, IssueLinksDto } from '../bridge-points/bridge-point.dto';
import { CONFIRMATION_STATUSES, CONNECTION_STATUSES } from '../bridge-points/bridge-point.entity';
import { BridgePointsService } from '../bridge-points/bridge-points.service';
import { notFound } from '../common/errors';
import { validateBody } from '../common/validate-body';
import { ConferencesService } from '../conferences/conferences.service';
import { FormFields } from '../web/form-body';
import { vnNumber } from '../web/labels';
import { FieldErrors } from '../web/page-form';
import { ConsoleResults, fileTooLarge, pageNumber, searchText, str } from './console-bulk';
import { ConsoleCaller } from './console-caller';
import { ConsoleResult } from './console-reply';
import { ConsoleSessions } from './console-sessions';
import { readConsoleUpload } from './console-upload';
import { refusalOnForm } from './conference-form';
import { CONNECT_FIELDS, CONTACTS_FIELDS, contactsReportPage, LINK_FIELDS, POINTS_PAGE_SIZE, pointsPage, PointsFormState, pointsUrl } from './console-points-pages';

const oneOf = <T extends string>(values: readonly T[], v: unknown): T | '' => (values.includes(str(v) as T) ? (str(v) as T) : '');

/**
 * The bridge-point screen: the list (the API's list, 50 a page), and connecting, links and the
 * contacts import through the same services as the API, so every rule and audit entry holds.
 */
@Injectable()
export class ConsolePointsScreenService {
  constructor(
    private readonly conferences: ConferencesService,
    private readonly points: BridgePointsService,
    private readonly contacts: BridgePointContactsImportService,
    private readonly units: AdministrativeUnitsService,
    private readonly sessions: ConsoleSessions,
    private readonly results: ConsoleResults,
  ) {}

  async show(id: string, query: Record<string, unknown>, caller: ConsoleCaller, state?: PointsFormState, status = 200): Promise<ConsoleResult> {
    const conference = await this.conferences.get(id, caller.user);
    const filterErrors: FieldErrors = {};
    const filters = {
      q: searchText(query.q, 'q', filterErrors),
      xn: oneOf(CONFIRMATION_STATUSES, query.xn),
      kn: oneOf(CONNECTION_STATUSES, query.kn),
    };
    const page = pageNumber(query.page);
    const dto = plainToInstance(BridgePointListQueryDto, {
      page,
      pageSize: POINTS_PAGE_SIZE,
      ...(filters.q && { q: filters.q }),
      ...(filters.xn && { confirmationStatus: filters.xn }),
      ...(filters.kn && { connectionStatus: filters.kn }),
    });
    const [list, summary, provinces] = await Promise.all([
      this.points.list(id, dto, caller.user),
      this.points.summary(id),
      caller.canWrite ? this.units.list(plainToInstance(AdministrativeUnitQueryDto, { set: 'vn-34', level: 'province', pageSize: 100 })) : null,
    ]);
    return {
      status,
      html: pointsPage(
        {
          conference,
          summary,
          items: list.items,
          total: list.total,
          page,
          filters,
          filterErrors,
          provinces: provinces?.items ?? [],
          flash: flashOf(query),
          state,
        },
        caller,
      ),
    };
  }

  /** Connects every province of a set, or the communes of one province or of the country. */
  async connect(id: string, fields: FormFields | undefined, caller: ConsoleCaller): Promise<ConsoleResult> {
    const values = { administrativeUnitSet: str(fields?.administrativeUnitSet), level: str(fields?.level), parentCode: str(fields?.parentCode) };
    const form = values.level === 'commune' ? 'communes' : 'provinces';
    try {
      const dto = await validateBody(ConnectUnitsDto, {
        administrativeUnitSet: values.administrativeUnitSet,
        level: values.level === 'commune' ? 'commune' : 'province',
        ...(values.parentCode && { parentCode: values.parentCode }),
      });
      const result = await this.points.connectUnits(id, dto, caller.user);
      return { redirect: `${pointsUrl(id)}?xong=connect&n=${result.created}&e=${result.existing}` };
    } catch (error) {
      return this.refused(id, error, CONNECT_FIELDS, { form, values }, caller);
    }
  }

  /** Issues a new link for every point (or those of one level), mailing each by default. */
  async links(id: string, fields: FormFields | undefined, caller: ConsoleCaller): Promise<ConsoleResult> {
    const values = { level: str(fields?.level), send: str(fields?.send) === 'true' ? 'true' : 'false' };
    try {
      const dto = await validateBody(IssueLinksDto, { send: values.send === 'true', ...(values.level && { level: values.level }) });
      const result = await this.points.issueLinks(id, dto, caller.user);
      return { redirect: `${pointsUrl(id)}?xong=links&n=${result.items.length}&m=${result.queued}&k=${result.withoutEmail.length}` };
    } catch (error) {
      return this.refused(id, error, LINK_FIELDS, { form: 'links', values }, caller);
    }
  }

  /** The contacts import: a dry run or the real one; the report is shown on the page the post redirects to. */
  async importContacts(id: string, request: FastifyRequest, caller: ConsoleCaller): Promise<ConsoleResult> {
    try {
      const upload = await readConsoleUpload(request, this.sessions);
      const dryRun = upload.fields.dryRun === 'false' ? 'false' : 'true';
      const report = await this.contacts.import(id, async () => ({ ...upload, fields: { dryRun } }), {}, caller.user);
      return { redirect: `${pointsUrl(id)}/contacts/${this.results.keep(caller.user.id, report)}` };
    } catch (error) {
      return this.refused(id, error, CONTACTS_FIELDS, { form: 'contacts', values: {} }, caller);
    }
  }

  async contactsReport(id: string, key: string, caller: ConsoleCaller): Promise<ConsoleResult> {
    const conference = await this.conferences.get(id, caller.user);
    const report = this.results.read<ContactsImportReportDto>(caller.user.id, key);
    if (!report) throw notFound('report', 'report_not_found', 'Không còn kết quả nhập này (kết quả chỉ được giữ 30 phút). Vui lòng nhập lại tệp.');
    return { status: 200, html: contactsReportPage(conference, report, caller) };
  }

  /** A refusal of the API's shown on the form it concerns, beside the fields it names; anything else goes to the error page. */
  private async refused(
    id: string,
    error: unknown,
    labels: Record<string, string>,
    state: Omit<PointsFormState, 'errors'>,
    caller: ConsoleCaller,
  ): Promise<ConsoleResult> {
    const onForm = refusalOnForm(error, labels) ?? fileTooLarge(error);
    if (!onForm) throw error;
    return this.show(id, {}, caller, { ...state, ...onForm }, (error as { getStatus(): number }).getStatus());
  }
}

function flashOf(query: Record<string, unknown>): string | undefined {
  const n = (key: string) => vnNumber(Number(/^\d{1,7}$/.test(str(query[key])) ? query[key] : 0));
  switch (query.xong) {
    case 'connect':
      return `Đã tạo ${n('n')} điểm cầu mới; ${n('e')} điểm cầu đã có được giữ nguyên.`;
    case 'links':
      return `Đã cấp ${n('n')} liên kết xác nhận; ${n('m')} thư đang chờ gửi; ${n('k')} điểm cầu chưa có email liên hệ nên chưa gửi được thư.`;
    default:
      return undefined;
  }
}
