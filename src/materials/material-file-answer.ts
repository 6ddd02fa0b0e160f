import { FastifyReply, FastifyRequest } from 'fastify';
import { rangeNotSatisfiable } from '../common/errors';
import { contentDisposition } from '../common/spreadsheet-export';
import { MaterialStorage } from '../storage/material-storage';
import { parseRange } from './byte-range';
import { Material } from './material.entity';

/** What was answered: the status, and whether it counts as a download (the file's start was sent). */
export interface FileAnswer {
  status: 200 | 206 | 304;
  counts: boolean;
}

/**
 * Answers a material's file: streamed from storage (never held in memory), one byte range when
 * asked (206, or 416 with `Content-Range: bytes *\/size`), `ETag` the SHA-256 (`If-None-Match` →
 * 304, an `If-Range` that does not match sends the whole file), and the Vietnamese name in
 * `Content-Disposition`. `record` runs before the body goes when the answer counts as a download:
 * the whole file or a range from its first byte (a resumed download is not a second one).
 */
export async function answerFile(
  request: FastifyRequest,
  reply: FastifyReply,
  storage: MaterialStorage,
  material: Material,
  record: () => Promise<void> = async () => undefined,
): Promise<FileAnswer> {
  const etag = `"${material.sha256}"`;
  reply.header('Accept-Ranges', 'bytes').header('ETag', etag).header('Cache-Control', 'private, no-cache');
  const noneMatch = request.headers['if-none-match'];
  if (noneMatch && noneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    await reply.status(304).send();
    return { status: 304, counts: false };
  }
  const ifRange = request.headers['if-range'];
  const rangeHeader = ifRange === undefined || ifRange === etag ? request.headers.range : undefined;
  const range = parseRange(rangeHeader, material.size);
  if (range.kind === 'unsatisfiable') {
    reply.header('Content-Range', `bytes */${material.size}`);
    throw rangeNotSatisfiable('range', 'range_not_satisfiable', `Đoạn dữ liệu yêu cầu nằm ngoài tệp (tệp dài ${material.size} byte).`);
  }
  const partial = range.kind === 'partial' ? range : null;
  const length = partial ? partial.end - partial.start + 1 : material.size;
  reply
    .status(partial ? 206 : 200)
    .header('Content-Type', material.contentType)
    .header('Content-Disposition', contentDisposition(material.fileName))
    .header('Content-Length', String(length));
  if (partial) reply.header('Content-Range', `bytes ${partial.start}-${partial.end}/${material.size}`);
  const counts = !partial || partial.start === 0;
  if (request.method === 'HEAD') {
    await reply.send();
    return { status: partial ? 206 : 200, counts: false };
  }
  const stream = await storage.open(material.storageKey, partial ?? undefined);
  if (counts) {
    try {
      await record();
    } catch (error) {
      stream.destroy();
      throw error;
    }
  }
  await reply.send(stream);
  return { status: partial ? 206 : 200, counts };
}
