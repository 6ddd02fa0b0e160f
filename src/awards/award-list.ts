import { AwardDecisionResponseDto, AwardRecipientResponseDto } from './award-decision.dto';
import { AwardSection, sectionsOf } from './award-order';

/**
 * The award list (danh sách khen thưởng) as every export writes it: one group per decision
 * (in award-list order: see compareDecisions), headed by its award title, then "I. TẬP THỂ" and
 * "II. CÁ NHÂN" in order of presentation, numbered from 1 in each section.
 */
export const AWARD_LIST_TITLE = 'DANH SÁCH KHEN THƯỞNG';

export const AWARD_LIST_HEADERS = ['STT', 'Họ và tên / Tên tập thể', 'Chức vụ', 'Đơn vị', 'Thành tích', 'Nơi trao', 'Người trao'] as const;

export interface AwardListGroup {
  number: string;
  /** "(Kèm theo Quyết định số 123/QĐ-TTg ngày 08 tháng 7 năm 2025 của Thủ tướng Chính phủ)" */
  decisionLine: string;
  /** "Bằng khen của Ban Dân vận Trung ương": the form with the decision's own authority (see awardTitle). */
  awardTitle: string;
  sections: AwardSection<string[]>[];
}

export interface AwardList {
  title: string;
  conferenceTitle: string;
  groups: AwardListGroup[];
}

/**
 * "ngày 08 tháng 7 năm 2025" from 2025-07-08: Decree 30 writes days below 10, and January and
 * February, with a leading zero.
 */
export function vnLongDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  const mm = month < 3 ? String(month).padStart(2, '0') : String(month);
  return `ngày ${String(day).padStart(2, '0')} tháng ${mm} năm ${year}`;
}

export const decisionLine = (d: Pick<AwardDecisionResponseDto, 'number' | 'signedAt' | 'issuingAuthority'>): string =>
  `(Kèm theo Quyết định số ${d.number} ${vnLongDate(d.signedAt)} của ${d.issuingAuthority})`;

/** A recipient's cells after STT: a collective without a name is named by its organization. */
function cellsOf(r: AwardRecipientResponseDto): string[] {
  const name = r.name ?? r.organization ?? '';
  return [name, r.title ?? '', r.name ? (r.organization ?? '') : '', r.achievement ?? '', r.bridgePointName ?? '', r.presenterName ?? ''];
}

/**
 * The list of a conference's decisions (recipients already filtered to what the reader may see),
 * in the order given: AwardDecisionsService lists them in award-list order, which needs the
 * award forms' levels that a response does not carry.
 */
export function awardListOf(conferenceTitle: string, decisions: AwardDecisionResponseDto[]): AwardList {
  const groups = decisions
    .filter((d) => d.recipients.length > 0)
    .map((d) => ({
      number: d.number,
      decisionLine: decisionLine(d),
      awardTitle: d.awardTitle,
      sections: sectionsOf(d.recipients).map((section) => ({
        ...section,
        recipients: section.recipients.map((r, i) => [String(i + 1), ...cellsOf(r)]),
      })),
    }));
  return { title: AWARD_LIST_TITLE, conferenceTitle, groups };
}

/** The list as lines of cells, for CSV and XLSX: title lines, the column headers, then each group. */
export interface ListLine {
  kind: 'title' | 'subtitle' | 'blank' | 'header' | 'decision' | 'form' | 'section' | 'row';
  cells: string[];
}

export function awardListLines(list: AwardList): ListLine[] {
  const lines: ListLine[] = [
    { kind: 'title', cells: [list.title] },
    { kind: 'subtitle', cells: [list.conferenceTitle] },
    { kind: 'blank', cells: [] },
    { kind: 'header', cells: [...AWARD_LIST_HEADERS] },
  ];
  for (const group of list.groups) {
    lines.push({ kind: 'decision', cells: [group.decisionLine] });
    lines.push({ kind: 'form', cells: [`Hình thức khen thưởng: ${group.awardTitle}`] });
    for (const section of group.sections) {
      lines.push({ kind: 'section', cells: [section.label] });
      for (const cells of section.recipients) lines.push({ kind: 'row', cells });
    }
  }
  return lines;
}
