import { AgendaItemResponseDto } from '../agenda/agenda-item.dto';
import { AGENDA_ITEM_KINDS, AgendaItemKind } from '../agenda/agenda-item.entity';
import { formatSpan, isSingleDay } from '../agenda/agenda-overlap';
import { SpeakerResponseDto } from '../agenda/speaker.dto';
import { vnDate } from '../common/vietnamese-time';
import { ConferenceResponseDto } from '../conferences/conference.dto';
import { FormFields } from '../web/form-body';
import { html, SafeHtml } from '../web/html';
import { vnNumber } from '../web/labels';
import { FieldErrors } from '../web/page-form';
import { errorSummary, input, notice } from '../web/widgets';
import { ConsoleCaller } from './console-caller';
import { consolePage, csrfField } from './console-layout';
import { buttonForm, checkbox, conferenceUrl } from './console-screen-kit';
import { TIME_EXAMPLE } from './console-time';
import { select } from './console-widgets';

export const AGENDA_KIND_LABELS: Record<AgendaItemKind, string> = {
  opening: 'Khai mạc',
  report: 'Báo cáo',
  presentation: 'Tham luận',
  discussion: 'Thảo luận',
  directive: 'Phát biểu chỉ đạo',
  conclusion: 'Kết luận',
  award_ceremony: 'Trao khen thưởng',
  closing: 'Bế mạc',
  break: 'Giải lao',
};

/** The agenda form's fields, with how each is named on the page (also in the API's messages about them). */
export const AGENDA_FIELDS: Record<string, string> = {
  startsAt: 'Giờ bắt đầu',
  endsAt: 'Giờ kết thúc',
  title: 'Tên mục',
  kind: 'Loại mục',
  bridgePointId: 'Nơi trình bày',
  speakerIds: 'Báo cáo viên',
  description: 'Ghi chú, nội dung',
  attendanceRequired: 'Buổi học có điểm danh',
  position: 'Thứ tự',
};

export interface AgendaFormState {
  values: FormFields;
  errors: FieldErrors;
  problem?: string;
}

export interface AgendaContext {
  conference: ConferenceResponseDto;
  /** The speaker directory, as the choices of the speaker fields. */
  directory: SpeakerResponseDto[];
  /** The conference's bridge points, as the choices of the place. */
  points: { id: string; name: string }[];
}

export interface AgendaView extends AgendaContext {
  items: AgendaItemResponseDto[];
  /** Names of the speakers on the items (the directory, and any beyond its first page). */
  speakerNames: Map<string, string>;
  flash?: string;
  problem?: string;
  form: AgendaFormState;
}

const HOME = { href: '/console', label: 'Danh sách hội nghị' };
export const agendaUrl = (id: string) => `${conferenceUrl(id)}/agenda`;
const fieldId = (field: string) => `ag-${field}`;
const closed = (c: ConferenceResponseDto) => c.status === 'completed' || c.status === 'cancelled';

/** The speaker fields on a form: one drop-down per speaker in speaking order, one more than given. */
export const speakerSlots = (values: FormFields): number => {
  let filled = 0;
  for (let i = 0; i < 50; i++) if (values[`speakerIds.${i}`]) filled = i + 1;
  return Math.max(3, filled + 1);
};

/** The time of an item the Vietnamese way in the conference's zone: "08:00–08:30", with the day when the conference has several. */
export function itemTime(c: ConferenceResponseDto, item: Pick<AgendaItemResponseDto, 'startsAt' | 'endsAt'>): string {
  const window = { startsAt: new Date(c.startsAt), endsAt: new Date(c.endsAt), timezone: c.timezone };
  return formatSpan(new Date(item.startsAt), new Date(item.endsAt), c.timezone, !isSingleDay(window));
}

