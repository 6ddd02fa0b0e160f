import { MinutesSections } from '../minutes/minutes-sections';
import { FormFields } from '../web/form-body';
import { FieldErrors } from '../web/page-form';
import { readTime } from './conference-form';
import { DAY_EXAMPLE, formatVnDay, parseVnDay, str } from './console-screen-kit';
import { formatWallTime } from './console-time';

/**
 * The minutes (biên bản) as a form: each editable section a field (or a few), proceedings and
 * action items as rows. Field names are the API's section paths without "sections." ("header.date",
 * "actionItems.2.deadline"), so a refusal of the service lands beside the field it names.
 */

export const MINUTES_FIELDS: Record<string, string> = {
  'header.superiorBody': 'Cơ quan chủ quản',
  'header.issuingBody': 'Cơ quan ban hành',
  'header.abbreviation': 'Ký hiệu viết tắt của cơ quan',
  'header.number': 'Số biên bản',
  'header.place': 'Địa danh',
  'header.date': 'Ngày lập biên bản',
  title: 'Tên hội nghị',
  'opening.startedAt': 'Thời gian bắt đầu',
  'opening.venue': 'Địa điểm',
  'composition.chair.title': 'Chức vụ người chủ trì',
  'composition.chair.name': 'Họ tên người chủ trì',
  'composition.secretary.title': 'Chức vụ thư ký',
  'composition.secretary.name': 'Họ tên thư ký',
  proceedings: 'Diễn biến hội nghị',
  conclusions: 'Kết luận của chủ trì',
  actionItems: 'Nhiệm vụ',
  'closing.endedAt': 'Thời gian kết thúc',
  'closing.text': 'Lời kết',
  'signatures.secretary.title': 'Chức vụ người ký bên trái (thư ký)',
  'signatures.secretary.name': 'Họ tên người ký bên trái (thư ký)',
  'signatures.chair.title': 'Chức vụ người ký bên phải (chủ trì)',
  'signatures.chair.name': 'Họ tên người ký bên phải (chủ trì)',
  distribution: 'Nơi nhận',
};

const SIMPLE = Object.keys(MINUTES_FIELDS).filter((f) => !['proceedings', 'conclusions', 'actionItems', 'distribution'].includes(f));

export const PROCEEDING_PARTS: Record<string, string> = { time: 'giờ', title: 'nội dung', speakers: 'người phát biểu (mỗi người một dòng)', summary: 'tóm tắt ý kiến' };
export const ACTION_PARTS: Record<string, string> = { description: 'nội dung', assignee: 'đơn vị thực hiện', deadline: 'hạn hoàn thành' };

/** Rows a form shows beyond the filled ones, and how many "thêm dòng" adds. */
export const BLANK_ROWS = { proceedings: 1, actionItems: 2 } as const;
export const ADD_ROWS = 3;
export type RowSection = keyof typeof BLANK_ROWS;

/** The label of a row's field, for the messages beside it: "Nhiệm vụ 3: hạn hoàn thành". */
export function rowLabel(section: RowSection, index: number, part: string): string {
  return section === 'actionItems' ? `Nhiệm vụ ${index + 1}: ${ACTION_PARTS[part]}` : `Diễn biến, dòng ${index + 1}: ${PROCEEDING_PARTS[part]}`;
}

