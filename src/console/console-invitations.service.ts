import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateBody } from '../common/validate-body';
import { ConferencesService } from '../conferences/conferences.service';
import { DeliveriesService } from '../mail/deliveries.service';
import { DeliveryListQueryDto, QueueInvitationsDto } from '../mail/mail.dto';
import { DELIVERY_STATUSES, DeliveryStatus } from '../outbox/outbox-message.entity';
import { FormFields } from '../web/form-body';
import { vnNumber } from '../web/labels';
import { besideFields, pageNumber, str } from './console-bulk';
import { ConsoleCaller } from './console-caller';
import { DELIVERIES_PAGE_SIZE, invitationsPage, invitationsUrl, progressPage } from './console-invitations-pages';
import { ConsoleResult } from './console-reply';

const count = (query: Record<string, unknown>, key: string) => vnNumber(/^\d{1,7}$/.test(str(query[key])) ? Number(query[key]) : 0);

/** Invitations and the delivery log, through DeliveriesService like `POST …/invitations` and `GET …/deliveries`. */
@Injectable()
export class ConsoleInvitationsService {
  constructor(
    private readonly conferences: ConferencesService,
    private readonly deliveries: DeliveriesService,
  ) {}

  async show(id: string, query: Record<string, unknown>, caller: ConsoleCaller, problem?: string, status = 200): Promise<ConsoleResult> {
    const conference = await this.conferences.get(id, caller.user);
    const filter = DELIVERY_STATUSES.includes(str(query.status) as DeliveryStatus) ? str(query.status) : '';
    const page = pageNumber(query.page);
    const dto = plainToInstance(DeliveryListQueryDto, { page, pageSize: DELIVERIES_PAGE_SIZE, ...(filter && { status: filter }) });
    const [counts, sending, log] = await Promise.all([
      this.deliveries.invitationCounts(id),
      this.deliveries.statusCounts(id, 'invitation'),
      this.deliveries.list(id, dto, { failedFirst: true }),
    ]);
    const flash = query.xong === 'resend' ? 'Đã đưa thư vào hàng gửi lại.' : undefined;
    return { status, html: invitationsPage({ conference, counts, sending, ...log, page, status: filter, flash, problem }, caller) };
  }

  /** Queues the invitations (everyone, or those not invited yet), then shows the sending's progress. */
  async send(id: string, fields: FormFields | undefined, caller: ConsoleCaller): Promise<ConsoleResult> {
    await this.conferences.get(id, caller.user);
    try {
      const dto = await validateBody(QueueInvitationsDto, { scope: str(fields?.scope) === 'all' ? 'all' : 'not_invited' });
      const r = await this.deliveries.queueInvitations(id, dto);
      return { redirect: `${invitationsUrl(id)}/progress?xong=queued&n=${r.queued}&a=${r.alreadyQueued}&k=${r.withoutEmail}` };
    } catch (error) {
      return this.refused(id, error, caller);
    }
  }

  async progress(id: string, query: Record<string, unknown>, caller: ConsoleCaller): Promise<ConsoleResult> {
    const conference = await this.conferences.get(id, caller.user);
    const counts = await this.deliveries.statusCounts(id, 'invitation');
    const flash =
      query.xong === 'queued'
        ? `Đã đưa ${count(query, 'n')} giấy mời vào hàng gửi; ${count(query, 'a')} người đã có giấy mời của lần cập nhật này nên không gửi lại; ${count(query, 'k')} người chưa có email.`
        : undefined;
    return { status: 200, html: progressPage(conference, counts, flash, caller) };
  }

  async resend(id: string, deliveryId: string, caller: ConsoleCaller): Promise<ConsoleResult> {
    await this.conferences.get(id, caller.user);
    try {
      await this.deliveries.resend(id, deliveryId);
      return { redirect: `${invitationsUrl(id)}?xong=resend` };
    } catch (error) {
      return this.refused(id, error, caller);
    }
  }

  private async refused(id: string, error: unknown, caller: ConsoleCaller): Promise<ConsoleResult> {
    const onForm = besideFields(error, {});
    if (!onForm) throw error;
    return this.show(id, {}, caller, onForm.problem ?? Object.values(onForm.errors).join(' '), onForm.status);
  }
}
