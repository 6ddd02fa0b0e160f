import { randomBytes } from 'node:crypto';
import { HttpException, Injectable } from '@nestjs/common';
import { ErrorDetail } from '../common/error-envelope';
import { ImportRowError } from '../common/import-rows';
import { html, SafeHtml } from '../web/html';
import { vnNumber } from '../web/labels';
import { FieldErrors } from '../web/page-form';
import { refusalOnForm } from './conference-form';

/*
 * What the bridge-point, delegate and invitation screens share: reading a list's query, the
 * pager, a table that becomes one card per row on a phone, an import's per-row report and a
 * progress bar.
 */

export const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** `?page=` as a page number from 1; anything else is page 1. */
export const pageNumber = (v: unknown): number => (/^\d{1,6}$/.test(str(v)) && Number(v) >= 1 ? Number(v) : 1);

/** A search text from the query: trimmed, and refused beside its field when absurdly long. */
export function searchText(v: unknown, field: string, errors: FieldErrors, max = 200): string {
  const q = str(v).trim();
  if (q.length <= max) return q;
  errors[field] = `Từ khóa tìm kiếm dài quá ${max} ký tự.`;
  return '';
}

/** A file refused for its size (413), as an error beside the form's file field. */
export function fileTooLarge(error: unknown): { errors: FieldErrors } | null {
  if (!(error instanceof HttpException) || error.getStatus() !== 413) return null;
  const body = error.getResponse() as { message?: string };
  return { errors: { file: typeof body?.message === 'string' ? body.message : 'Tệp quá lớn.' } };
}

/**
 * The API's refusal on the form: a 400's details beside the fields they name (refusalOnForm), and
 * also a 409 about a field the form shows (an email already on the list); a 413 beside the file.
 * Null for anything else, which goes to the error page.
 */
export function besideFields(error: unknown, labels: Record<string, string>): { status: number; errors: FieldErrors; problem?: string } | null {
  const large = fileTooLarge(error);
  if (large) return { status: 413, ...large };
  const onForm = refusalOnForm(error, labels);
  if (!onForm) return null;
  const status = (error as HttpException).getStatus();
  if (status !== 409) return { status, ...onForm };
  const details = ((error as HttpException).getResponse() as { details?: ErrorDetail[] }).details ?? [];
  const errors: FieldErrors = { ...onForm.errors };
  const others = details.filter((d) => {
    if (d.field === 'version' || d.field === 'status' || !labels[d.field] || errors[d.field]) return true;
    errors[d.field] = d.message;
    return false;
  });
  const problem = others.some((d) => d.code === 'stale_version')
    ? 'Thông tin vừa được người khác cập nhật. Vui lòng tải lại trang để xem thông tin mới nhất rồi sửa lại.'
    : others.map((d) => d.message).join(' ') || undefined;
  return { status, errors, problem };
}

/** A list address: `path` with the filters that are set, and the page when past the first. */
export function listUrl(path: string, filters: Record<string, string>, page = 1): string {
  const params = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== ''));
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** "Hiển thị 51–100 trên tổng số 3.356 điểm cầu." */
export function countLine(total: number, page: number, pageSize: number, noun: string, filtered: boolean): string {
  if (total === 0) return filtered ? `Không có ${noun} nào khớp với điều kiện tìm.` : `Chưa có ${noun} nào.`;
  if (total <= pageSize) return `Có ${vnNumber(total)} ${noun}.`;
  return `Hiển thị ${vnNumber((page - 1) * pageSize + 1)}–${vnNumber(Math.min(total, page * pageSize))} trên tổng số ${vnNumber(total)} ${noun}.`;
}

