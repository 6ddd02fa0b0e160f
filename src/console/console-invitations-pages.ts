import { ConferenceResponseDto } from '../conferences/conference.dto';
import { DeliveryResponseDto } from '../mail/mail.dto';
import { DELIVERY_STATUSES, DeliveryStatus, MessageKind } from '../outbox/outbox-message.entity';
import { html } from '../web/html';
import { vnNumber } from '../web/labels';
import { notice } from '../web/widgets';
import { countLine, listUrl, pager, progressBar, stackTable } from './console-bulk';
import { ConsoleCaller } from './console-caller';
import { consolePage, csrfField } from './console-layout';
import { formatWallTime } from './console-time';
import { select } from './console-widgets';

export const DELIVERIES_PAGE_SIZE = 50;

export const DELIVERY_STATUS_WORDS: Record<DeliveryStatus, string> = {
  pending: 'Chờ gửi',
  sending: 'Đang gửi',
  sent: 'Đã gửi',
  failed: 'Gửi lỗi',
  skipped: 'Bỏ qua',
};

const DELIVERY_BADGE: Record<DeliveryStatus, string> = { pending: 'n-untested', sending: 'n-degraded', sent: 'n-ok', failed: 'n-failed', skipped: 'n-untested' };

export const KIND_WORDS: Record<MessageKind, string> = {
  invitation: 'Giấy mời',
  update: 'Thông báo thay đổi',
  cancellation: 'Thông báo hủy',
  reminder: 'Nhắc lịch',
  bridge_point_link: 'Liên kết điểm cầu',
  registration_confirmation: 'Xác nhận đăng ký',
  registration_exists: 'Đã có trong danh sách',
  certificate: 'Giấy chứng nhận',
  material_notice: 'Tài liệu mới',
  material_reminder: 'Nhắc tải tài liệu',
};

export interface InvitationCounts {
  takingPart: number;
  withEmail: number;
  notInvited: number;
}

export interface InvitationsView {
  conference: ConferenceResponseDto;
  counts: InvitationCounts;
  sending: Record<DeliveryStatus, number>;
  items: DeliveryResponseDto[];
  total: number;
  page: number;
  status: string;
  flash?: string;
  problem?: string;
}

const conferenceUrl = (id: string) => `/console/conferences/${id}`;
export const invitationsUrl = (id: string) => `${conferenceUrl(id)}/invitations`;
const trailOf = (c: ConferenceResponseDto, more: { href: string; label: string }[] = []) => [
  { href: '/console', label: 'Danh sách hội nghị' },
  { href: conferenceUrl(c.id), label: c.title },
  ...more,
];

const inFlight = (s: Record<DeliveryStatus, number>) => s.pending + s.sending;

