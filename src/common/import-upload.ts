import multipart from '@fastify/multipart';
import { applyDecorators, HttpException } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ApiBody, ApiConsumes, ApiProperty } from '@nestjs/swagger';
import { Readable } from 'node:stream';
import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ErrorEnvelope } from './error-envelope';
import { badField, CodedDetail, tooLarge } from './errors';
import { ImportRowError } from './import-rows';
import { MAX_ERROR_DETAILS } from './validation';

export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;
const MAX_FIELDS = 10;

const registered = new WeakSet<FastifyInstance>();

/**
 * Lets Fastify accept multipart/form-data, for file uploads. Only the routes that read parts
 * see them: a multipart body sent to a JSON route arrives as no body and is refused there.
 */
export function registerMultipart(fastify: FastifyInstance): void {
  if (registered.has(fastify)) return;
  registered.add(fastify);
  void fastify.register(multipart, {
    limits: { fileSize: MAX_IMPORT_FILE_BYTES, files: 1, fields: MAX_FIELDS, fieldSize: 1000, parts: MAX_FIELDS + 1 },
  });
}

/** Registers multipart on the app's Fastify instance, when there is one (none in the seed command's context). */
export function registerMultipartOn(adapterHost: HttpAdapterHost): void {
  const instance = adapterHost.httpAdapter?.getInstance?.() as FastifyInstance | undefined;
  if (instance) registerMultipart(instance);
}

export interface Upload {
  fileName: string;
  buffer: Buffer;
  /** The form's text fields (dryRun, atomic, …), checked by the caller like a query. */
  fields: Record<string, string>;
}

/** Browsers and curl send a file name as UTF-8 bytes, which the multipart parser reads as Latin-1. */
export function fileNameOf(raw: string | undefined): string {
  if (!raw) return 'file';
  const utf8 = Buffer.from(raw, 'latin1').toString('utf8');
  const latin1 = [...raw].every((c) => c.charCodeAt(0) <= 0xff);
  const name = latin1 && !utf8.includes('\uFFFD') ? utf8 : raw;
  return name.normalize('NFC').slice(0, 300);
}

/** Reads a multipart upload with one file in the field `file`; a file over 20 MB answers 413. */
export async function readUpload(request: FastifyRequest): Promise<Upload> {
  if (typeof request.isMultipart !== 'function' || !request.isMultipart()) {
    throw badField('file', 'not_multipart', 'Hãy gửi tệp dưới dạng multipart/form-data, trong trường "file".');
  }
  const fields: Record<string, string> = {};
  let file: { fileName: string; buffer: Buffer } | undefined;
  let wrongField: string | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
      } else if (part.fieldname === 'file') {
        file = { fileName: fileNameOf(part.filename), buffer: await part.toBuffer() };
      } else {
        // Read it to the end anyway, so the answer does not cut the upload off mid-stream.
        wrongField = part.fieldname;
        part.file.resume();
        await new Promise((resolve) => part.file.once('end', resolve).once('close', resolve));
      }
    }
  } catch (error) {
    throw uploadError(error);
  }
  if (wrongField !== undefined) throw badField('file', 'wrong_file_field', `Hãy gửi tệp trong trường "file", không phải "${wrongField}".`);
  if (!file) throw badField('file', 'file_missing', 'Chưa có tệp gửi kèm (trường "file").');
  return { ...file, fields };
}

/** A multipart upload whose file was handed on as it arrived (see `readStreamedUpload`). */
export interface StreamedUpload<T> {
  fileName: string;
  /** What `take` made of the file (e.g. where it was stored). */
  file: T;
  fields: Record<string, string>;
}

/**
 * Reads a multipart upload with one file in the field `file` without holding it: the file's
 * stream goes to `take` as it arrives (to be written to storage), the form's text fields are
 * collected before or after it. A file over `maxBytes` is cut off by the parser too; `take` should
 * refuse it first. When anything is wrong after `take` ran, `discard` gets what it made.
 */
