import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { AttendeesService } from '../attendees/attendees.service';
import { AttendeeListQueryDto } from '../attendees/attendee.dto';
import { BridgePointsService } from '../bridge-points/bridge-points.service';
import { validateBody } from '../common/validate-body';
import {
  CancelConferenceDto,
  CloneConferenceDto,
  ConferenceListQueryDto,
  CreateConferenceDto,
  TimedTransitionDto,
  TransitionDto,
  UpdateConferenceDto,
} from '../conferences/conference.dto';
import { CONFERENCE_STATUSES, ConferenceStatus } from '../conferences/conference.entity';
import { ConferencesService } from '../conferences/conferences.service';
import { FormFields } from '../web/form-body';
import { FieldErrors } from '../web/page-form';
import { ConsoleCaller } from './console-caller';
import { ConsoleResult } from './console-reply';
import { ACTION_FIELDS, CONFERENCE_FIELDS, conferenceBody, conferenceValues, emptyConferenceValues, readTime, refusalOnForm } from './conference-form';
import { ActionState, conferenceFormPage, listPage, OverviewAction, overviewPage } from './conference-pages';

export const LIST_PAGE_SIZE = 20;
const MAX_QUERY_LENGTH = 200;

/** What each action's success says, by the `xong` key of the page it redirects to. */
export const DONE_MESSAGES: Record<string, string> = {
  create: 'Đã tạo hội nghị (bản nháp).',
  update: 'Đã lưu thay đổi.',
  publish: 'Đã công bố hội nghị.',
  start: 'Hội nghị đã bắt đầu.',
  complete: 'Hội nghị đã kết thúc.',
  cancel: 'Đã hủy hội nghị; thư báo hủy sẽ được gửi tới những người đã được mời.',
  clone: 'Đã tạo bản sao (bản nháp). Đây là bản sao; hãy kiểm tra lại thông tin.',
};

const done = (id: string, key: string) => `/console/conferences/${id}?xong=${key}`;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * The console's conference screens. Every change goes through ConferencesService with the
 * API's DTOs, validated by the API's pipe, so the rules, audit and mails are the API's.
 */
@Injectable()
export class ConsoleConferencesService {
  constructor(
    private readonly conferences: ConferencesService,
    private readonly points: BridgePointsService,
    private readonly attendees: AttendeesService,
  ) {}

  async list(query: Record<string, unknown>, caller: ConsoleCaller): Promise<ConsoleResult> {
    const errors: FieldErrors = {};
    let q = str(query.q).trim();
    if (q.length > MAX_QUERY_LENGTH) {
      errors.q = `Từ khóa tìm kiếm dài quá ${MAX_QUERY_LENGTH} ký tự.`;
      q = '';
    }
    const status = CONFERENCE_STATUSES.includes(str(query.status) as ConferenceStatus) ? str(query.status) : '';
    const page = /^\d{1,6}$/.test(str(query.page)) && Number(query.page) >= 1 ? Number(query.page) : 1;
    const dto = plainToInstance(ConferenceListQueryDto, { page, pageSize: LIST_PAGE_SIZE, ...(q && { q }), ...(status && { status }) });
    const result = await this.conferences.list(dto, caller.user);
    return { status: 200, html: listPage({ ...result, q, status, errors }, caller) };
  }

  newForm(caller: ConsoleCaller): ConsoleResult {
    return { status: 200, html: conferenceFormPage({ mode: 'create', values: emptyConferenceValues(), errors: {} }, caller) };
  }

  async create(fields: FormFields | undefined, caller: ConsoleCaller): Promise<ConsoleResult> {
    const { body, errors, values } = conferenceBody(fields ?? {}, 'create');
    return submit(
      CONFERENCE_FIELDS,
      errors,
      async () => {
        const dto = await validateBody(CreateConferenceDto, body);
        return hasErrors(errors) ? null : done((await this.conferences.create(dto, caller.user)).id, 'create');
      },
      (status, all, problem) => ({ status, html: conferenceFormPage({ mode: 'create', values, errors: all, problem }, caller) }),
    );
  }

  async editForm(id: string, caller: ConsoleCaller): Promise<ConsoleResult> {
    const conference = await this.conferences.get(id, caller.user);
    return { status: 200, html: conferenceFormPage({ mode: 'update', values: conferenceValues(conference), errors: {}, conference }, caller) };
  }

