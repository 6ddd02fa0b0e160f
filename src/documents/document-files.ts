import { DecreeDocument } from './decree-document';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const PDF_CONTENT_TYPE = 'application/pdf';

export type DocumentFormat = 'docx' | 'pdf';

/**
 * A Decree 30 document as DOCX or PDF bytes. The writers are loaded with the first document,
 * not at start: docx and pdfmake hold ~40 MB once loaded, and most of the app's work (and most
 * of its processes) never writes a document.
 */
export async function renderDocument(doc: DecreeDocument, format: DocumentFormat): Promise<Buffer> {
  if (format === 'docx') return (await import('./docx-document')).renderDocx(doc);
  return (await import('./pdf-document')).renderPdf(doc);
}
