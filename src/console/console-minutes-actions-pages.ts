import { ConferenceResponseDto } from '../conferences/conference.dto';
import { ActionItemResponseDto } from '../minutes/action-item.dto';
import { ACTION_ITEM_STATUSES, ActionItemStatus } from '../minutes/action-item.entity';
import { html, SafeHtml } from '../web/html';
import { vnNumber } from '../web/labels';
import { errorSummary, input, notice } from '../web/widgets';
import { ConsoleCaller } from './console-caller';
import { consolePage, csrfField } from './console-layout';
import { FormState } from './console-minutes-pages';
import { conferenceUrl, DAY_EXAMPLE, formatVnDay } from './console-screen-kit';
import { select } from './console-widgets';

export const ACTION_STATUS_LABELS: Record<ActionItemStatus, string> = { open: 'Chưa thực hiện', in_progress: 'Đang thực hiện', done: 'Đã hoàn thành' };

export const ACTION_FIELDS: Record<string, string> = {
  description: 'Nội dung nhiệm vụ',
  assignee: 'Đơn vị thực hiện',
  deadline: 'Hạn hoàn thành',
  status: 'Tình trạng',
  progressNote: 'Kết quả thực hiện',
};

export interface ActionItemsView {
  conference: ConferenceResponseDto;
  items: ActionItemResponseDto[];
  flash?: string;
  form: FormState;
  /** The progress form of one item, as it came back from a refused post. */
  progress?: { itemId: string; state: FormState };
}

const HOME = { href: '/console', label: 'Danh sách hội nghị' };
export const actionItemsUrl = (id: string) => `${conferenceUrl(id)}/action-items`;
const STAGES = ['published', 'ongoing', 'completed'];
const statusChoices = ACTION_ITEM_STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s] }));

/** `/console/conferences/:id/action-items`: the tasks given at the conference, their progress, and the form to add one. */
export function actionItemsPage(v: ActionItemsView, caller: ConsoleCaller): string {
  const c = v.conference;
  const counts = ACTION_ITEM_STATUSES.map((s) => `${vnNumber(v.items.filter((i) => i.status === s).length)} ${ACTION_STATUS_LABELS[s].toLocaleLowerCase('vi')}`);
  const overdue = v.items.filter((i) => i.overdue).length;
  return consolePage({
    title: `Nhiệm vụ — ${c.title}`,
    caller,
    trail: [HOME, { href: conferenceUrl(c.id), label: c.title }],
    body: html`<div class="page-head"><h1>Nhiệm vụ sau hội nghị</h1><a href="${conferenceUrl(c.id)}/minutes">Biên bản hội nghị</a></div>
${v.flash && notice('ok', v.flash)}
<p class="muted">${vnNumber(v.items.length)} nhiệm vụ: ${counts.join(', ')}${overdue > 0 ? html`; <strong>${vnNumber(overdue)} quá hạn</strong>` : null}.</p>
${v.items.length > 0 && html`<ol class="results task-list">${v.items.map((item) => itemRow(c, item, v, caller))}</ol>`}
${caller.canWrite && (STAGES.includes(c.status) ? addForm(c, v.form, caller) : html`<p class="muted">Nhiệm vụ được giao khi hội nghị đã công bố, đang diễn ra hoặc đã kết thúc.</p>`)}`,
  });
}

function itemRow(c: ConferenceResponseDto, item: ActionItemResponseDto, v: ActionItemsView, caller: ConsoleCaller): SafeHtml {
  const state = v.progress?.itemId === item.id ? v.progress.state : undefined;
  const id = (field: string) => `nv-${item.id.slice(0, 8)}-${field}`;
  return html`<li id="nv-${item.id}">
<h2 class="task">${item.description}</h2>
<p class="meta"><span class="badge t-${item.status}">${ACTION_STATUS_LABELS[item.status]}</span>${item.overdue ? html` <span class="badge overdue">Quá hạn</span>` : null} <span>Đơn vị: ${item.assignee}</span>${
    item.deadline ? html` <span>Hạn: ${formatVnDay(item.deadline)}</span>` : null
  }</p>
${item.progressNote && html`<p><b>Kết quả:</b> ${item.progressNote}</p>`}
${
  caller.canWrite &&
  html`<details${state ? html` open` : null}><summary>Cập nhật tiến độ<span class="visually-hidden">: ${item.description}</span></summary>
${state?.problem && notice('error', state.problem)}
<form method="post" action="${actionItemsUrl(c.id)}/${item.id}" novalidate>${csrfField(caller.csrf)}<input type="hidden" name="version" value="${String(item.version)}">
${select({ id: id('status'), name: 'status', label: ACTION_FIELDS.status, choices: statusChoices, value: state?.values.status ?? item.status, error: state?.errors.status })}
${input({ id: id('progressNote'), name: 'progressNote', label: ACTION_FIELDS.progressNote, multiline: true, value: state?.values.progressNote ?? item.progressNote ?? '', error: state?.errors.progressNote })}
<button type="submit" class="primary">Lưu tiến độ</button>
</form></details>`
}
</li>`;
}

function addForm(c: ConferenceResponseDto, s: FormState, caller: ConsoleCaller): SafeHtml {
  const f = (field: string) => ({ id: `them-${field}`, name: field, label: ACTION_FIELDS[field], value: s.values[field], error: s.errors[field] });
  return html`<section class="card" aria-labelledby="them-nv"><h2 id="them-nv">Giao nhiệm vụ</h2>
${s.problem && notice('error', s.problem)}
${errorSummary(s.errors, (x) => `them-${x}`)}
<form method="post" action="${actionItemsUrl(c.id)}" novalidate>${csrfField(caller.csrf)}
${input({ ...f('description'), required: true, multiline: true })}
<div class="grid2">${input({ ...f('assignee'), required: true, hint: 'Ví dụ: Ban Dân vận Tỉnh ủy Bắc Ninh.' })}${input({ ...f('deadline'), hint: `Ngày/tháng/năm, ví dụ ${DAY_EXAMPLE}.`, autocomplete: 'off' })}</div>
<button type="submit" class="primary">Giao nhiệm vụ</button>
</form></section>`;
}
