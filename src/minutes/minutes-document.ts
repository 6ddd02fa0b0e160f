import { placeAndDate } from '../documents/decree-30';
import { Block, DecreeDocument } from '../documents/decree-document';
import { dayAsInstant, hourMinuteDate } from '../documents/document-time';
import { vnDeadline } from './action-item-deadline';
import { numberLine } from './document-number';
import { connectionSentences, hasStandings, STANDING_LABELS, standingOf } from './minutes-attendance';
import { ActionItemLine, BridgePointLine, DelegatesAtPoint, DocumentHeader, MinutesSections, PersonLine } from './minutes-sections';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
/** Dots left for a blank the secretary fills in by hand. */
const BLANK = '………………………';

const count = (n: number | null) => (n === null ? '' : n.toLocaleString('vi-VN'));
const sum = (values: (number | null)[]) => values.reduce<number>((s, v) => s + (v ?? 0), 0);
const p = (text: string, extra: Partial<Extract<Block, { kind: 'paragraph' }>> = {}): Block => ({ kind: 'paragraph', runs: [{ text }], ...extra });
const labelled = (label: string, text: string): Block => ({ kind: 'paragraph', runs: [{ text: label, bold: true }, { text }] });
const person = (x: PersonLine) => (x.name ? `Đồng chí ${x.name}${x.title ? `, ${x.title}` : ''}` : BLANK);

/** The bridge points with their attendance, and each one's standing when the minutes record it. */
function pointsTable(points: BridgePointLine[], withStanding: boolean): Block {
  const standing = withStanding ? [{ header: 'Tình trạng', width: 22 }] : [];
  return {
    kind: 'table',
    columns: [
      { header: 'STT', width: withStanding ? 7 : 8, center: true },
      { header: 'Điểm cầu', width: withStanding ? 47 : 60 },
      ...standing,
      { header: 'Dự kiến', width: withStanding ? 12 : 16, center: true },
      { header: 'Thực tế', width: withStanding ? 12 : 16, center: true },
    ],
    rows: points.map((x, i) => [
      String(i + 1),
      x.name,
      ...(withStanding ? [STANDING_LABELS[standingOf(x)]] : []),
      count(x.expected),
      count(x.actual),
    ]),
  };
}

/**
 * "- Điểm cầu tỉnh Bắc Ninh (27 đại biểu): …": the point's attendance and who attended by name;
 * when fewer people are named than the point counted, the line says how many are named.
 */
function delegatesLine(d: DelegatesAtPoint): Block {
  const names = d.delegates.map((x) => (x.title ? `${x.name} (${x.title})` : x.name)).join('; ');
  const named = d.delegates.length === d.count || !names ? '' : `; đại biểu đã điểm danh (${count(d.delegates.length)})`;
  return {
    kind: 'paragraph',
    runs: [{ text: `- ${d.name} (${count(d.count)} đại biểu)`, bold: true }, ...(names ? [{ text: `${named}: ${names}.` }] : [{ text: '.' }])],
  };
}

export function documentHeader(h: DocumentHeader, type: 'BB' | 'TB', timeZone: string): DecreeDocument['header'] {
  return {
    superiorBody: h.superiorBody,
    issuingBody: h.issuingBody,
    numberLine: numberLine(h.number, type, h.abbreviation),
    placeAndDate: placeAndDate(h.place, dayAsInstant(h.date), timeZone),
  };
}

export function actionItemsTable(items: ActionItemLine[]): Block {
  return {
    kind: 'table',
    columns: [
      { header: 'STT', width: 7, center: true },
      { header: 'Nhiệm vụ', width: 55 },
      { header: 'Đơn vị thực hiện', width: 24 },
      { header: 'Thời hạn', width: 14, center: true },
    ],
    rows: items.map((a, i) => [String(i + 1), a.description, a.assignee, a.deadline ? vnDeadline(a.deadline) : '']),
  };
}

/**
 * The minutes as a Decree 30 document (biên bản): time and place, the bridge points with their
 * attendance, the composition, the proceedings along the agenda, the awards, the conclusions,
 * the action items, the closing line, THƯ KÝ and CHỦ TỌA, the recipients.
 */
