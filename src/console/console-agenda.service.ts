import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { AgendaItemResponseDto, CreateAgendaItemDto, UpdateAgendaItemDto } from '../agenda/agenda-item.dto';
import { AgendaItemsService } from '../agenda/agenda-items.service';
import { SpeakerListQueryDto } from '../agenda/speaker.dto';
import { SpeakersService } from '../agenda/speakers.service';
import { BridgePointListQueryDto } from '../bridge-points/bridge-point.dto';
import { BridgePointsService } from '../bridge-points/bridge-points.service';
import { notFound } from '../common/errors';
import { PageQueryDto } from '../common/pagination';
import { validateBody } from '../common/validate-body';
import { ConferenceResponseDto } from '../conferences/conference.dto';
import { ConferencesService } from '../conferences/conferences.service';
import { FormFields } from '../web/form-body';
import { FieldErrors } from '../web/page-form';
import { readTime } from './conference-form';
import {
  AGENDA_FIELDS,
  AgendaContext,
  AgendaFormState,
  agendaEditPage,
  agendaPage,
  agendaRemoveConfirmPage,
  agendaUrl,
} from './console-agenda-pages';
import { ConsoleCaller } from './console-caller';
import { ConsoleResult } from './console-reply';
import { hasErrors, refusalBeside, str } from './console-screen-kit';
import { formatWallTime } from './console-time';

export const AGENDA_DONE: Record<string, string> = {
  create: 'Đã thêm mục vào chương trình.',
  update: 'Đã lưu mục chương trình.',
  remove: 'Đã xóa mục khỏi chương trình.',
};

const ALL = 500;
const STALE = 'Mục này vừa được người khác sửa. Vui lòng mở lại trang sửa để xem thông tin mới nhất rồi thực hiện lại.';

/**
 * The console's agenda screen over AgendaItemsService and SpeakersService with the API's DTOs:
 * the same checks (times within the conference, no overlap in one place, known speakers), audit
 * and the session rule (an item with attendance marks goes only when confirmed).
 */
@Injectable()
export class ConsoleAgendaService {
  constructor(
    private readonly conferences: ConferencesService,
    private readonly agenda: AgendaItemsService,
    private readonly speakers: SpeakersService,
    private readonly points: BridgePointsService,
  ) {}

  async page(id: string, caller: ConsoleCaller, doneKey: unknown, form?: AgendaFormState, status = 200, problem?: string): Promise<ConsoleResult> {
    const ctx = await this.context(id, caller);
    const items = await this.items(id, caller);
    const speakerNames = new Map(ctx.directory.map((s) => [s.id, s.fullName]));
    for (const speakerId of new Set(items.flatMap((i) => i.speakerIds))) {
      if (!speakerNames.has(speakerId)) speakerNames.set(speakerId, (await this.speakers.get(speakerId)).fullName);
    }
    const last = items.reduce<string>((latest, i) => (i.endsAt > latest ? i.endsAt : latest), ctx.conference.startsAt);
    const blank: AgendaFormState = { values: { kind: 'presentation', startsAt: formatWallTime(new Date(last), ctx.conference.timezone) }, errors: {} };
    const flash = typeof doneKey === 'string' ? AGENDA_DONE[doneKey] : undefined;
    return { status, html: agendaPage({ ...ctx, items, speakerNames, flash, problem, form: form ?? blank }, caller) };
  }

  async create(id: string, fields: FormFields | undefined, caller: ConsoleCaller): Promise<ConsoleResult> {
    const conference = await this.conferences.get(id, caller.user);
    const { body, errors, values } = agendaBody(fields ?? {}, conference, 'create');
    try {
      const dto = await validateBody(CreateAgendaItemDto, body);
      if (!hasErrors(errors)) {
        const item = await this.agenda.create(id, dto, caller.user);
        return { redirect: `${agendaUrl(id)}?xong=create#muc-${item.id}` };
      }
    } catch (error) {
      const refused = refusalBeside(error, AGENDA_FIELDS);
      if (!refused) throw error;
      return this.page(id, caller, undefined, { values, errors: { ...refused.errors, ...errors }, problem: refused.problem }, refused.status);
    }
    return this.page(id, caller, undefined, { values, errors }, 400);
  }

  async editForm(id: string, itemId: string, caller: ConsoleCaller): Promise<ConsoleResult> {
    const ctx = await this.context(id, caller);
    const item = await this.item(id, itemId, caller);
    return { status: 200, html: agendaEditPage(ctx, item, { values: itemValues(item, ctx.conference), errors: {} }, String(item.version), caller) };
  }

