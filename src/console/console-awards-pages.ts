import { AwardDecisionResponseDto } from '../awards/award-decision.dto';
import { AwardFormResponseDto } from '../awards/award-form.dto';
import { RecipientImportReportDto } from '../awards/award-recipient-import.dto';
import { ConferenceResponseDto } from '../conferences/conference.dto';
import { html, SafeHtml } from '../web/html';
import { vnNumber } from '../web/labels';
import { errorSummary, input, notice } from '../web/widgets';
import { ConsoleCaller } from './console-caller';
import { consolePage, csrfField } from './console-layout';
import { FormState } from './console-minutes-pages';
import { buttonForm, checkbox, conferenceUrl, DAY_EXAMPLE, formatVnDay } from './console-screen-kit';
import { select } from './console-widgets';

export const DECISION_FIELDS: Record<string, string> = {
  number: 'Số quyết định',
  signedAt: 'Ngày ký',
  awardFormCode: 'Hình thức khen thưởng',
  issuingAuthority: 'Cơ quan ban hành',
  signerName: 'Người ký',
  signerTitle: 'Chức vụ người ký',
};

export const RECIPIENT_FIELDS: Record<string, string> = {
  kind: 'Cá nhân hay tập thể',
  name: 'Họ và tên / tên tập thể',
  title: 'Chức vụ',
  organization: 'Đơn vị',
  achievement: 'Thành tích',
};

const KIND_LABELS: Record<string, string> = { individual: 'Cá nhân', collective: 'Tập thể' };

export interface AwardsView {
  conference: ConferenceResponseDto;
  decisions: AwardDecisionResponseDto[];
  forms: AwardFormResponseDto[];
  flash?: string;
  problem?: string;
  form: FormState;
  /** One decision's recipient form or import, as it came back. */
  recipient?: { decisionId: string; state: FormState };
  report?: { decisionId: string; report?: RecipientImportReportDto; problem?: string };
}

const HOME = { href: '/console', label: 'Danh sách hội nghị' };
export const awardsUrl = (id: string) => `${conferenceUrl(id)}/awards`;
const decisionUrl = (id: string, decisionId: string) => `${awardsUrl(id)}/${decisionId}`;
const WRITABLE = ['draft', 'published', 'ongoing', 'completed'];

/** `/console/conferences/:id/awards`: the award decisions with their recipients, imports with a dry run, and the award list's files. */
export function awardsPage(v: AwardsView, caller: ConsoleCaller): string {
  const c = v.conference;
  const writable = caller.canWrite && WRITABLE.includes(c.status);
  const total = v.decisions.reduce((n, d) => n + d.recipients.length, 0);
  return consolePage({
    title: `Khen thưởng — ${c.title}`,
    caller,
    trail: [HOME, { href: conferenceUrl(c.id), label: c.title }],
    body: html`<h1>Khen thưởng</h1>
${v.flash && notice('ok', v.flash)}
${v.problem && notice('error', v.problem)}
<section class="card" aria-labelledby="ds-kt"><h2 id="ds-kt">Danh sách khen thưởng</h2>
<p class="muted">${vnNumber(v.decisions.length)} quyết định, ${vnNumber(total)} tập thể và cá nhân; theo thứ bậc cơ quan ban hành, tập thể trước cá nhân.</p>
<ul class="actions downloads">
<li><a class="button" href="${awardsUrl(c.id)}.docx" download>Tải danh sách (Word)</a></li>
<li><a class="button" href="${awardsUrl(c.id)}.xlsx" download>Tải danh sách (Excel)</a></li>
<li><a class="button" href="${awardsUrl(c.id)}.csv" download>Tải danh sách (CSV)</a></li>
</ul></section>
${v.decisions.map((d) => decisionCard(v, d, writable, caller))}
${writable && decisionForm(v, caller)}`,
  });
}

