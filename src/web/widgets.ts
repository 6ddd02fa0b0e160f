import { html, SafeHtml } from './html';
import { FieldErrors } from './page-form';
import { FormFields } from './form-body';

export interface InputOptions {
  /** Unique in the page: forms on one page prefix their fields ("xn-chairName"). */
  id: string;
  name: string;
  label: string;
  value?: string | null;
  error?: string;
  hint?: string;
  required?: boolean;
  type?: 'text' | 'email' | 'tel' | 'number';
  inputmode?: 'numeric' | 'tel' | 'email';
  autocomplete?: string;
  multiline?: boolean;
}

/**
 * A labelled field with its hint and its error message beside it, tied together with
 * aria-describedby so a screen reader reads the message with the field.
 */
export function input(o: InputOptions): SafeHtml {
  const errorId = `${o.id}-loi`;
  const hintId = `${o.id}-goi-y`;
  const describedBy = [o.hint ? hintId : null, o.error ? errorId : null].filter(Boolean).join(' ') || null;
  const attrs = html`id="${o.id}" name="${o.name}"${o.required ? html` aria-required="true"` : null}${
    o.error ? html` aria-invalid="true"` : null
  }${describedBy ? html` aria-describedby="${describedBy}"` : null}${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : null}`;
  const control = o.multiline
    ? html`<textarea ${attrs} rows="3">${o.value ?? ''}</textarea>`
    : html`<input ${attrs} type="${o.type === 'number' ? 'text' : (o.type ?? 'text')}"${
        o.inputmode ? html` inputmode="${o.inputmode}"` : null
      } value="${o.value ?? ''}">`;
  return html`<div class="${o.error ? 'field has-error' : 'field'}">
<label for="${o.id}">${o.label}${o.required ? html` <span class="req" aria-hidden="true">*</span>` : null}</label>
${o.hint && html`<p class="hint" id="${hintId}">${o.hint}</p>`}
${control}
${o.error && html`<p class="error" id="${errorId}">${o.error}</p>`}
</div>`;
}

export interface ChoiceOptions {
  id: string;
  name: string;
  legend: string;
  choices: { value: string; label: string }[];
  value?: string;
  error?: string;
}

/** A group of radio buttons in a fieldset, with its error message under the legend. */
export function choice(o: ChoiceOptions): SafeHtml {
  const errorId = `${o.id}-loi`;
  return html`<fieldset class="${o.error ? 'field has-error' : 'field'}"${o.error ? html` aria-describedby="${errorId}"` : null}>
<legend>${o.legend} <span class="req" aria-hidden="true">*</span></legend>
${o.error && html`<p class="error" id="${errorId}">${o.error}</p>`}
${o.choices.map(
  (c, i) => html`<label class="radio"><input type="radio" id="${o.id}-${i}" name="${o.name}" value="${c.value}"${
    o.value === c.value ? html` checked` : null
  }> ${c.label}</label>`,
)}
</fieldset>`;
}

/** The list of what is wrong at the top of a form that came back, each linked to its field. */
export function errorSummary(errors: FieldErrors, idOf: (field: string) => string): SafeHtml | null {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return html`<div class="alert error-summary" role="alert" tabindex="-1">
<p><strong>Thông tin chưa hợp lệ, vui lòng sửa:</strong></p>
<ul>${entries.map(([field, message]) => html`<li><a href="#${idOf(field)}">${message}</a></li>`)}</ul>
</div>`;
}

/** A form's state when it is drawn: the values to show, and the messages (after a failed post). */
export interface FormState {
  values: FormFields;
  errors: FieldErrors;
  /** A message about the whole form (a conflict the service reported). */
  problem?: string;
}

export const emptyForm = (values: FormFields = {}): FormState => ({ values, errors: {} });

export function notice(kind: 'ok' | 'error' | 'info', text: string | SafeHtml): SafeHtml {
  return kind === 'error'
    ? html`<div class="alert error" role="alert">${text}</div>`
    : html`<div class="alert ${kind}" role="status">${text}</div>`;
}

/**
 * The staff sign-in of a page its script fills (the status board, the hall screen), hidden until
 * the script shows it; assets/staff-sign-in-js.ts reads its fields.
 */
export function staffLoginSection(heading: string, audience: string): SafeHtml {
  return html`<section id="login" class="card narrow" aria-labelledby="login-h" hidden>
<h1 id="login-h">${heading}</h1>
<p class="muted">${audience}</p>
<form id="login-form" novalidate>
<div class="field"><label for="login-email">Email</label><input id="login-email" name="email" type="email" autocomplete="username" required></div>
<div class="field"><label for="login-password">Mật khẩu</label><input id="login-password" name="password" type="password" autocomplete="current-password" required></div>
<p id="login-error" class="error" role="alert"></p>
<button type="submit" class="primary">Đăng nhập</button>
</form>
</section>`;
}
