import { Block, DecreeDocument } from '../documents/decree-document';
import { NoticeSections } from './conclusion-notice-sections';
import { actionItemsTable, documentHeader } from './minutes-document';

/** The conclusion notice as a Decree 30 document (thông báo): recipients beside the signer. */
export function noticeDocument(s: NoticeSections, timeZone: string): DecreeDocument {
  const body: Block[] = [];
  if (s.introduction) body.push({ kind: 'paragraph', runs: [{ text: s.introduction }] });
  s.conclusions.forEach((c, i) => body.push({ kind: 'paragraph', runs: [{ text: `${i + 1}. ${c}` }] }));
  if (s.actionItems.length > 0) {
    body.push({ kind: 'paragraph', keepWithNext: true, runs: [{ text: 'Phân công thực hiện:', bold: true }] });
    body.push(actionItemsTable(s.actionItems));
  }
  body.push({
    kind: 'paragraph',
    runs: [{ text: `${s.header.issuingBody} thông báo để các cơ quan, đơn vị biết, thực hiện./.` }],
  });
  return {
    metaTitle: `Thông báo ${s.title}`,
    header: documentHeader(s.header, 'TB', timeZone),
    documentType: 'THÔNG BÁO',
    title: s.title,
    body,
    signatures: {
      left: null,
      right: { authority: s.signer.authority || undefined, caption: s.signer.title || 'NGƯỜI KÝ', name: s.signer.name },
    },
    recipients: { lines: s.distribution, placement: 'beside' },
  };
}