function decisionCard(v: AwardsView, d: AwardDecisionResponseDto, writable: boolean, caller: ConsoleCaller): SafeHtml {
  const c = v.conference;
  const report = v.report?.decisionId === d.id ? v.report : undefined;
  const recipient = v.recipient?.decisionId === d.id ? v.recipient.state : undefined;
  const signer = [d.signerTitle, d.signerName].filter(Boolean).join(' ');
  return html`<section class="card" id="qd-${d.id}" aria-labelledby="qd-${d.id}-ten">
<h2 id="qd-${d.id}-ten">${d.awardTitle}</h2>
<p class="muted">Quyết định số ${d.number} ngày ${formatVnDay(d.signedAt)} của ${d.issuingAuthority}${signer ? `; người ký: ${signer}` : ''}.</p>
${
  writable &&
  html`<p class="row-actions"><a class="button" href="${decisionUrl(c.id, d.id)}/edit" aria-label="Sửa quyết định số ${d.number}">Sửa quyết định</a>
<a class="button" href="${decisionUrl(c.id, d.id)}/remove" aria-label="Xóa quyết định số ${d.number}">Xóa quyết định</a></p>`
}
${
  d.recipients.length === 0
    ? html`<p>Chưa có người, tập thể được khen.</p>`
    : html`<div class="table-wrap" role="region" aria-label="Người, tập thể được khen theo quyết định ${d.number}" tabindex="0"><table>
<thead><tr><th scope="col" class="num">TT</th><th scope="col">Đối tượng</th><th scope="col">Tên</th><th scope="col">Chức vụ, đơn vị</th><th scope="col">Thành tích</th></tr></thead>
<tbody>${d.recipients.map(
        (r, i) => html`<tr><td class="num">${String(i + 1)}</td><td>${KIND_LABELS[r.kind] ?? r.kind}</td><td>${r.name ?? ''}</td><td>${[r.title, r.organization].filter(Boolean).join(', ')}</td><td>${r.achievement ?? ''}</td></tr>`,
      )}</tbody></table></div>`
}
${writable && importForm(c, d, report, caller)}
${writable && recipientForm(c, d, recipient, caller)}
</section>`;
}

function importForm(c: ConferenceResponseDto, d: AwardDecisionResponseDto, shown: AwardsView['report'], caller: ConsoleCaller): SafeHtml {
  const id = `nhap-${d.id.slice(0, 8)}`;
  const r = shown?.report;
  return html`<details${shown ? html` open` : null}><summary>Nhập danh sách từ tệp (CSV, Excel)</summary>
<p class="hint">Các cột: Cá nhân/Tập thể, Họ và tên / Tên tập thể, Chức vụ, Đơn vị, Tỉnh, thành phố, Thành tích, Thứ tự trao. Nên chạy thử trước: hệ thống kiểm tra từng dòng mà chưa ghi gì; có dòng sai thì không dòng nào được nhập.</p>
${shown?.problem && notice('error', shown.problem)}
${r && reportTable(r)}
<form method="post" action="${awardsUrl(c.id)}/${d.id}/import" enctype="multipart/form-data">${csrfField(caller.csrf)}
<div class="field"><label for="${id}-file">Tệp danh sách <span class="req" aria-hidden="true">*</span></label><input type="file" id="${id}-file" name="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-required="true"></div>
${checkbox({ id: `${id}-dryRun`, name: 'dryRun', label: 'Chỉ chạy thử (kiểm tra, chưa ghi)', checked: !r || !r.dryRun || r.status === 'failed' })}
<button type="submit" class="primary">Gửi tệp</button>
</form></details>`;
}

