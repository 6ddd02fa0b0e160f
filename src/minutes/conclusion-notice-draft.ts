import { Conference } from '../conferences/conference.entity';
import { NoticeSections } from './conclusion-notice-sections';
import { MinutesSections } from './minutes-sections';
import { longDate } from '../documents/document-time';

const FORMAT_WORDS: Record<Conference['format'], string> = {
  in_person: 'trực tiếp',
  online: 'trực tuyến',
  hybrid: 'trực tiếp kết hợp trực tuyến',
};

/** "Hội nghị toàn quốc …" stays as it is; another name gets "Hội nghị" in front. */
const asConference = (title: string) => (/^hội nghị/i.test(title) ? title : `Hội nghị ${title}`);

/**
 * A conclusion notice (thông báo kết luận) drafted from approved minutes: the same issuing body,
 * a new serial, today's date; the chair's conclusions and the action items, as approved.
 */
export function draftNotice(conference: Conference, minutes: MinutesSections, today: string, serial: string | null): NoticeSections {
  const chair = minutes.signatures.chair;
  const who = chair.name ? `đồng chí ${chair.name}${chair.title ? `, ${chair.title}` : ''}` : 'đồng chí chủ trì Hội nghị';
  // The points the minutes found connected by check (the main one not among them).
  const points = minutes.bridgePoints.count;
  const connected = conference.format === 'in_person' || points === 0 ? '' : `, kết nối tới ${points} điểm cầu`;
  const day = longDate(new Date(minutes.opening.startedAt), conference.timezone);
  return {
    header: { ...minutes.header, number: serial, date: today },
    title: `Kết luận của ${who} tại ${asConference(minutes.title)}`,
    introduction:
      `Ngày ${day}, ${minutes.header.issuingBody} tổ chức ${asConference(minutes.title)} theo hình thức ` +
      `${FORMAT_WORDS[conference.format]}${connected}. ${who.charAt(0).toUpperCase()}${who.slice(1)} chủ trì Hội nghị. ` +
      `Sau khi nghe các báo cáo, ý kiến thảo luận của đại biểu, ${who} kết luận như sau:`,
    conclusions: minutes.conclusions,
    actionItems: minutes.actionItems,
    signer: { authority: '', title: chair.title.toLocaleUpperCase('vi'), name: chair.name },
    distribution: ['Các điểm cầu dự Hội nghị', 'Các đơn vị được giao nhiệm vụ', 'Lưu: VT'],
  };
}
