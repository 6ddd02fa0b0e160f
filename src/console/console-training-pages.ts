import { AgendaItemResponseDto } from '../agenda/agenda-item.dto';
import { vnDateTime } from '../common/vietnamese-time';
import { ConferenceResponseDto } from '../conferences/conference.dto';
import { CertificateResponseDto } from '../training/certificate.dto';
import { CompletionPageDto } from '../training/completion.dto';
import { AttendancePageDto, AttendanceTotalsDto, RollCallResponseDto } from '../training/session-attendance.dto';
import { SESSION_ATTENDANCE_STATUSES, SessionAttendanceStatus } from '../training/session-attendance.entity';
import { html, SafeHtml } from '../web/html';
import { vnNumber } from '../web/labels';
import { errorSummary, input, notice } from '../web/widgets';
import { itemTime } from './console-agenda-pages';
import { ConsoleCaller } from './console-caller';
import { consolePage, csrfField } from './console-layout';
import { FormState } from './console-minutes-pages';
import { checkbox, conferenceUrl } from './console-screen-kit';
import { select } from './console-widgets';

export const STATUS_LABELS: Record<SessionAttendanceStatus, string> = { present: 'Có mặt', late: 'Đi muộn', excused: 'Vắng có phép', absent: 'Vắng' };

export const ISSUE_FIELDS: Record<string, string> = {
  office: 'Cơ quan cấp',
  signerName: 'Người ký',
  signerTitle: 'Chức vụ người ký',
  place: 'Địa danh',
  send: 'Gửi thư',
};

export interface SessionSummary {
  item: AgendaItemResponseDto;
  totals: AttendanceTotalsDto | null;
}

export interface TrainingView {
  conference: ConferenceResponseDto;
  sessions: SessionSummary[];
  completions: CompletionPageDto;
  certificates: CertificateResponseDto[];
  flash?: string;
  problem?: string;
  issue: FormState;
  revoke?: { certId: string; state: FormState };
}

const HOME = { href: '/console', label: 'Danh sách hội nghị' };
export const trainingUrl = (id: string) => `${conferenceUrl(id)}/training`;

const totalsLine = (t: AttendanceTotalsDto): string =>
  `${vnNumber(t.present)} có mặt, ${vnNumber(t.late)} đi muộn, ${vnNumber(t.excused)} vắng có phép, ${vnNumber(t.absent)} vắng, ${vnNumber(t.unmarked)} chưa điểm danh`;

