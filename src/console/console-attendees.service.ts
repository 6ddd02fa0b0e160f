import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { FastifyRequest } from 'fastify';
import { normalizeAttendeeCode } from '../attendees/attendee-code';
import { AttendeeExportService } from '../attendees/attendee-export.service';
import { ExportFile } from '../common/spreadsheet-export';
import { AttendeeExportQueryDto } from '../attendees/attendee-export.dto';
import { AttendeeImportService } from '../attendees/attendee-import.service';
import { AttendeeListQueryDto, AttendeeResponseDto, CheckInBatchDto, CreateAttendeeDto, UpdateAttendeeDto } from '../attendees/attendee.dto';
import { ATTENDEE_ROLES, ATTENDEE_STATUSES, AttendeeStatus } from '../attendees/attendee.entity';
import { AttendeesService } from '../attendees/attendees.service';
import { BridgePointListQueryDto } from '../bridge-points/bridge-point.dto';
import { BridgePointsService } from '../bridge-points/bridge-points.service';
import { validateBody } from '../common/validate-body';
import { ConferenceResponseDto } from '../conferences/conference.dto';
import { ConferencesService } from '../conferences/conferences.service';
import { FormFields } from '../web/form-body';
import { FieldErrors } from '../web/page-form';
import {
  ATTENDEE_FIELDS,
  ATTENDEES_PAGE_SIZE,
  attendeeFormPage,
  attendeeRemovePage,
  attendeesPage,
  attendeesUrl,
  CHECK_IN_FIELDS,
  checkInPage,
  CheckInOutcome,
  checkInUrl,
  IMPORT_FORM_FIELDS,
  importJobPage,
  importPage,
  PointChoice,
} from './console-attendees-pages';
import { besideFields, pageNumber, searchText, str } from './console-bulk';
import { ConsoleCaller } from './console-caller';
import { ConsoleResult } from './console-reply';
import { refusalBeside } from './console-screen-kit';
import { ConsoleSessions } from './console-sessions';
import { readConsoleUpload } from './console-upload';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE = /^[A-Z0-9]{6}$/;
/** Points offered in the drop-downs: every level but communes (a nationwide conference has 3,321 of those). */
const LISTED_LEVELS = ['central', 'provincial', 'other'] as const;
const OPTIONAL_TEXT = ['title', 'organization', 'email', 'phone', 'notes'] as const;

const DONE: Record<string, string> = {
  create: 'Đã thêm đại biểu.',
  update: 'Đã lưu thay đổi.',
  remove: 'Đã xóa đại biểu khỏi danh sách.',
};

/**
 * The delegate screens: the list (the API's, 50 a page), add and edit, import with its job's
 * progress, export and the check-in desk, each through the same service as the API.
 */
@Injectable()
export class ConsoleAttendeesService {
  constructor(
    private readonly conferences: ConferencesService,
    private readonly attendees: AttendeesService,
    private readonly points: BridgePointsService,
    private readonly imports: AttendeeImportService,
    private readonly exports: AttendeeExportService,
    private readonly sessions: ConsoleSessions,
  ) {}

  async list(id: string, query: Record<string, unknown>, caller: ConsoleCaller): Promise<ConsoleResult> {
    const conference = await this.conferences.get(id, caller.user);
    const filterErrors: FieldErrors = {};
    const filters = {
      q: searchText(query.q, 'q', filterErrors),
      tt: ATTENDEE_STATUSES.includes(str(query.tt) as AttendeeStatus) ? str(query.tt) : '',
      point: UUID.test(str(query.point)) ? str(query.point).toLowerCase() : '',
    };
    const page = pageNumber(query.page);
    const dto = plainToInstance(AttendeeListQueryDto, {
      page,
      pageSize: ATTENDEES_PAGE_SIZE,
      ...(filters.q && { q: filters.q }),
      ...(filters.tt && { status: filters.tt }),
      ...(filters.point && { bridgePointId: filters.point }),
    });
    const [result, points] = await Promise.all([
      this.attendees.list(id, dto, await this.attendees.actorFor(caller.user)),
      this.pointChoices(id, caller, filters.point),
    ]);
    const pointNames = await this.points.namesOf(id, result.items.map((a) => a.bridgePointId));
    const flash = typeof query.xong === 'string' ? DONE[query.xong] : undefined;
    return { status: 200, html: attendeesPage({ conference, ...result, page, filters, filterErrors, points, pointNames, flash }, caller) };
  }

