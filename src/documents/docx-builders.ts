import {
  AlignmentType,
  BorderStyle,
  ISectionPropertiesOptions,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { A4_MM, DOCX_FONT, FONT_SIZE_PT, MARGINS_MM, mmToTwips } from './decree-30';

/**
 * Small builders for Word documents that follow Decree 30 (src/documents/decree-30.ts): the
 * A4 page with the decree's margins, Times New Roman runs, and ruled tables whose header row
 * repeats on every page.
 */

/** The width between the margins, in twentieths of a point. */
export const CONTENT_WIDTH_TWIPS = mmToTwips(A4_MM.width - MARGINS_MM.left - MARGINS_MM.right);

/** Word sizes are in half-points. */
export const halfPoints = (pt: number): number => pt * 2;

/** A4 portrait with the decree's margins. */
export function decree30Page(): ISectionPropertiesOptions {
  return {
    page: {
      size: { width: mmToTwips(A4_MM.width), height: mmToTwips(A4_MM.height) },
      margin: {
        top: mmToTwips(MARGINS_MM.top),
        bottom: mmToTwips(MARGINS_MM.bottom),
        left: mmToTwips(MARGINS_MM.left),
        right: mmToTwips(MARGINS_MM.right),
      },
    },
  };
}

/** The document default: Times New Roman at the body size. */
export const decree30Styles = () => ({ default: { document: { run: { font: DOCX_FONT, size: halfPoints(FONT_SIZE_PT.body) } } } });

export interface RunStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
}

/** A run; its font comes from the document default (decree30Styles), so the XML stays small. */
export const textRun = (text: string, style: RunStyle = {}): TextRun =>
  new TextRun({ text, bold: style.bold, italics: style.italic, size: style.size === undefined ? undefined : halfPoints(style.size) });

export function centeredLine(text: string, style: RunStyle = {}, after = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after }, children: [textRun(text, style)] });
}

const RULE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const RULED = { top: RULE, bottom: RULE, left: RULE, right: RULE };

export interface RuledColumn {
  header: string;
  /** Relative width. */
  width: number;
  center?: boolean;
}

/** A table row: cells under the columns, or one label across the whole width (a section such as "I. TẬP THỂ"). */
export type RuledRow = { cells: string[] } | { label: string };

/** A ruled table over the content width, at the small size, its header row repeated on each page. */
export function ruledTable(columns: RuledColumn[], rows: RuledRow[], size: number = FONT_SIZE_PT.small): Table {
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  const widths = columns.map((c) => Math.round((CONTENT_WIDTH_TWIPS * c.width) / total));
  const cell = (text: string, width: number, options: { bold?: boolean; center?: boolean; span?: number } = {}) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      columnSpan: options.span,
      borders: RULED,
      verticalAlign: VerticalAlign.CENTER,
      children: text.split('\n').map(
        (line) =>
          new Paragraph({
            alignment: options.center ? AlignmentType.CENTER : AlignmentType.LEFT,
            children: [textRun(line, { bold: options.bold, size })],
          }),
      ),
    });
  return new Table({
    width: { size: CONTENT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: columns.map((c, i) => cell(c.header, widths[i], { bold: true, center: true })),
      }),
      ...rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children:
              'label' in row
                ? [cell(row.label, CONTENT_WIDTH_TWIPS, { bold: true, span: columns.length })]
                : row.cells.map((text, i) => cell(text, widths[i], { center: columns[i].center })),
          }),
      ),
    ],
  });
}