export function rowCount(values: FormFields, section: RowSection): number {
  const n = Number(values[`rows.${section}`]);
  return Number.isInteger(n) && n >= 0 && n <= 1000 ? n : 0;
}

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** The form filled with the stored sections, plus blank rows. */
export function minutesValues(s: MinutesSections, timeZone: string): FormFields {
  const v: FormFields = {
    'header.superiorBody': s.header.superiorBody ?? '',
    'header.issuingBody': s.header.issuingBody,
    'header.abbreviation': s.header.abbreviation,
    'header.number': s.header.number ?? '',
    'header.place': s.header.place,
    'header.date': formatVnDay(s.header.date),
    title: s.title,
    'opening.startedAt': formatWallTime(new Date(s.opening.startedAt), timeZone),
    'opening.venue': s.opening.venue ?? '',
    'composition.chair.title': s.composition.chair.title,
    'composition.chair.name': s.composition.chair.name,
    'composition.secretary.title': s.composition.secretary.title,
    'composition.secretary.name': s.composition.secretary.name,
    conclusions: s.conclusions.join('\n'),
    'closing.endedAt': formatWallTime(new Date(s.closing.endedAt), timeZone),
    'closing.text': s.closing.text,
    'signatures.secretary.title': s.signatures.secretary.title,
    'signatures.secretary.name': s.signatures.secretary.name,
    'signatures.chair.title': s.signatures.chair.title,
    'signatures.chair.name': s.signatures.chair.name,
    distribution: s.distribution.join('\n'),
  };
  s.proceedings.forEach((p, i) => {
    v[`proceedings.${i}.agendaItemId`] = p.agendaItemId ?? '';
    v[`proceedings.${i}.time`] = p.time;
    v[`proceedings.${i}.title`] = p.title;
    v[`proceedings.${i}.speakers`] = p.speakers.join('\n');
    v[`proceedings.${i}.summary`] = p.summary;
  });
  v['rows.proceedings'] = String(s.proceedings.length + BLANK_ROWS.proceedings);
  s.actionItems.forEach((a, i) => {
    v[`actionItems.${i}.actionItemId`] = a.actionItemId ?? '';
    v[`actionItems.${i}.description`] = a.description;
    v[`actionItems.${i}.assignee`] = a.assignee;
    v[`actionItems.${i}.deadline`] = formatVnDay(a.deadline);
  });
  v['rows.actionItems'] = String(s.actionItems.length + BLANK_ROWS.actionItems);
  return v;
}

/** What was posted, as the form shows it again (rows included, their count kept). */
export function postedValues(fields: FormFields): FormFields {
  const v: FormFields = {};
  for (const name of [...SIMPLE, 'conclusions', 'distribution']) v[name] = str(fields[name]);
  for (const section of ['proceedings', 'actionItems'] as const) {
    const count = rowCount(fields, section);
    v[`rows.${section}`] = String(count);
    const parts = section === 'proceedings' ? [...Object.keys(PROCEEDING_PARTS), 'agendaItemId', 'remove'] : [...Object.keys(ACTION_PARTS), 'actionItemId', 'remove'];
    for (let i = 0; i < count; i++) for (const part of parts) v[`${section}.${i}.${part}`] = str(fields[`${section}.${i}.${part}`]);
  }
  return v;
}

export interface SectionsBody {
  sections: Record<string, unknown>;
  errors: FieldErrors;
  /** The form row each API row came from (rows left blank or marked for removal are not sent). */
  rowOf: { proceedings: number[]; actionItems: number[] };
}

/**
 * The sections a saved form stands for: the editable ones, whole; the list of delegates by point
 * (not on the form) kept from the stored minutes. Dates and times are read on the page
 * (their shape is its own to explain); everything else is the service's to check.
 */