/** `/console/conferences/:id/agenda`: the programme in order, each item's speakers and session flag, and the form to add one. */
export function agendaPage(v: AgendaView, caller: ConsoleCaller): string {
  const c = v.conference;
  const writable = caller.canWrite && !closed(c);
  const single = isSingleDay({ startsAt: new Date(c.startsAt), endsAt: new Date(c.endsAt), timezone: c.timezone });
  const sessions = v.items.filter((i) => i.attendanceRequired).length;
  return consolePage({
    title: `Chương trình — ${c.title}`,
    caller,
    trail: [HOME, { href: conferenceUrl(c.id), label: c.title }],
    body: html`<div class="page-head"><h1>Chương trình hội nghị</h1><a href="/console/speakers">Danh bạ báo cáo viên</a></div>
${v.flash && notice('ok', v.flash)}
${v.problem && notice('error', v.problem)}
<p class="muted">${single ? `Ngày họp: ${vnDate(new Date(c.startsAt), c.timezone)}. ` : ''}Giờ theo múi giờ của hội nghị (${c.timezone}).</p>
<section class="card" aria-labelledby="ds-muc">
<h2 id="ds-muc">Các mục (${vnNumber(v.items.length)})${sessions > 0 ? html` <span class="muted small">trong đó ${vnNumber(sessions)} buổi học có điểm danh</span>` : null}</h2>
${v.items.length === 0 ? html`<p class="muted">Chương trình chưa có mục nào.</p>` : html`<ol class="agenda-items">${v.items.map((item) => itemRow(v, item, writable, caller))}</ol>`}
</section>
${
  writable
    ? html`<section class="card" aria-labelledby="them-muc"><h2 id="them-muc">Thêm mục vào chương trình</h2>
${agendaForm(v, v.form, { action: agendaUrl(c.id), submit: 'Thêm mục' }, caller)}</section>`
    : caller.canWrite
      ? html`<p class="muted">Hội nghị đã kết thúc hoặc đã hủy nên không sửa chương trình được nữa.</p>`
      : null
}`,
  });
}

function itemRow(v: AgendaView, item: AgendaItemResponseDto, writable: boolean, caller: ConsoleCaller): SafeHtml {
  const c = v.conference;
  const speakers = item.speakerIds.map((id) => v.speakerNames.get(id) ?? 'báo cáo viên không còn trong danh bạ');
  const place = item.bridgePointId ? (v.points.find((p) => p.id === item.bridgePointId)?.name ?? 'một điểm cầu') : null;
  return html`<li id="muc-${item.id}">
<p class="time">${itemTime(c, item)}</p>
<div class="what">
<h3>${item.title}</h3>
<p class="meta"><span class="badge k-${item.kind}">${AGENDA_KIND_LABELS[item.kind]}</span>${
    item.attendanceRequired ? html` <span class="badge session">Buổi học · điểm danh</span>` : null
  }${place ? html` <span>Tại: ${place}</span>` : null}</p>
${speakers.length > 0 && html`<p class="speakers">Báo cáo viên: ${speakers.join('; ')}</p>`}
${item.description && html`<p class="muted small">${item.description}</p>`}
${
  writable &&
  html`<div class="row-actions"><a class="button" href="${agendaUrl(c.id)}/${item.id}/edit" aria-label="Sửa mục ${item.title}">Sửa</a>
${buttonForm({ action: `${agendaUrl(c.id)}/${item.id}/remove`, csrf: csrfField(caller.csrf), label: 'Xóa', ariaLabel: `Xóa mục ${item.title}` })}</div>`
}
</div>
</li>`;
}