/** `/console/conferences/:id/training`: sessions and their attendance, who completed, certificates to issue and the register. */
export function trainingPage(v: TrainingView, caller: ConsoleCaller): string {
  const c = v.conference;
  const done = v.completions.items.filter((x) => x.completed).length;
  return consolePage({
    title: `Tập huấn — ${c.title}`,
    caller,
    trail: [HOME, { href: conferenceUrl(c.id), label: c.title }],
    body: html`<h1>Điểm danh, hoàn thành và giấy chứng nhận</h1>
${v.flash && notice('ok', v.flash)}
${v.problem && notice('error', v.problem)}
<section class="card" aria-labelledby="buoi-hoc"><h2 id="buoi-hoc">Các buổi học (${vnNumber(v.sessions.length)})</h2>
${
  v.sessions.length === 0
    ? html`<p class="muted">Chưa có buổi học nào: đánh dấu "Buổi học có điểm danh" cho các chuyên đề trong <a href="${conferenceUrl(c.id)}/agenda">chương trình</a>.</p>`
    : html`<ul class="results">${v.sessions.map(
        (s) => html`<li><h3><a href="${trainingUrl(c.id)}/sessions/${s.item.id}">${s.item.title}</a></h3><p class="meta"><span>${itemTime(c, s.item)}</span></p>
<p>${s.totals ? totalsLine(s.totals) : 'Chưa mở điểm danh (hội nghị chưa công bố).'}</p></li>`,
      )}</ul>`
}
</section>
<section class="card" aria-labelledby="hoan-thanh"><h2 id="hoan-thanh">Hoàn thành khóa học</h2>
<p class="muted">Quy định: dự ít nhất ${vnNumber(c.completionRule?.minAttendancePercent ?? 100)}% số buổi học${c.completionRule?.requireEvaluation ? ' và nộp phiếu đánh giá' : ''}. ${vnNumber(done)} trên ${vnNumber(v.completions.total)} người đã hoàn thành${
      v.completions.total > v.completions.items.length ? ` (hiển thị ${vnNumber(v.completions.items.length)} người đầu)` : ''
    }.</p>
${
  v.completions.items.length > 0 &&
  html`<div class="table-wrap" role="region" aria-label="Danh sách hoàn thành khóa học" tabindex="0"><table>
<thead><tr><th scope="col">Họ và tên</th><th scope="col" class="num">Số buổi dự</th><th scope="col" class="num">Tỷ lệ</th><th scope="col">Hoàn thành</th></tr></thead>
<tbody>${v.completions.items.map(
    (p) => html`<tr><td>${p.fullName}</td><td class="num">${vnNumber(p.sessionsAttended)}/${vnNumber(p.sessionsRequired)}</td><td class="num">${vnNumber(p.attendancePercent)}%</td><td>${p.completed ? 'Đạt' : 'Chưa đạt'}</td></tr>`,
  )}</tbody></table></div>`
}
</section>
${caller.canWrite && c.status !== 'cancelled' && issueForm(v, caller)}
${certificatesList(v, caller)}`,
  });
}

function issueForm(v: TrainingView, caller: ConsoleCaller): SafeHtml {
  const s = v.issue;
  const f = (field: string) => ({ id: `cap-${field}`, name: field, label: ISSUE_FIELDS[field], value: s.values[field], error: s.errors[field] });
  return html`<section class="card" aria-labelledby="cap-gcn"><h2 id="cap-gcn">Cấp giấy chứng nhận</h2>
<p class="muted">Cấp cho mọi người đã hoàn thành mà chưa có giấy; cấp lại chỉ cấp cho người mới hoàn thành. Số giấy lấy theo sổ cấp của cơ quan.</p>
${s.problem && notice('error', s.problem)}
${errorSummary(s.errors, (x) => `cap-${x}`)}
<form method="post" action="${trainingUrl(v.conference.id)}/certificates" novalidate>${csrfField(caller.csrf)}
<div class="grid2">${input({ ...f('office'), required: true, hint: 'Ví dụ: Ban Dân vận Trung ương.' })}${input({ ...f('place'), required: true, hint: 'Ví dụ: Hà Nội.' })}</div>
<div class="grid2">${input({ ...f('signerName'), required: true })}${input({ ...f('signerTitle'), required: true })}</div>
${checkbox({ id: 'cap-send', name: 'send', label: 'Gửi thư kèm giấy chứng nhận cho từng người (nếu có email)', checked: s.values.send === 'true' })}
<button type="submit" class="primary">Cấp giấy chứng nhận</button>
</form></section>`;
}

function certificatesList(v: TrainingView, caller: ConsoleCaller): SafeHtml {
  const c = v.conference;
  const valid = v.certificates.filter((x) => x.status === 'valid').length;
  return html`<section class="card" aria-labelledby="so-gcn"><h2 id="so-gcn">Giấy chứng nhận đã cấp (${vnNumber(v.certificates.length)})</h2>
${
  v.certificates.length === 0
    ? html`<p class="muted">Chưa cấp giấy chứng nhận nào.</p>`
    : html`<p class="muted">${vnNumber(valid)} còn hiệu lực, ${vnNumber(v.certificates.length - valid)} đã thu hồi.</p>
<p><a class="button" href="${trainingUrl(c.id)}/certificates.pdf" download>Tải tất cả (PDF, mỗi giấy một trang)</a></p>
<ul class="results cert-list">${v.certificates.map((x) => certificateRow(c, x, v, caller))}</ul>`
}
</section>`;
}