  async update(id: string, fields: FormFields | undefined, caller: ConsoleCaller): Promise<ConsoleResult> {
    const conference = await this.conferences.get(id, caller.user);
    const { body, errors, values } = conferenceBody(fields ?? {}, 'update');
    return submit(
      CONFERENCE_FIELDS,
      errors,
      async () => {
        const dto = await validateBody(UpdateConferenceDto, body);
        if (hasErrors(errors)) return null;
        await this.conferences.update(id, dto, caller.user);
        return done(id, 'update');
      },
      (status, all, problem) => ({ status, html: conferenceFormPage({ mode: 'update', values, errors: all, problem, conference }, caller) }),
    );
  }

  async overview(id: string, caller: ConsoleCaller, doneKey: unknown, state?: ActionState, status = 200): Promise<ConsoleResult> {
    const conference = await this.conferences.get(id, caller.user);
    const [summary, attendees] = await Promise.all([
      this.points.summary(id),
      this.attendees.list(id, plainToInstance(AttendeeListQueryDto, { page: 1, pageSize: 1 }), await this.attendees.actorFor(caller.user)),
    ]);
    const counts = { bridgePoints: summary.total, confirmedPoints: summary.byConfirmation.confirmed, attendees: attendees.total };
    const flash = typeof doneKey === 'string' ? DONE_MESSAGES[doneKey] : undefined;
    return { status, html: overviewPage({ conference, counts, flash, state }, caller) };
  }

  /** publish, start, complete and cancel: the API's transition, then back to the overview with what happened. */
  async transition(id: string, action: Exclude<OverviewAction, 'clone'>, fields: FormFields | undefined, caller: ConsoleCaller): Promise<ConsoleResult> {
    const values: FormFields = { reason: str(fields?.reason), force: str(fields?.force) };
    const version = /^\d+$/.test(str(fields?.version)) ? Number(fields!.version) : undefined;
    try {
      const dto =
        action === 'cancel'
          ? await validateBody(CancelConferenceDto, { reason: values.reason, ...(version && { version }) })
          : action === 'publish'
            ? await validateBody(TransitionDto, { ...(version && { version }) })
            : await validateBody(TimedTransitionDto, { ...(version && { version }), ...(values.force === 'true' && { force: true }) });
      await this.conferences.transition(id, action, dto, caller.user);
      return { redirect: done(id, action) };
    } catch (error) {
      const refused = refusalOnForm(error, ACTION_FIELDS);
      if (!refused) throw error;
      return this.overview(id, caller, undefined, { action, values, ...refused }, (error as { getStatus(): number }).getStatus());
    }
  }

  async clone(id: string, fields: FormFields | undefined, caller: ConsoleCaller): Promise<ConsoleResult> {
    const source = await this.conferences.get(id, caller.user);
    const values: FormFields = { startsAt: str(fields?.startsAt), title: str(fields?.title) };
    const errors: FieldErrors = {};
    const startsAt = readTime('startsAt', ACTION_FIELDS.startsAt, values.startsAt, source.timezone, errors);
    return submit(
      ACTION_FIELDS,
      errors,
      async () => {
        const dto = await validateBody(CloneConferenceDto, { startsAt: startsAt ?? '', ...(values.title.trim() && { title: values.title }) });
        return hasErrors(errors) ? null : done((await this.conferences.clone(id, dto, caller.user)).id, 'clone');
      },
      (status, all, problem) => this.overview(id, caller, undefined, { action: 'clone', values, errors: all, problem }, status),
    );
  }
}

const hasErrors = (errors: FieldErrors) => Object.keys(errors).length > 0;

/**
 * Carries out a form's work: a location to redirect to, or null when only the page's own checks
 * failed (`errors`). A refusal of the API's comes back on the form, beside the fields it names;
 * the page's own messages win where both speak of one field.
 */
async function submit(
  labels: Record<string, string>,
  errors: FieldErrors,
  work: () => Promise<string | null>,
  render: (status: number, errors: FieldErrors, problem?: string) => ConsoleResult | Promise<ConsoleResult>,
): Promise<ConsoleResult> {
  let status = 400;
  let refused: { errors: FieldErrors; problem?: string } = { errors: {} };
  try {
    const location = await work();
    if (location) return { redirect: location };
  } catch (error) {
    const onForm = refusalOnForm(error, labels);
    if (!onForm) throw error;
    refused = onForm;
    status = (error as { getStatus(): number }).getStatus();
  }
  return render(status, { ...refused.errors, ...errors }, refused.problem);
}