  async update(id: string, itemId: string, fields: FormFields | undefined, caller: ConsoleCaller): Promise<ConsoleResult> {
    const ctx = await this.context(id, caller);
    const item = await this.item(id, itemId, caller);
    const { body, errors, values } = agendaBody(fields ?? {}, ctx.conference, 'update');
    const version = str(fields?.version);
    try {
      const dto = await validateBody(UpdateAgendaItemDto, body);
      if (!hasErrors(errors)) {
        await this.agenda.update(id, itemId, dto, caller.user);
        return { redirect: `${agendaUrl(id)}?xong=update#muc-${itemId}` };
      }
    } catch (error) {
      const refused = refusalBeside(error, AGENDA_FIELDS, { stale: STALE });
      if (!refused) throw error;
      const state = { values, errors: { ...refused.errors, ...errors }, problem: refused.problem };
      return { status: refused.status, html: agendaEditPage(ctx, item, state, version, caller) };
    }
    return { status: 400, html: agendaEditPage(ctx, item, { values, errors }, version, caller) };
  }

  /** Removes an item; a session with attendance marks first gets the confirmation page, and goes with `force`. */
  async remove(id: string, itemId: string, fields: FormFields | undefined, caller: ConsoleCaller): Promise<ConsoleResult> {
    const force = str(fields?.force) === 'true';
    try {
      await this.agenda.remove(id, itemId, caller.user, force);
      return { redirect: `${agendaUrl(id)}?xong=remove` };
    } catch (error) {
      const refused = refusalBeside(error, {});
      if (!refused) throw error;
      if (refused.codes.includes('session_has_attendance')) {
        const conference = await this.conferences.get(id, caller.user);
        const item = await this.item(id, itemId, caller);
        return { status: 409, html: agendaRemoveConfirmPage(conference, item, refused.problem ?? '', caller) };
      }
      return this.page(id, caller, undefined, undefined, refused.status, refused.problem);
    }
  }

  private async context(id: string, caller: ConsoleCaller): Promise<AgendaContext> {
    const conference = await this.conferences.get(id, caller.user);
    const [directory, points] = await Promise.all([
      this.speakers.list(plainToInstance(SpeakerListQueryDto, { page: 1, pageSize: ALL })),
      this.points.list(id, plainToInstance(BridgePointListQueryDto, { page: 1, pageSize: ALL }), caller.user),
    ]);
    return { conference, directory: directory.items, points: points.items.map((p) => ({ id: p.id, name: p.name })) };
  }

  private async items(id: string, caller: ConsoleCaller): Promise<AgendaItemResponseDto[]> {
    return (await this.agenda.list(id, plainToInstance(PageQueryDto, { page: 1, pageSize: ALL }), caller.user)).items;
  }

  private async item(id: string, itemId: string, caller: ConsoleCaller): Promise<AgendaItemResponseDto> {
    const found = (await this.items(id, caller)).find((i) => i.id === itemId);
    if (!found) throw notFound('itemId', 'agenda_item_not_found', 'Không tìm thấy mục chương trình này.');
    return found;
  }
}

/** The form filled with an item as it is, times on the conference's clock. */
function itemValues(item: AgendaItemResponseDto, c: ConferenceResponseDto): FormFields {
  const values: FormFields = {
    startsAt: formatWallTime(new Date(item.startsAt), c.timezone),
    endsAt: formatWallTime(new Date(item.endsAt), c.timezone),
    title: item.title,
    kind: item.kind,
    bridgePointId: item.bridgePointId ?? '',
    description: item.description ?? '',
    attendanceRequired: item.attendanceRequired ? 'true' : '',
  };
  item.speakerIds.forEach((speakerId, i) => (values[`speakerIds.${i}`] = speakerId));
  return values;
}

/**
 * The API body an agenda form stands for. Times are read on the conference's clock (their shape
 * is the page's to check); speakers come in the order of their fields, blanks skipped. On update
 * every field is sent, so a cleared place or description is cleared.
 */
function agendaBody(fields: FormFields, c: ConferenceResponseDto, mode: 'create' | 'update'): { body: Record<string, unknown>; errors: FieldErrors; values: FormFields } {
  const values: FormFields = {};
  for (const name of ['startsAt', 'endsAt', 'title', 'kind', 'bridgePointId', 'description', 'attendanceRequired']) values[name] = str(fields[name]);
  const speakerIds: string[] = [];
  for (let i = 0; i < 50; i++) {
    const value = str(fields[`speakerIds.${i}`]);
    values[`speakerIds.${i}`] = value;
    if (value) speakerIds.push(value);
  }
  const errors: FieldErrors = {};
  const body: Record<string, unknown> = { title: values.title, kind: values.kind, speakerIds, attendanceRequired: values.attendanceRequired === 'true' };
  for (const field of ['startsAt', 'endsAt']) {
    const iso = readTime(field, AGENDA_FIELDS[field], values[field], c.timezone, errors);
    if (iso) body[field] = iso;
  }
  if (values.bridgePointId) body.bridgePointId = values.bridgePointId;
  else if (mode === 'update') body.bridgePointId = null;
  if (values.description.trim()) body.description = values.description;
  else if (mode === 'update') body.description = null;
  if (mode === 'update') body.version = /^\d+$/.test(str(fields.version)) ? Number(fields.version) : str(fields.version);
  return { body, errors, values };
}