  async newForm(id: string, query: Record<string, unknown>, caller: ConsoleCaller): Promise<ConsoleResult> {
    const conference = await this.conferences.get(id, caller.user);
    const point = UUID.test(str(query.point)) ? str(query.point).toLowerCase() : '';
    const values: FormFields = { bridgePointId: point, role: 'delegate' };
    return { status: 200, html: attendeeFormPage({ conference, values, errors: {}, points: await this.pointChoices(id, caller, point) }, caller) };
  }

  async create(id: string, fields: FormFields | undefined, caller: ConsoleCaller): Promise<ConsoleResult> {
    const conference = await this.conferences.get(id, caller.user);
    const values = valuesOf(fields);
    try {
      const body: Record<string, unknown> = { fullName: values.fullName.trim(), bridgePointId: values.bridgePointId, ...(values.role && { role: values.role }) };
      for (const field of OPTIONAL_TEXT) if (values[field].trim()) body[field] = values[field].trim();
      await this.attendees.create(id, await validateBody(CreateAttendeeDto, body), await this.attendees.actorFor(caller.user));
      return { redirect: `${attendeesUrl(id)}?xong=create` };
    } catch (error) {
      return this.formRefused(error, conference, undefined, values, caller);
    }
  }

  async editForm(id: string, attendeeId: string, caller: ConsoleCaller): Promise<ConsoleResult> {
    const conference = await this.conferences.get(id, caller.user);
    const attendee = await this.attendees.get(id, attendeeId, await this.attendees.actorFor(caller.user));
    const values: FormFields = { version: String(attendee.version), fullName: attendee.fullName, bridgePointId: attendee.bridgePointId, role: attendee.role };
    for (const field of OPTIONAL_TEXT) values[field] = attendee[field] ?? '';
    const points = await this.pointChoices(id, caller, attendee.bridgePointId);
    return { status: 200, html: attendeeFormPage({ conference, attendee, values, errors: {}, points }, caller) };
  }

  async update(id: string, attendeeId: string, fields: FormFields | undefined, caller: ConsoleCaller): Promise<ConsoleResult> {
    const conference = await this.conferences.get(id, caller.user);
    const who = await this.attendees.actorFor(caller.user);
    const attendee = await this.attendees.get(id, attendeeId, who);
    const values: FormFields = { ...valuesOf(fields), version: str(fields?.version) };
    try {
      const body: Record<string, unknown> = {
        version: /^\d+$/.test(values.version) ? Number(values.version) : values.version,
        fullName: values.fullName.trim(),
        bridgePointId: values.bridgePointId,
        role: values.role,
      };
      // An emptied field is cleared, as a PATCH with null does.
      for (const field of OPTIONAL_TEXT) body[field] = values[field].trim() || null;
      await this.attendees.update(id, attendeeId, await validateBody(UpdateAttendeeDto, body), who);
      return { redirect: `${attendeesUrl(id)}?xong=update` };
    } catch (error) {
      return this.formRefused(error, conference, attendee, values, caller);
    }
  }

  /** The confirmation before a delegate is removed. */
  async removeForm(id: string, attendeeId: string, caller: ConsoleCaller): Promise<ConsoleResult> {
    return this.removePage(id, attendeeId, caller);
  }

  /** Removes a delegate through the API's service (its rules, its audit); a refusal comes back on the confirmation page. */
  async remove(id: string, attendeeId: string, caller: ConsoleCaller): Promise<ConsoleResult> {
    await this.conferences.get(id, caller.user);
    try {
      await this.attendees.remove(id, attendeeId, await this.attendees.actorFor(caller.user));
      return { redirect: `${attendeesUrl(id)}?xong=remove` };
    } catch (error) {
      const refused = refusalBeside(error, {});
      if (!refused) throw error;
      return this.removePage(id, attendeeId, caller, refused.problem, refused.status);
    }
  }

