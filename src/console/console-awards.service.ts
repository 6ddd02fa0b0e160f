import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { FastifyRequest } from 'fastify';
import { AwardDecisionResponseDto, CreateAwardDecisionDto, CreateAwardRecipientDto, UpdateAwardDecisionDto } from '../awards/award-decision.dto';
import { AwardDecisionsService } from '../awards/award-decisions.service';
import { AwardFormsService } from '../awards/award-forms.service';
import { AwardListFormat, AwardListService } from '../awards/award-list.service';
import { AwardRecipientImportService } from '../awards/award-recipient-import.service';
import { AwardRecipientsService } from '../awards/award-recipients.service';
import { PageQueryDto } from '../common/pagination';
import { ExportFile } from '../common/spreadsheet-export';
import { validateBody } from '../common/validate-body';
import { ConferencesService } from '../conferences/conferences.service';
import { FormFields } from '../web/form-body';
import { FieldErrors } from '../web/page-form';
import { awardsPage, AwardsView, awardsUrl, DECISION_FIELDS, decisionEditPage, decisionRemovePage, RECIPIENT_FIELDS } from './console-awards-pages';
import { FormState } from './console-minutes-pages';
import { ConsoleCaller } from './console-caller';
import { ConsoleResult } from './console-reply';
import { DAY_EXAMPLE, formatVnDay, hasErrors, parseVnDay, refusalBeside, str } from './console-screen-kit';
import { ConsoleSessions } from './console-sessions';
import { readConsoleUpload } from './console-upload';

const DONE: Record<string, string> = {
  decision: 'Đã thêm quyết định khen thưởng.',
  update: 'Đã lưu quyết định khen thưởng.',
  remove: 'Đã xóa quyết định khen thưởng.',
  recipient: 'Đã thêm vào quyết định.',
  import: 'Đã nhập danh sách khen thưởng.',
};
const STALE = 'Quyết định này vừa được người khác sửa. Vui lòng mở lại trang sửa để xem thông tin mới nhất rồi thực hiện lại; những gì bạn vừa nhập vẫn còn dưới đây.';
const ALL = 500;

/** Awards on the console: decisions, recipients one by one or from a file (dry run first), the list's files; over the API's services. */
@Injectable()
export class ConsoleAwardsService {
  constructor(
    private readonly conferences: ConferencesService,
    private readonly decisions: AwardDecisionsService,
    private readonly recipients: AwardRecipientsService,
    private readonly imports: AwardRecipientImportService,
    private readonly lists: AwardListService,
    private readonly forms: AwardFormsService,
    private readonly sessions: ConsoleSessions,
  ) {}

  async page(id: string, caller: ConsoleCaller, doneKey: unknown, over: Partial<AwardsView> = {}, status = 200): Promise<ConsoleResult> {
    const conference = await this.conferences.get(id, caller.user);
    const [decisions, forms] = await Promise.all([this.decisions.list(id, plainToInstance(PageQueryDto, { page: 1, pageSize: ALL }), caller.user), this.forms.list()]);
    const flash = typeof doneKey === 'string' ? DONE[doneKey] : undefined;
    return { status, html: awardsPage({ conference, decisions: decisions.items, forms, flash, form: { values: {}, errors: {} }, ...over }, caller) };
  }

  async createDecision(id: string, fields: FormFields | undefined, caller: ConsoleCaller): Promise<ConsoleResult> {
    const values: FormFields = Object.fromEntries(Object.keys(DECISION_FIELDS).map((f) => [f, str(fields?.[f])]));
    const errors: FieldErrors = {};
    const body: Record<string, unknown> = { number: values.number, awardFormCode: values.awardFormCode };
    const signedAt = parseVnDay(values.signedAt);
    if (!values.signedAt.trim()) errors.signedAt = `Vui lòng nhập ngày ký, ví dụ ${DAY_EXAMPLE}.`;
    else if (!signedAt) errors.signedAt = `Ngày ký phải là một ngày có thật, viết dạng ngày/tháng/năm, ví dụ ${DAY_EXAMPLE}.`;
    else body.signedAt = signedAt;
    if (!values.awardFormCode) errors.awardFormCode = 'Vui lòng chọn hình thức khen thưởng.';
    for (const f of ['issuingAuthority', 'signerName', 'signerTitle']) if (values[f].trim()) body[f] = values[f];
    try {
      const dto = await validateBody(CreateAwardDecisionDto, body);
      if (!hasErrors(errors)) {
        const created = await this.decisions.create(id, dto, caller.user);
        return { redirect: `${awardsUrl(id)}?xong=decision#qd-${created.id}` };
      }
    } catch (error) {
      const refused = refusalBeside(error, DECISION_FIELDS);
      if (!refused) throw error;
      return this.page(id, caller, undefined, { form: { values, errors: { ...refused.errors, ...errors }, problem: refused.problem } }, refused.status);
    }
    return this.page(id, caller, undefined, { form: { values, errors } }, 400);
  }

  async editForm(id: string, decisionId: string, caller: ConsoleCaller): Promise<ConsoleResult> {
    const [conference, decision, forms] = await Promise.all([this.conferences.get(id, caller.user), this.decisions.get(id, decisionId, caller.user), this.forms.list()]);
    const form: FormState = { values: decisionValues(decision), errors: {} };
    return { status: 200, html: decisionEditPage({ conference, decision, forms, form, version: String(decision.version) }, caller) };
  }

