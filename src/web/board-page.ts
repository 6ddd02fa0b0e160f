import { html } from './html';
import { BOARD_JS_PATH, page } from './layout';
import { staffLoginSection } from './widgets';

/**
 * The board's page: a shell its script fills. A page load cannot carry a bearer token, so the
 * script signs in (token kept in a session cookie its tabs share), reads the board over the API and follows its
 * event stream.
 */
export function boardPage(conferenceId: string): string {
  const body = html`<div id="board" class="board" data-conference="${conferenceId}">
<noscript><div class="alert info">Bảng trạng thái cần bật JavaScript để hiển thị và cập nhật trực tiếp.</div></noscript>
${staffLoginSection('Đăng nhập để xem bảng trạng thái', 'Dành cho Ban Tổ chức và người được giao theo dõi điểm cầu.')}
<section id="view" aria-labelledby="board-title" hidden>
<div class="board-head">
<div>
<h1 id="board-title">Bảng trạng thái điểm cầu</h1>
<p id="board-time" class="muted"></p>
</div>
<div class="board-tools">
<p id="live" class="live" role="status">Đang kết nối…</p>
<button type="button" id="logout">Đăng xuất</button>
</div>
</div>
<div id="counts" class="counts" aria-label="Tổng hợp"></div>
<form id="filters" class="filters" role="search" aria-label="Lọc điểm cầu">
<div class="field"><label for="f-confirmation">Xác nhận</label>
<select id="f-confirmation" name="c"><option value="">Tất cả</option><option value="p">Chưa xác nhận</option><option value="c">Đã xác nhận</option><option value="d">Không tham dự</option></select></div>
<div class="field"><label for="f-connection">Kết nối</label>
<select id="f-connection" name="n"><option value="">Tất cả</option><option value="o">Kết nối tốt</option><option value="f">Kết nối lỗi</option><option value="g">Chập chờn</option><option value="u">Chưa kiểm tra</option></select></div>
<div class="field"><label for="f-materials">Tài liệu</label>
<select id="f-materials" name="m"><option value="">Tất cả</option><option value="n">Chưa tải tài liệu</option><option value="y">Đã tải đủ tài liệu</option></select></div>
<div class="field"><label for="f-region">Vùng</label><select id="f-region" name="r"><option value="">Tất cả</option></select></div>
<div class="field"><label for="f-search">Tìm điểm cầu</label><input id="f-search" name="q" type="search" placeholder="Ví dụ: bac ninh"></div>
</form>
<p id="shown" class="muted" aria-live="polite"></p>
<ul class="legend" aria-label="Chú giải">
<li><span class="t c-p n-u">Chưa xác nhận</span></li><li><span class="t c-c n-u">Đã xác nhận</span></li><li><span class="t c-d n-u">Không tham dự</span></li>
<li><span class="t c-c n-o">Kết nối tốt</span></li><li><span class="t c-c n-g">Chập chờn</span></li><li><span class="t c-c n-f">Kết nối lỗi</span></li>
</ul>
<div id="sections"></div>
<section id="details" class="card details" role="dialog" aria-labelledby="details-title" hidden>
<div class="board-head"><h2 id="details-title"></h2><button type="button" id="details-close">Đóng</button></div>
<p id="details-status" class="muted" role="status"></p>
<dl id="details-facts" class="facts"></dl>
</section>
</section>
<p id="message" class="alert error" role="alert" hidden></p>
</div>`;
  return page({ title: 'Bảng trạng thái điểm cầu', body, scripts: [BOARD_JS_PATH], wide: true });
}
