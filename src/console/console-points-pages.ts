import { AdministrativeUnitResponseDto } from '../administrative-units/administrative-unit.dto';
import { CONTACT_COLUMN_LABELS } from '../bridge-points/bridge-point-contacts-import-columns';
import { ContactsImportReportDto } from '../bridge-points/bridge-point-contacts-import.dto';
import { BridgePointResponseDto } from '../bridge-points/bridge-point.dto';
import { BridgePointLevel, CONFIRMATION_STATUSES, CONNECTION_STATUSES } from '../bridge-points/bridge-point.entity';
import { BridgePointSummary } from '../bridge-points/bridge-point-summary.repository';
import { ConferenceResponseDto } from '../conferences/conference.dto';
import { html, SafeHtml } from '../web/html';
import { CONFIRMATION_LABELS, CONNECTION_LABELS, vnNumber } from '../web/labels';
import { FieldErrors } from '../web/page-form';
import { errorSummary, notice } from '../web/widgets';
import { countLine, listUrl, pager, rowReport, stackTable } from './console-bulk';
import { ConsoleCaller } from './console-caller';
import { consolePage, csrfField } from './console-layout';
import { select } from './console-widgets';
import { input } from '../web/widgets';

export const POINTS_PAGE_SIZE = 50;

export const LEVEL_LABELS: Record<BridgePointLevel, string> = {
  central: 'Trung ương',
  provincial: 'Cấp tỉnh',
  commune: 'Cấp xã',
  other: 'Khác',
};

/** The labels of the forms' fields, for the API's refusals shown beside them. */
export const CONNECT_FIELDS = { administrativeUnitSet: 'Bộ đơn vị hành chính', level: 'Cấp', parentCode: 'Tỉnh, thành phố' };
export const LINK_FIELDS = { level: 'Cấp điểm cầu', expiresAt: 'Hạn dùng' };
export const CONTACTS_FIELDS = { file: 'Tệp danh sách', dryRun: 'Cách nhập' };

export const pointsUrl = (id: string) => `/console/conferences/${id}/points`;
const conferenceUrl = (id: string) => `/console/conferences/${id}`;

/** A form of the page as it came back from a refused post. */
export interface PointsFormState {
  form: 'provinces' | 'communes' | 'links' | 'contacts';
  values: Record<string, string>;
  errors: FieldErrors;
  problem?: string;
}

export interface PointsView {
  conference: ConferenceResponseDto;
  summary: BridgePointSummary;
  items: BridgePointResponseDto[];
  total: number;
  page: number;
  filters: { q: string; xn: string; kn: string };
  filterErrors: FieldErrors;
  provinces: AdministrativeUnitResponseDto[];
  flash?: string;
  state?: PointsFormState;
}

const badge = (kind: 'c' | 'n', status: string, label: string) => html`<span class="badge ${kind}-${status}">${label}</span>`;

