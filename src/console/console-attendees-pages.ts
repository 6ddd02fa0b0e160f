import { COLUMN_LABELS, ROLE_LABELS } from '../attendees/attendee-import-columns';
import { ImportReportDto } from '../attendees/attendee-import.dto';
import { AttendeeResponseDto } from '../attendees/attendee.dto';
import { ATTENDEE_ROLES, ATTENDEE_STATUSES, AttendeeStatus } from '../attendees/attendee.entity';
import { ConferenceResponseDto } from '../conferences/conference.dto';
import { FormFields } from '../web/form-body';
import { html, SafeHtml } from '../web/html';
import { vnNumber } from '../web/labels';
import { FieldErrors } from '../web/page-form';
import { errorSummary, input, notice } from '../web/widgets';
import { countLine, listUrl, pager, progressBar, rowReport, stackTable } from './console-bulk';
import { ConsoleCaller } from './console-caller';
import { consolePage, csrfField } from './console-layout';
import { fileField } from './console-points-pages';
import { buttonForm } from './console-screen-kit';
import { formatWallTime } from './console-time';
import { select } from './console-widgets';

export const ATTENDEES_PAGE_SIZE = 50;

/** Where a delegate stands, in the organizers' words (the RSVP page speaks to the person instead). */
export const ATTENDEE_STATUS_WORDS: Record<AttendeeStatus, string> = {
  added: 'Chưa mời',
  invited: 'Đã mời, chưa trả lời',
  registered: 'Tự đăng ký, chưa trả lời',
  waitlisted: 'Danh sách chờ',
  accepted: 'Nhận lời',
  declined: 'Báo vắng',
  cancelled: 'Đã hủy',
  attended: 'Đã điểm danh',
  substituted: 'Cử người đi thay',
};

/** The delegate form's fields, in page order, as the page names them. */
export const ATTENDEE_FIELDS = {
  fullName: 'Họ và tên',
  title: 'Chức vụ',
  organization: 'Đơn vị công tác',
  email: 'Email',
  phone: 'Số điện thoại',
  bridgePointId: 'Điểm cầu',
  role: 'Vai trò',
  notes: 'Ghi chú',
} as const;

export const IMPORT_FORM_FIELDS = { file: 'Tệp danh sách', bridgePointId: 'Điểm cầu mặc định', dryRun: 'Cách nhập', atomic: 'Nhập tất cả hoặc không' };
export const CHECK_IN_FIELDS = { code: 'Mã điểm danh', codes: 'Mã điểm danh', force: 'Điểm danh người đã báo vắng' };

export interface PointChoice {
  value: string;
  label: string;
}

const conferenceUrl = (id: string) => `/console/conferences/${id}`;
export const attendeesUrl = (id: string) => `${conferenceUrl(id)}/attendees`;
export const checkInUrl = (id: string) => `${conferenceUrl(id)}/check-in`;
const trailOf = (c: ConferenceResponseDto, more: { href: string; label: string }[] = []) => [
  { href: '/console', label: 'Danh sách hội nghị' },
  { href: conferenceUrl(c.id), label: c.title },
  ...more,
];
const statusBadge = (s: AttendeeStatus) => html`<span class="badge a-${s}">${ATTENDEE_STATUS_WORDS[s]}</span>`;
const isOpen = (c: ConferenceResponseDto) => c.status !== 'completed' && c.status !== 'cancelled';

export interface AttendeesView {
  conference: ConferenceResponseDto;
  items: AttendeeResponseDto[];
  total: number;
  page: number;
  filters: { q: string; tt: string; point: string };
  filterErrors: FieldErrors;
  points: PointChoice[];
  pointNames: Map<string, string>;
  flash?: string;
}

