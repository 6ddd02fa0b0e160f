import { vnDateTime } from '../common/vietnamese-time';
import { ConferenceResponseDto } from '../conferences/conference.dto';
import { MinutesSections } from '../minutes/minutes-sections';
import { MinutesResponseDto, MinutesRevisionResponseDto } from '../minutes/minutes.dto';
import { FormFields } from '../web/form-body';
import { html, SafeHtml } from '../web/html';
import { vnNumber } from '../web/labels';
import { FieldErrors } from '../web/page-form';
import { errorSummary, input, notice } from '../web/widgets';
import { ConsoleCaller } from './console-caller';
import { consolePage, csrfField } from './console-layout';
import { ACTION_PARTS, MINUTES_FIELDS, PROCEEDING_PARTS, rowCount, RowSection } from './console-minutes-form';
import { buttonForm, conferenceUrl, DAY_EXAMPLE, formatVnDay } from './console-screen-kit';
import { TIME_EXAMPLE } from './console-time';

const HOME = { href: '/console', label: 'Danh sách hội nghị' };
export const minutesUrl = (id: string) => `${conferenceUrl(id)}/minutes`;
const fieldId = (field: string) => `bb-${field.replace(/\./g, '-')}`;

export const DRAFT_FIELDS: Record<string, string> = {
  secretaryName: 'Họ tên thư ký hội nghị',
  secretaryTitle: 'Chức vụ thư ký',
  superiorBody: 'Cơ quan chủ quản',
  issuingBody: 'Cơ quan ban hành',
  abbreviation: 'Ký hiệu viết tắt của cơ quan',
  number: 'Số biên bản',
};

const capitalPart = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

const REASON_LABELS: Record<string, string> = { draft: 'Lập dự thảo từ dữ liệu hội nghị', edit: 'Sửa và lưu', reopen: 'Mở lại sau phê duyệt' };

export interface FormState {
  values: FormFields;
  errors: FieldErrors;
  problem?: string;
}

export interface MinutesView {
  conference: ConferenceResponseDto;
  minutes: MinutesResponseDto | null;
  revisions: MinutesRevisionResponseDto[];
  flash?: string;
  problem?: string;
  /** The edit form (a draft) or the draft-creation form (no minutes yet). */
  form: FormState;
  /** The version the edit form carries (after a conflict: the newest, so that saving again is a choice made knowingly). */
  version?: number;
  reopen?: FormState;
}

const MINUTES_STAGES = ['published', 'ongoing', 'completed'];

/** `/console/conferences/:id/minutes`: draft the minutes, edit them section by section, approve, download, revisions. */
export function minutesPage(v: MinutesView, caller: ConsoleCaller): string {
  const c = v.conference;
  const m = v.minutes;
  return consolePage({
    title: `Biên bản — ${c.title}`,
    caller,
    trail: [HOME, { href: conferenceUrl(c.id), label: c.title }],
    body: html`<div class="page-head"><h1>Biên bản hội nghị</h1><a href="${conferenceUrl(c.id)}/action-items">Nhiệm vụ sau hội nghị</a></div>
${v.flash && notice('ok', v.flash)}
${v.problem && notice('error', v.problem)}
${m ? existing(v, m, caller) : none(v, caller)}`,
  });
}