/** `/console/conferences/:id/points`: the points, their state, and the ways to connect, inform and reach them. */
export function pointsPage(v: PointsView, caller: ConsoleCaller): string {
  const c = v.conference;
  const base = pointsUrl(c.id);
  const filtered = v.filters.q !== '' || v.filters.xn !== '' || v.filters.kn !== '';
  const open = c.status !== 'completed' && c.status !== 'cancelled';
  const s = v.summary;
  return consolePage({
    title: `Điểm cầu — ${c.title}`,
    caller,
    trail: [{ href: '/console', label: 'Danh sách hội nghị' }, { href: conferenceUrl(c.id), label: c.title }],
    body: html`<div class="page-head"><h1>Điểm cầu</h1><a class="button" href="/board/${c.id}">Mở bảng theo dõi trạng thái</a></div>
${v.flash && notice('ok', v.flash)}
${v.state?.problem && notice('error', v.state.problem)}
<ul class="stats" aria-label="Số liệu điểm cầu">
<li><b>${vnNumber(s.total)}</b> điểm cầu</li>
<li><b>${vnNumber(s.byConfirmation.confirmed)}</b> đã xác nhận</li>
<li><b>${vnNumber(s.byConfirmation.pending)}</b> chưa xác nhận</li>
<li><b>${vnNumber(s.byConfirmation.declined)}</b> không tham dự</li>
<li><b>${vnNumber(s.byConnection.ok)}</b> kết nối tốt</li>
<li><b>${vnNumber(s.byConnection.failed + s.byConnection.degraded)}</b> kết nối lỗi, chập chờn</li>
</ul>
${caller.canWrite && open && writerForms(v, caller)}
<section aria-labelledby="ds-diem-cau">
<h2 id="ds-diem-cau">Danh sách điểm cầu</h2>
<form method="get" action="${base}" class="card filters" role="search" aria-label="Tìm điểm cầu">
${input({ id: 'tim-q', name: 'q', label: 'Tên điểm cầu (có dấu hoặc không dấu)', value: v.filters.q, error: v.filterErrors.q })}
${select({ id: 'tim-xn', name: 'xn', label: 'Xác nhận', empty: 'Tất cả', value: v.filters.xn, choices: CONFIRMATION_STATUSES.map((x) => ({ value: x, label: CONFIRMATION_LABELS[x] })) })}
${select({ id: 'tim-kn', name: 'kn', label: 'Kết nối', empty: 'Tất cả', value: v.filters.kn, choices: CONNECTION_STATUSES.map((x) => ({ value: x, label: CONNECTION_LABELS[x] })) })}
<button type="submit" class="primary">Lọc</button>
</form>
<p role="status" class="muted">${countLine(v.total, v.page, POINTS_PAGE_SIZE, 'điểm cầu', filtered)}${filtered ? html` <a href="${base}">Xóa điều kiện lọc</a>` : null}</p>
${v.items.length > 0 && stackTable('Danh sách điểm cầu', [
  {
    label: 'Điểm cầu',
    cell: (p: BridgePointResponseDto) => html`<strong>${p.name}</strong>${p.isMain ? html` <span class="badge s-published">Điểm cầu chính</span>` : null}<br><span class="muted">${LEVEL_LABELS[p.level]}</span>`,
  },
  { label: 'Xác nhận', cell: (p) => badge('c', p.confirmationStatus, CONFIRMATION_LABELS[p.confirmationStatus]) },
  { label: 'Kết nối', cell: (p) => badge('n', p.connectionStatus, CONNECTION_LABELS[p.connectionStatus]) },
  {
    label: 'Liên hệ',
    cell: (p) =>
      p.contactName || p.contactEmail || p.contactPhone
        ? html`${p.contactName ?? ''}${p.contactEmail ? html`<br>${p.contactEmail}` : null}${p.contactPhone ? html`<br>${p.contactPhone}` : null}`
        : html`<span class="muted">Chưa có</span>`,
  },
  {
    label: 'Người dự',
    className: 'num',
    cell: (p) => `${p.actualAttendees !== null ? vnNumber(p.actualAttendees) : '–'} / ${p.expectedAttendees !== null ? vnNumber(p.expectedAttendees) : '–'}`,
  },
  { label: 'Đại biểu', cell: (p) => html`<a href="/console/conferences/${c.id}/attendees?point=${p.id}">Xem<span class="vh"> đại biểu của ${p.name}</span></a>` },
], v.items)}
${pager(v.page, v.total, POINTS_PAGE_SIZE, (page) => listUrl(base, v.filters, page))}
<p class="muted">Cột "Người dự": số thực tế / số dự kiến.</p>
</section>`,
  });
}

