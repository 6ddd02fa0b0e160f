import { vnRange } from '../common/vietnamese-time';
import { ConferenceResponseDto } from '../conferences/conference.dto';
import { CONFERENCE_STATUSES, ConferenceStatus } from '../conferences/conference.entity';
import { FormFields } from '../web/form-body';
import { html, httpUrl, SafeHtml } from '../web/html';
import { CONFERENCE_STATUS_LABELS, FORMAT_LABELS, vnNumber } from '../web/labels';
import { FieldErrors } from '../web/page-form';
import { errorSummary, input, notice } from '../web/widgets';
import { ConsoleCaller } from './console-caller';
import { consolePage, csrfField } from './console-layout';
import { TIME_EXAMPLE, formatWallTime } from './console-time';
import { select } from './console-widgets';
import { ACTION_FIELDS, CONFERENCE_FIELDS, ConferenceField, DEFAULT_ZONE, FORMAT_CHOICES, KIND_CHOICES, KIND_LABELS } from './conference-form';

const HOME = { href: '/console', label: 'Danh sách hội nghị' };

const statusBadge = (status: ConferenceStatus): SafeHtml => html`<span class="badge s-${status}">${CONFERENCE_STATUS_LABELS[status]}</span>`;

const conferenceUrl = (id: string) => `/console/conferences/${id}`;

export interface ListView {
  items: ConferenceResponseDto[];
  total: number;
  page: number;
  pageSize: number;
  q: string;
  status: string;
  /** A filter value the page could not use (shown beside the field). */
  errors: FieldErrors;
}