/** `/console/conferences/:id/attendees`: the delegates, searched without diacritics and filtered, 50 a page. */
export function attendeesPage(v: AttendeesView, caller: ConsoleCaller): string {
  const c = v.conference;
  const base = attendeesUrl(c.id);
  const filtered = v.filters.q !== '' || v.filters.tt !== '' || v.filters.point !== '';
  const exportQuery = v.filters.point ? `?point=${v.filters.point}` : '';
  return consolePage({
    title: `Đại biểu — ${c.title}`,
    caller,
    trail: trailOf(c),
    body: html`<div class="page-head"><h1>Đại biểu</h1></div>
${v.flash && notice('ok', v.flash)}
<div class="table-actions">
${caller.canWrite && isOpen(c) && html`<a class="button" href="${base}/new${v.filters.point ? `?point=${v.filters.point}` : ''}">Thêm đại biểu</a>
<a class="button" href="${base}/import">Nhập danh sách từ tệp</a>`}
${caller.canWrite && html`<a class="button" href="${checkInUrl(c.id)}">Bàn điểm danh</a>`}
<a href="${base}/export.xlsx${exportQuery}" download>Tải danh sách (Excel)</a>
<a href="${base}/export.csv${exportQuery}" download>Tải danh sách (CSV)</a>
</div>
<form method="get" action="${base}" class="card filters" role="search" aria-label="Tìm đại biểu">
${input({ id: 'tim-q', name: 'q', label: 'Họ tên, chức vụ, đơn vị (gõ có dấu hoặc không dấu)', value: v.filters.q, error: v.filterErrors.q })}
${select({ id: 'tim-tt', name: 'tt', label: 'Trạng thái', empty: 'Tất cả', value: v.filters.tt, choices: ATTENDEE_STATUSES.map((s) => ({ value: s, label: ATTENDEE_STATUS_WORDS[s] })) })}
${select({ id: 'tim-point', name: 'point', label: 'Điểm cầu', empty: 'Tất cả điểm cầu', value: v.filters.point, choices: v.points })}
<button type="submit" class="primary">Lọc</button>
</form>
<p role="status" class="muted">${countLine(v.total, v.page, ATTENDEES_PAGE_SIZE, 'đại biểu', filtered)}${filtered ? html` <a href="${base}">Xóa điều kiện lọc</a>` : null}</p>
${v.items.length > 0 && stackTable('Danh sách đại biểu', [
  {
    label: 'Họ và tên',
    cell: (a: AttendeeResponseDto) => html`<strong>${a.fullName}</strong>${a.title || a.organization ? html`<br><span class="muted">${[a.title, a.organization].filter(Boolean).join(', ')}</span>` : null}`,
  },
  { label: 'Điểm cầu', cell: (a) => v.pointNames.get(a.bridgePointId) ?? '' },
  { label: 'Vai trò', cell: (a) => ROLE_LABELS[a.role] },
  { label: 'Trạng thái', cell: (a) => statusBadge(a.status) },
  { label: 'Mã', cell: (a) => html`<code>${a.code}</code>` },
  { label: 'Liên hệ', cell: (a) => html`${a.email ?? ''}${a.email && a.phone ? html`<br>` : null}${a.phone ?? ''}` },
  ...(caller.canWrite && isOpen(c)
    ? [{ label: 'Sửa', cell: (a: AttendeeResponseDto) => html`<a href="${base}/${a.id}/edit">Sửa<span class="vh"> thông tin ${a.fullName}</span></a>` }]
    : []),
], v.items)}
${pager(v.page, v.total, ATTENDEES_PAGE_SIZE, (page) => listUrl(base, v.filters, page))}`,
  });
}

export interface AttendeeFormView {
  conference: ConferenceResponseDto;
  attendee?: AttendeeResponseDto;
  values: FormFields;
  errors: FieldErrors;
  problem?: string;
  points: PointChoice[];
}

const fieldId = (field: string) => `db-${field}`;

