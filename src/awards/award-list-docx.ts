import { Document, Packer, Paragraph, Table } from 'docx';
import { FONT_SIZE_PT } from '../documents/decree-30';
import { centeredLine, decree30Page, decree30Styles, ruledTable, RuledColumn } from '../documents/docx-builders';
import { AWARD_LIST_HEADERS, AwardList } from './award-list';

const COLUMNS: RuledColumn[] = AWARD_LIST_HEADERS.map((header, i) => ({
  header,
  width: [6, 22, 16, 20, 26, 16, 14][i],
  center: i === 0,
}));

/**
 * The award list as a Word document, set as Decree 30 asks (A4, its margins, Times New Roman):
 * the heading "DANH SÁCH KHEN THƯỞNG", the conference, then per decision the line "(Kèm theo
 * Quyết định số … ngày … của …)", its award title and one table with "I. TẬP THỂ" and
 * "II. CÁ NHÂN" sections.
 */
export async function awardListDocx(list: AwardList): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    centeredLine(list.title, { bold: true, size: FONT_SIZE_PT.title }),
    centeredLine(list.conferenceTitle, { italic: true }, 240),
  ];
  if (list.groups.length === 0) children.push(centeredLine('(Chưa có quyết định khen thưởng)', { italic: true }));
  for (const group of list.groups) {
    children.push(
      centeredLine(group.decisionLine, { italic: true }, 60),
      centeredLine(group.awardTitle.toUpperCase(), { bold: true }, 120),
      ruledTable(
        COLUMNS,
        group.sections.flatMap((section) => [{ label: section.label }, ...section.recipients.map((cells) => ({ cells }))]),
      ),
      new Paragraph({ spacing: { before: 0, after: 240 }, children: [] }),
    );
  }
  const document = new Document({
    title: `${list.title} - ${list.conferenceTitle}`,
    creator: 'Hội nghị',
    styles: decree30Styles(),
    sections: [{ properties: decree30Page(), children }],
  });
  return Packer.toBuffer(document);
}