export function sectionsBody(v: FormFields, stored: MinutesSections, timeZone: string): SectionsBody {
  const errors: FieldErrors = {};
  const orNull = (text: string) => (text.trim() ? text : null);
  let date: string | undefined;
  if (!v['header.date'].trim()) errors['header.date'] = `Vui lòng nhập ngày lập biên bản, ví dụ ${DAY_EXAMPLE}.`;
  else date = parseVnDay(v['header.date']) ?? undefined;
  if (v['header.date'].trim() && !date) errors['header.date'] = `Ngày lập biên bản phải là một ngày có thật, viết dạng ngày/tháng/năm, ví dụ ${DAY_EXAMPLE}.`;
  const startedAt = readTime('opening.startedAt', MINUTES_FIELDS['opening.startedAt'], v['opening.startedAt'], timeZone, errors);
  const endedAt = readTime('closing.endedAt', MINUTES_FIELDS['closing.endedAt'], v['closing.endedAt'], timeZone, errors);

  const rowOf: SectionsBody['rowOf'] = { proceedings: [], actionItems: [] };
  const proceedings: Record<string, unknown>[] = [];
  for (let i = 0; i < rowCount(v, 'proceedings'); i++) {
    const at = (part: string) => v[`proceedings.${i}.${part}`] ?? '';
    if (at('remove') === 'true' || Object.keys(PROCEEDING_PARTS).every((p) => !at(p).trim())) continue;
    rowOf.proceedings.push(i);
    proceedings.push({ agendaItemId: at('agendaItemId') || null, time: at('time').trim(), title: at('title'), speakers: lines(at('speakers')), summary: at('summary') });
  }
  const actionItems: Record<string, unknown>[] = [];
  for (let i = 0; i < rowCount(v, 'actionItems'); i++) {
    const at = (part: string) => v[`actionItems.${i}.${part}`] ?? '';
    if (at('remove') === 'true' || Object.keys(ACTION_PARTS).every((p) => !at(p).trim())) continue;
    let deadline: string | null = null;
    if (at('deadline').trim()) {
      deadline = parseVnDay(at('deadline'));
      if (!deadline) errors[`actionItems.${i}.deadline`] = `${rowLabel('actionItems', i, 'deadline')} phải là một ngày có thật, viết dạng ngày/tháng/năm, ví dụ ${DAY_EXAMPLE}.`;
    }
    rowOf.actionItems.push(i);
    actionItems.push({ actionItemId: at('actionItemId') || null, description: at('description'), assignee: at('assignee'), deadline });
  }

  const sections: Record<string, unknown> = {
    header: {
      superiorBody: orNull(v['header.superiorBody']),
      issuingBody: v['header.issuingBody'],
      abbreviation: v['header.abbreviation'].trim(),
      number: v['header.number'].trim() || null,
      place: v['header.place'],
      date: date ?? stored.header.date,
    },
    title: v.title,
    opening: { startedAt: startedAt ?? stored.opening.startedAt, venue: orNull(v['opening.venue']) },
    composition: {
      chair: { title: v['composition.chair.title'], name: v['composition.chair.name'] },
      secretary: { title: v['composition.secretary.title'], name: v['composition.secretary.name'] },
      delegatesByBridgePoint: stored.composition.delegatesByBridgePoint,
    },
    proceedings,
    conclusions: lines(v.conclusions),
    actionItems,
    closing: { endedAt: endedAt ?? stored.closing.endedAt, text: v['closing.text'] },
    signatures: {
      secretary: { title: v['signatures.secretary.title'], name: v['signatures.secretary.name'] },
      chair: { title: v['signatures.chair.title'], name: v['signatures.chair.name'] },
    },
    distribution: lines(v.distribution),
  };
  return { sections, errors, rowOf };
}

/** The form field an API field of the minutes is shown beside ("sections.actionItems.0.deadline" → the row it came from). */
export function minutesFieldOf(rowOf: SectionsBody['rowOf']): (apiField: string) => string | undefined {
  return (apiField) => {
    const path = apiField.replace(/^sections\./, '');
    const row = /^(proceedings|actionItems)\.(\d+)(?:\.(\w+))?/.exec(path);
    if (row) {
      const section = row[1] as RowSection;
      const formRow = rowOf[section][Number(row[2])];
      if (formRow === undefined) return section;
      const part = row[3] && (section === 'proceedings' ? PROCEEDING_PARTS : ACTION_PARTS)[row[3]] ? row[3] : section === 'proceedings' ? 'title' : 'description';
      return `${section}.${formRow}.${part}`;
    }
    if (MINUTES_FIELDS[path]) return path;
    const top = path.split('.')[0];
    if (top === 'conclusions' || top === 'distribution') return top;
    return undefined;
  };
}

/** Labels of every field of a posted form, rows included, for the messages beside them. */
export function minutesLabels(v: FormFields): Record<string, string> {
  const labels: Record<string, string> = { ...MINUTES_FIELDS };
  for (const section of ['proceedings', 'actionItems'] as const) {
    const parts = section === 'proceedings' ? PROCEEDING_PARTS : ACTION_PARTS;
    for (let i = 0; i < rowCount(v, section); i++) for (const part of Object.keys(parts)) labels[`${section}.${i}.${part}`] = rowLabel(section, i, part);
  }
  return labels;
}