/** Adding a delegate, or editing one (with the version read, so a stale edit is refused). */
export function attendeeFormPage(v: AttendeeFormView, caller: ConsoleCaller): string {
  const c = v.conference;
  const editing = v.attendee;
  const title = editing ? `Sửa thông tin đại biểu ${editing.fullName}` : 'Thêm đại biểu';
  const f = (field: keyof typeof ATTENDEE_FIELDS) => ({ id: fieldId(field), name: field, label: ATTENDEE_FIELDS[field], value: v.values[field], error: v.errors[field] });
  return consolePage({
    title,
    caller,
    trail: trailOf(c, [{ href: attendeesUrl(c.id), label: 'Đại biểu' }]),
    body: html`<h1>${title}</h1>
${v.problem && notice('error', v.problem)}
${errorSummary(v.errors, fieldId)}
<form method="post" action="${editing ? `${attendeesUrl(c.id)}/${editing.id}/edit` : attendeesUrl(c.id)}" class="card" novalidate>
${csrfField(caller.csrf)}
${editing && html`<input type="hidden" name="version" value="${v.values.version}">`}
${input({ ...f('fullName'), required: true, autocomplete: 'off' })}
<div class="grid2">
${input(f('title'))}
${input(f('organization'))}
</div>
<div class="grid2">
${input({ ...f('email'), type: 'email', autocomplete: 'off', hint: 'Giấy mời được gửi tới địa chỉ này.' })}
${input({ ...f('phone'), type: 'tel', inputmode: 'tel', autocomplete: 'off', hint: 'Ví dụ 0912 345 678.' })}
</div>
<div class="grid2">
${select({ ...f('bridgePointId'), required: true, empty: 'Chọn điểm cầu', choices: v.points, hint: 'Điểm cầu cấp xã: mở từ danh sách điểm cầu, cột "Đại biểu".' })}
${select({ ...f('role'), choices: ATTENDEE_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] })) })}
</div>
${input({ ...f('notes'), multiline: true })}
<div class="form-actions">
<button type="submit" class="primary">${editing ? 'Lưu thay đổi' : 'Thêm đại biểu'}</button>
<a href="${attendeesUrl(c.id)}">Hủy bỏ, quay lại</a>
</div>
</form>
${editing && html`<p class="muted">Mã điểm danh: <code>${editing.code}</code> · Trạng thái: ${ATTENDEE_STATUS_WORDS[editing.status]}${
  editing.checkedInAt ? ` · Điểm danh lúc ${formatWallTime(new Date(editing.checkedInAt), c.timezone)}` : ''
}</p>`}
${editing && caller.canWrite && isOpen(c) && html`<p class="row-actions"><a class="button" href="${attendeeRemoveUrl(c.id, editing.id)}">Xóa đại biểu này</a></p>`}`,
  });
}

const attendeeRemoveUrl = (id: string, attendeeId: string) => `${attendeesUrl(id)}/${attendeeId}/remove`;

export interface AttendeeRemoveView {
  conference: ConferenceResponseDto;
  attendee: AttendeeResponseDto;
  pointName: string;
  problem?: string;
}

/** `…/attendees/:attendeeId/remove`: who would go and what goes with them, then the button that removes them (or the way back). */
export function attendeeRemovePage(v: AttendeeRemoveView, caller: ConsoleCaller): string {
  const c = v.conference;
  const a = v.attendee;
  const consequences = [
    'Đường dẫn trả lời giấy mời và đường dẫn lịch đã gửi cho người này không dùng được nữa.',
    ...(a.checkedInAt ? ['Lượt điểm danh của người này được trừ khỏi số người dự tại điểm cầu.'] : []),
    'Nếu điểm cầu có danh sách chờ, chỗ trống được dành cho người kế tiếp.',
  ];
  return consolePage({
    title: `Xóa đại biểu ${a.fullName}`,
    caller,
    trail: trailOf(c, [{ href: attendeesUrl(c.id), label: 'Đại biểu' }]),
    body: html`<section class="card message" aria-labelledby="tieu-de">
<h1 id="tieu-de">Xóa đại biểu ${a.fullName}?</h1>
<p>${[a.title, a.organization].filter(Boolean).join(', ')}${a.title || a.organization ? html`<br>` : null}${v.pointName} · ${ROLE_LABELS[a.role]} · mã <code>${a.code}</code> · ${ATTENDEE_STATUS_WORDS[a.status]}</p>
${v.problem && notice('error', v.problem)}
${!isOpen(c) && !v.problem && notice('error', 'Hội nghị đã kết thúc hoặc đã hủy nên không xóa đại biểu được nữa.')}
<p>Người này sẽ bị xóa khỏi danh sách đại biểu của hội nghị. Không khôi phục được; việc xóa được ghi vào nhật ký.</p>
<ul>${consequences.map((line) => html`<li>${line}</li>`)}</ul>
<div class="form-actions">
${isOpen(c) && buttonForm({ action: attendeeRemoveUrl(c.id, a.id), csrf: csrfField(caller.csrf), label: `Xóa đại biểu ${a.fullName}`, kind: 'danger' })}
<a href="${attendeesUrl(c.id)}/${a.id}/edit">Không xóa, quay lại</a>
</div>
</section>`,
  });
}

