import { extname } from 'node:path';

/** The kinds of file a material may be, as recognized from their content. */
export const MATERIAL_TYPES = {
  pdf: { contentType: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'], label: 'Word (DOCX)' },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'], label: 'Excel (XLSX)' },
  pptx: { contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extensions: ['pptx'], label: 'PowerPoint (PPTX)' },
  zip: { contentType: 'application/zip', extensions: ['zip'], label: 'ZIP' },
  png: { contentType: 'image/png', extensions: ['png'], label: 'ảnh PNG' },
  jpeg: { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'ảnh JPEG' },
} as const;
export type MaterialType = keyof typeof MATERIAL_TYPES;

/** Bytes enough to recognize every type by its signature. */
export const SIGNATURE_BYTES = 16;

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const PDF = Buffer.from('%PDF-', 'latin1');
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * The type a file's first bytes announce: PDF, PNG, JPEG, or a ZIP (whose entries then say
 * whether it is a Word, Excel or PowerPoint file); null for anything else (an .exe, an old .doc).
 */
export function signatureType(head: Buffer): 'pdf' | 'png' | 'jpeg' | 'zip' | null {
  const startsWith = (magic: Buffer) => head.length >= magic.length && head.subarray(0, magic.length).equals(magic);
  if (startsWith(PDF)) return 'pdf';
  if (startsWith(PNG)) return 'png';
  if (startsWith(JPEG)) return 'jpeg';
  if (startsWith(ZIP)) return 'zip';
  return null;
}

/** An Office Open XML package has `[Content_Types].xml` and its main part under `word/`, `xl/` or `ppt/`; any other ZIP is a ZIP. */
export function zipType(entryNames: string[]): 'docx' | 'xlsx' | 'pptx' | 'zip' {
  if (!entryNames.includes('[Content_Types].xml')) return 'zip';
  const has = (folder: string) => entryNames.some((name) => name.startsWith(folder));
  if (has('word/')) return 'docx';
  if (has('xl/')) return 'xlsx';
  if (has('ppt/')) return 'pptx';
  return 'zip';
}

const KNOWN_EXTENSIONS = new Map<string, MaterialType>(
  Object.entries(MATERIAL_TYPES).flatMap(([type, t]) => t.extensions.map((ext) => [ext, type as MaterialType] as const)),
);

/**
 * The name a material is downloaded under. A name whose extension belongs to another type
 * ("slides.pdf" holding a PNG) is refused (`null`): the file is not what it says. A name
 * without a known extension gets its type's.
 */
export function materialFileName(uploaded: string, type: MaterialType): string | null {
  const name = uploaded.normalize('NFC').trim() || 'tai-lieu';
  const ext = extname(name).slice(1).toLowerCase();
  const named = KNOWN_EXTENSIONS.get(ext);
  if (named === type) return name;
  if (named) return null;
  return `${name}.${MATERIAL_TYPES[type].extensions[0]}`;
}

/** The type an extension names, for the message of a mismatch. */
export const typeNamedBy = (fileName: string): MaterialType | undefined => KNOWN_EXTENSIONS.get(extname(fileName).slice(1).toLowerCase());
