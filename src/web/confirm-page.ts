import { localPhone } from '../common/phone';
import { BridgePointResponseDto } from '../bridge-points/bridge-point.dto';
import { PublicBridgePointView } from '../bridge-points/public-bridge-points.service';
import { agendaList, conferenceFacts, instantIn } from './conference-card';
import { html, SafeHtml } from './html';
import { CONFIRMATION_LABELS, CONNECTION_LABELS, vnNumber } from './labels';
import { page } from './layout';
import { FormSpec } from './page-form';
import { choice, emptyForm, errorSummary, FormState, input, notice } from './widgets';
import { PublicMaterialDto } from '../materials/material.dto';
import { materialsSection } from './materials-section';

export const CONFIRM_ACTIONS = ['confirm', 'decline', 'connection-check', 'attendance'] as const;
export type ConfirmAction = (typeof CONFIRM_ACTIONS)[number];

export const CONFIRM_FORMS: Record<ConfirmAction, FormSpec> = {
  confirm: {
    chairName: { label: 'họ tên người chủ trì', kind: 'text', required: true },
    chairTitle: { label: 'chức vụ người chủ trì', kind: 'text' },
    expectedAttendees: { label: 'số đại biểu dự kiến', kind: 'number', required: true },
    contactName: { label: 'họ tên cán bộ kỹ thuật', kind: 'text', required: true },
    contactPhone: { label: 'số điện thoại cán bộ kỹ thuật', kind: 'phone', required: true },
    contactEmail: { label: 'email cán bộ kỹ thuật', kind: 'email' },
  },
  decline: { reason: { label: 'lý do không tham dự', kind: 'text', required: true } },
  'connection-check': {
    result: { label: 'kết quả kiểm tra', kind: 'choice', required: true },
    note: { label: 'ghi chú', kind: 'text' },
  },
  attendance: { actualAttendees: { label: 'số đại biểu thực tế', kind: 'number', required: true } },
};

/** Field ids are prefixed per form: two forms on the page may not share an id. */
const PREFIX: Record<ConfirmAction, string> = { confirm: 'xn', decline: 'tc', 'connection-check': 'kt', attendance: 'sl' };
export const fieldId = (action: ConfirmAction, field: string): string => `${PREFIX[action]}-${field}`;

/** What a finished action says after the redirect (`?xong=`). */
export const DONE_MESSAGES: Record<ConfirmAction, string> = {
  confirm: 'Đã ghi nhận xác nhận tham dự của điểm cầu. Xin cảm ơn!',
  decline: 'Đã ghi nhận: điểm cầu không tham dự hội nghị.',
  'connection-check': 'Đã ghi nhận kết quả kiểm tra kết nối.',
  attendance: 'Đã ghi nhận số đại biểu thực tế.',
};

export interface ConfirmPageState {
  done?: ConfirmAction;
  /** The form that came back with messages, if any. */
  failed?: { action: ConfirmAction; form: FormState };
  /** Which actions the point's state allows (from the confirmation rule). */
  canConfirm: boolean;
  canDecline: boolean;
  closed: boolean;
  /** When the attendance report is not open yet: the sentence saying when it opens (shown instead of its form). */
  attendanceOpensNote: string | null;
  /** The materials for the bridge points, with their download links. */
  materials?: PublicMaterialDto[];
}

function formState(state: ConfirmPageState, action: ConfirmAction, initial: Record<string, string>): FormState {
  return state.failed?.action === action ? state.failed.form : emptyForm(initial);
}

const text = (v: string | number | null | undefined): string => (v === null || v === undefined ? '' : String(v));

