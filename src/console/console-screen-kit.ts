import { HttpException, Injectable, Param, PipeTransform } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { ErrorDetail } from '../common/error-envelope';
import { notFound } from '../common/errors';
import { pad2 } from '../common/vietnamese-time';
import { ExportFile } from '../common/spreadsheet-export';
import { html, SafeHtml } from '../web/html';
import { FieldErrors } from '../web/page-form';

/**
 * What the console's screens after the overview share (agenda, minutes, awards, training,
 * materials): reading form fields, the services' refusals beside the fields they name, files.
 */

export const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export const conferenceUrl = (id: string): string => `/console/conferences/${id}`;

export const hasErrors = (errors: FieldErrors): boolean => Object.keys(errors).length > 0;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id of something inside a conference in a console address: anything but a UUID is a page that does not exist. */
@Injectable()
export class ConsoleItemIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !UUID.test(value)) throw notFound('id', 'not_found', 'Không tìm thấy nội dung này.');
    return value.toLowerCase();
  }
}

/** The id of something inside a conference, from the `name` part of a console address, through ConsoleItemIdPipe. */
export const ItemId = (name: string): ParameterDecorator => Param(name, ConsoleItemIdPipe);

const capital = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

export interface Refused {
  status: number;
  errors: FieldErrors;
  problem?: string;
  /** The codes of the details, for screens that answer one refusal in their own way (a confirmation). */
  codes: string[];
  details: ErrorDetail[];
}

export interface RefusalOptions {
  /** The form field an API field is shown beside (default: itself, when it has a label). */
  fieldOf?: (apiField: string) => string | undefined;
  /** What a stale version means on this screen. */
  stale?: string;
}

/**
 * A service's 400 or 409 as the form shows it: each detail that names a field the form has goes
 * beside it (an overlap, 409 time_overlap, beside the start time), with the API's field name
 * replaced by the page's label; the rest is the form's problem. Null for any other error.
 */
export function refusalBeside(error: unknown, labels: Record<string, string>, options: RefusalOptions = {}): Refused | null {
  if (!(error instanceof HttpException)) return null;
  const status = error.getStatus();
  if (status !== 400 && status !== 409 && status !== 413 && status !== 415) return null;
  const body = error.getResponse() as { details?: ErrorDetail[]; message?: string };
  const details = Array.isArray(body?.details) ? body.details : [];
  const errors: FieldErrors = {};
  const others: ErrorDetail[] = [];
  for (const detail of details) {
    const field = options.fieldOf ? options.fieldOf(detail.field) : detail.field;
    const label = field !== undefined ? labels[field] : undefined;
    if (field !== undefined && label && detail.code !== 'stale_version') {
      // A nested field's message names only its last part ('Trường "assignee"'): the page's label says which row.
      if (!errors[field]) errors[field] = detail.message.replace(/Trường "[^"]+"/, capital(label));
    } else {
      others.push(detail);
    }
  }
  let problem: string | undefined;
  if (others.some((d) => d.code === 'stale_version')) {
    problem = options.stale ?? 'Nội dung vừa được người khác cập nhật. Vui lòng tải lại trang, xem thông tin mới nhất rồi thực hiện lại.';
  } else if (others.length > 0 || !hasErrors(errors)) {
    problem = others.map((d) => d.message).filter(Boolean).join(' ') || body?.message || 'Chưa thực hiện được thao tác. Vui lòng tải lại trang rồi thử lại.';
  }
  return { status, errors, problem, codes: details.map((d) => d.code ?? ''), details };
}

/** A file the console hands to the browser (a DOCX, a PDF, a sheet), never cached. */
export function sendFile(reply: FastifyReply, file: ExportFile): void {
  void reply
    .header('cache-control', 'no-store')
    .header('content-type', file.contentType)
    .header('content-disposition', file.disposition)
    .send(file.body);
}

const DAY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** "31/12/2026" as the API's "2026-12-31", or null when it is no such day. */
export function parseVnDay(text: string): string | null {
  const m = DAY.exec(text.trim());
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** "2026-12-31" as "31/12/2026". */
export function formatVnDay(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

export const DAY_EXAMPLE = '31/12/2026';

/** A checkbox with its label, its state kept when the form comes back. */
export function checkbox(o: { id: string; name: string; label: string; checked: boolean; hint?: string }): SafeHtml {
  return html`<div class="field"><label class="check" for="${o.id}"><input type="checkbox" id="${o.id}" name="${o.name}" value="true"${o.checked ? html` checked` : null}> ${o.label}</label>${
    o.hint && html`<p class="hint">${o.hint}</p>`
  }</div>`;
}

/** A one-button form (remove, resend…): the CSRF token, hidden fields and the button. */
export function buttonForm(o: { action: string; csrf: SafeHtml; label: string; hidden?: Record<string, string>; kind?: 'primary' | 'danger' | ''; ariaLabel?: string }): SafeHtml {
  return html`<form method="post" action="${o.action}" class="button-form">${o.csrf}${Object.entries(o.hidden ?? {}).map(
    ([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`,
  )}<button type="submit"${o.kind ? html` class="${o.kind}"` : null}${o.ariaLabel ? html` aria-label="${o.ariaLabel}"` : null}>${o.label}</button></form>`;
}