  /** The fields as typed, at the version the page was opened with: a stale one is the service's 409, on the form with what was typed. */
  async update(id: string, decisionId: string, fields: FormFields | undefined, caller: ConsoleCaller): Promise<ConsoleResult> {
    const [conference, decision, forms] = await Promise.all([this.conferences.get(id, caller.user), this.decisions.get(id, decisionId, caller.user), this.forms.list()]);
    const values: FormFields = Object.fromEntries(Object.keys(DECISION_FIELDS).map((f) => [f, str(fields?.[f])]));
    const version = str(fields?.version);
    const errors: FieldErrors = {};
    const body: Record<string, unknown> = {
      version: /^\d+$/.test(version) ? Number(version) : version,
      number: values.number,
      awardFormCode: values.awardFormCode,
      issuingAuthority: values.issuingAuthority,
      signerName: values.signerName.trim() ? values.signerName : null,
      signerTitle: values.signerTitle.trim() ? values.signerTitle : null,
    };
    const signedAt = parseVnDay(values.signedAt);
    if (!values.signedAt.trim()) errors.signedAt = `Vui lòng nhập ngày ký, ví dụ ${DAY_EXAMPLE}.`;
    else if (!signedAt) errors.signedAt = `Ngày ký phải là một ngày có thật, viết dạng ngày/tháng/năm, ví dụ ${DAY_EXAMPLE}.`;
    else body.signedAt = signedAt;
    if (!values.awardFormCode) errors.awardFormCode = 'Vui lòng chọn hình thức khen thưởng.';
    const shown = (form: FormState, status: number): ConsoleResult => ({ status, html: decisionEditPage({ conference, decision, forms, form, version }, caller) });
    try {
      const dto = await validateBody(UpdateAwardDecisionDto, body);
      if (!hasErrors(errors)) {
        await this.decisions.update(id, decisionId, dto, caller.user);
        return { redirect: `${awardsUrl(id)}?xong=update#qd-${decisionId}` };
      }
    } catch (error) {
      const refused = refusalBeside(error, DECISION_FIELDS, { stale: STALE });
      if (!refused) throw error;
      return shown({ values, errors: { ...refused.errors, ...errors }, problem: refused.problem }, refused.status);
    }
    return shown({ values, errors }, 400);
  }

  /** The confirmation before a decision goes, naming the recipients that go with it. */
  async removeForm(id: string, decisionId: string, caller: ConsoleCaller, problem?: string, status = 200): Promise<ConsoleResult> {
    const [conference, decision] = await Promise.all([this.conferences.get(id, caller.user), this.decisions.get(id, decisionId, caller.user)]);
    return { status, html: decisionRemovePage(conference, decision, caller, problem) };
  }

  /** Removes a decision and its recipients through AwardDecisionsService (its rules, its audit); a refusal comes back on the confirmation. */
  async remove(id: string, decisionId: string, caller: ConsoleCaller): Promise<ConsoleResult> {
    await this.conferences.get(id, caller.user);
    try {
      await this.decisions.remove(id, decisionId, caller.user);
      return { redirect: `${awardsUrl(id)}?xong=remove` };
    } catch (error) {
      const refused = refusalBeside(error, {});
      if (!refused) throw error;
      return this.removeForm(id, decisionId, caller, refused.problem, refused.status);
    }
  }

  async addRecipient(id: string, decisionId: string, fields: FormFields | undefined, caller: ConsoleCaller): Promise<ConsoleResult> {
    const values: FormFields = Object.fromEntries(Object.keys(RECIPIENT_FIELDS).map((f) => [f, str(fields?.[f])]));
    const body: Record<string, unknown> = { kind: values.kind };
    for (const f of ['name', 'title', 'organization', 'achievement']) if (values[f].trim()) body[f] = values[f];
    try {
      const dto = await validateBody(CreateAwardRecipientDto, body);
      await this.recipients.add(id, decisionId, [dto], false, caller.user);
      return { redirect: `${awardsUrl(id)}?xong=recipient#qd-${decisionId}` };
    } catch (error) {
      const refused = refusalBeside(error, RECIPIENT_FIELDS);
      if (!refused) throw error;
      return this.page(id, caller, undefined, { recipient: { decisionId, state: { values, errors: refused.errors, problem: refused.problem } } }, refused.status);
    }
  }

  /** A recipient file: a dry run (or a refused file) comes back as the report table; an import that went through, as a redirect. */
  async import(id: string, decisionId: string, request: FastifyRequest, caller: ConsoleCaller): Promise<ConsoleResult> {
    try {
      const report = await this.imports.import(id, decisionId, () => readConsoleUpload(request, this.sessions), {}, caller.user);
      if (report.status === 'done' && !report.dryRun) return { redirect: `${awardsUrl(id)}?xong=import#qd-${decisionId}` };
      return this.page(id, caller, undefined, { report: { decisionId, report } }, report.status === 'done' ? 200 : 400);
    } catch (error) {
      const refused = refusalBeside(error, {});
      if (!refused) throw error;
      return this.page(id, caller, undefined, { report: { decisionId, problem: refused.problem } }, refused.status);
    }
  }

  file(id: string, format: AwardListFormat, caller: ConsoleCaller): Promise<ExportFile> {
    return this.lists.export(id, format, ',', caller.user);
  }
}

function decisionValues(d: AwardDecisionResponseDto): FormFields {
  return {
    number: d.number,
    signedAt: formatVnDay(d.signedAt),
    awardFormCode: d.awardFormCode,
    issuingAuthority: d.issuingAuthority,
    signerName: d.signerName ?? '',
    signerTitle: d.signerTitle ?? '',
  };
}