function writerForms(v: PointsView, caller: ConsoleCaller): SafeHtml {
  const c = v.conference;
  const base = pointsUrl(c.id);
  const st = (form: PointsFormState['form']) => (v.state?.form === form ? v.state : undefined);
  const err = (form: PointsFormState['form']) => st(form)?.errors ?? {};
  const val = (form: PointsFormState['form'], field: string, fallback = '') => st(form)?.values[field] ?? fallback;
  const id = (form: string) => (field: string) => `${form}-${field}`;
  return html`<section aria-labelledby="ket-noi"><h2 id="ket-noi">Kết nối và liên hệ</h2><div class="bulk-forms">
<form method="post" action="${base}/connect" class="card" novalidate>${csrfField(caller.csrf)}
<input type="hidden" name="level" value="province">
<h3>Kết nối các tỉnh, thành phố</h3>
<p class="muted">Tạo một điểm cầu cho mỗi tỉnh, thành phố của danh mục; điểm cầu đã có được giữ nguyên.</p>
${errorSummary(err('provinces'), id('tinh'))}
${select({
  id: 'tinh-administrativeUnitSet',
  name: 'administrativeUnitSet',
  label: CONNECT_FIELDS.administrativeUnitSet,
  value: val('provinces', 'administrativeUnitSet', 'vn-34'),
  error: err('provinces').administrativeUnitSet,
  choices: [
    { value: 'vn-34', label: '34 tỉnh, thành phố (từ 01/7/2025)' },
    { value: 'vn-63', label: '63 tỉnh, thành phố (đến 30/6/2025)' },
  ],
})}
<button type="submit" class="primary">Kết nối các tỉnh, thành phố</button>
</form>
<form method="post" action="${base}/connect" class="card" novalidate>${csrfField(caller.csrf)}
<input type="hidden" name="level" value="commune"><input type="hidden" name="administrativeUnitSet" value="vn-34">
<h3>Kết nối cấp xã</h3>
<p class="muted">Tạo điểm cầu cho mỗi xã, phường, đặc khu (danh mục 34 tỉnh), mỗi điểm thuộc điểm cầu tỉnh của nó; điểm cầu tỉnh còn thiếu được tạo thêm.</p>
${errorSummary(err('communes'), id('xa'))}
${select({
  id: 'xa-parentCode',
  name: 'parentCode',
  label: 'Xã, phường của',
  empty: 'Tất cả 34 tỉnh, thành phố',
  value: val('communes', 'parentCode'),
  error: err('communes').parentCode ?? err('communes').level,
  choices: v.provinces.map((p) => ({ value: p.code, label: p.name })),
})}
<button type="submit" class="primary">Kết nối cấp xã</button>
</form>
<form method="post" action="${base}/links" class="card" novalidate>${csrfField(caller.csrf)}
<h3>Gửi liên kết xác nhận</h3>
<p class="muted">Cấp cho mỗi điểm cầu một liên kết mới để xác nhận tham dự, báo kiểm tra kết nối và số người dự; liên kết cũ vẫn dùng được.</p>
${errorSummary(err('links'), id('lk'))}
${select({
  id: 'lk-level',
  name: 'level',
  label: LINK_FIELDS.level,
  empty: 'Tất cả điểm cầu',
  value: val('links', 'level'),
  error: err('links').level,
  choices: (['central', 'provincial', 'commune', 'other'] as const).map((l) => ({ value: l, label: LEVEL_LABELS[l] })),
})}
<label class="check"><input type="checkbox" name="send" value="true"${val('links', 'send', 'true') === 'true' ? html` checked` : null}> Gửi thư kèm liên kết tới email liên hệ của điểm cầu</label>
<button type="submit" class="primary">Cấp và gửi liên kết</button>
</form>
<form method="post" action="${base}/contacts" enctype="multipart/form-data" class="card" novalidate>${csrfField(caller.csrf)}
<h3>Nhập người chủ trì và liên hệ</h3>
<p class="muted">Tệp CSV hoặc XLSX, mỗi dòng một điểm cầu: Điểm cầu (hoặc Mã đơn vị), Người chủ trì, Chức vụ, Cán bộ liên hệ, Email, Số điện thoại. Ô để trống giữ nguyên thông tin đã có.</p>
${errorSummary(err('contacts'), id('lh'))}
${fileField('lh-file', CONTACTS_FIELDS.file, err('contacts').file)}
<div class="form-actions">
<button type="submit" name="dryRun" value="true" class="primary">Kiểm tra tệp (chưa ghi)</button>
<button type="submit" name="dryRun" value="false">Nhập vào danh sách</button>
</div>
</form>
</div></section>`;
}