/** An import's report: counts, then each rejected cell by row, as a table. */
export function reportTable(r: RecipientImportReportDto): SafeHtml {
  const summary = r.dryRun
    ? r.status === 'done'
      ? `Chạy thử tệp ${r.fileName}: ${vnNumber(r.totalRows)} dòng hợp lệ — sẽ thêm ${vnNumber(r.created)}, cập nhật ${vnNumber(r.updated)}, giữ nguyên ${vnNumber(r.unchanged)}. Chưa ghi gì; bỏ chọn "Chỉ chạy thử" rồi gửi lại tệp để nhập.`
      : `Chạy thử tệp ${r.fileName}: ${vnNumber(r.rejected)} trên ${vnNumber(r.totalRows)} dòng có lỗi. Chưa ghi gì.`
    : r.status === 'done'
      ? `Đã nhập tệp ${r.fileName}: thêm ${vnNumber(r.created)}, cập nhật ${vnNumber(r.updated)}, giữ nguyên ${vnNumber(r.unchanged)}.`
      : `Tệp ${r.fileName}: ${vnNumber(r.rejected)} trên ${vnNumber(r.totalRows)} dòng có lỗi; chưa nhập dòng nào.`;
  return html`<div class="import-report" role="status">
${notice(r.status === 'done' ? (r.dryRun ? 'info' : 'ok') : 'error', summary)}
${
  r.errors.length > 0 &&
  html`<div class="table-wrap" role="region" aria-label="Các lỗi theo dòng" tabindex="0"><table><caption class="visually-hidden">Các lỗi theo dòng</caption>
<thead><tr><th scope="col" class="num">Dòng</th><th scope="col">Cột</th><th scope="col">Lỗi</th></tr></thead>
<tbody>${r.errors.map((e) => html`<tr><td class="num">${String(e.row)}</td><td>${e.field}</td><td>${e.message}</td></tr>`)}</tbody></table></div>`
}
</div>`;
}

function recipientForm(c: ConferenceResponseDto, d: AwardDecisionResponseDto, state: FormState | undefined, caller: ConsoleCaller): SafeHtml {
  const s = state ?? { values: { kind: 'individual' }, errors: {} };
  const prefix = `nguoi-${d.id.slice(0, 8)}`;
  const f = (field: string) => ({ id: `${prefix}-${field}`, name: field, label: RECIPIENT_FIELDS[field], value: s.values[field], error: s.errors[field] });
  return html`<details${state ? html` open` : null}><summary>Thêm một người, tập thể</summary>
${s.problem && notice('error', s.problem)}
${errorSummary(s.errors, (x) => `${prefix}-${x}`)}
<form method="post" action="${awardsUrl(c.id)}/${d.id}/recipients" novalidate>${csrfField(caller.csrf)}
<div class="grid2">${select({ ...f('kind'), required: true, choices: Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label })) })}${input({ ...f('name'), required: true })}</div>
<div class="grid2">${input(f('title'))}${input(f('organization'))}</div>
${input({ ...f('achievement'), multiline: true })}
<button type="submit">Thêm vào quyết định</button>
</form></details>`;
}

/** The fields of a decision, shared by the form that adds one and the page that edits one. */
function decisionFields(s: FormState, forms: AwardFormResponseDto[], editing: boolean): SafeHtml {
  const f = (field: string) => ({ id: `qd-${field}`, name: field, label: DECISION_FIELDS[field], value: s.values[field], error: s.errors[field] });
  return html`${s.problem && notice('error', s.problem)}
${errorSummary(s.errors, (x) => `qd-${x}`)}
${select({ ...f('awardFormCode'), required: true, empty: '— Chọn hình thức —', choices: forms.map((x) => ({ value: x.code, label: x.name })) })}
<div class="grid2">${input({ ...f('number'), required: true, hint: 'Ví dụ 123/QĐ-TTg, 45/QĐ-UBND.', autocomplete: 'off' })}${input({
    ...f('signedAt'),
    required: true,
    hint: `Ngày/tháng/năm, ví dụ ${DAY_EXAMPLE}.`,
    autocomplete: 'off',
  })}</div>
${editing ? input({ ...f('issuingAuthority'), required: true }) : input({ ...f('issuingAuthority'), hint: 'Để trống để lấy cơ quan của hình thức khen thưởng.' })}
<div class="grid2">${input(f('signerName'))}${input(f('signerTitle'))}</div>`;
}

function decisionForm(v: AwardsView, caller: ConsoleCaller): SafeHtml {
  return html`<section class="card" aria-labelledby="them-qd"><h2 id="them-qd">Thêm quyết định khen thưởng</h2>
<form method="post" action="${awardsUrl(v.conference.id)}" novalidate>${csrfField(caller.csrf)}
${decisionFields(v.form, v.forms, false)}
<button type="submit" class="primary">Thêm quyết định</button>
</form></section>`;
}