function certificateRow(c: ConferenceResponseDto, x: CertificateResponseDto, v: TrainingView, caller: ConsoleCaller): SafeHtml {
  const state = v.revoke?.certId === x.id ? v.revoke.state : undefined;
  const id = `thu-hoi-${x.id.slice(0, 8)}`;
  return html`<li id="gcn-${x.id}"><h3>${x.holderName}</h3>
<p class="meta"><span>Số: ${x.number}</span><span>Cấp lúc ${vnDateTime(new Date(x.issuedAt), c.timezone)}</span>${
    x.status === 'valid' ? html`<span class="badge t-done">Còn hiệu lực</span>` : html`<span class="badge overdue">Đã thu hồi</span>`
  }</p>
${x.revokedReason && html`<p>Lý do thu hồi: ${x.revokedReason}</p>`}
<p class="small row-actions"><a href="${trainingUrl(c.id)}/certificates/${x.id}.pdf" download>Tải giấy chứng nhận (PDF)<span class="visually-hidden"> của ${x.holderName}</span></a>
<a href="${x.verifyUrl}">Trang kiểm tra (${x.code})</a></p>
${
  caller.canWrite &&
  x.status === 'valid' &&
  html`<details${state ? html` open` : null}><summary>Thu hồi<span class="visually-hidden"> giấy chứng nhận của ${x.holderName}</span></summary>
${state?.problem && notice('error', state.problem)}
<form method="post" action="${trainingUrl(c.id)}/certificates/${x.id}/revoke" novalidate>${csrfField(caller.csrf)}
${input({ id: `${id}-reason`, name: 'reason', label: 'Lý do thu hồi', required: true, multiline: true, value: state?.values.reason, error: state?.errors.reason, hint: 'Hiển thị trên trang kiểm tra giấy chứng nhận.' })}
<button type="submit" class="danger">Thu hồi giấy chứng nhận</button>
</form></details>`
}
</li>`;
}

export const ROLL_CALL_FIELDS: Record<string, string> = { codes: 'Mã điểm danh của những người có mặt' };

export interface SessionView {
  conference: ConferenceResponseDto;
  item: AgendaItemResponseDto;
  page: AttendancePageDto;
  flash?: string;
  problem?: string;
  /** The roll-call form as typed (when it comes back refused). */
  rollCall?: FormState;
  /** The answer of the roll call just taken. */
  rollCallResult?: RollCallResponseDto;
}

function rollCallForm(v: SessionView, caller: ConsoleCaller): SafeHtml {
  const s = v.rollCall ?? { values: {}, errors: {} };
  return html`<section class="card" aria-labelledby="dd-ma"><h2 id="dd-ma">Điểm danh theo mã</h2>
${s.problem && notice('error', s.problem)}
<form method="post" action="${trainingUrl(v.conference.id)}/sessions/${v.item.id}/roll-call" novalidate>${csrfField(caller.csrf)}
${input({
  id: 'dd-codes',
  name: 'codes',
  label: ROLL_CALL_FIELDS.codes,
  required: true,
  multiline: true,
  value: s.values.codes,
  error: s.errors.codes,
  hint: 'Mã 6 ký tự trên giấy mời, ví dụ K7Q4ZP; mỗi dòng một mã, hoặc cách nhau bằng dấu cách, dấu phẩy. Người đến sau giờ bắt đầu được ghi là đi muộn.',
  autocomplete: 'off',
})}
<button type="submit" class="primary">Điểm danh các mã này</button>
</form></section>`;
}