export interface ImportFormView {
  conference: ConferenceResponseDto;
  points: PointChoice[];
  values: FormFields;
  errors: FieldErrors;
  problem?: string;
}

function importForm(v: ImportFormView, caller: ConsoleCaller, heading: string): SafeHtml {
  const id = (field: string) => `nhap-${field}`;
  return html`<form method="post" action="${attendeesUrl(v.conference.id)}/import" enctype="multipart/form-data" class="card" novalidate>
${csrfField(caller.csrf)}
<h2>${heading}</h2>
<p class="muted">Tệp CSV (UTF-8) hoặc XLSX, tối đa 20 MB, mỗi dòng một người, với các cột: Họ và tên, Chức vụ, Đơn vị, Email, Số điện thoại, Điểm cầu, Vai trò, Ghi chú. Dòng có email đã có trong danh sách sẽ cập nhật người đó. Tệp trên 2.000 dòng được nhập ở chế độ nền; trang kết quả tự cập nhật tiến độ.</p>
${errorSummary(v.errors, id)}
${fileField(id('file'), IMPORT_FORM_FIELDS.file, v.errors.file)}
${select({
  id: id('bridgePointId'),
  name: 'bridgePointId',
  label: IMPORT_FORM_FIELDS.bridgePointId,
  hint: 'Cho các dòng không ghi điểm cầu (và tệp không có cột Điểm cầu).',
  empty: 'Không chọn',
  value: v.values.bridgePointId,
  error: v.errors.bridgePointId,
  choices: v.points,
})}
<label class="check"><input type="checkbox" name="atomic" value="true"${v.values.atomic === 'true' ? html` checked` : null}> Nếu có dòng lỗi thì không nhập dòng nào</label>
<div class="form-actions">
<button type="submit" name="dryRun" value="true" class="primary">Kiểm tra tệp (chưa ghi)</button>
<button type="submit" name="dryRun" value="false">Nhập danh sách</button>
</div>
</form>`;
}

/** `…/attendees/import`: the upload form. */
export function importPage(v: ImportFormView, caller: ConsoleCaller): string {
  const c = v.conference;
  return consolePage({
    title: `Nhập danh sách đại biểu — ${c.title}`,
    caller,
    trail: trailOf(c, [{ href: attendeesUrl(c.id), label: 'Đại biểu' }]),
    body: html`<h1>Nhập danh sách đại biểu</h1>
${v.problem && notice('error', v.problem)}
<p>Nên bấm "Kiểm tra tệp" trước: hệ thống đọc từng dòng và báo lỗi mà chưa ghi gì; sửa tệp xong mới bấm "Nhập danh sách".</p>
${importForm(v, caller, 'Chọn tệp')}`,
  });
}

const REFRESH_SECONDS = 2;

