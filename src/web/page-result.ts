import { BadRequestException, ConflictException, HttpException } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { ErrorDetail } from '../common/error-envelope';

/** What a page handler answers: a page with its status, or a redirect after a successful post. */
export type PageResult = { status: number; html: string } | { redirect: string };

export const HTML_TYPE = 'text/html; charset=utf-8';

/** Pages behind a signed link are personal: never cached, never indexed. */
export function sendPage(reply: FastifyReply, result: PageResult): void {
  void reply.header('cache-control', 'no-store');
  if ('redirect' in result) {
    void reply.redirect(result.redirect, 303);
    return;
  }
  void reply.status(result.status).header('content-type', HTML_TYPE).send(result.html);
}

/** A refusal from a service that a form can show (a state conflict, a field the service refused). */
export interface Refusal {
  status: number;
  details: ErrorDetail[];
}

export function refusalOf(error: unknown): Refusal | null {
  if (error instanceof ConflictException || error instanceof BadRequestException) {
    const body = (error as HttpException).getResponse() as { details?: ErrorDetail[] };
    return { status: error.getStatus(), details: Array.isArray(body?.details) ? body.details : [] };
  }
  return null;
}

/**
 * The Vietnamese sentence for a refusal. A point whose answer changed under the page gets the
 * page's own advice (reload, or ask the organizers to reopen); otherwise a detail with a code
 * already carries the sentence a page shows; details without one are told apart by their field.
 */
export function problemMessage(refusal: Refusal): string {
  const fields = refusal.details.map((d) => d.field);
  if (fields.includes('confirmationStatus')) {
    return 'Trạng thái xác nhận của điểm cầu vừa thay đổi. Vui lòng xem lại; để đổi ý, hãy liên hệ Ban Tổ chức để mở lại.';
  }
  const coded = refusal.details.find((d) => d.code);
  if (coded) return coded.message;
  if (fields.includes('status')) return 'Trạng thái hiện tại không cho phép thao tác này. Vui lòng liên hệ Ban Tổ chức.';
  if (fields.includes('version')) return 'Thông tin vừa được người khác cập nhật. Vui lòng xem lại rồi gửi lại.';
  return 'Chưa ghi nhận được thay đổi. Vui lòng tải lại trang và thử lại.';
}
