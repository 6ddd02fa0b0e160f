import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import type { Response } from 'superagent';

/** Reading the documents the app exports, for assertions: DOCX parts as XML, PDF text per page, PDF pages as images and their QR codes. */

export interface DocxParts {
  /** word/document.xml */
  document: string;
  /** The text of the body: every w:t, paragraphs on their own lines, NFC. */
  text: string;
  /** Every header part's XML, by part name. */
  headers: Record<string, string>;
  /** word/styles.xml */
  styles: string;
}

const decodeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The text of WordprocessingML: runs joined within a paragraph, one paragraph per line. */
export function docxText(xml: string): string {
  return xml
    .split(/<\/w:p>/)
    .map((paragraph) => [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeXml(m[1])).join(''))
    .filter((line) => line.length > 0)
    .join('\n')
    .normalize('NFC');
}

export async function readDocx(body: Buffer): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(body);
  const document = await zip.file('word/document.xml')!.async('string');
  const headers: Record<string, string> = {};
  for (const name of Object.keys(zip.files).filter((n) => /^word\/header\d*\.xml$/.test(n))) {
    headers[name] = await zip.file(name)!.async('string');
  }
  const styles = await zip.file('word/styles.xml')!.async('string');
  return { document, text: docxText(document), headers, styles };
}

export interface PdfText {
  /** Text of each page, NFC. */
  pages: string[];
  /** All the text with runs of white space made one space, NFC. */
  flat: string;
}

/**
 * pdf.js loads its worker with a dynamic import, which Jest's module sandbox refuses; the text is
 * extracted by pdf-parse in a plain Node process instead.
 */
const EXTRACT = `
const { PDFParse } = require('pdf-parse');
const { readFileSync } = require('node:fs');
(async () => {
  const parser = new PDFParse({ data: new Uint8Array(readFileSync(process.argv[1])) });
  const result = await parser.getText();
  await parser.destroy();
  process.stdout.write(JSON.stringify(result.pages.map((p) => p.text)));
})().catch((error) => { console.error(error); process.exit(1); });
`;

export async function readPdf(body: Buffer): Promise<PdfText> {
  const dir = mkdtempSync(join(tmpdir(), 'hoi-nghi-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, body);
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', EXTRACT, file], {
      cwd: join(__dirname, '..'),
      maxBuffer: 64 * 1024 * 1024,
    });
    const pages = (JSON.parse(stdout) as string[]).map((text) => text.normalize('NFC'));
    return { pages, flat: flatten(pages.join('\n')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** White space collapsed, NFC: text that a line break may have split compares equal. */
export const flatten = (text: string): string => text.normalize('NFC').replace(/\s+/g, ' ').trim();

/** The base font names in a PDF's font dictionaries ("AAAAAA+Tinos-Regular"). */
export function pdfFontNames(body: Buffer): string[] {
  return [...new Set([...body.toString('latin1').matchAll(/\/BaseFont\s*\/([^\s/<>[\]()]+)/g)].map((m) => m[1]))];
}

/** supertest's `.parse()`: collect a binary response body as a Buffer. */
export function binary(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
  stream.on('error', (error: Error) => callback(error, Buffer.alloc(0)));
}

/** poppler's pdftoppm (Debian: poppler-utils), which test/ensure-test-packages.js installs. */
const PDFTOPPM = process.env.PDFTOPPM_BIN || '/usr/bin/pdftoppm';

/** One page of a PDF as poppler draws it: RGBA pixels, 4 bytes a pixel, and the PNG file. */
export interface PageImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
  png: Buffer;
}

/** Every page of a PDF drawn by pdftoppm at `dpi` (150: a QR module of a printed certificate is several pixels). */
export async function rasterizePdf(body: Buffer, dpi = 150): Promise<PageImage[]> {
  const dir = mkdtempSync(join(tmpdir(), 'hoi-nghi-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, body);
    await promisify(execFile)(PDFTOPPM, ['-png', '-r', String(dpi), file, join(dir, 'page')]);
    // page-1.png … or page-01.png … when there are ten pages or more: the same width, so names sort by page.
    const files = readdirSync(dir)
      .filter((name) => /^page-\d+\.png$/.test(name))
      .sort();
    return files.map((name) => {
      const png = readFileSync(join(dir, name));
      const image = PNG.sync.read(png);
      return { width: image.width, height: image.height, data: new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), png };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of the QR code on a page image (jsQR), or null when it finds none. */
export function decodeQr(page: PageImage): string | null {
  return jsQR(page.data, page.width, page.height, { inversionAttempts: 'dontInvert' })?.data ?? null;
}