function listUrl(v: Pick<ListView, 'q' | 'status'>, page: number): string {
  const params = new URLSearchParams();
  if (v.q) params.set('q', v.q);
  if (v.status) params.set('status', v.status);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/console?${query}` : '/console';
}

/** `/console`: the conferences, searched by title without diacritics and filtered by state. */
export function listPage(v: ListView, caller: ConsoleCaller): string {
  const pages = Math.max(1, Math.ceil(v.total / v.pageSize));
  const filtered = v.q !== '' || v.status !== '';
  const first = (v.page - 1) * v.pageSize + 1;
  const last = Math.min(v.total, v.page * v.pageSize);
  return consolePage({
    title: 'Danh sách hội nghị',
    caller,
    body: html`<div class="page-head">
<h1>Danh sách hội nghị</h1>
${caller.canWrite && html`<a class="button" href="/console/conferences/new">Tạo hội nghị mới</a>`}
</div>
<form method="get" action="/console" class="card search" role="search" aria-label="Tìm hội nghị">
${input({ id: 'tim-q', name: 'q', label: 'Tìm theo tên (gõ có dấu hoặc không dấu)', value: v.q, error: v.errors.q })}
${select({
  id: 'tim-status',
  name: 'status',
  label: 'Trạng thái',
  empty: 'Tất cả trạng thái',
  choices: CONFERENCE_STATUSES.map((s) => ({ value: s, label: CONFERENCE_STATUS_LABELS[s] })),
  value: v.status,
  error: v.errors.status,
})}
<button type="submit" class="primary">Tìm</button>
</form>
<p role="status" class="muted">${
      v.total === 0
        ? filtered
          ? 'Không có hội nghị nào khớp với điều kiện tìm.'
          : 'Chưa có hội nghị nào.'
        : pages === 1
          ? `Có ${vnNumber(v.total)} hội nghị.`
          : `Hiển thị ${vnNumber(first)}–${vnNumber(last)} trên tổng số ${vnNumber(v.total)} hội nghị.`
    }${filtered ? html` <a href="/console">Xóa điều kiện tìm</a>` : null}</p>
${
  v.items.length > 0 &&
  html`<ul class="results">${v.items.map(
    (c) => html`<li>
<h2><a href="${conferenceUrl(c.id)}">${c.title}</a></h2>
<p class="meta">${statusBadge(c.status)} <span>${formatWallTime(new Date(c.startsAt), c.timezone)}</span> <span>${KIND_LABELS[c.kind]}</span> <span>${FORMAT_LABELS[c.format]}</span></p>
</li>`,
  )}</ul>`
}
${
  pages > 1 &&
  html`<nav class="pager" aria-label="Phân trang">
${v.page > 1 ? html`<a href="${listUrl(v, v.page - 1)}" rel="prev">‹ Trang trước</a>` : null}
<span>Trang ${v.page}/${pages}</span>
${v.page < pages ? html`<a href="${listUrl(v, v.page + 1)}" rel="next">Trang sau ›</a>` : null}
</nav>`
}`,
  });
}

export interface FormView {
  mode: 'create' | 'update';
  values: FormFields;
  errors: FieldErrors;
  problem?: string;
  conference?: ConferenceResponseDto;
}

const fieldId = (field: string) => `hn-${field}`;

/** The create and edit form: the API's fields, times typed on the conference's clock. */
export function conferenceFormPage(v: FormView, caller: ConsoleCaller): string {
  const f = (field: ConferenceField) => ({ id: fieldId(field), name: field, label: CONFERENCE_FIELDS[field], value: v.values[field], error: v.errors[field] });
  const editing = v.mode === 'update' && v.conference;
  const title = editing ? 'Sửa thông tin hội nghị' : 'Tạo hội nghị mới';
  const zone = v.values.timezone || DEFAULT_ZONE;
  const timeHint = `Ngày/tháng/năm giờ:phút theo múi giờ của hội nghị (${zone}), ví dụ ${TIME_EXAMPLE}.`;
  return consolePage({
    title,
    caller,
    trail: editing ? [HOME, { href: conferenceUrl(v.conference!.id), label: v.conference!.title }] : [HOME],
    body: html`<h1>${title}</h1>
${v.problem && notice('error', v.problem)}
${errorSummary(v.errors, fieldId)}
<form method="post" action="${editing ? `${conferenceUrl(v.conference!.id)}/edit` : '/console/conferences'}" class="card" novalidate>
${csrfField(caller.csrf)}
${editing && html`<input type="hidden" name="version" value="${v.values.version}">`}
${input({ ...f('title'), required: true, multiline: false })}
<div class="grid2">
${select({ ...f('kind'), required: true, choices: KIND_CHOICES })}
${select({ ...f('format'), required: true, choices: FORMAT_CHOICES })}
</div>
<div class="grid2">
${input({ ...f('startsAt'), required: true, hint: timeHint, autocomplete: 'off' })}
${input({ ...f('endsAt'), required: true, hint: timeHint, autocomplete: 'off' })}
</div>
${input({ ...f('timezone'), hint: 'Tên múi giờ IANA; để Asia/Ho_Chi_Minh nếu tổ chức theo giờ Việt Nam.', autocomplete: 'off' })}
${input({ ...f('hostOrganization'), hint: 'Ví dụ: Ban Dân vận Trung ương.' })}
${input(f('venue'))}
${input({ ...f('onlineUrl'), hint: 'Bắt đầu bằng https://, dùng cho hội nghị trực tuyến hoặc kết hợp.', autocomplete: 'url' })}
<div class="grid2">
${input(f('chairName'))}
${input(f('chairTitle'))}
</div>
${input({ ...f('description'), multiline: true })}
<div class="form-actions">
<button type="submit" class="primary">${editing ? 'Lưu thay đổi' : 'Tạo hội nghị'}</button>
<a href="${editing ? conferenceUrl(v.conference!.id) : '/console'}">Hủy bỏ, quay lại</a>
</div>
</form>`,
  });
}

/** One of the overview's action forms, as it came back from a refused post. */
export interface ActionState {
  action: OverviewAction;
  values: FormFields;
  errors: FieldErrors;
  problem?: string;
}

export type OverviewAction = 'publish' | 'start' | 'complete' | 'cancel' | 'clone';

export interface OverviewView {
  conference: ConferenceResponseDto;
  counts: { bridgePoints: number; confirmedPoints: number; attendees: number } | null;
  flash?: string;
  state?: ActionState;
}

function fact(term: string, value: SafeHtml | string | null | undefined): SafeHtml | null {
  return value ? html`<div class="row"><dt>${term}</dt><dd>${value}</dd></div>` : null;
}

/** The parts of a conference: its console screen (`console`, under the conference's address) or, while it has none, where to do them meanwhile. */
const LATER_SECTIONS: { label: string; api: string; console?: string }[] = [
  { label: 'Điểm cầu', api: 'bridge-points', console: 'points' },
  { label: 'Chương trình hội nghị', api: 'agenda', console: 'agenda' },
  { label: 'Đại biểu', api: 'attendees', console: 'attendees' },
  { label: 'Giấy mời và tình trạng gửi thư', api: 'calendar', console: 'invitations' },
  { label: 'Khen thưởng', api: 'awards', console: 'awards' },
  { label: 'Biên bản hội nghị', api: 'minutes', console: 'minutes' },
  { label: 'Nhiệm vụ sau hội nghị', api: 'minutes', console: 'action-items' },
  { label: 'Tập huấn: điểm danh, hoàn thành, giấy chứng nhận', api: 'training', console: 'training' },
  { label: 'Tài liệu hội nghị', api: 'materials', console: 'materials' },
];

/** `/console/conferences/:id`: the conference at a glance, its state's actions, and the way to its parts. */
export function overviewPage(v: OverviewView, caller: ConsoleCaller): string {
  const c = v.conference;
  const closed = c.status === 'completed' || c.status === 'cancelled';
  const link = httpUrl(c.onlineUrl);
  const chair = [c.chairName, c.chairTitle].filter(Boolean).join(', ');
  const s = v.state;
  const stateOf = (action: OverviewAction) => (s?.action === action ? s : undefined);
  return consolePage({
    title: c.title,
    caller,
    trail: [HOME],
    body: html`<div class="page-head"><h1>${c.title}</h1></div>
${v.flash && notice('ok', v.flash)}
${s?.problem && notice('error', s.problem)}
<section class="card" aria-labelledby="thong-tin">
<h2 id="thong-tin">Thông tin chung</h2>
<dl class="facts">
${fact('Trạng thái', statusBadge(c.status))}
${fact('Lý do hủy', c.cancelReason)}
${fact('Thời gian', vnRange(new Date(c.startsAt), new Date(c.endsAt), c.timezone))}
${fact('Múi giờ', c.timezone)}
${fact('Loại hội nghị', KIND_LABELS[c.kind])}
${fact('Hình thức', FORMAT_LABELS[c.format])}
${fact('Cơ quan chủ trì', c.hostOrganization)}
${fact('Chủ trì', chair)}
${fact('Địa điểm', c.venue)}
${fact('Họp trực tuyến', link ? html`<a href="${link}" rel="noopener noreferrer">${c.onlineUrl}</a>` : c.onlineUrl)}
${fact('Mục đích, nội dung', c.description)}
${fact('Sao chép từ', c.clonedFromId ? html`<a href="${conferenceUrl(c.clonedFromId)}">hội nghị gốc</a>` : null)}
</dl>
${caller.canWrite && !closed && html`<p><a class="button" href="${conferenceUrl(c.id)}/edit">Sửa thông tin</a></p>`}
</section>
${
  v.counts &&
  html`<ul class="stats" aria-label="Số liệu">
<li><b>${vnNumber(v.counts.bridgePoints)}</b> điểm cầu</li>
<li><b>${vnNumber(v.counts.confirmedPoints)}</b> điểm cầu đã xác nhận</li>
<li><b>${vnNumber(v.counts.attendees)}</b> đại biểu</li>
</ul>`
}
${caller.canWrite && actionForms(c, caller, stateOf)}
<section class="card" aria-labelledby="cac-phan">
<h2 id="cac-phan">Các phần của hội nghị</h2>
<ul class="sections">
<li><a href="/board/${c.id}">Bảng theo dõi trạng thái điểm cầu</a> (trang theo dõi trực tiếp)</li>
${LATER_SECTIONS.map((p) =>
  p.console
    ? html`<li><a href="${conferenceUrl(c.id)}/${p.console}">${p.label}</a></li>`
    : html`<li>${p.label}: <span class="muted">chưa có trên bảng điều khiển; tạm thời thực hiện qua</span> <a href="/docs#/${p.api}">API (tài liệu)</a></li>`,
)}
</ul>
</section>`,
  });
}

const actionId = (action: string, field: string) => `${action}-${field}`;

function actionForms(c: ConferenceResponseDto, caller: ConsoleCaller, stateOf: (a: OverviewAction) => ActionState | undefined): SafeHtml {
  const url = (action: string) => `${conferenceUrl(c.id)}/${action}`;
  const hidden = html`${csrfField(caller.csrf)}<input type="hidden" name="version" value="${String(c.version)}">`;
  const force = (action: OverviewAction) =>
    html`<label class="check"><input type="checkbox" name="force" value="true"${stateOf(action)?.values.force === 'true' ? html` checked` : null}> Vẫn thực hiện khi chưa đến giờ</label>`;
  const err = (action: OverviewAction) => stateOf(action)?.errors ?? {};
  const val = (action: OverviewAction, field: string) => stateOf(action)?.values[field];
  const forms: SafeHtml[] = [];
  if (c.status === 'draft') {
    forms.push(html`<form method="post" action="${url('publish')}" class="card">${hidden}
<h3>Công bố</h3><p class="muted">Sau khi công bố mới gửi được giấy mời. Hội nghị cần có một điểm cầu chính.</p>
<button type="submit" class="primary">Công bố hội nghị</button></form>`);
  }
  if (c.status === 'published') {
    forms.push(html`<form method="post" action="${url('start')}" class="card">${hidden}
<h3>Khai mạc</h3><p class="muted">Chuyển hội nghị sang trạng thái đang diễn ra.</p>${force('start')}
<button type="submit" class="primary">Bắt đầu hội nghị</button></form>`);
  }
  if (c.status === 'ongoing') {
    forms.push(html`<form method="post" action="${url('complete')}" class="card">${hidden}
<h3>Bế mạc</h3><p class="muted">Sau khi kết thúc, thông tin hội nghị không sửa được nữa.</p>${force('complete')}
<button type="submit" class="primary">Kết thúc hội nghị</button></form>`);
  }
  forms.push(html`<form method="post" action="${url('clone')}" class="card" novalidate>${csrfField(caller.csrf)}
<h3>Sao chép</h3><p class="muted">Tạo bản nháp mới với cùng điểm cầu và chương trình, dời theo thời gian khai mạc mới.</p>
${errorSummary(err('clone'), (f) => actionId('clone', f))}
${input({
  id: actionId('clone', 'startsAt'),
  name: 'startsAt',
  label: `${ACTION_FIELDS.startsAt} của bản sao`,
  required: true,
  hint: `Ngày/tháng/năm giờ:phút (${c.timezone}), ví dụ ${TIME_EXAMPLE}.`,
  value: val('clone', 'startsAt'),
  error: err('clone').startsAt,
  autocomplete: 'off',
})}
${input({ id: actionId('clone', 'title'), name: 'title', label: 'Tên bản sao', hint: 'Để trống để giữ tên hiện tại.', value: val('clone', 'title'), error: err('clone').title })}
<button type="submit">Sao chép hội nghị</button></form>`);
  if (c.status !== 'completed' && c.status !== 'cancelled') {
    forms.push(html`<form method="post" action="${url('cancel')}" class="card" novalidate>${hidden}
<h3>Hủy hội nghị</h3><p class="muted">Mọi người đã được mời sẽ nhận thư hủy kèm lý do. Không hoàn tác được.</p>
${errorSummary(err('cancel'), (f) => actionId('cancel', f))}
${input({ id: actionId('cancel', 'reason'), name: 'reason', label: ACTION_FIELDS.reason, required: true, multiline: true, value: val('cancel', 'reason'), error: err('cancel').reason })}
<button type="submit" class="danger">Hủy hội nghị</button></form>`);
  }
  return html`<section aria-labelledby="thao-tac"><h2 id="thao-tac">Thao tác</h2><div class="action-forms">${forms}</div></section>`;
}
