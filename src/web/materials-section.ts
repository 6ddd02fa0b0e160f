import { PublicMaterialDto } from '../materials/material.dto';
import { html, SafeHtml } from './html';

const sizeVi = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/**
 * The materials a link may see, each a download link to the public file route of the same link
 * (so a download from the page is recorded like one through the API). Nothing when there are none.
 */
export function materialsSection(materials: PublicMaterialDto[]): SafeHtml | null {
  if (materials.length === 0) return null;
  return html`<section class="card" id="tai-lieu" aria-labelledby="tai-lieu-h"><h2 id="tai-lieu-h">Tài liệu hội nghị</h2>
<ul class="materials">
${materials.map(
  (m) => html`<li><a href="${m.downloadPath}" download="${m.fileName}">${m.title}</a> <span class="muted small">${m.fileName} · ${sizeVi(m.size)}</span></li>
`,
)}</ul>
</section>`;
}
