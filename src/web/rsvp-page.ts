import { PublicMaterialDto } from '../materials/material.dto';
import { materialsSection } from './materials-section';
import { AttendeeStatus } from '../attendees/attendee.entity';
import { RsvpView } from '../attendees/public-rsvp.service';
import { agendaList, conferenceFacts, instantIn } from './conference-card';
import { html, SafeHtml, trusted } from './html';
import { ATTENDEE_STATUS_LABELS } from './labels';
import { CHECK_IN_JS_PATH, page } from './layout';
import { FormSpec } from './page-form';
import { evaluationSection } from './rsvp-evaluation';
import { EvaluationOfLink } from '../training/evaluation.service';
import { emptyForm, errorSummary, FormState, input, notice } from './widgets';

export const RSVP_ACTIONS = ['accept', 'decline', 'substitute'] as const;
export type RsvpAction = (typeof RSVP_ACTIONS)[number];

export const RSVP_FORMS: Record<RsvpAction, FormSpec> = {
  accept: {},
  decline: { reason: { label: 'lý do vắng mặt', kind: 'text', required: true } },
  substitute: {
    fullName: { label: 'họ tên người đi thay', kind: 'text', required: true },
    title: { label: 'chức vụ', kind: 'text' },
    organization: { label: 'đơn vị công tác', kind: 'text' },
    email: { label: 'email', kind: 'email' },
    phone: { label: 'số điện thoại', kind: 'phone' },
  },
};

const PREFIX: Record<RsvpAction, string> = { accept: 'nl', decline: 'bv', substitute: 'dt' };
export const rsvpFieldId = (action: RsvpAction, field: string): string => `${PREFIX[action]}-${field}`;

export const RSVP_DONE: Record<RsvpAction, string> = {
  accept: 'Cảm ơn! Đã ghi nhận: nhận lời tham dự.',
  decline: 'Đã ghi nhận: báo vắng mặt. Cảm ơn đã thông báo.',
  substitute: 'Đã ghi nhận người đi thay.',
};

/** Why a person can no longer answer, in their own case. */
const CLOSED_ANSWERS: Partial<Record<AttendeeStatus, string>> = {
  waitlisted: 'Bạn đang ở danh sách chờ. Ban Tổ chức sẽ thông báo khi có chỗ; khi đó bạn có thể trả lời thư mời tại trang này.',
  attended: 'Bạn đã điểm danh tại hội nghị. Xin cảm ơn!',
  cancelled: 'Lời mời đã được hủy. Vui lòng liên hệ Ban Tổ chức nếu cần thêm thông tin.',
  substituted: 'Bạn đã cử người đi thay; lời mời này đã chuyển cho người đi thay. Vui lòng liên hệ Ban Tổ chức nếu cần thay đổi.',
};

export interface RsvpPageState {
  done?: RsvpAction;
  failed?: { action: RsvpAction; form: FormState };
  canAnswer: boolean;
  closed: boolean;
  /** The conference's QR code of the attendee code, as SVG. */
  qrSvg: string;
  googleUrl: string;
  /** A personal feed link issued just now (shown once). */
  feed?: { url: string; webcalUrl: string };
  /** The evaluation form of the link's holder, a form that came back with messages, and whether it was just sent. */
  evaluation?: { of: EvaluationOfLink; form?: FormState; done?: boolean };
  /** The materials for the delegates, with their download links. */
  materials?: PublicMaterialDto[];
}

function formState(state: RsvpPageState, action: RsvpAction): FormState {
  return state.failed?.action === action ? state.failed.form : emptyForm();
}

function formHead(action: RsvpAction, form: FormState): SafeHtml {
  return html`${errorSummary(form.errors, (f) => rsvpFieldId(action, f))}`;
}

function answerForms(token: string, view: RsvpView, state: RsvpPageState): SafeHtml {
  const decline = formState(state, 'decline');
  const sub = formState(state, 'substitute');
  const accept = formState(state, 'accept');
  const f = (name: string) => ({ id: rsvpFieldId('substitute', name), name, value: sub.values[name], error: sub.errors[name] });
  const status = view.attendee.status;
  return html`<section class="card" id="tra-loi" aria-labelledby="tra-loi-h"><h2 id="tra-loi-h">Trả lời thư mời</h2>
<form method="post" action="/rsvp/${token}/accept" class="inline">
${formHead('accept', accept)}
<button type="submit" class="primary"${status === 'accepted' ? html` disabled` : null}>${status === 'accepted' ? 'Đã nhận lời tham dự' : 'Nhận lời tham dự'}</button>
</form>
<details${decline.problem || Object.keys(decline.errors).length ? html` open` : null}>
<summary>Báo vắng mặt</summary>
<form method="post" action="/rsvp/${token}/decline" novalidate>
${formHead('decline', decline)}
${input({ id: rsvpFieldId('decline', 'reason'), name: 'reason', label: 'Lý do vắng mặt', multiline: true, required: true, value: decline.values.reason, error: decline.errors.reason })}
<button type="submit" class="danger">Gửi báo vắng</button>
</form>
</details>
<details${sub.problem || Object.keys(sub.errors).length ? html` open` : null}>
<summary>Cử người đi thay</summary>
<form method="post" action="/rsvp/${token}/substitute" novalidate>
${formHead('substitute', sub)}
<p class="hint">Người đi thay sẽ thay thế ${view.attendee.fullName} trong danh sách đại biểu và nhận mã đại biểu mới.</p>
${input({ ...f('fullName'), label: 'Họ tên người đi thay', required: true, autocomplete: 'off' })}
${input({ ...f('title'), label: 'Chức vụ' })}
${input({ ...f('organization'), label: 'Đơn vị công tác', hint: 'Để trống nếu cùng đơn vị' })}
${input({ ...f('email'), label: 'Email', type: 'email', inputmode: 'email', autocomplete: 'off' })}
${input({ ...f('phone'), label: 'Số điện thoại', type: 'tel', inputmode: 'tel', hint: 'Ví dụ: 0912 345 678', autocomplete: 'off' })}
<button type="submit">Gửi thông tin người đi thay</button>
</form>
</details>
</section>`;
}