export async function readStreamedUpload<T>(
  request: FastifyRequest,
  maxBytes: number,
  take: (stream: Readable, fileName: string) => Promise<T>,
  discard: (file: T) => Promise<void>,
): Promise<StreamedUpload<T>> {
  if (typeof request.isMultipart !== 'function' || !request.isMultipart()) {
    throw badField('file', 'not_multipart', 'Hãy gửi tệp dưới dạng multipart/form-data, trong trường "file".');
  }
  const fields: Record<string, string> = {};
  let taken: { fileName: string; file: T } | undefined;
  let wrongField: string | undefined;
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes + 1 } })) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
      } else if (part.fieldname === 'file' && !taken) {
        const fileName = fileNameOf(part.filename);
        taken = { fileName, file: await take(part.file, fileName) };
      } else {
        wrongField = part.fieldname;
        part.file.resume();
        await new Promise((resolve) => part.file.once('end', resolve).once('close', resolve));
      }
    }
  } catch (error) {
    if (taken) await discard(taken.file);
    throw uploadError(error);
  }
  if (wrongField !== undefined || !taken) {
    if (taken) await discard(taken.file);
    if (wrongField !== undefined) throw badField('file', 'wrong_file_field', `Hãy gửi tệp trong trường "file", không phải "${wrongField}".`);
    throw badField('file', 'file_missing', 'Chưa có tệp gửi kèm (trường "file").');
  }
  return { ...taken, fields };
}

function uploadError(error: unknown): HttpException {
  if (error instanceof HttpException) return error;
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    return tooLarge('file', 'file_too_large', `Tệp lớn hơn ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB.`);
  }
  if (code === 'FST_FILES_LIMIT') return badField('file', 'too_many_files', 'Mỗi lần chỉ gửi một tệp.');
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') return badField('body', 'too_many_fields', 'Biểu mẫu gửi lên có quá nhiều trường.');
  return badField('body', 'unreadable_multipart', 'Không đọc được nội dung multipart gửi lên.');
}

/** The form's text fields besides `file`, as OpenAPI documents them. */
type UploadFields = Record<string, { type: 'string'; enum?: string[]; format?: string; description?: string }>;

/** The `dryRun` field every list import takes. */
export const DRY_RUN_FIELD: UploadFields = { dryRun: { type: 'string', enum: ['true', 'false'], description: 'check the file and report; write nothing' } };

/** Documents a list import's body: multipart/form-data with the file in `file` and the given text fields. */
export function ApiImportUpload(fields: UploadFields) {
  return applyDecorators(
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        required: ['file'],
        properties: {
          file: { type: 'string', format: 'binary', description: 'CSV (UTF-8, comma, semicolon or tab) or XLSX, at most 20 MB' },
          ...fields,
        },
      },
    }),
  );
}

/** A row error as a detail of the 400 envelope. */
export class ImportRejectionDetailDto {
  @ApiProperty({ example: 'rows.3.contactEmail', description: 'rows.<row>.<field>: the row of the file (header is row 1) and its field' }) field!: string;
  @ApiProperty({ description: 'what is wrong with the cell, in Vietnamese' }) message!: string;
  @ApiProperty({ example: 'not_an_email', description: 'a stable machine code' }) code!: string;
}

/** The report of an import that writes all its rows or none. */
export interface AllOrNothingReport {
  status: 'done' | 'failed';
  dryRun: boolean;
  errors: ImportRowError[];
  /** Why nothing was imported, when rows were rejected. */
  message?: string;
}

/**
 * Answers an all-or-nothing import: 201 with the report when it was imported or checked (dry
 * run); 400 when rows were rejected and nothing was written, the error envelope and the report
 * in one body, a detail per row error named `rows.<row>.<field>`.
 */
export async function replyWithImportReport(reply: FastifyReply, report: AllOrNothingReport): Promise<void> {
  if (report.status === 'done' || report.dryRun) {
    await reply.status(201).send(report);
    return;
  }
  // The report's `errors` lists every rejected cell; the envelope's details, like every error body's, at most 20.
  const details: CodedDetail[] = report.errors.slice(0, MAX_ERROR_DETAILS).map((e) => ({
    field: `rows.${e.row}.${e.field}`,
    code: e.code ?? 'invalid',
    message: e.message,
  }));
  const message = report.message ?? `${report.errors.length} ô của tệp không hợp lệ; chưa nhập dòng nào.`;
  const envelope: ErrorEnvelope = { statusCode: 400, error: 'Bad Request', message, details };
  await reply.status(400).send({ ...envelope, ...report });
}
