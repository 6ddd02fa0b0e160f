import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateBody } from '../common/validate-body';
import { ConferencesService } from '../conferences/conferences.service';
import { ActionItemListQueryDto, CreateActionItemDto, UpdateActionItemDto } from '../minutes/action-item.dto';
import { ActionItemsService } from '../minutes/action-items.service';
import { FormFields } from '../web/form-body';
import { FieldErrors } from '../web/page-form';
import { ConsoleCaller } from './console-caller';
import { ACTION_FIELDS, actionItemsPage, ActionItemsView, actionItemsUrl } from './console-minutes-actions-pages';
import { ConsoleResult } from './console-reply';
import { DAY_EXAMPLE, hasErrors, parseVnDay, refusalBeside, str } from './console-screen-kit';

const DONE: Record<string, string> = { create: 'Đã giao nhiệm vụ.', progress: 'Đã cập nhật tiến độ nhiệm vụ.' };
const ALL = 500;
const STALE = 'Nhiệm vụ này vừa được người khác cập nhật. Vui lòng xem lại tình trạng mới nhất rồi cập nhật lại.';

/** The action items (nhiệm vụ) of a conference on the console, over ActionItemsService with the API's DTOs. */
@Injectable()
export class ConsoleMinutesActionsService {
  constructor(
    private readonly conferences: ConferencesService,
    private readonly actions: ActionItemsService,
  ) {}

  async page(id: string, caller: ConsoleCaller, doneKey: unknown, over: Partial<ActionItemsView> = {}, status = 200): Promise<ConsoleResult> {
    const conference = await this.conferences.get(id, caller.user);
    const { items } = await this.actions.list(id, plainToInstance(ActionItemListQueryDto, { page: 1, pageSize: ALL }), caller.user);
    const flash = typeof doneKey === 'string' ? DONE[doneKey] : undefined;
    return { status, html: actionItemsPage({ conference, items, flash, form: { values: {}, errors: {} }, ...over }, caller) };
  }

  async create(id: string, fields: FormFields | undefined, caller: ConsoleCaller): Promise<ConsoleResult> {
    const values: FormFields = { description: str(fields?.description), assignee: str(fields?.assignee), deadline: str(fields?.deadline) };
    const errors: FieldErrors = {};
    const body: Record<string, unknown> = { description: values.description, assignee: values.assignee };
    if (values.deadline.trim()) {
      const day = parseVnDay(values.deadline);
      if (day) body.deadline = day;
      else errors.deadline = `Hạn hoàn thành phải là một ngày có thật, viết dạng ngày/tháng/năm, ví dụ ${DAY_EXAMPLE}.`;
    }
    try {
      const dto = await validateBody(CreateActionItemDto, body);
      if (!hasErrors(errors)) {
        const item = await this.actions.create(id, dto, caller.user);
        return { redirect: `${actionItemsUrl(id)}?xong=create#nv-${item.id}` };
      }
    } catch (error) {
      const refused = refusalBeside(error, ACTION_FIELDS);
      if (!refused) throw error;
      return this.page(id, caller, undefined, { form: { values, errors: { ...refused.errors, ...errors }, problem: refused.problem } }, refused.status);
    }
    return this.page(id, caller, undefined, { form: { values, errors } }, 400);
  }

  /** Status and progress note of one item, at the version read. */
  async progress(id: string, itemId: string, fields: FormFields | undefined, caller: ConsoleCaller): Promise<ConsoleResult> {
    const values: FormFields = { status: str(fields?.status), progressNote: str(fields?.progressNote) };
    const version = str(fields?.version);
    try {
      const dto = await validateBody(UpdateActionItemDto, {
        version: /^\d+$/.test(version) ? Number(version) : version,
        status: values.status,
        progressNote: values.progressNote.trim() ? values.progressNote : null,
      });
      await this.actions.update(id, itemId, dto, caller.user);
      return { redirect: `${actionItemsUrl(id)}?xong=progress#nv-${itemId}` };
    } catch (error) {
      const refused = refusalBeside(error, ACTION_FIELDS, { stale: STALE });
      if (!refused) throw error;
      return this.page(id, caller, undefined, { progress: { itemId, state: { values, errors: refused.errors, problem: refused.problem } } }, refused.status);
    }
  }
}