  private async removePage(id: string, attendeeId: string, caller: ConsoleCaller, problem?: string, status = 200): Promise<ConsoleResult> {
    const conference = await this.conferences.get(id, caller.user);
    const attendee = await this.attendees.get(id, attendeeId, await this.attendees.actorFor(caller.user));
    const pointName = (await this.points.namesOf(id, [attendee.bridgePointId])).get(attendee.bridgePointId) ?? '';
    return { status, html: attendeeRemovePage({ conference, attendee, pointName, problem }, caller) };
  }

  private async formRefused(
    error: unknown,
    conference: ConferenceResponseDto,
    attendee: AttendeeResponseDto | undefined,
    values: FormFields,
    caller: ConsoleCaller,
  ): Promise<ConsoleResult> {
    const onForm = besideFields(error, ATTENDEE_FIELDS);
    if (!onForm) throw error;
    const points = await this.pointChoices(conference.id, caller, values.bridgePointId);
    return { status: onForm.status, html: attendeeFormPage({ conference, attendee, values, errors: onForm.errors, problem: onForm.problem, points }, caller) };
  }

  async importForm(id: string, caller: ConsoleCaller): Promise<ConsoleResult> {
    const conference = await this.conferences.get(id, caller.user);
    return { status: 200, html: importPage({ conference, points: await this.pointChoices(id, caller, ''), values: {}, errors: {} }, caller) };
  }

  /** Starts an import (a dry run or the real one) and sends the browser to its job's page, which follows it. */
  async import(id: string, request: FastifyRequest, caller: ConsoleCaller): Promise<ConsoleResult> {
    const conference = await this.conferences.get(id, caller.user);
    let values: FormFields = {};
    try {
      const upload = await readConsoleUpload(request, this.sessions);
      values = { bridgePointId: str(upload.fields.bridgePointId), atomic: upload.fields.atomic === 'true' ? 'true' : '' };
      const options = {
        dryRun: upload.fields.dryRun === 'false' ? 'false' : 'true',
        ...(values.atomic && { atomic: 'true' }),
        ...(values.bridgePointId && { bridgePointId: values.bridgePointId }),
      };
      const { report } = await this.imports.start(id, async () => ({ ...upload, fields: options }), {}, caller.user);
      return { redirect: `${attendeesUrl(id)}/import-jobs/${report.jobId}` };
    } catch (error) {
      const onForm = besideFields(error, IMPORT_FORM_FIELDS);
      if (!onForm) throw error;
      const points = await this.pointChoices(id, caller, values.bridgePointId ?? '');
      return { status: onForm.status, html: importPage({ conference, points, values, errors: onForm.errors, problem: onForm.problem }, caller) };
    }
  }

  async importJob(id: string, jobId: string, caller: ConsoleCaller): Promise<ConsoleResult> {
    const conference = await this.conferences.get(id, caller.user);
    const job = await this.imports.job(id, jobId);
    const points = job.status === 'running' ? [] : await this.pointChoices(id, caller, '');
    return { status: 200, html: importJobPage({ conference, job, points, values: {}, errors: {} }, caller) };
  }

  /** The API's export (the same file, the same scope), for a link the cookie session can follow. */
  async export(id: string, format: 'csv' | 'xlsx', query: Record<string, unknown>, caller: ConsoleCaller): Promise<ExportFile> {
    const point = UUID.test(str(query.point)) ? str(query.point).toLowerCase() : undefined;
    const dto = plainToInstance(AttendeeExportQueryDto, { ...(point && { bridgePointId: point }), ...(format === 'csv' && { separator: 'semicolon' }) });
    return this.exports.export(id, format, dto, caller.user);
  }

  async checkInDesk(id: string, query: Record<string, unknown>, caller: ConsoleCaller): Promise<ConsoleResult> {
    const conference = await this.conferences.get(id, caller.user);
    const who = await this.attendees.actorFor(caller.user);
    let outcome: CheckInOutcome | undefined;
    const kind = str(query.kq);
    if ((kind === 'checked_in' || kind === 'already' || kind === 'declined') && UUID.test(str(query.dk))) {
      const attendee = await this.attendees.get(id, str(query.dk), who);
      const names = await this.points.namesOf(id, [attendee.bridgePointId]);
      outcome = { kind, attendee, pointName: names.get(attendee.bridgePointId) ?? '' } as CheckInOutcome;
    } else if (kind === 'unknown' && CODE.test(str(query.ma))) {
      outcome = { kind, code: str(query.ma) };
    }
    return this.deskPage(conference, caller, { outcome, code: '' });
  }

