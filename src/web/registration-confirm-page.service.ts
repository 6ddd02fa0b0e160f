import { HttpException, Injectable } from '@nestjs/common';
import { RegistrationService } from '../attendees/registration.service';
import { messagePage } from './layout';
import { PageResult } from './page-result';
import { registrationConfirmedPage, registrationConfirmPage } from './registration-confirm-page';

/** Refusals of a confirmation whose own sentence is what the person should read (links' 404 and 410 go to the page filter). */
const SHOWN = [400, 403, 404, 409];

/** The self-registration confirmation page: a button, then the attendee it made. */
@Injectable()
export class RegistrationConfirmPageService {
  constructor(private readonly registration: RegistrationService) {}

  show(token: string): PageResult {
    return { status: 200, html: registrationConfirmPage(token) };
  }

  async confirm(token: string): Promise<PageResult> {
    try {
      const { result, first } = await this.registration.confirmOnce(token);
      return { status: 200, html: registrationConfirmedPage(result, first) };
    } catch (error) {
      const shown = shownRefusal(error);
      if (!shown) throw error;
      return { status: shown.status, html: messagePage('Chưa xác nhận được đăng ký', shown.message, 'Vui lòng liên hệ Ban Tổ chức hội nghị nếu cần hỗ trợ.') };
    }
  }
}

/** A refusal about the registration itself (closed, already on the list, point gone), not about the link. */
function shownRefusal(error: unknown): { status: number; message: string } | null {
  if (!(error instanceof HttpException) || !SHOWN.includes(error.getStatus())) return null;
  const body = error.getResponse() as { message?: unknown; details?: { field?: string }[] };
  if (typeof body?.message !== 'string' || (body.details ?? []).some((d) => d.field === 'token')) return null;
  return { status: error.getStatus(), message: body.message };
}
