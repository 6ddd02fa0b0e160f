import { html } from './html';
import { CHECK_IN_JS_PATH, page, SCREEN_JS_PATH } from './layout';
import { staffLoginSection } from './widgets';

/**
 * The hall screen of a session: a shell its script fills. Like the board, a page load carries no
 * bearer token, so the script signs staff in, then shows the rotating check-in code as a QR code.
 */
export function sessionScreenPage(conferenceId: string, itemId: string, publicBaseUrl: string): string {
  const body = html`<div id="screen" class="screen" data-conference="${conferenceId}" data-item="${itemId}" data-base="${publicBaseUrl}">
<noscript><div class="alert info">Màn hình điểm danh cần bật JavaScript để hiển thị mã và đổi mã tự động.</div></noscript>
${staffLoginSection('Đăng nhập để hiển thị mã điểm danh', 'Dành cho Ban Tổ chức và cán bộ điểm cầu phụ trách màn hình hội trường.')}
<section id="view" class="screen-view" aria-labelledby="screen-title" hidden>
<div class="board-head">
<div>
<h1 id="screen-title">Điểm danh buổi học</h1>
<p id="screen-time" class="muted"></p>
</div>
<div class="board-tools"><button type="button" id="logout">Đăng xuất</button></div>
</div>
<div id="open" class="screen-code" hidden>
<p class="screen-lead">Quét mã QR bằng điện thoại để điểm danh</p>
<img id="screen-qr" class="screen-qr" alt="" hidden>
<p class="screen-lead">Mã điểm danh hiện tại:</p>
<p id="screen-code" class="code big" aria-live="off"></p>
<p id="screen-left" class="muted" aria-live="off"></p>
<p class="muted small">Đường dẫn điểm danh: <code id="screen-url" class="wrap-anywhere"></code></p>
</div>
<p id="closed" class="alert info screen-closed" role="status" hidden></p>
</section>
<p id="message" class="alert error" role="alert" hidden></p>
</div>`;
  return page({ title: 'Màn hình điểm danh buổi học', body, scripts: [SCREEN_JS_PATH], wide: true });
}

/**
 * The page a scanned hall QR code opens. It reads nothing by itself: its script checks in the
 * delegate whose RSVP link this phone remembers (a mail scanner that fetches the link runs no script).
 */
export function sessionScanPage(itemId: string, code: string): string {
  const body = html`<section id="scan" class="card message" aria-labelledby="scan-h" data-item="${itemId}" data-code="${code}">
<h1 id="scan-h">Điểm danh buổi học</h1>
<noscript><p class="alert info">Trang điểm danh cần bật JavaScript trên trình duyệt của điện thoại.</p></noscript>
<p id="scan-status" role="status">Đang điểm danh…</p>
<p id="scan-hint" class="muted" hidden></p>
<p id="scan-rsvp" hidden><a id="scan-rsvp-link" class="button" href="#">Xem thư mời của bạn</a></p>
</section>`;
  return page({ title: 'Điểm danh buổi học', body, scripts: [CHECK_IN_JS_PATH] });
}
