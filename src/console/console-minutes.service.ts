import { HttpException, Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { PageQueryDto } from '../common/pagination';
import { ExportFile } from '../common/spreadsheet-export';
import { validateBody } from '../common/validate-body';
import { vnDateTime } from '../common/vietnamese-time';
import { ConferencesService } from '../conferences/conferences.service';
import { MinutesDocumentsService } from '../minutes/minutes-documents.service';
import { ApproveMinutesDto, DraftMinutesDto, MinutesResponseDto, ReopenMinutesDto, UpdateMinutesDto } from '../minutes/minutes.dto';
import { MinutesService } from '../minutes/minutes.service';
import { FormFields } from '../web/form-body';
import { ConsoleCaller } from './console-caller';
import { ADD_ROWS, minutesFieldOf, minutesLabels, minutesValues, postedValues, RowSection, sectionsBody } from './console-minutes-form';
import { approvePage, DRAFT_FIELDS, FormState, minutesPage, MinutesView, minutesUrl } from './console-minutes-pages';
import { ConsoleResult } from './console-reply';
import { hasErrors, refusalBeside, str } from './console-screen-kit';

export const MINUTES_DONE: Record<string, string> = {
  draft: 'Đã lập dự thảo biên bản từ dữ liệu hội nghị.',
  save: 'Đã lưu biên bản.',
  approve: 'Đã phê duyệt biên bản. Nội dung đã được khóa.',
  reopen: 'Đã mở lại biên bản; biên bản trở lại dự thảo.',
  refresh: 'Đã cập nhật phần nhiệm vụ từ danh sách nhiệm vụ.',
};

const REVISIONS = 500;
const asVersion = (text: string): number | string => (/^\d+$/.test(text) ? Number(text) : text);

/**
 * The minutes on the console, over MinutesService with the API's DTOs: drafted once, saved with
 * the version read (a stale save keeps what was typed and says who saved meanwhile), approved
 * after a confirmation step, and downloaded through the console's own routes.
 */
@Injectable()
export class ConsoleMinutesService {
  constructor(
    private readonly conferences: ConferencesService,
    private readonly minutes: MinutesService,
    private readonly documents: MinutesDocumentsService,
  ) {}

  async page(id: string, caller: ConsoleCaller, doneKey: unknown, over: Partial<MinutesView> = {}, status = 200): Promise<ConsoleResult> {
    const conference = await this.conferences.get(id, caller.user);
    const minutes = await this.current(id, caller);
    const revisions = minutes ? (await this.minutes.listRevisions(id, plainToInstance(PageQueryDto, { page: 1, pageSize: REVISIONS }), caller.user)).items : [];
    const form: FormState = minutes ? { values: minutesValues(minutes.sections, conference.timezone), errors: {} } : { values: {}, errors: {} };
    const flash = typeof doneKey === 'string' ? MINUTES_DONE[doneKey] : undefined;
    const view: MinutesView = { conference, minutes, revisions, flash, form, reopen: { values: {}, errors: {} }, ...over };
    return { status, html: minutesPage(view, caller) };
  }

  async draft(id: string, fields: FormFields | undefined, caller: ConsoleCaller): Promise<ConsoleResult> {
    const values: FormFields = Object.fromEntries(Object.keys(DRAFT_FIELDS).map((f) => [f, str(fields?.[f])]));
    const body = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ''));
    try {
      await this.minutes.draft(id, await validateBody(DraftMinutesDto, body), caller.user);
      return { redirect: `${minutesUrl(id)}?xong=draft` };
    } catch (error) {
      const refused = refusalBeside(error, DRAFT_FIELDS);
      if (!refused) throw error;
      if (refused.codes.includes('minutes_already_drafted')) return { redirect: minutesUrl(id) };
      return this.page(id, caller, undefined, { form: { values, errors: refused.errors, problem: refused.problem } }, refused.status);
    }
  }

  /** Saves the form, or ("thêm dòng") draws it again with more blank rows, saving nothing. */
  async save(id: string, fields: FormFields | undefined, caller: ConsoleCaller): Promise<ConsoleResult> {
    const conference = await this.conferences.get(id, caller.user);
    const stored = await this.current(id, caller);
    if (!stored) return { redirect: minutesUrl(id) };
    const values = postedValues(fields ?? {});
    const version = str(fields?.version);
    const add = str(fields?.add);
    if (add === 'proceedings' || add === 'actionItems') {
      const section = add as RowSection;
      values[`rows.${section}`] = String(Number(values[`rows.${section}`]) + ADD_ROWS);
      return this.page(id, caller, undefined, { form: { values, errors: {} }, version: Number(version) || stored.version });
    }
    const { sections, errors, rowOf } = sectionsBody(values, stored.sections, conference.timezone);
    const labels = minutesLabels(values);
    try {
      const dto = await validateBody(UpdateMinutesDto, { version: asVersion(version), sections });
      if (!hasErrors(errors)) {
        await this.minutes.update(id, dto, caller.user);
        return { redirect: `${minutesUrl(id)}?xong=save` };
      }
    } catch (error) {
      const refused = refusalBeside(error, labels, { fieldOf: minutesFieldOf(rowOf) });
      if (!refused) throw error;
      if (refused.codes.includes('stale_version')) return this.conflict(id, caller, values, stored);
      return this.page(id, caller, undefined, { form: { values, errors: { ...refused.errors, ...errors }, problem: refused.problem }, version: Number(version) }, refused.status);
    }
    return this.page(id, caller, undefined, { form: { values, errors }, version: Number(version) }, 400);
  }

  /** A save made on a stale copy: what was typed stays on the form, with who saved meanwhile, and the newest version (saving again is then a choice). */
  private async conflict(id: string, caller: ConsoleCaller, values: FormFields, stored: MinutesResponseDto): Promise<ConsoleResult> {
    const conference = await this.conferences.get(id, caller.user);
    if (stored.status !== 'draft') {
      return this.page(id, caller, undefined, { problem: 'Biên bản vừa được phê duyệt nên không sửa được nữa. Nội dung bạn vừa nhập chưa được lưu.' }, 409);
    }
    const revisions = (await this.minutes.listRevisions(id, plainToInstance(PageQueryDto, { page: 1, pageSize: REVISIONS }), caller.user)).items;
    const last = revisions[revisions.length - 1];
    const who = last ? `${last.author} lúc ${vnDateTime(new Date(last.createdAt), conference.timezone)}` : 'người khác';
    const problem =
      `Biên bản vừa được ${who} lưu trong khi bạn đang sửa. Nội dung bạn nhập vẫn còn dưới đây nhưng CHƯA được lưu. ` +
      'Hãy đối chiếu với bản mới nhất (mở trang biên bản trong thẻ khác); nếu bấm "Lưu biên bản" lần nữa, nội dung dưới đây sẽ thay thế bản đó.';
    return this.page(id, caller, undefined, { form: { values, errors: {}, problem }, version: stored.version }, 409);
  }

  async approveForm(id: string, caller: ConsoleCaller): Promise<ConsoleResult> {
    const conference = await this.conferences.get(id, caller.user);
    const minutes = await this.minutes.get(id, caller.user);
    if (minutes.status !== 'draft') return { redirect: minutesUrl(id) };
    return { status: 200, html: approvePage(conference, minutes, caller) };
  }

  async approve(id: string, fields: FormFields | undefined, caller: ConsoleCaller): Promise<ConsoleResult> {
    try {
      await this.minutes.approve(id, await validateBody(ApproveMinutesDto, { version: asVersion(str(fields?.version)) }), caller.user);
      return { redirect: `${minutesUrl(id)}?xong=approve` };
    } catch (error) {
      const refused = refusalBeside(error, {});
      if (!refused) throw error;
      const problem = refused.codes.includes('stale_version')
        ? 'Biên bản vừa được sửa sau khi bạn mở trang phê duyệt. Vui lòng xem lại nội dung mới nhất rồi phê duyệt lại.'
        : refused.problem;
      return this.page(id, caller, undefined, { problem }, refused.status);
    }
  }

  async refreshActionItems(id: string, fields: FormFields | undefined, caller: ConsoleCaller): Promise<ConsoleResult> {
    try {
      const dto = await validateBody(UpdateMinutesDto, { version: asVersion(str(fields?.version)), refreshActionItems: true });
      await this.minutes.update(id, dto, caller.user);
      return { redirect: `${minutesUrl(id)}?xong=refresh#${'bb-actionItems'}` };
    } catch (error) {
      const refused = refusalBeside(error, {}, { stale: 'Biên bản vừa được người khác lưu. Vui lòng xem lại rồi thực hiện lại.' });
      if (!refused) throw error;
      return this.page(id, caller, undefined, { problem: refused.problem }, refused.status);
    }
  }

  async reopen(id: string, fields: FormFields | undefined, caller: ConsoleCaller): Promise<ConsoleResult> {
    const values = { reason: str(fields?.reason) };
    try {
      await this.minutes.reopen(id, await validateBody(ReopenMinutesDto, { version: asVersion(str(fields?.version)), reason: values.reason }), caller.user);
      return { redirect: `${minutesUrl(id)}?xong=reopen` };
    } catch (error) {
      const refused = refusalBeside(error, { reason: 'Lý do mở lại' });
      if (!refused) throw error;
      return this.page(id, caller, undefined, { reopen: { values, errors: refused.errors, problem: refused.problem } }, refused.status);
    }
  }

  file(id: string, format: 'docx' | 'pdf', caller: ConsoleCaller): Promise<ExportFile> {
    return this.documents.minutesFile(id, format, caller.user);
  }

  /** The minutes, or null when the conference has none yet. */
  private async current(id: string, caller: ConsoleCaller): Promise<MinutesResponseDto | null> {
    try {
      return await this.minutes.get(id, caller.user);
    } catch (error) {
      const body = error instanceof HttpException ? (error.getResponse() as { details?: { code?: string }[] }) : null;
      if (body?.details?.some((d) => d.code === 'minutes_not_found')) return null;
      throw error;
    }
  }
}