/** `…/attendees/import-jobs/:jobId`: an import's progress while it runs (the page reloads itself), then its report row by row. */
export function importJobPage(v: ImportFormView & { job: ImportReportDto }, caller: ConsoleCaller): string {
  const c = v.conference;
  const job = v.job;
  const running = job.status === 'running';
  const label = (field: string) => (COLUMN_LABELS as Record<string, string>)[field] ?? field;
  const title = running ? 'Đang nhập danh sách' : job.dryRun ? 'Kết quả kiểm tra tệp' : 'Kết quả nhập danh sách';
  const outcome = running
    ? null
    : job.status === 'failed'
      ? notice('error', job.message ?? 'Nhập danh sách không thành công; chưa có dữ liệu nào được ghi.')
      : job.dryRun
        ? notice(
            job.rejected > 0 ? 'error' : 'info',
            job.rejected > 0
              ? `Tệp có ${vnNumber(job.rejected)} dòng lỗi (xem bảng dưới). Chưa ghi gì; hãy sửa tệp rồi kiểm tra lại.`
              : `Tệp hợp lệ: sẽ thêm ${vnNumber(job.created)}, cập nhật ${vnNumber(job.updated)} người. Chưa ghi gì; để nhập, chọn lại tệp và bấm "Nhập danh sách".`,
          )
        : notice(
            'ok',
            `Đã thêm ${vnNumber(job.created)} và cập nhật ${vnNumber(job.updated)} đại biểu${job.rejected > 0 ? `; ${vnNumber(job.rejected)} dòng lỗi không được nhập` : ''}.`,
          );
  return consolePage({
      title: `${title} — ${c.title}`,
      caller,
      refresh: running ? REFRESH_SECONDS : undefined,
      trail: trailOf(c, [{ href: attendeesUrl(c.id), label: 'Đại biểu' }]),
      body: html`<h1>${title}</h1>
<p class="muted">Tệp: ${job.fileName ?? ''}</p>
${running && html`<div role="status">${progressBar('tien-do', job.dryRun ? 'Đang kiểm tra các dòng' : 'Đang nhập các dòng', job.processedRows, job.totalRows)}
<p class="muted">Trang tự cập nhật sau mỗi ${REFRESH_SECONDS} giây; có thể rời trang, việc nhập vẫn tiếp tục.</p></div>`}
${outcome}
<ul class="stats" aria-label="Số liệu">
<li><b>${vnNumber(job.totalRows)}</b> dòng trong tệp</li>
<li><b>${vnNumber(job.created)}</b> ${job.dryRun ? 'sẽ thêm' : 'đã thêm'}</li>
<li><b>${vnNumber(job.updated)}</b> ${job.dryRun ? 'sẽ cập nhật' : 'đã cập nhật'}</li>
<li><b>${vnNumber(job.unchanged)}</b> không đổi</li>
<li><b>${vnNumber(job.rejected)}</b> dòng lỗi</li>
</ul>
${job.errors.length > 0 && html`<h2>Các dòng lỗi</h2>${rowReport('Các dòng lỗi', job.errors, label)}`}
${job.warnings.length > 0 && html`<h2>Lưu ý</h2>${rowReport('Các lưu ý', job.warnings, label)}`}
${!running && isOpen(c) && importForm(v, caller, job.dryRun ? 'Nhập tệp đã sửa hoặc nhập thật' : 'Nhập tệp khác')}
<p><a href="${attendeesUrl(c.id)}">Về danh sách đại biểu</a></p>`,
  });
}

export type CheckInOutcome =
  | { kind: 'checked_in'; attendee: AttendeeResponseDto; pointName: string }
  | { kind: 'already'; attendee: AttendeeResponseDto; pointName: string }
  | { kind: 'declined'; attendee: AttendeeResponseDto; pointName: string }
  | { kind: 'unknown'; code: string }
  | { kind: 'refused'; message: string };

export interface CheckInView {
  conference: ConferenceResponseDto;
  outcome?: CheckInOutcome;
  code: string;
  error?: string;
  counts: { attended: number; total: number };
}