function pointFacts(p: BridgePointResponseDto): SafeHtml {
  return html`<dl class="facts">
<div class="row"><dt>Điểm cầu</dt><dd><strong>${p.name}</strong></dd></div>
${p.address && html`<div class="row"><dt>Địa chỉ</dt><dd>${p.address}</dd></div>`}
<div class="row"><dt>Xác nhận</dt><dd><span class="badge c-${p.confirmationStatus}">${CONFIRMATION_LABELS[p.confirmationStatus]}</span>${
    p.declineReason && html` <span class="muted">Lý do: ${p.declineReason}</span>`
  }</dd></div>
<div class="row"><dt>Kết nối</dt><dd><span class="badge n-${p.connectionStatus}">${CONNECTION_LABELS[p.connectionStatus]}</span></dd></div>
${p.chairName && html`<div class="row"><dt>Chủ trì</dt><dd>${[p.chairName, p.chairTitle].filter(Boolean).join(', ')}</dd></div>`}
${p.contactName && html`<div class="row"><dt>Cán bộ kỹ thuật</dt><dd>${[p.contactName, localPhone(p.contactPhone), p.contactEmail].filter(Boolean).join(' · ')}</dd></div>`}
${p.expectedAttendees !== null && html`<div class="row"><dt>Đại biểu dự kiến</dt><dd>${vnNumber(p.expectedAttendees)}</dd></div>`}
${p.actualAttendees !== null && html`<div class="row"><dt>Đại biểu thực tế</dt><dd>${vnNumber(p.actualAttendees)}${
    p.reportedAttendees === null && html` <span class="muted">(theo số đại biểu đã điểm danh)</span>`
  }</dd></div>`}
${p.checkedInAttendees > 0 && html`<div class="row"><dt>Đã điểm danh</dt><dd>${vnNumber(p.checkedInAttendees)}</dd></div>`}
</dl>`;
}

function formHead(action: ConfirmAction, form: FormState): SafeHtml {
  return html`${errorSummary(form.errors, (f) => fieldId(action, f))}`;
}

function confirmForm(token: string, p: BridgePointResponseDto, state: ConfirmPageState): SafeHtml {
  const form = formState(state, 'confirm', {
    chairName: text(p.chairName),
    chairTitle: text(p.chairTitle),
    expectedAttendees: text(p.expectedAttendees),
    contactName: text(p.contactName),
    contactPhone: localPhone(p.contactPhone),
    contactEmail: text(p.contactEmail),
  });
  const f = (name: string) => ({ id: fieldId('confirm', name), name, value: form.values[name], error: form.errors[name] });
  const again = p.confirmationStatus === 'confirmed';
  return html`<form method="post" action="/bridge-points/confirm/${token}/confirm" novalidate>
${formHead('confirm', form)}
${input({ ...f('chairName'), label: 'Họ tên người chủ trì tại điểm cầu', required: true, autocomplete: 'name' })}
${input({ ...f('chairTitle'), label: 'Chức vụ người chủ trì', hint: 'Ví dụ: Phó Bí thư Thường trực Tỉnh ủy' })}
${input({ ...f('expectedAttendees'), label: 'Số đại biểu dự kiến', type: 'number', inputmode: 'numeric', required: true })}
<h3>Cán bộ kỹ thuật (liên hệ khi kiểm tra đường truyền)</h3>
${input({ ...f('contactName'), label: 'Họ tên cán bộ kỹ thuật', required: true })}
${input({ ...f('contactPhone'), label: 'Số điện thoại', type: 'tel', inputmode: 'tel', autocomplete: 'tel', required: true, hint: 'Ví dụ: 0912 345 678' })}
${input({ ...f('contactEmail'), label: 'Email', type: 'email', inputmode: 'email', autocomplete: 'email' })}
<button type="submit" class="primary">${again ? 'Cập nhật thông tin' : 'Xác nhận tham dự'}</button>
</form>`;
}

function declineForm(token: string, p: BridgePointResponseDto, state: ConfirmPageState): SafeHtml {
  const form = formState(state, 'decline', { reason: text(p.declineReason) });
  return html`<form method="post" action="/bridge-points/confirm/${token}/decline" novalidate>
${formHead('decline', form)}
${input({ id: fieldId('decline', 'reason'), name: 'reason', label: 'Lý do không tham dự', multiline: true, required: true, value: form.values.reason, error: form.errors.reason })}
<button type="submit" class="danger">${p.confirmationStatus === 'declined' ? 'Cập nhật lý do' : 'Báo không tham dự'}</button>
</form>`;
}

function checkForm(token: string, state: ConfirmPageState): SafeHtml {
  const form = formState(state, 'connection-check', {});
  return html`<form method="post" action="/bridge-points/confirm/${token}/connection-check" novalidate>
${formHead('connection-check', form)}
${choice({
  id: fieldId('connection-check', 'result'),
  name: 'result',
  legend: 'Kết quả kiểm tra đường truyền',
  value: form.values.result,
  error: form.errors.result,
  choices: [
    { value: 'ok', label: 'Tốt: hình ảnh và âm thanh rõ' },
    { value: 'degraded', label: 'Chập chờn: có lúc mất hình hoặc tiếng' },
    { value: 'failed', label: 'Lỗi: không kết nối được' },
  ],
})}
${input({ id: fieldId('connection-check', 'note'), name: 'note', label: 'Ghi chú', multiline: true, value: form.values.note, error: form.errors.note, hint: 'Ví dụ: hình ảnh tốt, âm thanh rè' })}
<button type="submit">Gửi kết quả kiểm tra</button>
</form>`;
}