function none(v: MinutesView, caller: ConsoleCaller): SafeHtml {
  const c = v.conference;
  if (!MINUTES_STAGES.includes(c.status)) {
    return html`<section class="card"><p>Hội nghị chưa có biên bản. Biên bản được lập khi hội nghị đã công bố, đang diễn ra hoặc đã kết thúc${
      c.status === 'cancelled' ? '; hội nghị này đã bị hủy' : ''
    }.</p></section>`;
  }
  if (!caller.canWrite) return html`<section class="card"><p>Hội nghị chưa có biên bản.</p></section>`;
  const f = (field: string) => ({ id: `lap-${field}`, name: field, label: DRAFT_FIELDS[field], value: v.form.values[field], error: v.form.errors[field] });
  return html`<section class="card" aria-labelledby="lap-bb">
<h2 id="lap-bb">Lập biên bản</h2>
<p>Dự thảo được lập từ dữ liệu của hội nghị: các điểm cầu và số đại biểu, chương trình và báo cáo viên, khen thưởng, nhiệm vụ. Sau đó có thể sửa từng phần trước khi phê duyệt.</p>
${v.form.problem && notice('error', v.form.problem)}
${errorSummary(v.form.errors, (x) => `lap-${x}`)}
<form method="post" action="${minutesUrl(c.id)}/draft" novalidate>${csrfField(caller.csrf)}
<div class="grid2">${input(f('secretaryName'))}${input(f('secretaryTitle'))}</div>
<div class="grid2">${input({ ...f('superiorBody'), hint: 'Ví dụ: Ban Chấp hành Trung ương. Để trống nếu không có.' })}${input({ ...f('issuingBody'), hint: 'Để trống để lấy cơ quan chủ trì hội nghị.' })}</div>
<div class="grid2">${input({ ...f('abbreviation'), hint: 'Chữ in hoa, ví dụ BDVTW; để trống để tự lập từ tên cơ quan.', autocomplete: 'off' })}${input({ ...f('number'), hint: 'Do văn thư cấp; có thể điền sau.', autocomplete: 'off' })}</div>
<button type="submit" class="primary">Lập dự thảo biên bản</button>
</form></section>`;
}

function existing(v: MinutesView, m: MinutesResponseDto, caller: ConsoleCaller): SafeHtml {
  const c = v.conference;
  const approved = m.status === 'approved';
  return html`<section class="card" aria-labelledby="tt-bb">
<h2 id="tt-bb">${m.number ? `Biên bản số ${m.number}` : 'Biên bản (chưa có số)'}</h2>
<dl class="facts">
<div class="row"><dt>Trạng thái</dt><dd>${approved ? html`<span class="badge s-completed">Đã phê duyệt</span>` : html`<span class="badge s-draft">Dự thảo</span>`}</dd></div>
${
  approved &&
  html`<div class="row"><dt>Phê duyệt</dt><dd>${m.approvedByName ?? ''}, lúc ${vnDateTime(new Date(m.approvedAt!), c.timezone)}</dd></div>
<div class="row"><dt>Mã kiểm tra (SHA-256)</dt><dd><code class="wrap-anywhere">${m.contentHash ?? ''}</code></dd></div>`
}
<div class="row"><dt>Lần lưu gần nhất</dt><dd>${vnDateTime(new Date(m.updatedAt), c.timezone)}</dd></div>
</dl>
<ul class="actions downloads">
<li><a class="button" href="${minutesUrl(c.id)}.pdf" download>Tải bản PDF</a></li>
<li><a class="button" href="${minutesUrl(c.id)}.docx" download>Tải bản Word (DOCX)</a></li>
${caller.canWrite && !approved && html`<li><a class="button primary-link" href="${minutesUrl(c.id)}/approve">Phê duyệt biên bản…</a></li>`}
</ul>
${!approved && caller.canWrite && html`<p class="muted small">Hãy lưu các thay đổi trước khi phê duyệt; sau khi phê duyệt, biên bản không sửa được nữa.</p>`}
</section>
${approved || !caller.canWrite ? readOnly(m.sections, c) : editForm(v, m, caller)}
${approved && caller.user.role === 'admin' && v.reopen && reopenForm(c, m, v.reopen, caller)}
${revisionsList(v.revisions, c)}`;
}

function text(field: string, v: FormState, extra: Partial<Parameters<typeof input>[0]> = {}): SafeHtml {
  return input({ id: fieldId(field), name: field, label: MINUTES_FIELDS[field], value: v.values[field], error: v.errors[field], ...extra });
}