/** A file input with its label and error, like the text fields. */
export function fileField(id: string, label: string, error?: string): SafeHtml {
  const errorId = `${id}-loi`;
  return html`<div class="${error ? 'field has-error' : 'field'}">
<label for="${id}">${label} <span class="req" aria-hidden="true">*</span></label>
<input type="file" id="${id}" name="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-required="true"${
    error ? html` aria-invalid="true" aria-describedby="${errorId}"` : null
  }>
${error && html`<p class="error" id="${errorId}">${error}</p>`}
</div>`;
}

/** The report of a contacts import: what each row changes (or would), the rows refused and the warnings. */
export function contactsReportPage(conference: ConferenceResponseDto, report: ContactsImportReportDto, caller: ConsoleCaller): string {
  const c = conference;
  const label = (field: string) => (CONTACT_COLUMN_LABELS as Record<string, string>)[field] ?? field;
  const changed = report.points.filter((p) => p.changes.length > 0);
  const outcome =
    report.status === 'failed'
      ? notice('error', `${report.message ?? 'Tệp có dòng không hợp lệ.'} Hãy sửa tệp rồi kiểm tra lại.`)
      : report.dryRun
        ? notice('info', `Tệp hợp lệ: ${vnNumber(report.updated)} điểm cầu sẽ được cập nhật, ${vnNumber(report.unchanged)} không đổi. Chưa ghi gì; để ghi, chọn lại tệp và bấm "Nhập vào danh sách".`)
        : notice('ok', `Đã cập nhật ${vnNumber(report.updated)} điểm cầu; ${vnNumber(report.unchanged)} điểm cầu không đổi.`);
  return consolePage({
    title: `Kết quả nhập liên hệ — ${c.title}`,
    caller,
    trail: [{ href: '/console', label: 'Danh sách hội nghị' }, { href: conferenceUrl(c.id), label: c.title }, { href: pointsUrl(c.id), label: 'Điểm cầu' }],
    body: html`<h1>Kết quả ${report.dryRun ? 'kiểm tra' : 'nhập'} tệp liên hệ</h1>
${outcome}
<ul class="stats" aria-label="Số liệu">
<li><b>${vnNumber(report.totalRows)}</b> dòng trong tệp</li>
<li><b>${vnNumber(report.updated)}</b> ${report.dryRun ? 'sẽ cập nhật' : 'đã cập nhật'}</li>
<li><b>${vnNumber(report.unchanged)}</b> không đổi</li>
<li><b>${vnNumber(report.rejected)}</b> dòng bị từ chối</li>
</ul>
<p class="muted">Tệp: ${report.fileName ?? ''}</p>
${report.errors.length > 0 && html`<h2>Các dòng bị từ chối</h2>${rowReport('Các dòng bị từ chối', report.errors, label)}`}
${report.warnings.length > 0 && html`<h2>Lưu ý</h2>${rowReport('Các lưu ý', report.warnings, label)}`}
${changed.length > 0 && html`<h2>Thay đổi theo từng dòng</h2>${stackTable('Thay đổi theo từng dòng', [
  { label: 'Dòng', cell: (p: (typeof changed)[number]) => vnNumber(p.row), className: 'num' },
  { label: 'Điểm cầu', cell: (p) => p.name },
  { label: 'Thay đổi', cell: (p) => html`${p.changes.map((ch, i) => html`${i > 0 ? html`<br>` : null}${label(ch.field)}: ${ch.from ?? '(trống)'} → ${ch.to}`)}` },
], changed.slice(0, 500))}`}
<p><a href="${pointsUrl(c.id)}">Về danh sách điểm cầu</a></p>`,
  });
}
