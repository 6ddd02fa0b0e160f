import { AgendaItemResponseDto } from '../agenda/agenda-item.dto';
import { vnDateTime } from '../common/vietnamese-time';
import { ConferenceResponseDto } from '../conferences/conference.dto';
import { MaterialDownloadsDto, MaterialResponseDto } from '../materials/material.dto';
import { MATERIAL_AUDIENCES, MaterialAudience } from '../materials/material.entity';
import { html, SafeHtml } from '../web/html';
import { vnNumber } from '../web/labels';
import { errorSummary, input, notice } from '../web/widgets';
import { ConsoleCaller } from './console-caller';
import { consolePage, csrfField } from './console-layout';
import { FormState } from './console-minutes-pages';
import { buttonForm, conferenceUrl } from './console-screen-kit';
import { select } from './console-widgets';

export const AUDIENCE_LABELS: Record<MaterialAudience, string> = { all: 'Điểm cầu và đại biểu', bridge_points: 'Chỉ các điểm cầu', attendees: 'Chỉ đại biểu' };
export const MATERIAL_FIELDS: Record<string, string> = { title: 'Tên tài liệu', audience: 'Gửi tới', agendaItemId: 'Thuộc mục chương trình', file: 'Tệp tài liệu' };

export interface MaterialRow {
  material: MaterialResponseDto;
  /** Which points fetched it; null when it is for the delegates only. */
  downloads: MaterialDownloadsDto | null;
}

export interface MaterialsView {
  conference: ConferenceResponseDto;
  rows: MaterialRow[];
  items: AgendaItemResponseDto[];
  flash?: string;
  problem?: string;
  form: FormState;
}

const HOME = { href: '/console', label: 'Danh sách hội nghị' };
export const materialsUrl = (id: string) => `${conferenceUrl(id)}/materials`;

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB` : `${vnNumber(Math.max(1, Math.round(bytes / 1024)))} KB`);

/** `/console/conferences/:id/materials`: upload (multipart, no script), the list with downloads per point, re-send to those that have not. */
export function materialsPage(v: MaterialsView, caller: ConsoleCaller): string {
  const c = v.conference;
  return consolePage({
    title: `Tài liệu — ${c.title}`,
    caller,
    trail: [HOME, { href: conferenceUrl(c.id), label: c.title }],
    body: html`<h1>Tài liệu hội nghị</h1>
${v.flash && notice('ok', v.flash)}
${v.problem && notice('error', v.problem)}
<section class="card" aria-labelledby="ds-tl"><h2 id="ds-tl">Tài liệu đã gửi (${vnNumber(v.rows.length)})</h2>
${v.rows.length === 0 ? html`<p class="muted">Chưa có tài liệu nào.</p>` : html`<ul class="results">${v.rows.map((r) => materialRow(c, r, caller))}</ul>`}
</section>
${caller.canWrite && c.status !== 'cancelled' && uploadForm(v, caller)}`,
  });
}

function materialRow(c: ConferenceResponseDto, r: MaterialRow, caller: ConsoleCaller): SafeHtml {
  const m = r.material;
  const d = r.downloads;
  return html`<li id="tl-${m.id}"><h3>${m.title}</h3>
<p class="meta"><span>${m.fileName}</span><span>${size(m.size)}</span><span>${AUDIENCE_LABELS[m.audience]}</span><span>Gửi lúc ${vnDateTime(new Date(m.createdAt), c.timezone)}</span></p>
<p class="row-actions"><a class="button" href="${materialsUrl(c.id)}/${m.id}/file" download aria-label="Tải ${m.title}">Tải về</a>
${
  d && caller.canWrite && d.notDownloaded.length > 0
    ? buttonForm({ action: `${materialsUrl(c.id)}/${m.id}/resend`, csrf: csrfField(caller.csrf), label: 'Nhắc các điểm cầu chưa tải', ariaLabel: `Gửi lại thư nhắc tải ${m.title}` })
    : null
}
${caller.canWrite && html`<a class="button" href="${materialsUrl(c.id)}/${m.id}/remove" aria-label="Xóa ${m.title}">Xóa</a>`}</p>
${
  d
    ? html`<details><summary>Điểm cầu đã tải: ${vnNumber(d.downloaded.length)}, chưa tải: ${vnNumber(d.notDownloaded.length)}</summary>
${
  d.downloaded.length > 0 &&
  html`<div class="table-wrap" role="region" aria-label="Điểm cầu đã tải ${m.title}" tabindex="0"><table><thead><tr><th scope="col">Điểm cầu</th><th scope="col">Lần đầu tải</th><th scope="col" class="num">Số lần</th></tr></thead>
<tbody>${d.downloaded.map((p) => html`<tr><td>${p.name}</td><td>${vnDateTime(new Date(p.firstAt), c.timezone)}</td><td class="num">${vnNumber(p.count)}</td></tr>`)}</tbody></table></div>`
}
${d.notDownloaded.length > 0 && html`<p><b>Chưa tải:</b> ${d.notDownloaded.map((p) => p.name).join('; ')}</p>`}
</details>`
    : html`<p class="muted small">Chỉ gửi đại biểu: không theo dõi theo điểm cầu.</p>`
}
</li>`;
}

function uploadForm(v: MaterialsView, caller: ConsoleCaller): SafeHtml {
  const s = v.form;
  const c = v.conference;
  // The token travels in the address: the multipart fields are the materials service's to read, and it takes only its own.
  return html`<section class="card" aria-labelledby="gui-tl"><h2 id="gui-tl">Gửi tài liệu mới</h2>
