import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform, TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { newId } from '../common/ids';
import { ByteRange, MaterialStorage, StoredFile, StoredFileTooLarge } from './material-storage';

const KEY_SHAPE = /^[0-9a-f]{2}\/[0-9a-f-]{36}$/;

/** Counts and hashes what passes, and fails as soon as more than `maxBytes` went through. */
class Measure extends Transform {
  readonly hash = createHash('sha256');
  size = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      callback(new StoredFileTooLarge(this.maxBytes));
      return;
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }
}

/**
 * Files on the local disk under one root: `<root>/<first two hex of the key>/<key>`. An upload is
 * written to `<root>/tmp/` while it is hashed and counted, then renamed into place, so a file is
 * never seen half-written and an interrupted upload leaves only a temporary file.
 */
export class DiskMaterialStorage extends MaterialStorage {
  constructor(private readonly root: string) {
    super();
  }

  async put(source: Readable, maxBytes: number): Promise<StoredFile> {
    const id = newId();
    const key = `${id.slice(0, 2)}/${id}`;
    const temporary = join(this.root, 'tmp', `${id}.part`);
    await mkdir(join(this.root, 'tmp'), { recursive: true });
    const measure = new Measure(maxBytes);
    try {
      await pipeline(source, measure, createWriteStream(temporary, { flags: 'wx' }));
      await mkdir(join(this.root, key.slice(0, 2)), { recursive: true });
      await rename(temporary, this.path(key));
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return { key, size: measure.size, sha256: measure.hash.digest('hex') };
  }

  async head(key: string, length: number): Promise<Buffer> {
    const file = await open(this.path(key), 'r');
    try {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await file.read(buffer, 0, length, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await file.close();
    }
  }

  read(key: string): Promise<Buffer> {
    return readFile(this.path(key));
  }

  async open(key: string, range?: ByteRange): Promise<Readable> {
    const stream = createReadStream(this.path(key), range ? { start: range.start, end: range.end } : {});
    // Fail here (a missing file) rather than after the answer's headers went out.
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', reject);
    });
    return stream;
  }

  async remove(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  private path(key: string): string {
    if (!KEY_SHAPE.test(key)) throw new Error(`not a storage key: ${key}`);
    return join(this.root, key);
  }
}
