import { SpeakerAgendaItemResponseDto, SpeakerResponseDto } from '../agenda/speaker.dto';
import { localPhone } from '../common/phone';
import { FormFields } from '../web/form-body';
import { html } from '../web/html';
import { vnNumber } from '../web/labels';
import { FieldErrors } from '../web/page-form';
import { errorSummary, input, notice } from '../web/widgets';
import { ConsoleCaller } from './console-caller';
import { consolePage, csrfField } from './console-layout';
import { buttonForm, conferenceUrl } from './console-screen-kit';

/** The speaker form's fields and their labels (also in the API's messages about them). */
export const SPEAKER_FIELDS: Record<string, string> = {
  fullName: 'Họ và tên',
  title: 'Chức vụ',
  organization: 'Cơ quan, đơn vị',
  email: 'Email',
  phone: 'Số điện thoại',
  bio: 'Giới thiệu ngắn',
};

export interface SpeakerFormState {
  values: FormFields;
  errors: FieldErrors;
  problem?: string;
}

export interface SpeakersView {
  items: SpeakerResponseDto[];
  total: number;
  page: number;
  pageSize: number;
  q: string;
  flash?: string;
  form: SpeakerFormState;
  qError?: string;
}

const HOME = { href: '/console', label: 'Danh sách hội nghị' };
export const SPEAKERS_URL = '/console/speakers';
const fieldId = (prefix: string) => (field: string) => `${prefix}-${field}`;

function speakerFields(state: SpeakerFormState, prefix: string) {
  const id = fieldId(prefix);
  const f = (field: string) => ({ id: id(field), name: field, label: SPEAKER_FIELDS[field], value: state.values[field], error: state.errors[field] });
  return html`${state.problem && notice('error', state.problem)}
${errorSummary(state.errors, id)}
${input({ ...f('fullName'), required: true, autocomplete: 'off' })}
<div class="grid2">
${input(f('title'))}
${input(f('organization'))}
</div>
<div class="grid2">
${input({ ...f('email'), type: 'email', autocomplete: 'off' })}
${input({ ...f('phone'), type: 'tel', inputmode: 'tel', hint: 'Ví dụ 0912 345 678.', autocomplete: 'off' })}
</div>
${input({ ...f('bio'), multiline: true })}`;
}

const pageUrl = (q: string, page: number) => {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `${SPEAKERS_URL}?${query}` : SPEAKERS_URL;
};

/** `/console/speakers`: the speaker directory shared by every conference, searched without diacritics. */
export function speakersPage(v: SpeakersView, caller: ConsoleCaller): string {
  const pages = Math.max(1, Math.ceil(v.total / v.pageSize));
  return consolePage({
    title: 'Danh bạ báo cáo viên',
    caller,
    trail: [HOME],
    body: html`<h1>Danh bạ báo cáo viên</h1>
${v.flash && notice('ok', v.flash)}
<form method="get" action="${SPEAKERS_URL}" class="card search search2" role="search" aria-label="Tìm báo cáo viên">
${input({ id: 'tim-bcv', name: 'q', label: 'Tìm theo tên, chức vụ, đơn vị (có dấu hoặc không dấu)', value: v.q, error: v.qError })}
<button type="submit" class="primary">Tìm</button>
</form>
<p role="status" class="muted">${
      v.total === 0 ? (v.q ? 'Không có báo cáo viên nào khớp với từ khóa.' : 'Danh bạ chưa có báo cáo viên nào.') : `Có ${vnNumber(v.total)} báo cáo viên.`
    }${v.q ? html` <a href="${SPEAKERS_URL}">Xóa từ khóa</a>` : null}</p>
${
  v.items.length > 0 &&
  html`<ul class="results">${v.items.map(
    (s) => html`<li id="bcv-${s.id}">
<h2>${s.fullName}</h2>
<p class="meta">${[s.title, s.organization].filter(Boolean).join(', ')}${s.email ? html` <span>${s.email}</span>` : null}${s.phone ? html` <span>${localPhone(s.phone)}</span>` : null}</p>
${
  caller.canWrite &&
  html`<p class="row-actions"><a class="button" href="${SPEAKERS_URL}/${s.id}/edit" aria-label="Sửa thông tin ${s.fullName}">Sửa</a>
<a class="button" href="${SPEAKERS_URL}/${s.id}/remove" aria-label="Xóa ${s.fullName} khỏi danh bạ">Xóa</a></p>`
}
</li>`,
  )}</ul>`
}
${
  pages > 1 &&
  html`<nav class="pager" aria-label="Phân trang">
${v.page > 1 ? html`<a href="${pageUrl(v.q, v.page - 1)}" rel="prev">‹ Trang trước</a>` : null}
<span>Trang ${v.page}/${pages}</span>
${v.page < pages ? html`<a href="${pageUrl(v.q, v.page + 1)}" rel="next">Trang sau ›</a>` : null}
</nav>`
}
${
  caller.canWrite &&
  html`<section class="card" aria-labelledby="them-bcv"><h2 id="them-bcv">Thêm báo cáo viên</h2>
<form method="post" action="${SPEAKERS_URL}" novalidate>${csrfField(caller.csrf)}
${speakerFields(v.form, 'bcv')}
<button type="submit" class="primary">Thêm vào danh bạ</button>
</form></section>`
}`,
  });
}