const trailOf = (c: ConferenceResponseDto) => [HOME, { href: conferenceUrl(c.id), label: c.title }, { href: awardsUrl(c.id), label: 'Khen thưởng' }];
const CANCELLED = 'Hội nghị đã bị hủy nên không thay đổi khen thưởng được nữa.';

export interface DecisionEditView {
  conference: ConferenceResponseDto;
  decision: AwardDecisionResponseDto;
  forms: AwardFormResponseDto[];
  form: FormState;
  /** The version read when the page was opened: it travels hidden, so a save over someone else's change is refused. */
  version: string;
}

/** `…/awards/:decisionId/edit`: the decision's fields at the version read. */
export function decisionEditPage(v: DecisionEditView, caller: ConsoleCaller): string {
  const c = v.conference;
  const d = v.decision;
  const writable = WRITABLE.includes(c.status);
  return consolePage({
    title: `Sửa quyết định số ${d.number}`,
    caller,
    trail: trailOf(c),
    body: html`<h1>Sửa quyết định khen thưởng số ${d.number}</h1>
${
  writable
    ? html`<form method="post" action="${decisionUrl(c.id, d.id)}/edit" class="card" novalidate>${csrfField(caller.csrf)}
<input type="hidden" name="version" value="${v.version}">
${decisionFields(v.form, v.forms, true)}
<p class="hint">Đổi hình thức khen thưởng chỉ được khi hình thức mới dành cho mọi đối tượng (cá nhân, tập thể) đã có trong quyết định.</p>
<div class="form-actions"><button type="submit" class="primary">Lưu thay đổi</button><a href="${awardsUrl(c.id)}#qd-${d.id}">Hủy bỏ, quay lại</a></div>
</form>
<p class="row-actions"><a class="button" href="${decisionUrl(c.id, d.id)}/remove">Xóa quyết định này</a></p>`
    : html`${notice('error', CANCELLED)}<p><a href="${awardsUrl(c.id)}#qd-${d.id}">Quay lại danh sách khen thưởng</a></p>`
}`,
  });
}

/** Recipients named on the confirmation; the rest are counted. */
const NAMES_SHOWN = 20;

/** `…/awards/:decisionId/remove`: the decision and what goes with it (its recipients), then the button that removes it (or the way back). */
export function decisionRemovePage(c: ConferenceResponseDto, d: AwardDecisionResponseDto, caller: ConsoleCaller, problem?: string): string {
  const writable = WRITABLE.includes(c.status);
  const n = d.recipients.length;
  const names = d.recipients.slice(0, NAMES_SHOWN).map((r) => [r.name, r.organization].filter(Boolean).join(', '));
  return consolePage({
    title: `Xóa quyết định số ${d.number}`,
    caller,
    trail: trailOf(c),
    body: html`<section class="card message" aria-labelledby="tieu-de">
<h1 id="tieu-de">Xóa quyết định số ${d.number}?</h1>
<p><strong>${d.awardTitle}</strong>: ký ngày ${formatVnDay(d.signedAt)}, cơ quan ban hành: ${d.issuingAuthority}.</p>
${problem && notice('error', problem)}
${!writable && !problem && notice('error', CANCELLED)}
${
  n === 0
    ? html`<p>Quyết định chưa có người, tập thể được khen.</p>`
    : html`<p>Cùng với quyết định, <strong>${vnNumber(n)} người, tập thể được khen</strong> theo quyết định này cũng bị xóa và không còn trong danh sách khen thưởng:</p>
<ul>${names.map((name) => html`<li>${name}</li>`)}</ul>
${n > names.length && html`<p class="muted">Và ${vnNumber(n - names.length)} người, tập thể khác.</p>`}`
}
<p>Không khôi phục được; việc xóa được ghi vào nhật ký.</p>
<div class="form-actions">
${writable && buttonForm({ action: `${decisionUrl(c.id, d.id)}/remove`, csrf: csrfField(caller.csrf), label: `Xóa quyết định số ${d.number}`, kind: 'danger' })}
<a href="${awardsUrl(c.id)}#qd-${d.id}">Không xóa, quay lại</a>
</div>
</section>`,
  });
}