/** `/console/conferences/:id/invitations`: sending the invitations, and every mail of the conference with failures first. */
export function invitationsPage(v: InvitationsView, caller: ConsoleCaller): string {
  const c = v.conference;
  const base = invitationsUrl(c.id);
  const open = c.status !== 'completed' && c.status !== 'cancelled';
  const withoutEmail = v.counts.takingPart - v.counts.withEmail;
  return consolePage({
    title: `Giấy mời — ${c.title}`,
    caller,
    trail: trailOf(c),
    body: html`<h1>Giấy mời và tình trạng gửi thư</h1>
${v.flash && notice('ok', v.flash)}
${v.problem && notice('error', v.problem)}
<ul class="stats" aria-label="Số liệu">
<li><b>${vnNumber(v.counts.takingPart)}</b> đại biểu tham dự</li>
<li><b>${vnNumber(v.counts.notInvited)}</b> chưa được mời</li>
<li><b>${vnNumber(v.sending.sent)}</b> giấy mời đã gửi</li>
<li><b>${vnNumber(v.sending.failed)}</b> giấy mời gửi lỗi</li>
</ul>
${withoutEmail > 0 && html`<p class="muted">${vnNumber(withoutEmail)} đại biểu chưa có email nên không nhận được giấy mời qua thư; hãy bổ sung email trong <a href="${conferenceUrl(c.id)}/attendees">danh sách đại biểu</a>.</p>`}
${inFlight(v.sending) > 0 && html`<p class="alert info" role="status">Đang gửi ${vnNumber(inFlight(v.sending))} giấy mời. <a href="${base}/progress">Xem tiến độ gửi</a></p>`}
${
  c.status === 'draft'
    ? notice('info', 'Hội nghị còn là bản nháp; hãy công bố hội nghị trước khi gửi giấy mời.')
    : open &&
      html`<section aria-labelledby="gui"><h2 id="gui">Gửi giấy mời</h2><div class="bulk-forms">
<form method="post" action="${base}" class="card">${csrfField(caller.csrf)}<input type="hidden" name="scope" value="not_invited">
<h3>Người chưa được mời</h3>
<p>${vnNumber(v.counts.notInvited)} đại biểu có email chưa được gửi giấy mời.</p>
<button type="submit" class="primary"${v.counts.notInvited === 0 ? html` disabled` : null}>Gửi cho ${vnNumber(v.counts.notInvited)} người chưa được mời</button>
</form>
<form method="post" action="${base}" class="card">${csrfField(caller.csrf)}<input type="hidden" name="scope" value="all">
<h3>Tất cả đại biểu</h3>
<p>${vnNumber(v.counts.withEmail)} đại biểu có email. Người đã nhận giấy mời của lần cập nhật lịch hiện tại không nhận lại lần nữa.</p>
<button type="submit"${v.counts.withEmail === 0 ? html` disabled` : null}>Gửi cho tất cả ${vnNumber(v.counts.withEmail)} người</button>
</form>
</div></section>`
}
<section aria-labelledby="nhat-ky">
<h2 id="nhat-ky">Nhật ký gửi thư</h2>
<form method="get" action="${base}" class="card filters two" aria-label="Lọc nhật ký gửi thư">
${select({ id: 'loc-status', name: 'status', label: 'Tình trạng', empty: 'Tất cả (thư lỗi lên đầu)', value: v.status, choices: DELIVERY_STATUSES.map((s) => ({ value: s, label: DELIVERY_STATUS_WORDS[s] })) })}
<button type="submit" class="primary">Lọc</button>
</form>
<p role="status" class="muted">${countLine(v.total, v.page, DELIVERIES_PAGE_SIZE, 'thư', v.status !== '')}</p>
${v.items.length > 0 && stackTable('Nhật ký gửi thư', [
  { label: 'Người nhận', cell: (d: DeliveryResponseDto) => html`${d.recipientName ? html`<strong>${d.recipientName}</strong><br>` : null}${d.recipient}` },
  { label: 'Loại thư', cell: (d) => KIND_WORDS[d.kind] ?? d.kind },
  { label: 'Tình trạng', cell: (d) => html`<span class="badge ${DELIVERY_BADGE[d.status]}">${DELIVERY_STATUS_WORDS[d.status]}</span>${d.lastError ? html`<br><span class="muted">${d.lastError}</span>` : null}` },
  { label: 'Số lần', className: 'num', cell: (d) => vnNumber(d.attempts) },
  { label: 'Thời gian', cell: (d) => formatWallTime(new Date(d.sentAt ?? d.createdAt), c.timezone) },
  ...(open
    ? [
        {
          label: 'Gửi lại',
          cell: (d: DeliveryResponseDto) =>
            d.status === 'failed'
              ? html`<form method="post" action="${conferenceUrl(c.id)}/deliveries/${d.id}/resend">${csrfField(caller.csrf)}<button type="submit">Gửi lại<span class="vh"> thư cho ${d.recipient}</span></button></form>`
              : null,
        },
      ]
    : []),
], v.items)}
${pager(v.page, v.total, DELIVERIES_PAGE_SIZE, (page) => listUrl(base, { status: v.status }, page))}
</section>`,
  });
}

const REFRESH_SECONDS = 3;

/** `…/invitations/progress`: how far the dispatcher has got with the invitations; reloads itself while any is waiting. */
export function progressPage(conference: ConferenceResponseDto, s: Record<DeliveryStatus, number>, flash: string | undefined, caller: ConsoleCaller): string {
  const c = conference;
  const total = DELIVERY_STATUSES.reduce((sum, k) => sum + s[k], 0);
  const settled = s.sent + s.failed + s.skipped;
  const busy = inFlight(s) > 0;
  return consolePage({
    title: `Tiến độ gửi giấy mời — ${c.title}`,
    caller,
    refresh: busy ? REFRESH_SECONDS : undefined,
    trail: trailOf(c, [{ href: invitationsUrl(c.id), label: 'Giấy mời' }]),
    body: html`<h1>Tiến độ gửi giấy mời</h1>
${flash && notice('ok', flash)}
<div role="status">
${progressBar('tien-do', 'Giấy mời đã xử lý', settled, total)}
<p id="tinh-trang">${busy ? `Còn ${vnNumber(inFlight(s))} giấy mời đang chờ gửi. Trang tự cập nhật sau mỗi ${REFRESH_SECONDS} giây; có thể rời trang, việc gửi vẫn tiếp tục.` : 'Đã xử lý xong mọi giấy mời.'}</p>
</div>
<ul class="stats" aria-label="Số liệu">${DELIVERY_STATUSES.map((k) => html`<li><b>${vnNumber(s[k])}</b> ${DELIVERY_STATUS_WORDS[k].toLocaleLowerCase('vi')}</li>`)}</ul>
${s.failed > 0 && html`<p><a href="${invitationsUrl(c.id)}?status=failed">Xem ${vnNumber(s.failed)} thư gửi lỗi và gửi lại</a></p>`}
<p><a href="${invitationsUrl(c.id)}">Về trang giấy mời</a></p>`,
  });
}