function rollCallResult(r: RollCallResponseDto): SafeHtml {
  return html`<section class="card" id="ket-qua" role="status" aria-labelledby="ket-qua-tieu-de"><h2 id="ket-qua-tieu-de">Kết quả điểm danh theo mã</h2>
<ul class="stats" aria-label="Kết quả">
<li><b>${vnNumber(r.marked.length)}</b> vừa điểm danh</li>
<li><b>${vnNumber(r.alreadyMarked.length)}</b> đã điểm danh từ trước</li>
<li><b>${vnNumber(r.refused.length)}</b> không điểm danh được</li>
<li><b>${vnNumber(r.unknown.length)}</b> mã không tìm thấy</li>
</ul>
${
  r.refused.length > 0 &&
  html`<h3>Không điểm danh được</h3><ul class="roll-refused">${r.refused.map((x) => html`<li><code>${x.code}</code>: ${x.message}</li>`)}</ul>`
}
${
  r.unknown.length > 0 &&
  html`<h3>Mã không tìm thấy</h3><p class="roll-unknown">${r.unknown.map((code, i) => html`${i > 0 ? ', ' : ''}<code>${code}</code>`)}</p>
<p class="muted">Không có đại biểu nào của hội nghị có các mã này; kiểm tra lại mã trên giấy mời.</p>`
}
</section>`;
}

/** `/console/conferences/:id/training/sessions/:itemId`: each person's mark in one session, changed one at a time. */
export function sessionPage(v: SessionView, caller: ConsoleCaller): string {
  const c = v.conference;
  const t = v.page.totals;
  return consolePage({
    title: `Điểm danh — ${v.item.title}`,
    caller,
    trail: [HOME, { href: conferenceUrl(c.id), label: c.title }, { href: trainingUrl(c.id), label: 'Tập huấn' }],
    body: html`<h1>Điểm danh: ${v.item.title}</h1>
<p class="muted">${itemTime(c, v.item)} · <a href="/sessions/${v.item.id}/screen">Màn hình điểm danh bằng mã QR</a></p>
${v.flash && notice('ok', v.flash)}
${v.problem && notice('error', v.problem)}
<ul class="stats" aria-label="Tổng hợp">${SESSION_ATTENDANCE_STATUSES.map((s) => html`<li><b>${vnNumber(t[s])}</b> ${STATUS_LABELS[s].toLocaleLowerCase('vi')}</li>`)}<li><b>${vnNumber(t.unmarked)}</b> chưa điểm danh</li></ul>
${v.rollCallResult && rollCallResult(v.rollCallResult)}
${caller.canWrite && rollCallForm(v, caller)}
<section class="card" aria-labelledby="ds-dd"><h2 id="ds-dd">Từng người (${vnNumber(v.page.total)})</h2>
${v.page.total > v.page.items.length ? html`<p class="muted">Hiển thị ${vnNumber(v.page.items.length)} người đầu.</p>` : null}
<ul class="results people">${v.page.items.map(
      (p) => html`<li id="dd-${p.attendeeId}"><h3>${p.fullName}</h3>
<p class="meta">${[p.title, p.organization].filter(Boolean).join(', ')}<span>Mã: ${p.code}</span><span class="badge ${p.status ? `m-${p.status}` : 'm-none'}">${p.status ? STATUS_LABELS[p.status] : 'Chưa điểm danh'}</span></p>
${
  caller.canWrite &&
  html`<form method="post" action="${trainingUrl(c.id)}/sessions/${v.item.id}" class="inline-mark">${csrfField(caller.csrf)}
<input type="hidden" name="attendeeId" value="${p.attendeeId}">${p.version !== null ? html`<input type="hidden" name="version" value="${String(p.version)}">` : null}
${select({ id: `tt-${p.attendeeId.slice(0, 8)}`, name: 'status', label: `Trạng thái của ${p.fullName}`, choices: SESSION_ATTENDANCE_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })), value: p.status ?? 'present' })}
<button type="submit">Ghi</button></form>`
}
</li>`,
    )}</ul></section>`,
  });
}
