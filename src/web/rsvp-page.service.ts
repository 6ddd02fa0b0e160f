import { Injectable } from '@nestjs/common';
import { PersonDto, DeclineRsvpDto } from '../attendees/attendee.dto';
import { AttendeeStatus } from '../attendees/attendee.entity';
import { canAnswerInvitation } from '../attendees/attendees.service';
import { PublicRsvpService, RsvpView } from '../attendees/public-rsvp.service';
import { SignedLinksService } from '../auth/signed-links.service';
import { CalendarFilesService } from '../calendar/calendar-files.service';
import { CalendarLinksService } from '../calendar/calendar-links.service';
import { IcsFile } from '../calendar/ics-file';
import { qrSvg } from '../common/qr-svg';
import { isClosed } from '../conferences/conference-lifecycle';
import { ConferenceStatus } from '../conferences/conference.entity';
import { TransactionRunner } from '../database/transaction-runner';
import { EvaluationService } from '../training/evaluation.service';
import { timeOf } from './conference-card';
import { FormFields } from './form-body';
import { googleCalendarUrl } from './google-calendar';
import { answersOfForm, EVALUATION_DONE_KEY, evaluationErrors } from './rsvp-evaluation';
import { readForm } from './page-form';
import { PageResult, problemMessage, refusalOf } from './page-result';
import { RSVP_FORMS, RsvpAction, rsvpPage, RsvpPageState } from './rsvp-page';
import { FormState } from './widgets';
import { MaterialLinksService } from '../materials/material-links.service';

/** The QR code of an attendee code as inline SVG, labelled for screen readers. */
export function attendeeCodeQr(code: string): Promise<string> {
  return qrSvg(code, `Mã QR của mã đại biểu ${code}`);
}

/** The Google Calendar event of an invitation: the person's bridge point, the online link and their code. */
export function googleUrlOf(view: RsvpView): string {
  const c = view.conference;
  const place = [view.bridgePoint.name, view.bridgePoint.address].filter(Boolean).join(', ');
  const details = [
    `Thời gian: ${timeOf(c)}`,
    c.hostOrganization && `Đơn vị tổ chức: ${c.hostOrganization}`,
    `Điểm cầu: ${place}`,
    c.onlineUrl && `Tham dự trực tuyến: ${c.onlineUrl}`,
    `Mã đại biểu (điểm danh): ${view.attendee.code}`,
  ].filter(Boolean);
  return googleCalendarUrl({
    title: c.title,
    startsAt: new Date(c.startsAt),
    endsAt: new Date(c.endsAt),
    details: details.join('\n'),
    location: place || c.venue,
  });
}

/** The RSVP page: the invitation of a signed link, its answers, its calendar links. */
@Injectable()
export class RsvpPageService {
  constructor(
    private readonly rsvp: PublicRsvpService,
    private readonly links: SignedLinksService,
    private readonly feeds: CalendarLinksService,
    private readonly calendarFiles: CalendarFilesService,
    private readonly tx: TransactionRunner,
    private readonly evaluations: EvaluationService,
    private readonly materials: MaterialLinksService,
  ) {}

  async show(token: string, done?: RsvpAction, feedToken?: string, evaluated = false): Promise<PageResult> {
    const view = await this.rsvp.view(token);
    const evaluation = { of: await this.evaluations.ofLink(token), done: evaluated };
    return { status: 200, html: await this.render(token, view, { done, feed: await this.feedOf(view, feedToken), evaluation }) };
  }

  /** The evaluation form posted (POST/redirect/GET); its answers judged by the API's rules, its messages shown by question. */
  async evaluate(token: string, fields: FormFields | undefined): Promise<PageResult> {
    try {
      await this.evaluations.submit(token, answersOfForm(fields));
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      const errors = evaluationErrors(refusal.details);
      const form = { values: fields ?? {}, errors, problem: Object.keys(errors).length ? undefined : problemMessage(refusal) };
      const view = await this.rsvp.view(token);
      const evaluation = { of: await this.evaluations.ofLink(token), form };
      return { status: refusal.status, html: await this.render(token, view, { evaluation }) };
    }
    return { redirect: `/rsvp/${token}?xong=${EVALUATION_DONE_KEY}#danh-gia` };
  }

  async submit(token: string, action: RsvpAction, fields: FormFields | undefined): Promise<PageResult> {
    const read =
      action === 'decline'
        ? await readForm(DeclineRsvpDto, RSVP_FORMS.decline, fields)
        : action === 'substitute'
          ? await readForm(PersonDto, RSVP_FORMS.substitute, fields)
          : { values: {}, errors: {}, dto: undefined };
    if (Object.keys(read.errors).length > 0) return this.again(token, action, { values: read.values, errors: read.errors }, 400);
    try {
      if (action === 'accept') await this.rsvp.accept(token);
      else if (action === 'decline') await this.rsvp.decline(token, (read.dto as DeclineRsvpDto).reason);
      else await this.rsvp.substitute(token, read.dto as PersonDto);
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      // The one conflict about the substitute's email: it is on the conference's list already.
      if (action === 'substitute' && refusal.status === 409 && refusal.details.some((d) => d.field === 'email')) {
        const errors = { email: 'Email này đã có trong danh sách đại biểu của hội nghị; vui lòng dùng email khác hoặc để trống.' };
        return this.again(token, action, { values: read.values, errors }, refusal.status);
      }
      return this.again(token, action, { values: read.values, errors: {}, problem: problemMessage(refusal) }, refusal.status);
    }
    return { redirect: `/rsvp/${token}?xong=${action}` };
  }

  /**
   * Issues a personal feed link and sends the page back with it (`?lich=`): the token is shown
   * in the page the person is already on, rather than on every view, which would mint a new
   * live link each time the page is opened.
   */
  async issueFeed(token: string): Promise<PageResult> {
    const view = await this.rsvp.view(token);
    const expiresAt = this.links.expiryOf('calendar', new Date(view.conference.endsAt));
    const feed = await this.tx.transaction((m) =>
      this.feeds.issue(m, { conferenceId: view.conference.id, attendeeId: view.attendee.id }, expiresAt, null),
    );
    return { redirect: `/rsvp/${token}?lich=${feed.token}#lich` };
  }

  invite(token: string): Promise<IcsFile> {
    return this.calendarFiles.rsvpInvite(token);
  }

  /** The feed link named in the address, when it is live and this attendee's own. */
  private async feedOf(view: RsvpView, feedToken: string | undefined): Promise<RsvpPageState['feed']> {
    if (!feedToken) return undefined;
    try {
      const link = await this.links.resolve(feedToken, 'calendar');
      return link.attendeeId === view.attendee.id ? this.feeds.urls(feedToken) : undefined;
    } catch {
      return undefined;
    }
  }

  private async again(token: string, action: RsvpAction, form: FormState, status: number): Promise<PageResult> {
    const view = await this.rsvp.view(token);
    return { status, html: await this.render(token, view, { failed: { action, form }, evaluation: { of: await this.evaluations.ofLink(token) } }) };
  }

  private async render(token: string, view: RsvpView, state: Pick<RsvpPageState, 'done' | 'failed' | 'feed' | 'evaluation'>): Promise<string> {
    return rsvpPage(token, view, {
      ...state,
      materials: (await this.materials.list('attendee', token)).items,
      canAnswer: canAnswerInvitation(view.attendee.status as AttendeeStatus),
      closed: isClosed(view.conference.status as ConferenceStatus),
      qrSvg: await attendeeCodeQr(view.attendee.code),
      googleUrl: googleUrlOf(view),
    });
  }
}
