import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { CreateSpeakerDto, SpeakerListQueryDto, SpeakerResponseDto, UpdateSpeakerDto } from '../agenda/speaker.dto';
import { SpeakersService } from '../agenda/speakers.service';
import { localPhone } from '../common/phone';
import { validateBody } from '../common/validate-body';
import { FormFields } from '../web/form-body';
import { PageQueryDto } from '../common/pagination';
import { SPEAKER_FIELDS, SPEAKERS_URL, SpeakerFormState, speakerEditPage, speakerRemovePage, speakersPage } from './console-agenda-speakers-pages';
import { ConsoleCaller } from './console-caller';
import { ConsoleResult } from './console-reply';
import { refusalBeside, str } from './console-screen-kit';

const PAGE_SIZE = 20;
const MAX_QUERY = 200;
const DONE: Record<string, string> = {
  create: 'Đã thêm báo cáo viên vào danh bạ.',
  update: 'Đã lưu thông tin báo cáo viên.',
  remove: 'Đã xóa báo cáo viên khỏi danh bạ.',
};
/** Agenda items listed on the confirmation of a speaker still named on some. */
const ITEMS_SHOWN = 20;
const STALE = 'Thông tin báo cáo viên vừa được người khác sửa. Vui lòng mở lại trang sửa rồi thực hiện lại.';
const OPTIONAL = ['title', 'organization', 'email', 'phone', 'bio'];

/** The speaker directory on the console, over SpeakersService with the API's DTOs. */
@Injectable()
export class ConsoleAgendaSpeakersService {
  constructor(private readonly speakers: SpeakersService) {}

  async list(query: Record<string, unknown>, caller: ConsoleCaller, form?: SpeakerFormState, status = 200): Promise<ConsoleResult> {
    let q = str(query.q).trim();
    let qError: string | undefined;
    if (q.length > MAX_QUERY) {
      qError = `Từ khóa tìm kiếm dài quá ${MAX_QUERY} ký tự.`;
      q = '';
    }
    const page = /^\d{1,6}$/.test(str(query.page)) && Number(query.page) >= 1 ? Number(query.page) : 1;
    const found = await this.speakers.list(plainToInstance(SpeakerListQueryDto, { page, pageSize: PAGE_SIZE, ...(q && { q }) }));
    const flash = DONE[str(query.xong)];
    return { status, html: speakersPage({ ...found, q, qError, flash, form: form ?? { values: {}, errors: {} } }, caller) };
  }

  async create(fields: FormFields | undefined, caller: ConsoleCaller): Promise<ConsoleResult> {
    const values = speakerValues(fields ?? {});
    const body: Record<string, unknown> = { fullName: values.fullName };
    for (const name of OPTIONAL) if (values[name].trim()) body[name] = values[name];
    try {
      const created = await this.speakers.create(await validateBody(CreateSpeakerDto, body));
      return { redirect: `${SPEAKERS_URL}?xong=create&q=${encodeURIComponent(created.fullName)}#bcv-${created.id}` };
    } catch (error) {
      const refused = refusalBeside(error, SPEAKER_FIELDS);
      if (!refused) throw error;
      return this.list({}, caller, { values, errors: refused.errors, problem: refused.problem }, refused.status);
    }
  }

  async editForm(speakerId: string, caller: ConsoleCaller): Promise<ConsoleResult> {
    const speaker = await this.speakers.get(speakerId);
    return { status: 200, html: speakerEditPage(speaker, { values: valuesOf(speaker), errors: {} }, String(speaker.version), caller) };
  }

  async update(speakerId: string, fields: FormFields | undefined, caller: ConsoleCaller): Promise<ConsoleResult> {
    const speaker = await this.speakers.get(speakerId);
    const values = speakerValues(fields ?? {});
    const version = str(fields?.version);
    const body: Record<string, unknown> = { fullName: values.fullName, version: /^\d+$/.test(version) ? Number(version) : version };
    for (const name of OPTIONAL) body[name] = values[name].trim() ? values[name] : null;
    try {
      await this.speakers.update(speakerId, await validateBody(UpdateSpeakerDto, body));
      return { redirect: `${SPEAKERS_URL}?xong=update&q=${encodeURIComponent(values.fullName.trim())}#bcv-${speakerId}` };
    } catch (error) {
      const refused = refusalBeside(error, SPEAKER_FIELDS, { stale: STALE });
      if (!refused) throw error;
      return { status: refused.status, html: speakerEditPage(speaker, { values, errors: refused.errors, problem: refused.problem }, version, caller) };
    }
  }

  /** The confirmation before a speaker is removed: the items that still name them, if any, instead of the button. */
  async removeForm(speakerId: string, caller: ConsoleCaller, problem?: string, status = 200): Promise<ConsoleResult> {
    const speaker = await this.speakers.get(speakerId);
    const items = await this.speakers.agendaOf(speakerId, plainToInstance(PageQueryDto, { page: 1, pageSize: ITEMS_SHOWN }), caller.user);
    return { status, html: speakerRemovePage({ speaker, items: items.items, itemsTotal: items.total, problem }, caller) };
  }

  /** Removes a speaker through SpeakersService; one named on an agenda item meanwhile (409) comes back on the confirmation. */
  async remove(speakerId: string, caller: ConsoleCaller): Promise<ConsoleResult> {
    try {
      await this.speakers.remove(speakerId);
      return { redirect: `${SPEAKERS_URL}?xong=remove` };
    } catch (error) {
      const refused = refusalBeside(error, {});
      if (!refused) throw error;
      return this.removeForm(speakerId, caller, refused.problem, refused.status);
    }
  }
}

function speakerValues(fields: FormFields): FormFields {
  return Object.fromEntries(Object.keys(SPEAKER_FIELDS).map((name) => [name, str(fields[name])]));
}

function valuesOf(s: SpeakerResponseDto): FormFields {
  return { fullName: s.fullName, title: s.title ?? '', organization: s.organization ?? '', email: s.email ?? '', phone: s.phone ? localPhone(s.phone) : '', bio: s.bio ?? '' };
}
