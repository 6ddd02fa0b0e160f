import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  GoneException,
  HttpException,
  NotFoundException,
  PayloadTooLargeException,
  ServiceUnavailableException,
  UnauthorizedException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import type { ErrorDetail } from './error-envelope';

/**
 * Every refusal this API answers is built here, so that each carries the envelope's shape: a
 * Vietnamese `message` (the words a page would show) and details that each name a field and a
 * stable machine `code` clients can rely on instead of the wording. A spec keeps the rest of
 * `src/` from constructing Nest's HTTP exceptions directly.
 */
export type CodedDetail = Required<Pick<ErrorDetail, 'field' | 'code' | 'message'>>;

/** Nest's own exception for each status, so `instanceof ConflictException` still holds; 429 has none. */
const EXCEPTIONS = {
  400: BadRequestException,
  401: UnauthorizedException,
  403: ForbiddenException,
  404: NotFoundException,
  409: ConflictException,
  410: GoneException,
  413: PayloadTooLargeException,
  415: UnsupportedMediaTypeException,
  503: ServiceUnavailableException,
} as const;

/** The statuses a refusal of this API has. */
export type RefusalStatus = keyof typeof EXCEPTIONS | 416 | 429;

/** A refusal with several details; `message` sums them up (by default the details' messages joined). */
export function refusal(status: RefusalStatus, details: CodedDetail[], message = details.map((d) => d.message).join(' ')): HttpException {
  const body = { message, details };
  return status === 429 || status === 416 ? new HttpException(body, status) : new EXCEPTIONS[status](body);
}

const one = (status: RefusalStatus) => (field: string, code: string, message: string): HttpException =>
  refusal(status, [{ field, code, message }], message);

/** 400: `field` of the request is wrong. */
export const badField = one(400);
/** 401: the caller is not signed in, or its credentials do not hold. */
export const unauthorized = one(401);
/** 403: the caller may not do this. */
export const forbidden = one(403);
/** 404: what `field` names does not exist (or is not the caller's to see). */
export const notFound = one(404);
/** 409: the state of `field` does not allow the request. */
export const conflict = one(409);
/** 410: what `field` names existed but no longer answers (a revoked or expired link). */
export const gone = one(410);
/** 413: `field` is larger than allowed. */
export const tooLarge = one(413);
/** 415: the request's content type is not one this route reads. */
export const unsupportedType = one(415);
/** 416: the requested byte range lies outside the file. */
export const rangeNotSatisfiable = one(416);
/** 429: too many requests of this kind from this caller; try later. */
export const tooMany = one(429);
/** 503: the server cannot take the request now (shutting down). */
export const unavailable = one(503);

/** 404 for a conference id that does not exist or that the caller may not see (one wording everywhere). */
export const conferenceNotFound = (field = 'id'): HttpException => notFound(field, 'conference_not_found', 'Không tìm thấy hội nghị.');