function editForm(v: MinutesView, m: MinutesResponseDto, caller: ConsoleCaller): SafeHtml {
  const c = v.conference;
  const s = v.form;
  const timeHint = `Ngày/tháng/năm giờ:phút (${c.timezone}), ví dụ ${TIME_EXAMPLE}.`;
  const save = html`<button type="submit" name="action" value="save" class="primary">Lưu biên bản</button>`;
  return html`<form method="post" action="${minutesUrl(c.id)}" class="minutes-form" novalidate aria-labelledby="sua-bb">
${csrfField(caller.csrf)}
<input type="hidden" name="version" value="${String(v.version ?? m.version)}">
<div class="page-head"><h2 id="sua-bb">Nội dung biên bản</h2>${save}</div>
${s.problem && notice('error', s.problem)}
${errorSummary(s.errors, fieldId)}
<fieldset class="card"><legend>Phần đầu văn bản</legend>
<div class="grid2">${text('header.superiorBody', s)}${text('header.issuingBody', s, { required: true })}</div>
<div class="grid2">${text('header.abbreviation', s, { required: true, hint: 'Chữ in hoa, ví dụ BDVTW.', autocomplete: 'off' })}${text('header.number', s, {
    hint: 'Do văn thư cấp, ví dụ 15.',
    autocomplete: 'off',
  })}</div>
<div class="grid2">${text('header.place', s, { required: true })}${text('header.date', s, { required: true, hint: `Ngày/tháng/năm, ví dụ ${DAY_EXAMPLE}.`, autocomplete: 'off' })}</div>
${text('title', s, { required: true, multiline: true })}
</fieldset>
<fieldset class="card"><legend>Thời gian, địa điểm</legend>
<div class="grid2">${text('opening.startedAt', s, { required: true, hint: timeHint, autocomplete: 'off' })}${text('opening.venue', s)}</div>
</fieldset>
${bridgePointsTable(m.sections)}
<fieldset class="card"><legend>Thành phần</legend>
<div class="grid2">${text('composition.chair.name', s)}${text('composition.chair.title', s)}</div>
<div class="grid2">${text('composition.secretary.name', s)}${text('composition.secretary.title', s)}</div>
<p class="muted small">Danh sách đại biểu theo từng điểm cầu được lấy từ dữ liệu điểm danh (${vnNumber(
    m.sections.composition.delegatesByBridgePoint.reduce((n, d) => n + d.count, 0),
  )} người) và giữ nguyên khi lưu.</p>
</fieldset>
${rows('proceedings', 'Diễn biến hội nghị', s, c)}
${awardsList(m.sections)}
<fieldset class="card"><legend>Kết luận</legend>
${text('conclusions', s, { multiline: true, hint: 'Mỗi dòng là một đoạn kết luận.' })}
</fieldset>
${rows('actionItems', 'Nhiệm vụ giao sau hội nghị', s, c)}
<fieldset class="card"><legend>Bế mạc</legend>
${text('closing.endedAt', s, { required: true, hint: timeHint, autocomplete: 'off' })}
${text('closing.text', s, { multiline: true })}
</fieldset>
<fieldset class="card"><legend>Chữ ký</legend>
<div class="grid2">${text('signatures.secretary.name', s)}${text('signatures.secretary.title', s)}</div>
<div class="grid2">${text('signatures.chair.name', s)}${text('signatures.chair.title', s)}</div>
</fieldset>
<fieldset class="card"><legend>Nơi nhận</legend>
${text('distribution', s, { multiline: true, hint: 'Mỗi dòng một nơi nhận, ví dụ: Lưu: VT.' })}
</fieldset>
<div class="form-actions">${save}<a href="${minutesUrl(c.id)}">Bỏ các thay đổi chưa lưu</a></div>
</form>
${
  caller.canWrite &&
  html`<section class="card" aria-labelledby="lay-nv"><h2 id="lay-nv">Lấy nhiệm vụ từ danh sách</h2>
<p class="muted">Thay phần nhiệm vụ của biên bản bằng danh sách nhiệm vụ hiện có của hội nghị (<a href="${conferenceUrl(c.id)}/action-items">xem danh sách</a>). Các thay đổi chưa lưu ở trên sẽ mất.</p>
${buttonForm({ action: `${minutesUrl(c.id)}/refresh-action-items`, csrf: csrfField(caller.csrf), label: 'Lấy lại phần nhiệm vụ', hidden: { version: String(m.version) } })}
</section>`
}`;
}