export function minutesDocument(s: MinutesSections, timeZone: string): DecreeDocument {
  const body: Block[] = [];
  let part = 0;
  const heading = (text: string) => body.push({ kind: 'heading', text: `${ROMAN[part++]}. ${text}` });

  body.push(labelled('Thời gian bắt đầu: ', `${hourMinuteDate(new Date(s.opening.startedAt), timeZone)}.`));
  if (s.opening.venue) body.push(labelled('Địa điểm: ', `${s.opening.venue}.`));

  const points = s.bridgePoints.items;
  const totals =
    `tổng số đại biểu theo kế hoạch ${count(sum(points.map((x) => x.expected)))}, ` +
    `thực tế tham dự ${count(sum(points.map((x) => x.actual)))}`;
  if (hasStandings(points)) {
    heading('CÁC ĐIỂM CẦU');
    for (const sentence of connectionSentences(points)) body.push(p(sentence));
    body.push(p(`${totals.charAt(0).toUpperCase()}${totals.slice(1)}.`));
    if (points.length > 0) body.push(pointsTable(points, true));
  } else {
    // Minutes drafted before each point's connection state was recorded keep their wording.
    heading('CÁC ĐIỂM CẦU THAM DỰ');
    body.push(p(`Hội nghị được kết nối tới ${count(s.bridgePoints.count)} điểm cầu; ${totals}.`));
    if (points.length > 0) body.push(pointsTable(points, false));
  }

  heading('THÀNH PHẦN THAM DỰ');
  body.push(labelled('Chủ tọa: ', person(s.composition.chair)));
  body.push(labelled('Thư ký: ', person(s.composition.secretary)));
  if (s.composition.delegatesByBridgePoint.length > 0) {
    body.push(p('Đại biểu dự tại các điểm cầu:'));
    for (const d of s.composition.delegatesByBridgePoint) body.push(delegatesLine(d));
  }

  heading('NỘI DUNG HỘI NGHỊ');
  if (s.proceedings.length === 0) body.push(p(BLANK));
  s.proceedings.forEach((x, i) => {
    body.push({ kind: 'paragraph', keepWithNext: true, runs: [{ text: `${i + 1}. ${x.time} – ${x.title}`, bold: true }] });
    if (x.speakers.length > 0) body.push({ kind: 'paragraph', runs: [{ text: 'Trình bày: ', italic: true }, { text: `${x.speakers.join('; ')}.` }] });
    if (x.summary) for (const line of x.summary.split(/\n+/).filter((l) => l.trim())) body.push(p(line));
  });

  if (s.awards.length > 0) {
    heading('TRAO TẶNG KHEN THƯỞNG');
    for (const a of s.awards) {
      const decision = a.number ? ` (Quyết định số ${a.number}${a.issuingAuthority ? ` của ${a.issuingAuthority}` : ''})` : '';
      body.push({ kind: 'paragraph', keepWithNext: true, runs: [{ text: `Trao tặng ${a.awardFormName}${decision} cho:`, bold: true }] });
      for (const r of a.recipients) {
        const who = [r.name, r.title, r.organization].filter(Boolean).join(', ');
        body.push(p(`- ${who}${r.achievement ? `: ${r.achievement}` : ''}.`, { indent: false }));
      }
    }
  }

  heading('KẾT LUẬN CỦA CHỦ TỌA');
  if (s.conclusions.length === 0) body.push(p(BLANK));
  for (const c of s.conclusions) body.push(p(c));

  if (s.actionItems.length > 0) {
    heading('NHIỆM VỤ ĐƯỢC GIAO');
    body.push(actionItemsTable(s.actionItems));
  }

  body.push(p(`Hội nghị kết thúc vào hồi ${hourMinuteDate(new Date(s.closing.endedAt), timeZone)}.`));
  if (s.closing.text) body.push(p(s.closing.text));

  return {
    metaTitle: `Biên bản ${s.title}`,
    header: documentHeader(s.header, 'BB', timeZone),
    documentType: 'BIÊN BẢN',
    title: s.title,
    body,
    signatures: {
      left: { caption: 'THƯ KÝ', note: '(Ký, ghi rõ họ tên)', name: s.signatures.secretary.name },
      right: { caption: 'CHỦ TỌA', note: '(Ký, ghi rõ họ tên)', name: s.signatures.chair.name },
    },
    recipients: s.distribution.length > 0 ? { lines: s.distribution, placement: 'below' } : null,
  };
}
