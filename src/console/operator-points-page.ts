import { BridgePointResponseDto } from '../bridge-points/bridge-point.dto';
import { vnRange } from '../common/vietnamese-time';
import { ConferenceResponseDto } from '../conferences/conference.dto';
import { html } from '../web/html';
import { CONFERENCE_STATUS_LABELS, CONFIRMATION_LABELS, CONNECTION_LABELS, vnNumber } from '../web/labels';
import { ConsoleCaller } from './console-caller';
import { consolePage } from './console-layout';

export interface OperatorConference {
  conference: ConferenceResponseDto;
  points: BridgePointResponseDto[];
  total: number;
}

/** `/console/points`: an operator's own bridge points, by conference, and where to act for them. */
export function operatorPointsPage(conferences: OperatorConference[], more: number, caller: ConsoleCaller): string {
  return consolePage({
    title: 'Điểm cầu của tôi',
    caller,
    body: html`<h1>Điểm cầu của tôi</h1>
<div class="alert info" role="note"><p>Tài khoản cán bộ điểm cầu chỉ xem và cập nhật điểm cầu được giao. Việc xác nhận tham dự, báo kết quả kiểm tra kết nối và số người dự thực hiện qua đường liên kết trong thư Ban Tổ chức gửi điểm cầu (hoặc qua API).</p></div>
${conferences.length === 0 && html`<p>Tài khoản của bạn chưa được giao điểm cầu nào. Vui lòng liên hệ Ban Tổ chức.</p>`}
${conferences.map(
  ({ conference: c, points, total }) => html`<section class="card" aria-labelledby="hn-${c.id}">
<h2 id="hn-${c.id}">${c.title}</h2>
<p class="muted">${CONFERENCE_STATUS_LABELS[c.status]} · ${vnRange(new Date(c.startsAt), new Date(c.endsAt), c.timezone)}</p>
<ul class="results">${points.map(
    (p) => html`<li><h3>${p.name}</h3><p class="meta"><span class="badge c-${p.confirmationStatus}">${CONFIRMATION_LABELS[p.confirmationStatus]}</span> <span class="badge n-${p.connectionStatus}">${CONNECTION_LABELS[p.connectionStatus]}</span>${
      p.expectedAttendees !== null ? html` <span>Dự kiến ${vnNumber(p.expectedAttendees)} người</span>` : null
    }</p></li>`,
  )}</ul>
${total > points.length && html`<p class="muted">Và ${vnNumber(total - points.length)} điểm cầu khác.</p>`}
</section>`,
)}
${more > 0 && html`<p class="muted">Còn ${vnNumber(more)} hội nghị khác có điểm cầu của bạn.</p>`}`,
  });
}