/** Proceedings or action items as rows of fields: the filled ones, blanks to fill, "thêm dòng" for more (no script). */
function rows(section: RowSection, legend: string, s: FormState, c: ConferenceResponseDto): SafeHtml {
  const count = rowCount(s.values, section);
  const parts = section === 'proceedings' ? PROCEEDING_PARTS : ACTION_PARTS;
  const hidden = section === 'proceedings' ? 'agendaItemId' : 'actionItemId';
  const cell = (i: number, part: string, extra: Partial<Parameters<typeof input>[0]> = {}) => {
    const name = `${section}.${i}.${part}`;
    // The row's fieldset names it ("Dòng 2"); the label names the part, the message the row and the part.
    return input({ id: fieldId(name), name, label: capitalPart(parts[part]), value: s.values[name], error: s.errors[name], ...extra });
  };
  return html`<fieldset class="card rows" id="${fieldId(section)}"><legend>${legend}</legend>
<input type="hidden" name="rows.${section}" value="${String(count)}">
${s.errors[section] && html`<p class="error">${s.errors[section]}</p>`}
${
  section === 'actionItems'
    ? html`<p class="hint">Dòng để trống không được lưu. Hạn hoàn thành viết dạng ngày/tháng/năm, ví dụ ${DAY_EXAMPLE}.</p>`
    : html`<p class="hint">Dòng để trống không được lưu. Giờ viết dạng giờ:phút theo giờ của hội nghị (${c.timezone}); mỗi người phát biểu một dòng.</p>`
}
<ol class="row-list">${Array.from({ length: count }, (_x, i) => {
    const filled = Object.keys(parts).some((p) => (s.values[`${section}.${i}.${p}`] ?? '').trim());
    const removeId = fieldId(`${section}.${i}.remove`);
    return html`<li><fieldset class="row-set"><legend>${section === 'proceedings' ? 'Diễn biến' : 'Nhiệm vụ'} — dòng ${i + 1}</legend>
<input type="hidden" name="${section}.${i}.${hidden}" value="${s.values[`${section}.${i}.${hidden}`] ?? ''}">
${
  section === 'proceedings'
    ? html`<div class="grid-time">${cell(i, 'time', { autocomplete: 'off' })}${cell(i, 'title')}</div>
${cell(i, 'speakers', { multiline: true })}
${cell(i, 'summary', { multiline: true })}`
    : html`${cell(i, 'description', { multiline: true })}
<div class="grid2">${cell(i, 'assignee')}${cell(i, 'deadline', { autocomplete: 'off' })}</div>`
}
${
  filled &&
  html`<label class="check" for="${removeId}"><input type="checkbox" id="${removeId}" name="${section}.${i}.remove" value="true"${
    s.values[`${section}.${i}.remove`] === 'true' ? html` checked` : null
  }> Bỏ dòng này khi lưu</label>`
}
</fieldset></li>`;
  })}</ol>
<button type="submit" name="add" value="${section}">Thêm ${section === 'proceedings' ? 'dòng diễn biến' : 'dòng nhiệm vụ'}</button>
</fieldset>`;
}