/** The check-in desk: type (or scan: a scanner types and presses Enter) a code; the result says who, or why not. */
export function checkInPage(v: CheckInView, caller: ConsoleCaller): string {
  const c = v.conference;
  const o = v.outcome;
  const person = (a: AttendeeResponseDto, pointName: string) =>
    html`<p><strong>${a.fullName}</strong>${a.title || a.organization ? html` — ${[a.title, a.organization].filter(Boolean).join(', ')}` : null}</p>
<p class="muted">${pointName} · ${ROLE_LABELS[a.role]} · mã <code>${a.code}</code></p>`;
  const at = (a: AttendeeResponseDto) => (a.checkedInAt ? formatWallTime(new Date(a.checkedInAt), c.timezone) : '');
  const result = !o
    ? null
    : o.kind === 'checked_in'
      ? html`<section class="card checkin-result" role="status" aria-labelledby="kq"><h2 id="kq">Đã điểm danh</h2>${person(o.attendee, o.pointName)}<p>Lúc ${at(o.attendee)}.</p></section>`
      : o.kind === 'already'
        ? html`<section class="card checkin-result repeat" role="status" aria-labelledby="kq"><h2 id="kq">Đã điểm danh trước đó</h2>${person(o.attendee, o.pointName)}<p>Đã điểm danh lúc ${at(o.attendee)}; không tính thêm lần nữa.</p></section>`
        : o.kind === 'declined'
          ? html`<section class="card checkin-result refused" role="alert" aria-labelledby="kq"><h2 id="kq">Chưa điểm danh: người này đã báo vắng</h2>${person(o.attendee, o.pointName)}
${o.attendee.declineReason && html`<p>Lý do báo vắng: ${o.attendee.declineReason}</p>`}
<form method="post" action="${checkInUrl(c.id)}">${csrfField(caller.csrf)}<input type="hidden" name="code" value="${o.attendee.code}"><input type="hidden" name="force" value="true">
<button type="submit">Vẫn điểm danh ${o.attendee.fullName}</button></form></section>`
          : o.kind === 'unknown'
            ? html`<section class="card checkin-result refused" role="alert" aria-labelledby="kq"><h2 id="kq">Không tìm thấy mã ${o.code}</h2><p>Không có đại biểu nào của hội nghị này có mã điểm danh ${o.code}. Kiểm tra lại mã trên giấy mời, hoặc tìm theo tên trong <a href="${attendeesUrl(c.id)}">danh sách đại biểu</a>.</p></section>`
            : html`<section class="card checkin-result refused" role="alert" aria-labelledby="kq"><h2 id="kq">Chưa điểm danh được</h2><p>${o.message}</p></section>`;
  return consolePage({
    title: `Bàn điểm danh — ${c.title}`,
    caller,
    trail: trailOf(c, [{ href: attendeesUrl(c.id), label: 'Đại biểu' }]),
    body: html`<h1>Bàn điểm danh</h1>
<ul class="stats" aria-label="Số liệu"><li><b>${vnNumber(v.counts.attended)}</b> đã điểm danh</li><li><b>${vnNumber(v.counts.total)}</b> đại biểu</li></ul>
${result}
<form method="post" action="${checkInUrl(c.id)}" class="card" novalidate>
${csrfField(caller.csrf)}
<div class="${v.error ? 'field has-error' : 'field'}">
<label for="dd-code">${CHECK_IN_FIELDS.code}</label>
<p class="hint" id="dd-code-goi-y">6 ký tự trên giấy mời, ví dụ K7Q4ZP; gõ hoặc quét mã rồi nhấn Enter.</p>
<input id="dd-code" name="code" class="checkin-code" value="${v.code}" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="20" autofocus aria-required="true" aria-describedby="dd-code-goi-y${v.error ? ' dd-code-loi' : ''}"${v.error ? html` aria-invalid="true"` : null}>
${v.error && html`<p class="error" id="dd-code-loi">${v.error}</p>`}
</div>
<button type="submit" class="primary">Điểm danh</button>
</form>`,
  });
}