/** The add and edit form: times typed on the conference's clock, speakers in speaking order. */
export function agendaForm(ctx: AgendaContext, state: AgendaFormState, o: { action: string; submit: string; cancel?: string; version?: string }, caller: ConsoleCaller): SafeHtml {
  const c = ctx.conference;
  const v = state.values;
  const f = (field: string) => ({ id: fieldId(field), name: field, label: AGENDA_FIELDS[field], value: v[field], error: state.errors[field] });
  const timeHint = `Ngày/tháng/năm giờ:phút theo giờ của hội nghị (${c.timezone}), ví dụ ${TIME_EXAMPLE}.`;
  const choices = ctx.directory.map((s) => ({ value: s.id, label: [s.fullName, s.title, s.organization].filter(Boolean).join(', ') }));
  const slots = speakerSlots(v);
  const speakerError = state.errors.speakerIds;
  return html`${state.problem && notice('error', state.problem)}
${errorSummary(state.errors, fieldId)}
<form method="post" action="${o.action}" novalidate>
${csrfField(caller.csrf)}
${o.version && html`<input type="hidden" name="version" value="${o.version}">`}
<div class="grid2">
${input({ ...f('startsAt'), required: true, hint: timeHint, autocomplete: 'off' })}
${input({ ...f('endsAt'), required: true, hint: timeHint, autocomplete: 'off' })}
</div>
${input({ ...f('title'), required: true })}
<div class="grid2">
${select({ ...f('kind'), required: true, choices: AGENDA_ITEM_KINDS.map((k) => ({ value: k, label: AGENDA_KIND_LABELS[k] })) })}
${select({ ...f('bridgePointId'), empty: 'Hội trường chính (điểm cầu chủ trì)', choices: ctx.points.map((p) => ({ value: p.id, label: p.name })), hint: 'Hai mục cùng một nơi không được trùng giờ.' })}
</div>
<fieldset class="${speakerError ? 'field has-error' : 'field'}">
<legend>Báo cáo viên, theo thứ tự phát biểu</legend>
<p class="hint">${
    ctx.directory.length === 0 ? html`Danh bạ chưa có báo cáo viên nào. ` : null
  }Chưa có trong danh bạ? <a href="/console/speakers">Thêm báo cáo viên</a> rồi quay lại.</p>
${speakerError && html`<p class="error" id="${fieldId('speakerIds')}-loi">${speakerError}</p>`}
<div class="grid2">${[...Array(slots).keys()].map((i) =>
    select({
      id: i === 0 ? fieldId('speakerIds') : `${fieldId('speakerIds')}-${i + 1}`,
      name: `speakerIds.${i}`,
      label: `Người thứ ${i + 1}`,
      empty: '(không chọn)',
      choices,
      value: v[`speakerIds.${i}`],
    }),
  )}</div>
</fieldset>
${checkbox({
  id: fieldId('attendanceRequired'),
  name: 'attendanceRequired',
  label: 'Buổi học có điểm danh (tính vào việc hoàn thành khóa học)',
  checked: v.attendanceRequired === 'true',
  hint: 'Dùng cho chuyên đề của hội nghị tập huấn; khai mạc, giải lao không cần.',
})}
${state.errors.attendanceRequired && html`<p class="error">${state.errors.attendanceRequired}</p>`}
${input({ ...f('description'), multiline: true })}
<div class="form-actions">
<button type="submit" class="primary">${o.submit}</button>
${o.cancel && html`<a href="${o.cancel}">Hủy bỏ, quay lại</a>`}
</div>
</form>`;
}

/** `/console/conferences/:id/agenda/:itemId/edit`. */
export function agendaEditPage(ctx: AgendaContext, item: AgendaItemResponseDto, state: AgendaFormState, version: string, caller: ConsoleCaller): string {
  const c = ctx.conference;
  return consolePage({
    title: `Sửa mục — ${item.title}`,
    caller,
    trail: [HOME, { href: conferenceUrl(c.id), label: c.title }, { href: agendaUrl(c.id), label: 'Chương trình' }],
    body: html`<h1>Sửa mục chương trình</h1>
<section class="card">${agendaForm(ctx, state, { action: `${agendaUrl(c.id)}/${item.id}/edit`, submit: 'Lưu thay đổi', cancel: `${agendaUrl(c.id)}#muc-${item.id}`, version }, caller)}</section>`,
  });
}

/** The confirmation a session with attendance marks needs before it goes, marks and all. */
export function agendaRemoveConfirmPage(c: ConferenceResponseDto, item: AgendaItemResponseDto, message: string, caller: ConsoleCaller): string {
  return consolePage({
    title: 'Xác nhận xóa mục chương trình',
    caller,
    trail: [HOME, { href: conferenceUrl(c.id), label: c.title }, { href: agendaUrl(c.id), label: 'Chương trình' }],
    body: html`<section class="card message" aria-labelledby="tieu-de">
<h1 id="tieu-de">Xóa buổi học đã có điểm danh?</h1>
<p><strong>${item.title}</strong> (${itemTime(c, item)})</p>
<div class="alert error" role="alert">${message.replace(/\s*Nếu vẫn muốn xóa.*$/, '')}</div>
<p>Nếu xóa, toàn bộ dữ liệu điểm danh của buổi này cũng bị xóa theo và không khôi phục được. Việc xóa được ghi vào nhật ký.</p>
<div class="form-actions">
${buttonForm({ action: `${agendaUrl(c.id)}/${item.id}/remove`, csrf: csrfField(caller.csrf), label: 'Xóa cả mục và điểm danh', hidden: { force: 'true' }, kind: 'danger' })}
<a href="${agendaUrl(c.id)}#muc-${item.id}">Không xóa, quay lại chương trình</a>
</div>
</section>`,
  });
}
