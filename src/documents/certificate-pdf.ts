import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { courseDates } from './certificate-pdf-dates';
import { A4_MM, mmToPoints, NATIONAL_MOTTO, NATIONAL_TITLE, placeAndDate } from './decree-30';
import { upper } from './decree-document';
import { PDF_FONT, renderPdfDefinition } from './pdf-document';

/** What one certificate (giấy chứng nhận) prints. */
export interface CertificatePrint {
  holderName: string;
  courseTitle: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  /** Where the course took place (the conference's venue), if known. */
  venue: string | null;
  issuerOffice: string;
  signerName: string;
  signerTitle: string;
  place: string;
  number: string;
  issuedAt: Date;
  verifyUrl: string;
}

const MARGIN = mmToPoints(15);
/** A4 landscape: 297 mm wide. */
const WIDTH = mmToPoints(A4_MM.height) - 2 * MARGIN;
const LEFT = WIDTH * 0.45;

const rule = (width: number, share: number): Content => {
  const length = width * share;
  const x1 = (width - length) / 2;
  return { canvas: [{ type: 'line', x1, y1: 0, x2: x1 + length, y2: 0, lineWidth: 0.6 }], margin: [0, 3, 0, 3] };
};

/**
 * The body's type size: 14 pt, smaller only when long texts (course, venue, office, signer's title;
 * the API takes up to 500 characters) would push the signature onto a second page.
 */
function bodySize(c: CertificatePrint): { size: number; roomy: boolean } {
  const length = c.courseTitle.length + (c.venue?.length ?? 0) + c.issuerOffice.length + 2 * c.signerTitle.length;
  if (length <= 420) return { size: 14, roomy: true };
  if (length <= 800) return { size: 12, roomy: false };
  return { size: 10, roomy: false };
}

function page(c: CertificatePrint, last: boolean): Content[] {
  const { size, roomy } = bodySize(c);
  const header: Content = {
    columns: [
      { width: LEFT, stack: [{ text: upper(c.issuerOffice), bold: true, fontSize: 13, alignment: 'center' }, rule(LEFT, 0.35), { text: `Số: ${c.number}`, fontSize: 13, alignment: 'center' }] },
      {
        width: WIDTH - LEFT,
        stack: [
          { text: NATIONAL_TITLE, bold: true, fontSize: 12, alignment: 'center' },
          { text: NATIONAL_MOTTO, bold: true, decoration: 'underline', fontSize: 13, alignment: 'center' },
        ],
      },
    ],
  };
  const where = c.venue ? `, tại ${c.venue}` : '';
  const body: Content[] = [
    { text: 'GIẤY CHỨNG NHẬN', bold: true, fontSize: 32, alignment: 'center', margin: [0, roomy ? 48 : 16, 0, 4] },
    { text: 'HOÀN THÀNH KHÓA HỌC', bold: true, fontSize: 16, alignment: 'center', margin: [0, 0, 0, roomy ? 20 : 8] },
    { text: [{ text: `${upper(c.issuerOffice)} ` }, { text: 'chứng nhận' }], alignment: 'center', fontSize: size },
    { text: [{ text: 'Đồng chí: ' }, { text: c.holderName, bold: true, fontSize: 22 }], alignment: 'center', margin: [0, roomy ? 12 : 4, 0, roomy ? 12 : 4] },
    { text: `Đã hoàn thành khóa học: ${c.courseTitle}`, alignment: 'center', fontSize: size, bold: true },
    { text: `Thời gian: ${courseDates(c.startsAt, c.endsAt, c.timeZone)}${where}.`, alignment: 'center', fontSize: size, margin: [0, 4, 0, roomy ? 30 : 8] },
  ];
  const closing: Content = {
    columns: [
      {
        width: LEFT,
        stack: [
          { qr: c.verifyUrl, fit: 100, eccLevel: 'M' } as Content,
          { text: 'Tra cứu giấy chứng nhận:', fontSize: 9, margin: [0, 4, 0, 0] },
          { text: c.verifyUrl, fontSize: 9 },
        ],
      },
      {
        width: WIDTH - LEFT,
        stack: [
          { text: placeAndDate(c.place, c.issuedAt, c.timeZone), italics: true, fontSize: 14 },
          { text: upper(c.signerTitle), bold: true, fontSize: size, margin: [0, 4, 0, 0] },
          { text: c.signerName, bold: true, fontSize: 14, margin: [0, roomy ? 64 : 48, 0, 0] },
        ],
        alignment: 'center',
      },
    ],
    unbreakable: true,
  };
  return [{ stack: [header, ...body, closing], ...(last ? {} : { pageBreak: 'after' }) } as Content];
}

/** Certificates, one A4 landscape page each, with the national header of Decree 30 and a QR to the verification page. */
export function certificateDefinition(certificates: CertificatePrint[], title: string): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [MARGIN, MARGIN, MARGIN, MARGIN],
    info: { title, author: certificates[0]?.issuerOffice ?? '', creator: certificates[0]?.issuerOffice ?? '' },
    defaultStyle: { font: PDF_FONT, fontSize: 14 },
    content: certificates.length ? certificates.flatMap((c, i) => page(c, i === certificates.length - 1)) : [{ text: 'Chưa có giấy chứng nhận.' }],
  };
}

export function renderCertificates(certificates: CertificatePrint[], title: string): Promise<Buffer> {
  return renderPdfDefinition(certificateDefinition(certificates, title));
}