/** The point's connection checks, newest first, each with its time, result and note. */
function checkHistory(view: PublicBridgePointView): SafeHtml | null {
  if (view.checks.length === 0) return null;
  const tz = view.conference.timezone;
  return html`<h3>Các lần kiểm tra kết nối</h3>
<ul class="checks">${view.checks.map(
    (c) =>
      html`<li><span class="badge n-${c.result}">${CONNECTION_LABELS[c.result]}</span> ${instantIn(c.checkedAt, tz)}${
        c.note && html`<br><span class="muted">${c.note}</span>`
      }</li>`,
  )}</ul>`;
}

function attendanceForm(token: string, p: BridgePointResponseDto, state: ConfirmPageState): SafeHtml {
  const form = formState(state, 'attendance', { actualAttendees: text(p.reportedAttendees) });
  return html`<form method="post" action="/bridge-points/confirm/${token}/attendance" novalidate>
${formHead('attendance', form)}
${input({ id: fieldId('attendance', 'actualAttendees'), name: 'actualAttendees', label: 'Số đại biểu thực tế dự tại điểm cầu', type: 'number', inputmode: 'numeric', required: true, value: form.values.actualAttendees, error: form.errors.actualAttendees })}
<button type="submit">Gửi số đại biểu</button>
</form>`;
}

/** The bridge-point confirmation page of a signed link. */
export function confirmPage(token: string, view: PublicBridgePointView, state: ConfirmPageState): string {
  const { conference, bridgePoint: p } = view;
  const declined = p.confirmationStatus === 'declined';
  const closedNote =
    conference.status === 'cancelled'
      ? 'Hội nghị đã bị hủy; thông tin dưới đây chỉ để xem.'
      : 'Hội nghị đã kết thúc; thông tin dưới đây chỉ để xem.';
  const body = html`<h1>Xác nhận tham dự của điểm cầu</h1>
${state.done && notice('ok', DONE_MESSAGES[state.done])}
${state.failed?.form.problem && notice('error', state.failed.form.problem)}
${state.closed && notice('info', closedNote)}
<section class="card" aria-labelledby="hn"><h2 id="hn">Thông tin hội nghị</h2>
${conferenceFacts(conference)}
${agendaList(view.agenda, conference.timezone)}
</section>
<section class="card" aria-labelledby="dc"><h2 id="dc">Điểm cầu của đơn vị</h2>
${pointFacts(p)}
</section>
${materialsSection(state.materials ?? [])}
${
  !state.closed &&
  html`<section class="card" id="xac-nhan" aria-labelledby="xac-nhan-h"><h2 id="xac-nhan-h">Xác nhận tham dự</h2>
${state.canConfirm ? confirmForm(token, p, state) : html`<p>Điểm cầu đã báo không tham dự. Nếu có thể tham dự trở lại, vui lòng liên hệ Ban Tổ chức để mở lại việc xác nhận.</p>`}
</section>
<section class="card" id="tu-choi" aria-labelledby="tu-choi-h"><h2 id="tu-choi-h">Không tham dự</h2>
${state.canDecline ? declineForm(token, p, state) : html`<p>Điểm cầu đã xác nhận tham dự. Nếu không thể tham dự nữa, vui lòng liên hệ Ban Tổ chức.</p>`}
</section>
${
  !declined &&
  html`<section class="card" id="kiem-tra" aria-labelledby="kiem-tra-h"><h2 id="kiem-tra-h">Kiểm tra kết nối</h2>
${checkForm(token, state)}
${checkHistory(view)}
</section>
<section class="card" id="so-luong" aria-labelledby="so-luong-h"><h2 id="so-luong-h">Số đại biểu thực tế trong ngày hội nghị</h2>
${state.attendanceOpensNote ? html`<p>${state.attendanceOpensNote}</p>` : attendanceForm(token, p, state)}
</section>`
}`
}
<p class="muted small">Liên kết này dành riêng cho ${p.name}, có hiệu lực đến ${instantIn(view.linkExpiresAt, conference.timezone)}.</p>`;
  return page({ title: 'Xác nhận tham dự điểm cầu', body });
}
