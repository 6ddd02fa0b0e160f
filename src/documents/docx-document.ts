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
import { A4_MM, DOCX_FONT, FONT_SIZE_PT, MARGINS_MM, mmToTwips, NATIONAL_MOTTO, NATIONAL_TITLE } from './decree-30';
import { Block, DecreeDocument, recipientLines, Run, Signature, upper } from './decree-document';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Word sizes are in half-points. */
const half = (pt: number) => pt * 2;
const CONTENT_WIDTH = mmToTwips(A4_MM.width - MARGINS_MM.left - MARGINS_MM.right);
const HEADER_LEFT = Math.round(CONTENT_WIDTH * 0.42);
const HEADER_RIGHT = CONTENT_WIDTH - HEADER_LEFT;
const SIGNATURE_COLUMN = Math.round(CONTENT_WIDTH / 2);
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };
const RULE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

interface RunOptions {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  size?: number;
}

/** The font and the body size come from the document's default style; runs name only what differs. */
const run = (text: string, o: RunOptions = {}) =>
  new TextRun({
    text,
    bold: o.bold,
    italics: o.italic,
    underline: o.underline ? {} : undefined,
    size: o.size && o.size !== FONT_SIZE_PT.body ? half(o.size) : undefined,
  });

const centered = (children: TextRun[], after = 0) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after }, children });

/** A short centred rule under a heading: a bottom border on an empty, indented paragraph. */
const shortRule = (columnWidth: number, share: number) => {
  const side = Math.round((columnWidth * (1 - share)) / 2);
  return new Paragraph({
    spacing: { before: 0, after: 60 },
    indent: { left: side, right: side },
    border: { top: RULE },
    children: [run('', { size: 4 })],
  });
};

type Borders = Record<'top' | 'bottom' | 'left' | 'right', { style: (typeof BorderStyle)[keyof typeof BorderStyle]; size: number; color: string }>;

const cell = (children: Paragraph[], width: number, borders: Borders = NO_BORDERS) =>
  new TableCell({ children, width: { size: width, type: WidthType.DXA }, borders, verticalAlign: VerticalAlign.TOP });

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

const runs = (list: Run[], size?: number) => list.map((r) => run(r.text, { bold: r.bold, italic: r.italic, size }));

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
  const total = b.columns.reduce((s, c) => s + c.width, 0);
  const widths = b.columns.map((c) => Math.round((CONTENT_WIDTH * c.width) / total));
  const ruled = { top: RULE, bottom: RULE, left: RULE, right: RULE };
  const tableCell = (text: string, i: number, bold = false) =>
    cell(
      [
        new Paragraph({
          alignment: bold || b.columns[i].center ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [run(text, { bold, size: FONT_SIZE_PT.small })],
        }),
      ],
      widths[i],
      ruled,
    );
  return [
    new Table({
      width: { size: CONTENT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      rows: [
        new TableRow({ tableHeader: true, cantSplit: true, children: b.columns.map((c, i) => tableCell(c.header, i, true)) }),
        ...b.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text, i) => tableCell(text, i)) })),
      ],
    }),
    new Paragraph({ spacing: { before: 0, after: 80 }, children: [] }),
  ];
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
  const file = new Document({
    title: doc.metaTitle,
    creator: doc.header.issuingBody,
    styles: { default: { document: { run: { font: DOCX_FONT, size: half(FONT_SIZE_PT.body) } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: mmToTwips(A4_MM.width), height: mmToTwips(A4_MM.height) },
            margin: {
              top: mmToTwips(MARGINS_MM.top),
              bottom: mmToTwips(MARGINS_MM.bottom),
              left: mmToTwips(MARGINS_MM.left),
              right: mmToTwips(MARGINS_MM.right),
              header: mmToTwips(10),
              footer: mmToTwips(10),
            },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], size: half(FONT_SIZE_PT.header), font: DOCX_FONT })],
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