<p class="muted">PDF, Word, Excel, PowerPoint, ZIP, PNG hoặc JPEG. Khi giấy mời đã gửi, các điểm cầu và đại biểu nhận thư báo có tài liệu mới.</p>
${s.problem && notice('error', s.problem)}
${errorSummary(s.errors, (x) => `tl-${x}`)}
<form method="post" action="${materialsUrl(c.id)}?_csrf=${encodeURIComponent(caller.csrf)}" enctype="multipart/form-data" novalidate>
${input({ id: 'tl-title', name: 'title', label: MATERIAL_FIELDS.title, required: true, value: s.values.title, error: s.errors.title })}
<div class="grid2">${select({ id: 'tl-audience', name: 'audience', label: MATERIAL_FIELDS.audience, required: true, choices: MATERIAL_AUDIENCES.map((a) => ({ value: a, label: AUDIENCE_LABELS[a] })), value: s.values.audience ?? 'all', error: s.errors.audience })}
${select({ id: 'tl-agendaItemId', name: 'agendaItemId', label: MATERIAL_FIELDS.agendaItemId, empty: '(không thuộc mục nào)', choices: v.items.map((i) => ({ value: i.id, label: i.title })), value: s.values.agendaItemId, error: s.errors.agendaItemId })}</div>
<div class="${s.errors.file ? 'field has-error' : 'field'}"><label for="tl-file">${MATERIAL_FIELDS.file} <span class="req" aria-hidden="true">*</span></label>
<input type="file" id="tl-file" name="file" aria-required="true"${s.errors.file ? html` aria-invalid="true" aria-describedby="tl-file-loi"` : null}>
${s.errors.file && html`<p class="error" id="tl-file-loi">${s.errors.file}</p>`}</div>
<button type="submit" class="primary">Gửi tài liệu</button>
</form></section>`;
}

/** `…/materials/:materialId/remove`: the confirmation before a material, its file and its download log go. */
export function materialRemovePage(c: ConferenceResponseDto, m: MaterialResponseDto, caller: ConsoleCaller, problem?: string): string {
  return consolePage({
    title: `Xóa tài liệu ${m.title}`,
    caller,
    trail: [HOME, { href: conferenceUrl(c.id), label: c.title }, { href: materialsUrl(c.id), label: 'Tài liệu' }],
    body: html`<section class="card message" aria-labelledby="tieu-de">
<h1 id="tieu-de">Xóa tài liệu ${m.title}?</h1>
<p class="meta"><span>${m.fileName}</span> · <span>${size(m.size)}</span> · <span>${AUDIENCE_LABELS[m.audience]}</span></p>
${problem && notice('error', problem)}
<p>Tệp, nhật ký tải về của các điểm cầu và đường dẫn tải đã gửi sẽ bị xóa theo; các điểm cầu và đại biểu không tải được tài liệu này nữa. Không khôi phục được; việc xóa được ghi vào nhật ký.</p>
<div class="form-actions">
${buttonForm({ action: `${materialsUrl(c.id)}/${m.id}/remove`, csrf: csrfField(caller.csrf), label: 'Xóa tài liệu', kind: 'danger' })}
<a href="${materialsUrl(c.id)}#tl-${m.id}">Không xóa, quay lại</a>
</div>
</section>`,
  });
}
