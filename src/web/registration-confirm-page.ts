import { RegistrationResult } from '../attendees/registration.dto';
import { html } from './html';
import { ATTENDEE_STATUS_LABELS } from './labels';
import { page } from './layout';
import { notice } from './widgets';

export const registrationConfirmPath = (token: string): string => `/registration/confirm/${encodeURIComponent(token)}`;

/**
 * What the mailed link opens: a button and nothing read. A mail scanner that fetches the link
 * confirms nothing and learns nothing; the person's click (a POST) does the confirming.
 */
export function registrationConfirmPage(token: string): string {
  return page({
    title: 'Xác nhận đăng ký tham dự',
    body: html`<section class="card" aria-labelledby="tieu-de">
<h1 id="tieu-de">Xác nhận đăng ký tham dự</h1>
<p>Để hoàn tất đăng ký tham dự hội nghị, đồng chí vui lòng bấm nút dưới đây. Đăng ký chỉ được ghi nhận, và chỉ giữ chỗ, sau khi đồng chí xác nhận.</p>
<form method="post" action="${registrationConfirmPath(token)}">
<button type="submit" class="primary">Xác nhận đăng ký</button>
</form>
</section>`,
  });
}

/** The sentence for the attendee a confirmation made (or had made, on a later click). */
export function confirmedMessage(result: Pick<RegistrationResult, 'status' | 'waitlistPosition'>, first: boolean): string {
  if (result.status === 'registered' && first) return 'Đăng ký của đồng chí đã được ghi nhận.';
  if (result.status === 'waitlisted') {
    return `Hội nghị đã hết chỗ: đồng chí ở vị trí số ${result.waitlistPosition ?? '—'} trong danh sách chờ. Ban Tổ chức sẽ thông báo khi có chỗ.`;
  }
  return `Đăng ký của đồng chí đã được xác nhận trước đó. Trạng thái hiện tại: ${ATTENDEE_STATUS_LABELS[result.status].toLowerCase()}.`;
}

/** After the click: the conference, the person's check-in code, and where they stand. */
export function registrationConfirmedPage(result: RegistrationResult, first: boolean): string {
  const waiting = result.status === 'waitlisted';
  return page({
    title: waiting ? 'Đã vào danh sách chờ' : 'Đã xác nhận đăng ký',
    body: html`<section class="card" aria-labelledby="tieu-de">
<h1 id="tieu-de">${waiting ? 'Đã vào danh sách chờ' : 'Đã xác nhận đăng ký'}</h1>
${notice(waiting ? 'info' : 'ok', confirmedMessage(result, first))}
<dl>
<dt>Hội nghị</dt><dd>${result.conferenceTitle}</dd>
<dt>Mã đại biểu (điểm danh)</dt><dd><strong>${result.code}</strong></dd>
</dl>
<p class="muted">Vui lòng giữ mã đại biểu để điểm danh khi đến dự. Thư mời và các thông báo tiếp theo sẽ được gửi tới địa chỉ email đã đăng ký.</p>
</section>`,
  });
}