function bridgePointsTable(s: MinutesSections): SafeHtml {
  return html`<section class="card" aria-labelledby="bb-diem-cau"><h3 id="bb-diem-cau">Điểm cầu (${vnNumber(s.bridgePoints.items.length)}; kết nối được ${vnNumber(s.bridgePoints.count)})</h3>
<p class="muted small">Lấy từ dữ liệu điểm cầu khi lập dự thảo; không sửa ở đây.</p>
${
  s.bridgePoints.items.length > 0 &&
  html`<div class="table-wrap" role="region" aria-label="Bảng điểm cầu" tabindex="0"><table><thead><tr><th scope="col">Điểm cầu</th><th scope="col" class="num">Dự kiến</th><th scope="col" class="num">Thực tế</th></tr></thead><tbody>${s.bridgePoints.items.map(
    (p) => html`<tr><td>${p.name}${p.isMain ? ' (chính)' : ''}</td><td class="num">${p.expected === null ? '—' : vnNumber(p.expected)}</td><td class="num">${p.actual === null ? '—' : vnNumber(p.actual)}</td></tr>`,
  )}</tbody></table></div>`
}
</section>`;
}

function awardsList(s: MinutesSections): SafeHtml | null {
  if (s.awards.length === 0) return null;
  return html`<section class="card" aria-labelledby="bb-khen"><h3 id="bb-khen">Khen thưởng</h3>
<p class="muted small">Lấy từ các quyết định khen thưởng khi lập dự thảo; không sửa ở đây.</p>
<ul>${s.awards.map((a) => html`<li>${a.awardFormName}${a.number ? ` (Quyết định số ${a.number})` : ''}: ${vnNumber(a.recipients.length)} tập thể, cá nhân</li>`)}</ul>
</section>`;
}

/** The approved (or, for a viewer, any) minutes as text. */
function readOnly(s: MinutesSections, c: ConferenceResponseDto): SafeHtml {
  const person = (p: { title: string; name: string }) => [p.name, p.title].filter(Boolean).join(', ') || '—';
  return html`<section class="card" aria-labelledby="nd-bb"><h2 id="nd-bb">Nội dung biên bản</h2>
<dl class="facts">
<div class="row"><dt>Cơ quan</dt><dd>${[s.header.superiorBody, s.header.issuingBody].filter(Boolean).join(' — ')}</dd></div>
<div class="row"><dt>Địa danh, ngày</dt><dd>${s.header.place}, ${formatVnDay(s.header.date)}</dd></div>
<div class="row"><dt>Tên hội nghị</dt><dd>${s.title}</dd></div>
<div class="row"><dt>Bắt đầu</dt><dd>${vnDateTime(new Date(s.opening.startedAt), c.timezone)}${s.opening.venue ? `, ${s.opening.venue}` : ''}</dd></div>
<div class="row"><dt>Chủ trì</dt><dd>${person(s.composition.chair)}</dd></div>
<div class="row"><dt>Thư ký</dt><dd>${person(s.composition.secretary)}</dd></div>
<div class="row"><dt>Điểm cầu</dt><dd>${vnNumber(s.bridgePoints.items.length)} (kết nối được ${vnNumber(s.bridgePoints.count)})</dd></div>
</dl>
<h3>Diễn biến</h3>
${s.proceedings.length === 0 ? html`<p class="muted">Không có.</p>` : html`<ol>${s.proceedings.map((p) => html`<li><b>${p.time}</b> ${p.title}${p.speakers.length > 0 ? ` — ${p.speakers.join('; ')}` : ''}${p.summary && html`<br><span class="muted">${p.summary}</span>`}</li>`)}</ol>`}
<h3>Kết luận</h3>
${s.conclusions.length === 0 ? html`<p class="muted">Không có.</p>` : s.conclusions.map((p) => html`<p>${p}</p>`)}
<h3>Nhiệm vụ</h3>
${s.actionItems.length === 0 ? html`<p class="muted">Không có.</p>` : html`<ol>${s.actionItems.map((a) => html`<li>${a.description} — <i>${a.assignee}</i>${a.deadline ? `, hạn ${formatVnDay(a.deadline)}` : ''}</li>`)}</ol>`}
<h3>Bế mạc</h3>
<p>${vnDateTime(new Date(s.closing.endedAt), c.timezone)}. ${s.closing.text}</p>
<h3>Nơi nhận</h3>
<ul>${s.distribution.map((d) => html`<li>${d}</li>`)}</ul>
</section>`;
}

