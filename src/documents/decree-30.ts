import { dirname, join } from 'node:path';
import { wallClock } from '../common/vietnamese-time';

/**
 * Conventions of Decree 30/2020/NĐ-CP (Nghị định 30/2020/NĐ-CP về công tác văn thư) shared by
 * every document the app produces: paper, margins, font, the national title and motto, the
 * place-and-date line. DOCX and PDF writers take their page set-up from here.
 */

/** Khổ giấy A4 (210 mm × 297 mm). */
export const A4_MM = { width: 210, height: 297 } as const;

/** Lề trên/dưới 20–25 mm, lề trái 30–35 mm, lề phải 15–20 mm: the narrowest allowed. */
export const MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;

/** Quốc hiệu and Tiêu ngữ, as the decree writes them. */
export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** Body text is 13–14 pt; the national title 12–13 pt. */
export const FONT_SIZE_PT = { body: 14, title: 14, header: 13, small: 12, footnote: 11 } as const;

/** Word documents name Times New Roman, the font the decree requires (every office PC has it). */
export const DOCX_FONT = 'Times New Roman';

export const mmToPoints = (mm: number): number => (mm * 72) / 25.4;
/** Word measures pages in twentieths of a point. */
export const mmToTwips = (mm: number): number => Math.round((mm * 1440) / 25.4);

export interface SerifFontFiles {
  normal: string;
  bold: string;
  italics: string;
  bolditalics: string;
}

/**
 * The serif embedded in PDFs: Tinos (SIL Open Font License 1.1), drawn on Times New Roman's
 * metrics and carrying every Vietnamese letter, so a PDF reads the same on any machine.
 */
export function serifFontFiles(): SerifFontFiles {
  const root = dirname(require.resolve('@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf'));
  const file = (style: string) => join(root, '..', style, `Tinos_${style}.ttf`);
  return {
    normal: file('400Regular'),
    bold: file('700Bold'),
    italics: file('400Regular_Italic'),
    bolditalics: file('700Bold_Italic'),
  };
}

/**
 * "Hà Nội, ngày 05 tháng 02 năm 2026": the decree writes days below 10 and the months
 * January and February with a leading zero.
 */
export function placeAndDate(place: string, date: Date, timeZone: string): string {
  const w = wallClock(date, timeZone);
  const day = String(w.day).padStart(2, '0');
  const month = w.month < 3 ? String(w.month).padStart(2, '0') : String(w.month);
  return `${place}, ngày ${day} tháng ${month} năm ${w.year}`;
}
