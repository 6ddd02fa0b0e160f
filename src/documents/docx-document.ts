import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { DOCX_FONT, FONT_SIZE_PT, mmToTwips, NATIONAL_MOTTO, NATIONAL_TITLE } from './decree-30';
import { Block, DecreeDocument, recipientLines, Run, Signature, upper } from './decree-document';
import { CONTENT_WIDTH_TWIPS, decree30Page, decree30Styles, halfPoints, ruledTable, RunStyle, textRun } from './docx-builders';

const CONTENT_WIDTH = CONTENT_WIDTH_TWIPS;
const HEADER_LEFT = Math.round(CONTENT_WIDTH * 0.42);
const HEADER_RIGHT = CONTENT_WIDTH - HEADER_LEFT;
const SIGNATURE_COLUMN = Math.round(CONTENT_WIDTH / 2);
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };
const RULE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/** A run at the body size unless told; only the motto is underlined. */
const run = (text: string, o: RunStyle & { underline?: boolean } = {}) =>
  o.underline
    ? new TextRun({ text, bold: o.bold, italics: o.italic, underline: {}, size: o.size ? halfPoints(o.size) : undefined })
    : textRun(text, { ...o, size: o.size && o.size !== FONT_SIZE_PT.body ? o.size : undefined });

const centered = (children: TextRun[], after = 0) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after }, children });

/** A short centred rule under a heading: the top border of an empty, indented paragraph. */
const shortRule = (columnWidth: number, share: number) => {
  const side = Math.round((columnWidth * (1 - share)) / 2);
  return new Paragraph({
    spacing: { before: 0, after: 60 },
    indent: { left: side, right: side },
    border: { top: RULE },
    children: [run('', { size: 4 })],
  });
};

const cell = (children: Paragraph[], width: number) =>
  new TableCell({ children, width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, verticalAlign: VerticalAlign.TOP });

function headerTable(doc: DecreeDocument): Table {
  const h = doc.header;
  const left: Paragraph[] = [];
  if (h.superiorBody) left.push(centered([run(upper(h.superiorBody), { size: FONT_SIZE_PT.small })]));
  left.push(centered([run(upper(h.issuingBody), { bold: true, size: FONT_SIZE_PT.header })]));
  left.push(shortRule(HEADER_LEFT, 0.35));
  left.push(centered([run(h.numberLine, { size: FONT_SIZE_PT.header })]));
  const right = [
    centered([run(NATIONAL_TITLE, { bold: true, size: FONT_SIZE_PT.small })]),
    // The motto is underlined over its own length, as the decree draws it.
    centered([run(NATIONAL_MOTTO, { bold: true, underline: true, size: FONT_SIZE_PT.title })], 240),
    centered([run(h.placeAndDate, { italic: true, size: FONT_SIZE_PT.title })]),
  ];
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [HEADER_LEFT, HEADER_RIGHT],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [cell(left, HEADER_LEFT), cell(right, HEADER_RIGHT)] })],
  });
}

const runs = (list: Run[]) => list.map((r) => run(r.text, { bold: r.bold, italic: r.italic }));

function block(b: Block): (Paragraph | Table)[] {
  if (b.kind === 'heading') {
    return [new Paragraph({ keepNext: true, spacing: { before: 120, after: 60 }, children: [run(b.text, { bold: true })] })];
  }
  if (b.kind === 'paragraph') {
    const align = b.align ?? 'justify';
    return [
      new Paragraph({
        alignment: align === 'center' ? AlignmentType.CENTER : align === 'left' ? AlignmentType.LEFT : AlignmentType.JUSTIFIED,
        indent: b.indent === false || align === 'center' ? undefined : { firstLine: mmToTwips(10) },
        keepNext: b.keepWithNext,
        spacing: { before: 0, after: 80, line: 288 },
        children: runs(b.runs),
      }),
    ];
  }
  return [ruledTable(b.columns, b.rows.map((cells) => ({ cells }))), new Paragraph({ spacing: { before: 0, after: 80 }, children: [] })];
}

function signatureParagraphs(s: Signature | null): Paragraph[] {
  if (!s) return [new Paragraph({ children: [] })];
  const out: Paragraph[] = [];
  if (s.authority) out.push(centered([run(upper(s.authority), { bold: true })]));
  out.push(centered([run(upper(s.caption), { bold: true })]));
  if (s.note) out.push(centered([run(s.note, { italic: true })]));
  // Room for the signature and the seal.
  for (let i = 0; i < 4; i++) out.push(centered([run('')]));
  out.push(centered([run(s.name, { bold: true })]));
  return out;
}

function recipientParagraphs(lines: string[]): Paragraph[] {
  const entries = recipientLines(lines);
  // Kept on one page: each line keeps with the next.
  return [
    new Paragraph({ keepNext: true, children: [run('Nơi nhận:', { bold: true, italic: true, size: FONT_SIZE_PT.small })] }),
    ...entries.map((line, i) => new Paragraph({ keepNext: i < entries.length - 1, children: [run(line, { size: FONT_SIZE_PT.footnote })] })),
  ];
}

function closing(doc: DecreeDocument): (Paragraph | Table)[] {
  const beside = doc.recipients?.placement === 'beside';
  const left = beside ? recipientParagraphs(doc.recipients!.lines) : signatureParagraphs(doc.signatures.left);
  const table = new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [SIGNATURE_COLUMN, CONTENT_WIDTH - SIGNATURE_COLUMN],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [cell(left, SIGNATURE_COLUMN), cell(signatureParagraphs(doc.signatures.right), CONTENT_WIDTH - SIGNATURE_COLUMN)],
      }),
    ],
  });
  const out: (Paragraph | Table)[] = [new Paragraph({ spacing: { before: 120 }, children: [] }), table];
  if (doc.recipients && !beside) out.push(new Paragraph({ children: [] }), ...recipientParagraphs(doc.recipients.lines));
  return out;
}

/**
 * The document as DOCX: A4, the decree's margins, Times New Roman; the page number centred at
 * the top of every page but the first (a different first-page header, w:titlePg).
 */
export async function renderDocx(doc: DecreeDocument): Promise<Buffer> {
  const page = decree30Page();
  const file = new Document({
    title: doc.metaTitle,
    creator: doc.header.issuingBody,
    styles: decree30Styles(),
    sections: [
      {
        properties: {
          ...page,
          titlePage: true,
          page: { ...page.page, margin: { ...page.page?.margin, header: mmToTwips(10), footer: mmToTwips(10) } },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], size: halfPoints(FONT_SIZE_PT.header), font: DOCX_FONT })],
              }),
            ],
          }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children: [
          headerTable(doc),
          new Paragraph({ spacing: { before: 240 }, children: [] }),
          centered([run(upper(doc.documentType), { bold: true })]),
          centered([run(doc.title, { bold: true })], 0),
          shortRule(CONTENT_WIDTH, 0.25),
          new Paragraph({ spacing: { before: 120 }, children: [] }),
          ...doc.body.flatMap(block),
          ...closing(doc),
        ],
      },
    ],
  });
  return Packer.toBuffer(file);
}