function reopenForm(c: ConferenceResponseDto, m: MinutesResponseDto, state: FormState, caller: ConsoleCaller): SafeHtml {
  return html`<section class="card" aria-labelledby="mo-lai"><h2 id="mo-lai">Mở lại biên bản</h2>
<p class="muted">Chỉ quản trị viên; biên bản trở lại dự thảo, lý do được ghi vào nhật ký.</p>
${state.problem && notice('error', state.problem)}
<form method="post" action="${minutesUrl(c.id)}/reopen" novalidate>${csrfField(caller.csrf)}<input type="hidden" name="version" value="${String(m.version)}">
${input({ id: 'mo-lai-reason', name: 'reason', label: 'Lý do mở lại', required: true, multiline: true, value: state.values.reason, error: state.errors.reason })}
<button type="submit" class="danger">Mở lại biên bản</button></form></section>`;
}

function revisionsList(revisions: MinutesRevisionResponseDto[], c: ConferenceResponseDto): SafeHtml {
  return html`<section class="card" aria-labelledby="lan-luu"><h2 id="lan-luu">Các lần lưu (${vnNumber(revisions.length)})</h2>
<div class="table-wrap" role="region" aria-label="Các lần lưu biên bản" tabindex="0"><table><thead><tr><th scope="col">Lần</th><th scope="col">Việc</th><th scope="col">Người thực hiện</th><th scope="col">Thời điểm</th></tr></thead>
<tbody>${[...revisions].reverse().map(
    (r) => html`<tr><td>${r.chain > 1 ? `${r.chain}.${r.revision}` : String(r.revision)}</td><td>${REASON_LABELS[r.reason] ?? r.reason}</td><td>${r.author}</td><td>${vnDateTime(new Date(r.createdAt), c.timezone)}</td></tr>`,
  )}</tbody></table></div>
</section>`;
}

/** `/console/conferences/:id/minutes/approve`: the step before approving, with what it means. */
export function approvePage(c: ConferenceResponseDto, m: MinutesResponseDto, caller: ConsoleCaller, problem?: string): string {
  return consolePage({
    title: 'Phê duyệt biên bản',
    caller,
    trail: [HOME, { href: conferenceUrl(c.id), label: c.title }, { href: minutesUrl(c.id), label: 'Biên bản' }],
    body: html`<section class="card message" aria-labelledby="tieu-de">
<h1 id="tieu-de">Phê duyệt biên bản?</h1>
${problem && notice('error', problem)}
<p><strong>${m.number ? `Biên bản số ${m.number}` : 'Biên bản chưa có số'}</strong> — ${m.sections.title}</p>
${!m.number && html`<p class="alert info">Biên bản chưa có số do văn thư cấp. Có thể quay lại điền số trước khi phê duyệt.</p>`}
<p>Sau khi phê duyệt, nội dung biên bản được khóa lại (kèm mã kiểm tra SHA-256) và không sửa được nữa; chỉ quản trị viên mới mở lại được, kèm lý do.</p>
<p>Người phê duyệt: <strong>${caller.user.fullName}</strong>.</p>
<div class="form-actions">
${buttonForm({ action: `${minutesUrl(c.id)}/approve`, csrf: csrfField(caller.csrf), label: 'Phê duyệt biên bản', hidden: { version: String(m.version) }, kind: 'primary' })}
<a href="${minutesUrl(c.id)}">Chưa phê duyệt, quay lại</a>
</div>
</section>`,
  });
}