/** Previous / next page links, with the first and last pages for long lists. */
export function pager(page: number, total: number, pageSize: number, urlOf: (page: number) => string): SafeHtml | null {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages === 1) return null;
  return html`<nav class="pager" aria-label="Phân trang">
${page > 2 ? html`<a href="${urlOf(1)}">« Trang đầu</a>` : null}
${page > 1 ? html`<a href="${urlOf(page - 1)}" rel="prev">‹ Trang trước</a>` : null}
<span>Trang ${vnNumber(page)}/${vnNumber(pages)}</span>
${page < pages ? html`<a href="${urlOf(page + 1)}" rel="next">Trang sau ›</a>` : null}
${page < pages - 1 ? html`<a href="${urlOf(pages)}">Trang cuối »</a>` : null}
</nav>`;
}

export interface Column<T> {
  label: string;
  cell: (row: T) => SafeHtml | string | number | null;
  /** A class for the column's cells (e.g. "num" for right-aligned figures). */
  className?: string;
}

/** A table with a caption; on a narrow screen each row becomes a card, each cell labelled (CSS `table.stack`). */
export function stackTable<T>(caption: string, columns: Column<T>[], rows: T[]): SafeHtml {
  return html`<table class="stack">
<caption class="vh">${caption}</caption>
<thead><tr>${columns.map((c) => html`<th scope="col"${c.className ? html` class="${c.className}"` : null}>${c.label}</th>`)}</tr></thead>
<tbody>${rows.map(
    (row) => html`<tr>${columns.map((c) => html`<td data-label="${c.label}"${c.className ? html` class="${c.className}"` : null}><div>${c.cell(row) ?? ''}</div></td>`)}</tr>`,
  )}</tbody>
</table>`;
}

/** Rows shown of an import's errors or warnings; the rest are counted. */
export const REPORT_ROWS_SHOWN = 500;

/** An import's row errors (or warnings) as a table: row, column, what is wrong. */
export function rowReport(caption: string, entries: ImportRowError[], fieldLabel: (field: string) => string): SafeHtml | null {
  if (entries.length === 0) return null;
  const shown = entries.slice(0, REPORT_ROWS_SHOWN);
  return html`${stackTable(caption, [
    { label: 'Dòng', cell: (e: ImportRowError) => vnNumber(e.row), className: 'num' },
    { label: 'Cột', cell: (e: ImportRowError) => fieldLabel(e.field) },
    { label: 'Nội dung', cell: (e: ImportRowError) => e.message },
  ], shown)}
${entries.length > shown.length && html`<p class="muted">Còn ${vnNumber(entries.length - shown.length)} lỗi khác không hiển thị; hãy sửa các lỗi trên rồi kiểm tra lại.</p>`}`;
}

/** A progress bar with its figures in words (the element alone is not read the same by every screen reader). */
export function progressBar(id: string, label: string, done: number, total: number): SafeHtml {
  const percent = total > 0 ? Math.floor((done / total) * 100) : 0;
  return html`<div class="progress-box">
<label for="${id}">${label}</label>
<progress id="${id}" max="${String(Math.max(total, 1))}" value="${String(done)}">${percent}%</progress>
<p class="muted">${vnNumber(done)}/${vnNumber(total)} (${percent}%)</p>
</div>`;
}

interface Kept<T> {
  userId: string;
  value: T;
  at: number;
}

const KEEP_MS = 30 * 60_000;
const KEEP_MAX = 200;

/**
 * Results of a form that has no row of its own to be read back from (a contacts import's report),
 * kept in this process for half an hour so the post can redirect to a page that shows them. Only
 * the user who made one reads it.
 */
@Injectable()
export class ConsoleResults {
  private readonly kept = new Map<string, Kept<unknown>>();

  keep<T>(userId: string, value: T): string {
    const now = Date.now();
    for (const [key, entry] of this.kept) if (now - entry.at > KEEP_MS || this.kept.size >= KEEP_MAX) this.kept.delete(key);
    const key = randomBytes(12).toString('base64url');
    this.kept.set(key, { userId, value, at: now });
    return key;
  }

  read<T>(userId: string, key: string): T | undefined {
    const entry = this.kept.get(key);
    if (!entry || entry.userId !== userId || Date.now() - entry.at > KEEP_MS) return undefined;
    return entry.value as T;
  }
}
