import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { fileError, MAX_IMPORT_UNCOMPRESSED_BYTES } from './import-limits';

/**
 * The entries of a ZIP (an XLSX is one) as its central directory declares them, checked before
 * anything is inflated: a 0.5 MB upload can declare gigabytes, and a directory can lie, so the
 * declared sizes are summed and capped here and enforced again, byte by byte, by `inflateEntry`.
 */
export interface ZipEntry {
  name: string;
  method: 0 | 8;
  compressedSize: number;
  uncompressedSize: number;
  /** Where the entry's compressed bytes start in the file. */
  dataOffset: number;
}

/** A single entry may not expand more than this (deflate's own ceiling is about 1,030 to 1). */
export const MAX_COMPRESSION_RATIO = 200;
/** Below this size an entry's ratio is not judged: small XML parts compress oddly well. */
const RATIO_FLOOR_BYTES = 1024 * 1024;
const MAX_ENTRIES = 10_000;

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;

const malformed = () =>
  fileError('Không đọc được tệp XLSX: mục lục của tệp nén không khớp với nội dung (tệp hỏng hoặc đã bị sửa).', 'malformed_zip');
const notAZip = () => fileError('Không đọc được tệp XLSX.', 'unreadable_xlsx');

export const expandsTooMuch = () =>
  fileError(
    `Tệp XLSX khi giải nén lớn hơn ${Math.round(MAX_IMPORT_UNCOMPRESSED_BYTES / 1024 / 1024)} MB hoặc nén bất thường: hãy chia danh sách thành nhiều tệp hoặc lưu dưới dạng CSV.`,
    'file_expands_too_much',
  );

/** A 64-bit little-endian field, refused when it cannot be a position in a file of at most 20 MB. */
function u64(buffer: Buffer, at: number): number {
  if (at + 8 > buffer.length) throw malformed();
  const value = buffer.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw expandsTooMuch();
  return Number(value);
}

function endOfCentralDirectory(buffer: Buffer): { count: number; size: number; offset: number } {
  // The record is 22 bytes plus a comment of at most 65,535, at the very end.
  const lowest = Math.max(0, buffer.length - 22 - MAX16);
  for (let at = buffer.length - 22; at >= lowest; at--) {
    if (buffer.readUInt32LE(at) !== EOCD || at + 22 + buffer.readUInt16LE(at + 20) > buffer.length) continue;
    let count = buffer.readUInt16LE(at + 10);
    let size = buffer.readUInt32LE(at + 12);
    let offset = buffer.readUInt32LE(at + 16);
    if (count === MAX16 || size === MAX32 || offset === MAX32) {
      const locator = at - 20;
      if (locator < 0 || buffer.readUInt32LE(locator) !== EOCD64_LOCATOR) throw malformed();
      const record = u64(buffer, locator + 8);
      if (record + 56 > buffer.length || buffer.readUInt32LE(record) !== EOCD64) throw malformed();
      count = u64(buffer, record + 32);
      size = u64(buffer, record + 40);
      offset = u64(buffer, record + 48);
    }
    return { count, size, offset };
  }
  throw notAZip();
}

/** The ZIP64 extended-information field holds, in order, the sizes and offset the record marked 0xFFFFFFFF. */
function zip64Values(extra: Buffer, wanted: boolean[]): number[] {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      const field = extra.subarray(at + 4, at + 4 + length);
      let position = 0;
      return wanted.map((marked) => {
        if (!marked) return -1;
        const value = u64(field, position);
        position += 8;
        return value;
      });
    }
    at += 4 + length;
  }
  throw malformed();
}

/**
 * Reads and checks the central directory: each entry's local header must agree with it (name,
 * method, sizes), entries may not overlap (the trick of the non-recursive zip bombs), and the
 * declared sizes must stay under the import limits. Throws a coded 400 naming `file`.
 */