function calendarSection(token: string, state: RsvpPageState): SafeHtml {
  return html`<section class="card" id="lich" aria-labelledby="lich-h"><h2 id="lich-h">Đưa vào lịch</h2>
<ul class="actions">
<li><a class="button" href="/rsvp/${token}/invite.ics" download>Tải tệp lịch (.ics)</a></li>
<li><a class="button" href="${state.googleUrl}" target="_blank" rel="noopener noreferrer">Thêm vào Google Calendar</a></li>
</ul>
${
  state.feed
    ? html`<div class="feed" role="status">
<p>Liên kết theo dõi lịch của bạn (các hội nghị bạn được mời sẽ tự cập nhật trong ứng dụng lịch):</p>
<p><a class="button" href="${state.feed.webcalUrl}">Mở trong ứng dụng lịch (webcal)</a></p>
<p class="small">Hoặc sao chép địa chỉ sau vào mục “Thêm lịch từ URL”: <code class="wrap-anywhere">${state.feed.url}</code></p>
</div>`
    : html`<form method="post" action="/rsvp/${token}/calendar-feed" class="inline">
<button type="submit">Tạo liên kết theo dõi lịch (webcal)</button>
</form>`
}
</section>`;
}

/** The RSVP page of an attendee's signed link. */
export function rsvpPage(token: string, view: RsvpView, state: RsvpPageState): string {
  const a = view.attendee;
  const tz = view.conference.timezone;
  const status = a.status as AttendeeStatus;
  const person = [a.title, a.organization].filter(Boolean).join(', ');
  // Someone who declined (or whose invitation was cancelled) has no code to check in with and
  // nothing to put in a calendar; a substitute's sender sees the substitute's code instead.
  const holdsInvitation = status !== 'declined' && status !== 'cancelled';
  const body = html`<h1>Thư mời tham dự hội nghị</h1>
${state.done && notice('ok', RSVP_DONE[state.done])}
${state.failed?.form.problem && notice('error', state.failed.form.problem)}
${state.closed && notice('info', view.conference.status === 'cancelled' ? 'Hội nghị đã bị hủy.' : 'Hội nghị đã kết thúc.')}
<section class="card" aria-labelledby="hn"><h2 id="hn">Hội nghị</h2>
${conferenceFacts(view.conference)}
${agendaList(view.agenda, tz)}
<dl class="facts"><div class="row"><dt>Điểm cầu của bạn</dt><dd>${[view.bridgePoint.name, view.bridgePoint.address].filter(Boolean).join(', ')}</dd></div></dl>
</section>
<section class="card" aria-labelledby="db"><h2 id="db">Đại biểu</h2>
<dl class="facts">
<div class="row"><dt>Họ tên</dt><dd><strong>${a.fullName}</strong></dd></div>
${person && html`<div class="row"><dt>Chức vụ, đơn vị</dt><dd>${person}</dd></div>`}
<div class="row"><dt>Trả lời</dt><dd><span class="badge a-${status}">${ATTENDEE_STATUS_LABELS[status]}</span>${
    a.declineReason && html` <span class="muted">Lý do: ${a.declineReason}</span>`
  }</dd></div>
${a.checkedInAt && html`<div class="row"><dt>Điểm danh lúc</dt><dd>${instantIn(a.checkedInAt, tz)}</dd></div>`}
</dl>
${
  !holdsInvitation
    ? null
    : view.substitute
    ? html`<div class="code-box">
<p>Người đi thay: <strong>${view.substitute.fullName}</strong>. Mã đại biểu của người đi thay (đưa mã này khi điểm danh):</p>
<p class="code" id="ma-dai-bieu">${view.substitute.code}</p>
<p class="small">Nếu người đi thay có email, giấy mời riêng sẽ được gửi tới email đó.</p>
</div>`
    : html`<div class="code-box">
<p>Mã đại biểu (đưa mã hoặc mã QR này khi điểm danh):</p>
<p class="code" id="ma-dai-bieu">${a.code}</p>
${trusted(state.qrSvg)}
</div>`
}
</section>
${materialsSection(state.materials ?? [])}
${!state.closed && state.canAnswer && answerForms(token, view, state)}
${!state.closed && !state.canAnswer && notice('info', CLOSED_ANSWERS[status] ?? 'Thư mời này không còn nhận trả lời qua trang này. Vui lòng liên hệ Ban Tổ chức nếu cần thay đổi.')}
${state.evaluation && evaluationSection(token, state.evaluation.of, state.evaluation.form, state.evaluation.done ?? false)}
${view.conference.status !== 'cancelled' && holdsInvitation && !view.substitute && calendarSection(token, state)}
<p class="muted small" data-rsvp-token="${token}">Liên kết này dành riêng cho ${a.fullName}, có hiệu lực đến ${instantIn(view.linkExpiresAt, tz)}. Trình duyệt này ghi nhớ liên kết để bạn quét mã QR điểm danh buổi học tại hội trường.</p>`;
  // The script remembers the link on this phone, so that scanning a hall QR code checks its holder in.
  return page({ title: 'Thư mời tham dự hội nghị', body, scripts: [CHECK_IN_JS_PATH] });
}
