import { Readable } from 'node:stream';

/** A file as the storage kept it. */
export interface StoredFile {
  /** Where it is kept; only the storage knows what it means. */
  key: string;
  size: number;
  /** SHA-256 of the bytes, hex. */
  sha256: string;
}

/** Bytes `start` to `end`, both included (as in an HTTP range). */
export interface ByteRange {
  start: number;
  end: number;
}

/** `put` met more bytes than `maxBytes`: nothing was kept. */
export class StoredFileTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`file larger than ${maxBytes} bytes`);
  }
}

/**
 * Where uploaded files live. The disk implementation keeps them under FILES_DIR; an object store
 * can take its place by providing this class, without the materials module knowing.
 */
export abstract class MaterialStorage {
  /**
   * Keeps what `source` yields, hashing and counting as it goes; past `maxBytes` it stops at once,
   * keeps nothing and throws StoredFileTooLarge. A file is visible under its key only once complete.
   */
  abstract put(source: Readable, maxBytes: number): Promise<StoredFile>;

  /** The first bytes of a kept file (to recognize its type), at most `length`. */
  abstract head(key: string, length: number): Promise<Buffer>;

  /** The whole file in memory: for reading a ZIP's directory at upload time only. */
  abstract read(key: string): Promise<Buffer>;

  /** The file's bytes, or one range of them, as a stream. */
  abstract open(key: string, range?: ByteRange): Promise<Readable>;

  /** Removes the file; a key that names nothing is not an error. */
  abstract remove(key: string): Promise<void>;
}