  /** One code at the desk: the API's batch check-in with that code; the result is shown on the page the post redirects to. */
  async checkIn(id: string, fields: FormFields | undefined, caller: ConsoleCaller): Promise<ConsoleResult> {
    const conference = await this.conferences.get(id, caller.user);
    const typed = str(fields?.code);
    const code = normalizeAttendeeCode(typed.trim());
    if (!CODE.test(code)) {
      return this.deskPage(conference, caller, { code: typed, error: `${CHECK_IN_FIELDS.code} gồm 6 chữ cái và chữ số, ví dụ K7Q4ZP.` }, 400);
    }
    try {
      const dto = await validateBody(CheckInBatchDto, { codes: [code], ...(fields?.force === 'true' && { force: true }) });
      const r = await this.attendees.checkInBatch(id, dto, await this.attendees.actorFor(caller.user));
      const [kind, attendee] = r.checkedIn[0]
        ? ['checked_in', r.checkedIn[0]]
        : r.alreadyCheckedIn[0]
          ? ['already', r.alreadyCheckedIn[0]]
          : r.declined[0]
            ? ['declined', r.declined[0]]
            : ['unknown', undefined];
      return { redirect: attendee ? `${checkInUrl(id)}?kq=${kind}&dk=${attendee.id}` : `${checkInUrl(id)}?kq=unknown&ma=${code}` };
    } catch (error) {
      const onForm = besideFields(error, CHECK_IN_FIELDS);
      if (!onForm) throw error;
      const message = onForm.problem ?? Object.values(onForm.errors).join(' ');
      return this.deskPage(conference, caller, { code: typed, outcome: { kind: 'refused', message } }, onForm.status);
    }
  }

  private async deskPage(
    conference: ConferenceResponseDto,
    caller: ConsoleCaller,
    v: { outcome?: CheckInOutcome; code: string; error?: string },
    status = 200,
  ): Promise<ConsoleResult> {
    const who = await this.attendees.actorFor(caller.user);
    const one = (extra: Record<string, unknown>) => plainToInstance(AttendeeListQueryDto, { page: 1, pageSize: 1, ...extra });
    const [attended, all] = await Promise.all([
      this.attendees.list(conference.id, one({ status: 'attended' }), who),
      this.attendees.list(conference.id, one({}), who),
    ]);
    return { status, html: checkInPage({ conference, ...v, counts: { attended: attended.total, total: all.total } }, caller) };
  }

  /** The points a drop-down offers: every point but communes, plus `current` (a commune's point chosen from its row). */
  private async pointChoices(id: string, caller: ConsoleCaller, current: string): Promise<PointChoice[]> {
    const lists = await Promise.all(
      LISTED_LEVELS.map((level) => this.points.list(id, plainToInstance(BridgePointListQueryDto, { page: 1, pageSize: 500, level }), caller.user)),
    );
    const listed = lists
      .flatMap((l) => l.items)
      .sort((a, b) => Number(b.isMain) - Number(a.isMain) || a.name.localeCompare(b.name, 'vi'))
      .map((p) => ({ value: p.id, label: p.name }));
    if (current && !listed.some((p) => p.value === current)) {
      const name = (await this.points.namesOf(id, [current])).get(current);
      if (name) listed.unshift({ value: current, label: name });
    }
    return listed;
  }
}

function valuesOf(fields: FormFields | undefined): FormFields {
  const values: FormFields = {};
  for (const field of Object.keys(ATTENDEE_FIELDS)) values[field] = str(fields?.[field]);
  if (!ATTENDEE_ROLES.includes(values.role as (typeof ATTENDEE_ROLES)[number])) values.role = values.role ? values.role : 'delegate';
  return values;
}
