import { html, SafeHtml } from '../web/html';

export interface SelectOptions {
  id: string;
  name: string;
  label: string;
  choices: { value: string; label: string }[];
  value?: string;
  error?: string;
  hint?: string;
  required?: boolean;
  /** A first choice with an empty value ("Tất cả"). */
  empty?: string;
}

/** A labelled drop-down, its hint and error tied to it like the text fields of src/web/widgets.ts. */
export function select(o: SelectOptions): SafeHtml {
  const errorId = `${o.id}-loi`;
  const hintId = `${o.id}-goi-y`;
  const describedBy = [o.hint ? hintId : null, o.error ? errorId : null].filter(Boolean).join(' ') || null;
  return html`<div class="${o.error ? 'field has-error' : 'field'}">
<label for="${o.id}">${o.label}${o.required ? html` <span class="req" aria-hidden="true">*</span>` : null}</label>
${o.hint && html`<p class="hint" id="${hintId}">${o.hint}</p>`}
<select id="${o.id}" name="${o.name}"${o.required ? html` aria-required="true"` : null}${o.error ? html` aria-invalid="true"` : null}${
    describedBy ? html` aria-describedby="${describedBy}"` : null
  }>
${o.empty !== undefined && html`<option value="">${o.empty}</option>`}
${o.choices.map((c) => html`<option value="${c.value}"${o.value === c.value ? html` selected` : null}>${c.label}</option>`)}
</select>
${o.error && html`<p class="error" id="${errorId}">${o.error}</p>`}
</div>`;
}

export interface PasswordOptions {
  id: string;
  name: string;
  label: string;
  error?: string;
}

export function passwordInput(o: PasswordOptions): SafeHtml {
  const errorId = `${o.id}-loi`;
  return html`<div class="${o.error ? 'field has-error' : 'field'}">
<label for="${o.id}">${o.label} <span class="req" aria-hidden="true">*</span></label>
<input type="password" id="${o.id}" name="${o.name}" autocomplete="current-password" aria-required="true"${
    o.error ? html` aria-invalid="true" aria-describedby="${errorId}"` : null
  }>
${o.error && html`<p class="error" id="${errorId}">${o.error}</p>`}
</div>`;
}
