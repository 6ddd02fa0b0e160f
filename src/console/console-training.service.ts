import { HttpException, Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { AgendaItemsService } from '../agenda/agenda-items.service';
import { notFound } from '../common/errors';
import { PageQueryDto } from '../common/pagination';
import { ExportFile } from '../common/spreadsheet-export';
import { validateBody } from '../common/validate-body';
import { ConferencesService } from '../conferences/conferences.service';
import { CertificateService } from '../training/certificate.service';
import { IssueCertificatesDto, RevokeCertificateDto } from '../training/certificate.dto';
import { CompletionListQueryDto } from '../training/completion.dto';
import { CompletionService } from '../training/completion.service';
import { AttendanceListQueryDto, MarkAttendanceDto, RollCallResponseDto } from '../training/session-attendance.dto';
import { SessionAttendanceService } from '../training/session-attendance.service';
import { FormFields } from '../web/form-body';
import { ConsoleResults } from './console-bulk';
import { ConsoleCaller } from './console-caller';
import { ConsoleResult } from './console-reply';
import { refusalBeside, str } from './console-screen-kit';
import { ISSUE_FIELDS, ROLL_CALL_FIELDS, sessionPage, SessionSummary, SessionView, trainingPage, TrainingView, trainingUrl } from './console-training-pages';

const ALL = 500;
const STALE = 'Điểm danh của người này vừa được người khác ghi. Vui lòng xem lại rồi ghi lại.';

/**
 * Training on the console (session attendance, completions, certificates) over the API's
 * services: SessionAttendanceService, CompletionService and CertificateService.
 */
@Injectable()
export class ConsoleTrainingService {
  constructor(
    private readonly conferences: ConferencesService,
    private readonly agenda: AgendaItemsService,
    private readonly attendance: SessionAttendanceService,
    private readonly completions: CompletionService,
    private readonly certificates: CertificateService,
    private readonly results: ConsoleResults,
  ) {}

  async page(id: string, caller: ConsoleCaller, query: Record<string, unknown>, over: Partial<TrainingView> = {}, status = 200): Promise<ConsoleResult> {
    const conference = await this.conferences.get(id, caller.user);
    const items = (await this.agenda.list(id, plainToInstance(PageQueryDto, { page: 1, pageSize: ALL }), caller.user)).items.filter((i) => i.attendanceRequired);
    const sessions: SessionSummary[] = [];
    for (const item of items) {
      let totals: SessionSummary['totals'] = null;
      try {
        totals = (await this.attendance.list(id, item.id, plainToInstance(AttendanceListQueryDto, { page: 1, pageSize: 1 }), caller.user)).totals;
      } catch (error) {
        if (!(error instanceof HttpException) || error.getStatus() !== 409) throw error;
      }
      sessions.push({ item, totals });
    }
    const completions = await this.completions.list(id, plainToInstance(CompletionListQueryDto, { page: 1, pageSize: ALL }), caller.user);
    const certificates = (await this.certificates.list(id)).items;
    const flash = flashOf(query);
    return { status, html: trainingPage({ conference, sessions, completions, certificates, flash, issue: { values: {}, errors: {} }, ...over }, caller) };
  }

  async issue(id: string, fields: FormFields | undefined, caller: ConsoleCaller): Promise<ConsoleResult> {
    await this.conferences.get(id, caller.user);
    const values: FormFields = Object.fromEntries(Object.keys(ISSUE_FIELDS).map((f) => [f, str(fields?.[f])]));
    try {
      const dto = await validateBody(IssueCertificatesDto, {
        office: values.office,
        signerName: values.signerName,
        signerTitle: values.signerTitle,
        place: values.place,
        send: values.send === 'true',
      });
      const result = await this.certificates.issue(id, dto, caller.user);
      return { redirect: `${trainingUrl(id)}?xong=cap&so=${result.issued}&truoc=${result.alreadyIssued}#so-gcn` };
    } catch (error) {
      const refused = refusalBeside(error, ISSUE_FIELDS);
      if (!refused) throw error;
      return this.page(id, caller, {}, { issue: { values, errors: refused.errors, problem: refused.problem } }, refused.status);
    }
  }

  async revoke(id: string, certId: string, fields: FormFields | undefined, caller: ConsoleCaller): Promise<ConsoleResult> {
    await this.conferences.get(id, caller.user);
    const values = { reason: str(fields?.reason) };
    try {
      const dto = await validateBody(RevokeCertificateDto, values);
      await this.certificates.revoke(id, certId, dto.reason, caller.user);
      return { redirect: `${trainingUrl(id)}?xong=thu-hoi#gcn-${certId}` };
    } catch (error) {
      const refused = refusalBeside(error, { reason: 'Lý do thu hồi' });
      if (!refused) throw error;
      return this.page(id, caller, {}, { revoke: { certId, state: { values, errors: refused.errors, problem: refused.problem } } }, refused.status);
    }
  }

  async allPdf(id: string, caller: ConsoleCaller): Promise<ExportFile> {
    await this.conferences.get(id, caller.user);
    return this.certificates.pdf(id, null);
  }

  /** One certificate's PDF, as the API's `GET …/certificates/:certId.pdf` gives it. */
  async onePdf(id: string, certId: string, caller: ConsoleCaller): Promise<ExportFile> {
    await this.conferences.get(id, caller.user);
    return this.certificates.pdf(id, certId);
  }

  async session(
    id: string,
    itemId: string,
    caller: ConsoleCaller,
    query: Record<string, unknown>,
    over: Pick<SessionView, 'problem' | 'rollCall'> = {},
    status = 200,
  ): Promise<ConsoleResult> {
    const conference = await this.conferences.get(id, caller.user);
    const item = (await this.agenda.list(id, plainToInstance(PageQueryDto, { page: 1, pageSize: ALL }), caller.user)).items.find((i) => i.id === itemId);
    if (!item) throw notFound('itemId', 'agenda_item_not_found', 'Không tìm thấy buổi học này.');
    let page;
    try {
      page = await this.attendance.list(id, itemId, plainToInstance(AttendanceListQueryDto, { page: 1, pageSize: ALL }), caller.user);
    } catch (error) {
      const refused = refusalBeside(error, {});
      if (!refused) throw error;
      return { redirect: `${trainingUrl(id)}` };
    }
    const flash = query.xong === 'ghi' ? 'Đã ghi điểm danh.' : undefined;
    // The roll call just taken (kept for its author a while, so the post could redirect here).
    const rollCallResult = str(query.kq) ? this.results.read<RollCallResponseDto>(caller.user.id, str(query.kq)) : undefined;
    return { status, html: sessionPage({ conference, item, page, flash, rollCallResult, ...over }, caller) };
  }

  /** One person's status in a session, at the version read (none before their first mark). */
  async mark(id: string, itemId: string, fields: FormFields | undefined, caller: ConsoleCaller): Promise<ConsoleResult> {
    const attendeeId = str(fields?.attendeeId);
    const version = str(fields?.version);
    try {
      const dto = await validateBody(MarkAttendanceDto, { attendeeId, status: str(fields?.status), ...(version && { version: /^\d+$/.test(version) ? Number(version) : version }) });
      await this.attendance.mark(id, itemId, dto, caller.user);
      return { redirect: `${trainingUrl(id)}/sessions/${itemId}?xong=ghi#dd-${attendeeId}` };
    } catch (error) {
      const refused = refusalBeside(error, {}, { stale: STALE });
      if (!refused) throw error;
      return this.session(id, itemId, caller, {}, { problem: refused.problem }, refused.status);
    }
  }

  /**
   * A roll call of the codes typed (one a line, or separated by spaces or commas): the API's
   * `POST …/attendance { codes }`; its answer is shown on the session page the post redirects to.
   */
  async rollCall(id: string, itemId: string, fields: FormFields | undefined, caller: ConsoleCaller): Promise<ConsoleResult> {
    const typed = str(fields?.codes);
    const codes = typed.split(/[\s,;]+/).filter(Boolean);
    const back = (state: SessionView['rollCall'], status: number) => this.session(id, itemId, caller, {}, { rollCall: state }, status);
    if (codes.length === 0) return back({ values: { codes: typed }, errors: { codes: 'Nhập ít nhất một mã điểm danh.' } }, 400);
    try {
      const dto = await validateBody(MarkAttendanceDto, { codes });
      const result = (await this.attendance.mark(id, itemId, dto, caller.user)) as RollCallResponseDto;
      return { redirect: `${trainingUrl(id)}/sessions/${itemId}?kq=${this.results.keep(caller.user.id, result)}#ket-qua` };
    } catch (error) {
      const refused = refusalBeside(error, ROLL_CALL_FIELDS, { fieldOf: (field) => (field.startsWith('codes') ? 'codes' : field) });
      if (!refused) throw error;
      return back({ values: { codes: typed }, errors: refused.errors, problem: refused.problem }, refused.status);
    }
  }
}

function flashOf(query: Record<string, unknown>): string | undefined {
  if (query.xong === 'thu-hoi') return 'Đã thu hồi giấy chứng nhận.';
  if (query.xong !== 'cap') return undefined;
  const issued = Number(str(query.so)) || 0;
  const before = Number(str(query.truoc)) || 0;
  return issued === 0
    ? `Không có giấy chứng nhận mới để cấp (${before} người đã có giấy).`
    : `Đã cấp ${issued} giấy chứng nhận${before > 0 ? `; ${before} người đã có giấy từ trước` : ''}.`;
}
