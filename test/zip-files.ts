import { constants, deflateRawSync } from 'node:zlib';

/*
 * ZIP files written by hand, for the import's expansion limits: honest bombs, directories that
 * lie, overlapping entries. Sizes may be declared as anything; nothing here checks them.
 */

export interface ZipPart {
  name: string;
  /** The entry's bytes as stored (already deflated when `method` is 8). */
  stored: Buffer;
  method?: 0 | 8;
  /** The uncompressed size written in the central directory and the local header. */
  declaredSize: number;
  /** Write sizes as 0xFFFFFFFF and the real ones in a ZIP64 extra field. */
  zip64?: boolean;
  /** Point this entry's local header at another entry's (overlapping entries). */
  sameDataAs?: string;
}

const u16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
};
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
};
const u64 = (n: number) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(n));
  return b;
};

/** A deflated entry that declares its real size. */
export const deflated = (name: string, data: Buffer | string): ZipPart => {
  const bytes = Buffer.from(data);
  return { name, stored: deflateRawSync(bytes), method: 8, declaredSize: bytes.length };
};

export function zipOf(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const offsets = new Map<string, number>();
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const method = part.method ?? 8;
    const sizes = part.zip64 ? [0xffffffff, 0xffffffff] : [part.stored.length, part.declaredSize];
    const extra = part.zip64 ? Buffer.concat([u16(0x0001), u16(16), u64(part.declaredSize), u64(part.stored.length)]) : Buffer.alloc(0);
    if (!part.sameDataAs) {
      offsets.set(part.name, offset);
      const local = Buffer.concat([u32(0x04034b50), u16(45), u16(0x0800), u16(method), u32(0), u32(0), u32(sizes[0]), u32(sizes[1]), u16(name.length), u16(extra.length), name, extra]);
      locals.push(local, part.stored);
      offset += local.length + part.stored.length;
    }
    const at = offsets.get(part.sameDataAs ?? part.name)!;
    const sameName = Buffer.from(part.sameDataAs ?? part.name, 'utf8');
    centrals.push(
      Buffer.concat([
        u32(0x02014b50), u16(45), u16(45), u16(0x0800), u16(method), u32(0), u32(0),
        u32(sizes[0]), u32(sizes[1]), u16(sameName.length), u16(extra.length), u16(0), u16(0), u16(0), u32(0), u32(at),
        sameName, extra,
      ]),
    );
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(parts.length), u16(parts.length), u32(directory.length), u32(offset), u16(0)]);
  return Buffer.concat([...locals, directory, end]);
}

/** Deflate data that inflates to `megabytes` MiB of `byte`: one flushed 1 MiB block repeated, then an empty final block. */
export function deflatedRepeat(megabytes: number, byte = 0): Buffer {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024, byte), { finishFlush: constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array.from({ length: megabytes }, () => block), Buffer.from([0x03, 0x00])]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`;
const PACKAGE_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Đại biểu" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

/** A workbook whose only sheet is `sheet` (a ZipPart named xl/worksheets/sheet1.xml). */
export const workbookWith = (sheet: ZipPart): Buffer =>
  zipOf([
    deflated('[Content_Types].xml', CONTENT_TYPES),
    deflated('_rels/.rels', PACKAGE_RELS),
    deflated('xl/workbook.xml', WORKBOOK),
    deflated('xl/_rels/workbook.xml.rels', WORKBOOK_RELS),
    sheet,
  ]);

/** A 1 MB upload whose sheet inflates to 1 GiB of zeros, and says so in its directory. */
export const zipBomb = (): Buffer =>
  workbookWith({ name: 'xl/worksheets/sheet1.xml', stored: deflatedRepeat(1024), method: 8, declaredSize: 1024 * 1024 * 1024 });

/**
 * A sheet whose directory declares 100 KB but whose data inflates to `megabytes` MiB of
 * spaces (valid XML whitespace, so only the size check can stop it).
 */
export const lyingWorkbook = (megabytes = 64): Buffer => {
  const head = Buffer.from('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
  const spaces = deflatedRepeat(megabytes, 0x20);
  // A deflate stream of a head then the spaces: the head as its own flushed stored block.
  const headBlock = deflateRawSync(head, { finishFlush: constants.Z_SYNC_FLUSH });
  return workbookWith({ name: 'xl/worksheets/sheet1.xml', stored: Buffer.concat([headBlock, spaces]), method: 8, declaredSize: 100 * 1024 });
};
