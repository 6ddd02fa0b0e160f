import { EvaluationOfLink } from '../training/evaluation.service';
import { FormFields } from './form-body';
import { html, SafeHtml } from './html';
import { FieldErrors } from './page-form';
import { errorSummary, FormState, notice } from './widgets';

/** The page's evaluation section (phiếu đánh giá): the form while it is open, thanks once submitted. */

export const EVALUATION_DONE = 'Cảm ơn đồng chí đã gửi phiếu đánh giá.';
/** The value of `?xong=` after the form was sent. */
export const EVALUATION_DONE_KEY = 'danh-gia';

const FIELD_PREFIX = 'dg-';
export const evaluationFieldId = (questionId: string): string => `${FIELD_PREFIX}${questionId}`;

/** The answers of a form post, by question id: fields named dg-<id>; the API's rules then judge them. */
export function answersOfForm(fields: FormFields | undefined): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields ?? {})) {
    if (name.startsWith(FIELD_PREFIX) && typeof value === 'string') answers[name.slice(FIELD_PREFIX.length)] = value;
  }
  return answers;
}

/** The API's refusal details (field `answers.<id>`) as the page's messages, by question id. */
export function evaluationErrors(details: { field?: string; message?: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const d of details) {
    if (d.field?.startsWith('answers.') && d.message) errors[d.field.slice('answers.'.length)] = d.message;
  }
  return errors;
}

export function evaluationSection(token: string, evaluation: EvaluationOfLink, form: FormState | undefined, done: boolean): SafeHtml | null {
  if (evaluation.questions.length === 0) return null;
  if (evaluation.submitted) {
    return html`<section class="card" id="danh-gia" aria-labelledby="danh-gia-h"><h2 id="danh-gia-h">Phiếu đánh giá</h2>
${notice(done ? 'ok' : 'info', EVALUATION_DONE)}
</section>`;
  }
  if (!evaluation.open) return null;
  const state = form ?? { values: {}, errors: {} };
  const questions = evaluation.questions.map((q) => {
    const id = evaluationFieldId(q.id);
    const error = state.errors[q.id];
    const value = state.values[id] ?? '';
    const errorHtml = error && html`<p class="error" id="${id}-loi">${error}</p>`;
    if (q.kind === 'text') {
      return html`<div class="${error ? 'field has-error' : 'field'}">
<label for="${id}">${q.text}</label>
${errorHtml}
<textarea id="${id}" name="${id}" rows="3"${error ? html` aria-invalid="true" aria-describedby="${id}-loi"` : null}>${value}</textarea>
</div>`;
    }
    return html`<fieldset class="${error ? 'field has-error' : 'field'}" id="${id}"${error ? html` aria-describedby="${id}-loi"` : null}>
<legend>${q.text} <span class="muted small">(1: rất không hài lòng – 5: rất hài lòng)</span></legend>
${errorHtml}
${[1, 2, 3, 4, 5].map(
  (mark) => html`<label class="radio"><input type="radio" id="${id}-${mark}" name="${id}" value="${String(mark)}"${value === String(mark) ? html` checked` : null}> ${String(mark)}</label>`,
)}
</fieldset>`;
  });
  return html`<section class="card" id="danh-gia" aria-labelledby="danh-gia-h"><h2 id="danh-gia-h">Phiếu đánh giá</h2>
<p class="hint">Phiếu được ghi nhận ẩn danh: Ban Tổ chức chỉ biết đồng chí đã gửi phiếu, không biết nội dung trả lời của ai. Có thể bỏ qua câu hỏi không muốn trả lời; mỗi người gửi một lần.</p>
<form method="post" action="/rsvp/${token}/evaluation" novalidate>
${state.problem && notice('error', state.problem)}
${errorSummary(state.errors, evaluationFieldId)}
${questions}
<button type="submit" class="primary">Gửi phiếu đánh giá</button>
</form>
</section>`;
}