export function readZipDirectory(buffer: Buffer): ZipEntry[] {
  if (buffer.length < 22) throw notAZip();
  const { count, size, offset } = endOfCentralDirectory(buffer);
  if (count > MAX_ENTRIES) throw expandsTooMuch();
  if (offset + size > buffer.length) throw malformed();
  const entries: (ZipEntry & { headerOffset: number })[] = [];
  let total = 0;
  for (let at = offset, i = 0; i < count; i++) {
    if (at + 46 > offset + size || buffer.readUInt32LE(at) !== CENTRAL) throw malformed();
    const flags = buffer.readUInt16LE(at + 8);
    const method = buffer.readUInt16LE(at + 10);
    let compressedSize = buffer.readUInt32LE(at + 20);
    let uncompressedSize = buffer.readUInt32LE(at + 24);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    let headerOffset = buffer.readUInt32LE(at + 42);
    const nameBytes = buffer.subarray(at + 46, at + 46 + nameLength);
    if (at + 46 + nameLength + extraLength > offset + size) throw malformed();
    const marked = [uncompressedSize === MAX32, compressedSize === MAX32, headerOffset === MAX32];
    if (marked.some(Boolean)) {
      const [u, c, h] = zip64Values(buffer.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), marked);
      if (u >= 0) uncompressedSize = u;
      if (c >= 0) compressedSize = c;
      if (h >= 0) headerOffset = h;
    }
    at += 46 + nameLength + extraLength + commentLength;

    total += uncompressedSize;
    if (uncompressedSize > MAX_IMPORT_UNCOMPRESSED_BYTES || total > MAX_IMPORT_UNCOMPRESSED_BYTES) throw expandsTooMuch();
    if (uncompressedSize > RATIO_FLOOR_BYTES && uncompressedSize > compressedSize * MAX_COMPRESSION_RATIO) throw expandsTooMuch();
    if (flags & 0x0001) throw fileError('Tệp XLSX có mật khẩu: hãy lưu lại không đặt mật khẩu.', 'old_or_protected_workbook');
    if (method !== 0 && method !== 8) throw malformed();
    if (method === 0 && compressedSize !== uncompressedSize) throw malformed();

    // The local header must describe the same entry; its data must lie inside the file.
    const h = headerOffset;
    if (h + 30 > buffer.length || buffer.readUInt32LE(h) !== LOCAL) throw malformed();
    const localFlags = buffer.readUInt16LE(h + 6);
    const localNameLength = buffer.readUInt16LE(h + 26);
    if (buffer.readUInt16LE(h + 8) !== method || !buffer.subarray(h + 30, h + 30 + localNameLength).equals(nameBytes)) throw malformed();
    if (!(localFlags & 0x0008)) {
      const localCompressed = buffer.readUInt32LE(h + 18);
      const localUncompressed = buffer.readUInt32LE(h + 22);
      const agrees = (local: number, central: number) => local === central || local === MAX32;
      if (!agrees(localCompressed, compressedSize) || !agrees(localUncompressed, uncompressedSize)) throw malformed();
    }
    const dataOffset = h + 30 + localNameLength + buffer.readUInt16LE(h + 28);
    if (dataOffset + compressedSize > buffer.length) throw malformed();
    entries.push({ name: nameBytes.toString('utf8'), method, compressedSize, uncompressedSize, dataOffset, headerOffset: h });
  }
  const byPosition = [...entries].sort((a, b) => a.headerOffset - b.headerOffset);
  for (let i = 1; i < byPosition.length; i++) {
    const before = byPosition[i - 1];
    if (byPosition[i].headerOffset < before.dataOffset + before.compressedSize) throw malformed();
  }
  return entries.map(({ headerOffset: _, ...entry }) => entry);
}

/**
 * The entry's bytes, inflated as they are read, in chunks of at most 64 KB. Inflating more than
 * the directory declared (a lying directory) stops at once with `file_expands_too_much`; fewer
 * bytes than declared is a damaged file.
 */
export async function* inflateEntry(buffer: Buffer, entry: ZipEntry): AsyncGenerator<Buffer> {
  const data = buffer.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) {
    for (let at = 0; at < data.length; at += 65536) yield data.subarray(at, at + 65536);
    return;
  }
  const inflater = createInflateRaw({ chunkSize: 65536 });
  const source = Readable.from([data], { objectMode: false });
  source.pipe(inflater);
  let inflated = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      if (inflated > entry.uncompressedSize) throw expandsTooMuch();
      yield chunk;
    }
  } catch (error) {
    if (error instanceof Error && 'errno' in error) throw malformed();
    throw error;
  } finally {
    source.unpipe(inflater);
    source.destroy();
    inflater.destroy();
  }
  if (inflated !== entry.uncompressedSize) throw malformed();
}
