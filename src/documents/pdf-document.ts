import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { A4_MM, FONT_SIZE_PT, MARGINS_MM, mmToPoints, NATIONAL_MOTTO, NATIONAL_TITLE, serifFontFiles } from './decree-30';
import { Block, DecreeDocument, recipientLines, Signature, upper } from './decree-document';

/** The embedded serif's name in pdfmake's font table (and, subset-prefixed, in the PDF). */
export const PDF_FONT = 'Tinos';

const CONTENT_WIDTH = mmToPoints(A4_MM.width - MARGINS_MM.left - MARGINS_MM.right);
const HEADER_LEFT = CONTENT_WIDTH * 0.42;
const HEADER_RIGHT = CONTENT_WIDTH - HEADER_LEFT;

let configured = false;

/** pdfmake keeps its fonts and access policies globally: set them once, to the font files only. */
function printer(): typeof pdfmake {
  if (!configured) {
    const files = serifFontFiles();
    const allowed = new Set(Object.values(files));
    pdfmake.setFonts({ [PDF_FONT]: files });
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((path) => allowed.has(path));
    configured = true;
  }
  return pdfmake;
}

/** A short centred rule `share` of a column wide. */
const shortRule = (columnWidth: number, share: number, margin: [number, number, number, number] = [0, 6, 0, 4]): Content => {
  const length = columnWidth * share;
  const x1 = (columnWidth - length) / 2;
  return { canvas: [{ type: 'line', x1, y1: 0, x2: x1 + length, y2: 0, lineWidth: 0.6 }], margin };
};

function headerTable(doc: DecreeDocument): Content {
  const h = doc.header;
  const left: Content[] = [];
  if (h.superiorBody) left.push({ text: upper(h.superiorBody), fontSize: FONT_SIZE_PT.small, alignment: 'center' });
  left.push({ text: upper(h.issuingBody), bold: true, fontSize: FONT_SIZE_PT.header, alignment: 'center' });
  left.push(shortRule(HEADER_LEFT, 0.35));
  left.push({ text: h.numberLine, fontSize: FONT_SIZE_PT.header, alignment: 'center' });
  const right: Content[] = [
    { text: NATIONAL_TITLE, bold: true, fontSize: FONT_SIZE_PT.small, alignment: 'center' },
    { text: NATIONAL_MOTTO, bold: true, decoration: 'underline', fontSize: FONT_SIZE_PT.title, alignment: 'center', margin: [0, 0, 0, 10] },
    { text: h.placeAndDate, italics: true, fontSize: FONT_SIZE_PT.title, alignment: 'center' },
  ];
  return { columns: [{ width: HEADER_LEFT, stack: left }, { width: HEADER_RIGHT, stack: right }], columnGap: 0 };
}

function block(b: Block): Content {
  if (b.kind === 'heading') return { text: b.text, bold: true, margin: [0, 6, 0, 3], headlineLevel: 1 } as Content;
  if (b.kind === 'paragraph') {
    const align = b.align ?? 'justify';
    return {
      text: b.runs.map((r) => ({ text: r.text, bold: r.bold, italics: r.italic })),
      alignment: align,
      leadingIndent: b.indent === false || align === 'center' ? 0 : mmToPoints(10),
      margin: [0, 0, 0, 4],
      lineHeight: 1.1,
    };
  }
  const total = b.columns.reduce((s, c) => s + c.width, 0);
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: b.columns.map((c) => `${((c.width * 100) / total).toFixed(2)}%`),
      body: [
        b.columns.map((c) => ({ text: c.header, bold: true, alignment: 'center' as const })),
        ...b.rows.map((row) => row.map((text, i) => ({ text, alignment: b.columns[i].center ? ('center' as const) : ('left' as const) }))),
      ],
    },
    fontSize: FONT_SIZE_PT.small,
    margin: [0, 2, 0, 8],
  };
}

function signature(s: Signature | null): Content {
  if (!s) return { text: '' };
  const stack: Content[] = [];
  if (s.authority) stack.push({ text: upper(s.authority), bold: true });
  stack.push({ text: upper(s.caption), bold: true });
  if (s.note) stack.push({ text: s.note, italics: true });
  // Room for the signature and the seal.
  stack.push({ text: s.name || ' ', bold: true, margin: [0, 64, 0, 0] });
  return { stack, alignment: 'center' };
}

function recipients(lines: string[]): Content {
  return {
    unbreakable: true,
    stack: [
      { text: 'Nơi nhận:', bold: true, italics: true, fontSize: FONT_SIZE_PT.small },
      ...recipientLines(lines).map((line) => ({ text: line, fontSize: FONT_SIZE_PT.footnote })),
    ],
  };
}

function closing(doc: DecreeDocument): Content[] {
  const beside = doc.recipients?.placement === 'beside';
  const out: Content[] = [
    {
      columns: [
        { width: '50%', stack: [beside ? recipients(doc.recipients!.lines) : signature(doc.signatures.left)] },
        { width: '50%', stack: [signature(doc.signatures.right)] },
      ],
      margin: [0, 10, 0, 0],
      unbreakable: true,
    } as Content,
  ];
  if (doc.recipients && !beside) out.push({ ...(recipients(doc.recipients.lines) as object), margin: [0, 14, 0, 0] } as Content);
  return out;
}

/** The pdfmake definition: A4, the decree's margins, the embedded serif, page numbers from page 2. */
export function pdfDefinition(doc: DecreeDocument): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageMargins: [mmToPoints(MARGINS_MM.left), mmToPoints(MARGINS_MM.top), mmToPoints(MARGINS_MM.right), mmToPoints(MARGINS_MM.bottom)],
    info: { title: doc.metaTitle, author: doc.header.issuingBody, creator: doc.header.issuingBody },
    defaultStyle: { font: PDF_FONT, fontSize: FONT_SIZE_PT.body },
    // Decree 30 puts the page number centred at the top, and none on the first page.
    header: (currentPage: number) =>
      currentPage === 1 ? null : { text: String(currentPage), alignment: 'center', fontSize: FONT_SIZE_PT.header, margin: [0, mmToPoints(8), 0, 0] },
    content: [
      headerTable(doc),
      { text: upper(doc.documentType), bold: true, alignment: 'center', margin: [0, 16, 0, 0] },
      { text: doc.title, bold: true, alignment: 'center' },
      shortRule(CONTENT_WIDTH, 0.25, [0, 7, 0, 10]),
      ...doc.body.map(block),
      ...closing(doc),
    ],
  };
}

/** Any pdfmake definition as PDF bytes, with the embedded Tinos and no file or URL access (certificates). */
export function renderPdfDefinition(definition: TDocumentDefinitions): Promise<Buffer> {
  return printer().createPdf(definition).getBuffer();
}

/** The document as PDF bytes, every glyph from the embedded Tinos. */
export function renderPdf(doc: DecreeDocument): Promise<Buffer> {
  return printer().createPdf(pdfDefinition(doc)).getBuffer();
}