/** `/console/speakers/:speakerId/edit`. */
export function speakerEditPage(speaker: SpeakerResponseDto, state: SpeakerFormState, version: string, caller: ConsoleCaller): string {
  return consolePage({
    title: `Sửa báo cáo viên — ${speaker.fullName}`,
    caller,
    trail: [HOME, { href: SPEAKERS_URL, label: 'Danh bạ báo cáo viên' }],
    body: html`<h1>Sửa thông tin báo cáo viên</h1>
<form method="post" action="${SPEAKERS_URL}/${speaker.id}/edit" class="card" novalidate>${csrfField(caller.csrf)}
<input type="hidden" name="version" value="${version}">
${speakerFields(state, 'bcv')}
<div class="form-actions"><button type="submit" class="primary">Lưu thay đổi</button><a href="${SPEAKERS_URL}#bcv-${speaker.id}">Hủy bỏ, quay lại</a></div>
</form>
<p class="row-actions"><a class="button" href="${SPEAKERS_URL}/${speaker.id}/remove">Xóa báo cáo viên này</a></p>`,
  });
}

export interface SpeakerRemoveView {
  speaker: SpeakerResponseDto;
  /** The agenda items that name the speaker (the first page), and how many there are. */
  items: SpeakerAgendaItemResponseDto[];
  itemsTotal: number;
  problem?: string;
}

/**
 * `/console/speakers/:speakerId/remove`: the confirmation before a speaker leaves the directory;
 * one still named on agenda items is kept (the service's rule), so the page lists those items instead.
 */
export function speakerRemovePage(v: SpeakerRemoveView, caller: ConsoleCaller): string {
  const s = v.speaker;
  const inUse = v.itemsTotal > 0;
  return consolePage({
    title: `Xóa báo cáo viên ${s.fullName}`,
    caller,
    trail: [HOME, { href: SPEAKERS_URL, label: 'Danh bạ báo cáo viên' }],
    body: html`<section class="card message" aria-labelledby="tieu-de">
<h1 id="tieu-de">Xóa báo cáo viên ${s.fullName}?</h1>
${(s.title || s.organization) && html`<p>${[s.title, s.organization].filter(Boolean).join(', ')}</p>`}
${v.problem && notice('error', v.problem)}
${
  inUse
    ? html`${!v.problem && notice('error', `Báo cáo viên đang có tên trong ${vnNumber(v.itemsTotal)} mục chương trình nên chưa xóa được; hãy gỡ khỏi các mục đó trước.`)}
<h2>Các mục chương trình có tên báo cáo viên</h2>
<ul>${v.items.map(
        (i) => html`<li><a href="${conferenceUrl(i.conferenceId)}/agenda/${i.id}/edit">${i.title}</a> <span class="muted">(${i.conferenceTitle})</span></li>`,
      )}</ul>
${v.itemsTotal > v.items.length && html`<p class="muted">Và ${vnNumber(v.itemsTotal - v.items.length)} mục khác.</p>`}`
    : html`<p>Báo cáo viên sẽ bị xóa khỏi danh bạ dùng chung của mọi hội nghị. Không khôi phục được.</p>`
}
<div class="form-actions">
${!inUse && buttonForm({ action: `${SPEAKERS_URL}/${s.id}/remove`, csrf: csrfField(caller.csrf), label: `Xóa báo cáo viên ${s.fullName}`, kind: 'danger' })}
<a href="${SPEAKERS_URL}#bcv-${s.id}">Không xóa, quay lại danh bạ</a>
</div>
</section>`,
  });
}
