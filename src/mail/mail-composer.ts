import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AgendaItemSpeaker } from '../agenda/agenda-item-speaker.entity';
import { AgendaItem } from '../agenda/agenda-item.entity';
import { Speaker } from '../agenda/speaker.entity';
import { Attendee } from '../attendees/attendee.entity';
import { IssuedConfirmation, RegistrationConfirmationLinks } from '../attendees/registration-confirmation-links';
import { SignedLinksService } from '../auth/signed-links.service';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { CalendarLinksService } from '../calendar/calendar-links.service';
import { CalendarService } from '../calendar/calendar.service';
import { Conference } from '../conferences/conference.entity';
import { AppConfig } from '../config/app-config';
import { TransactionRunner } from '../database/transaction-runner';
import { AUDIENCES_OF } from '../materials/material.dto';
import { Material } from '../materials/material.entity';
import { MessageKind, OutboxMessage } from '../outbox/outbox-message.entity';
import { Certificate } from '../training/certificate.entity';
import { OutgoingMail } from './mail-transport';
import {
  bridgePointLinkMail,
  calendarMail,
  CalendarMailContext,
  certificateMail,
  materialsMail,
  registrationConfirmationMail,
  registrationExistsMail,
  Rendered,
} from './templates';

const DROPPED_OUT = ['cancelled', 'declined', 'waitlisted', 'substituted'];
/** Mails not about one attendee: a bridge point's link, a self-registration still to be confirmed, materials to a point. */
const WITHOUT_ATTENDEE: MessageKind[] = ['bridge_point_link', 'registration_confirmation', 'material_notice', 'material_reminder'];
const MATERIAL_KINDS: MessageKind[] = ['material_notice', 'material_reminder'];
/** Mails that carry the conference in a calendar invitation (the others are plain letters). */
const CALENDAR_KINDS: MessageKind[] = ['invitation', 'update', 'cancellation', 'reminder'];
/** An already registered person whose invitation page no longer answers anything for them. */
const NO_RSVP = ['cancelled', 'substituted'];

type AgendaWithSpeakers = AgendaItem & { speakerNames: string[] };

/** A row worth composing, with the conference, person (when about one) and bridge point it is about. */
interface MailPlan {
  row: OutboxMessage;
  conference: Conference;
  attendee?: Attendee;
  point: BridgePoint;
}

/** The links issued for one row's mail (tokens only in the mail). */
interface IssuedLinks {
  rsvp?: string;
  feed?: string;
  confirm?: string;
  registration?: IssuedConfirmation;
}

/** What the batch's mails are composed from, read once for all of them. */
interface MailSources {
  agenda: Map<string, AgendaWithSpeakers[]>;
  certificates: Map<string, Certificate>;
  materials: Material[];
}

const requestIdOf = (row: OutboxMessage) => String((row.payload as { requestId?: unknown } | null)?.requestId ?? '');
const certificateIdOf = (row: OutboxMessage) => String((row.payload as { certificateId?: unknown } | null)?.certificateId ?? '');

/**
 * Turns outbox rows into emails from the data as it is when they are sent. Rows are composed a
 * batch at a time: a fixed number of queries whatever the batch size, and the links a mail
 * carries (RSVP, calendar feed, bridge-point confirmation) are issued here, in one
 * transaction, so no raw token ever sits in the outbox.
 */
@Injectable()
export class MailComposer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly links: SignedLinksService,
    private readonly calendar: CalendarService,
    private readonly feeds: CalendarLinksService,
    private readonly config: AppConfig,
    private readonly registrationLinks: RegistrationConfirmationLinks,
  ) {}

  /** One entry per row: the mail, or null when the row is no longer worth sending (superseded, person gone). */
  async composeAll(rows: OutboxMessage[]): Promise<Map<string, OutgoingMail | null>> {
    const result = new Map<string, OutgoingMail | null>();
    if (rows.length === 0) return result;
    const conferenceIds = [...new Set(rows.map((r) => r.conferenceId).filter((id): id is string => !!id))];
    const { plans, dropped } = await this.plan(rows, conferenceIds);
    for (const id of dropped) result.set(id, null);
    const agenda = await this.agendaOf(conferenceIds);
    const tokens = await this.issueLinks(plans);
    const sources: MailSources = { agenda, certificates: await this.certificatesOf(plans), materials: await this.materialsOf(plans) };
    for (const plan of plans) result.set(plan.row.id, this.compose(plan, tokens.get(plan.row.id) ?? {}, sources));
    return result;
  }

  /**
   * Reads the conference, attendee and bridge point each row is about, in one query each; a row
   * whose conference, point or person is gone, or a calendar mail made stale since, is dropped.
   */
  private async plan(rows: OutboxMessage[], conferenceIds: string[]): Promise<{ plans: MailPlan[]; dropped: string[] }> {
    const db = this.dataSource.manager;
    const attendeeIds = [...new Set(rows.map((r) => r.attendeeId).filter((id): id is string => !!id))];
    const conferences = new Map((await db.findBy(Conference, { id: In(conferenceIds) })).map((c) => [c.id, c]));
    const attendees = new Map(
      (attendeeIds.length ? await db.findBy(Attendee, { id: In(attendeeIds) }) : []).map((a) => [a.id, a]),
    );
    const pointIds = [
      ...new Set([...[...attendees.values()].map((a) => a.bridgePointId), ...rows.map((r) => r.bridgePointId).filter((id): id is string => !!id)]),
    ];
    const points = new Map((pointIds.length ? await db.findBy(BridgePoint, { id: In(pointIds) }) : []).map((p) => [p.id, p]));

    const plans: MailPlan[] = [];
    const dropped: string[] = [];
    for (const row of rows) {
      const conference = row.conferenceId ? conferences.get(row.conferenceId) : undefined;
      const attendee = row.attendeeId ? attendees.get(row.attendeeId) : undefined;
      const point = attendee ? points.get(attendee.bridgePointId) : row.bridgePointId ? points.get(row.bridgePointId) : undefined;
      if (!conference || !point || (!WITHOUT_ATTENDEE.includes(row.kind) && !attendee)) {
        dropped.push(row.id);
        continue;
      }
      if (CALENDAR_KINDS.includes(row.kind) && this.superseded(row, conference, attendee!)) {
        dropped.push(row.id);
        continue;
      }
      plans.push({ row, conference, attendee, point });
    }
    return { plans, dropped };
  }

  /** Links the mails carry, issued together in one transaction; their tokens exist only in the mails. */
  private issueLinks(plans: MailPlan[]): Promise<Map<string, IssuedLinks>> {
    return this.tx.transaction(async (m) => {
      const issued = new Map<string, IssuedLinks>();
      const expiry = (c: Conference) => this.links.expiryOf('attendee', c.endsAt);
      const feedTargets = plans.filter((p) => CALENDAR_KINDS.includes(p.row.kind) && p.row.kind !== 'cancellation');
      // "Already registered" carries the person's invitation page, while it can still answer for them.
      const rsvpTargets = [...feedTargets, ...plans.filter((p) => p.row.kind === 'registration_exists' && !NO_RSVP.includes(p.attendee!.status))];
      const rsvp = await this.links.issueMany(m, 'attendee', rsvpTargets.map((p) => ({ conferenceId: p.conference.id, attendeeId: p.attendee!.id, expiresAt: expiry(p.conference) })));
      const feedExpiry = (c: Conference) => this.links.expiryOf('calendar', c.endsAt);
      const feed = await this.links.issueMany(m, 'calendar', feedTargets.map((p) => ({ conferenceId: p.conference.id, attendeeId: p.attendee!.id, expiresAt: feedExpiry(p.conference) })));
      rsvpTargets.forEach((p, i) => issued.set(p.row.id, { rsvp: rsvp[i].token, feed: feed[i]?.token }));
      // Materials go out with the recipient's own page: a point's confirmation page, a delegate's RSVP page.
      const materialPoints = plans.filter((p) => MATERIAL_KINDS.includes(p.row.kind) && !p.attendee);
      const materialPeople = plans.filter((p) => MATERIAL_KINDS.includes(p.row.kind) && p.attendee);
      const pointLinks = await this.links.issueMany(m, 'bridge_point', materialPoints.map((p) => ({ conferenceId: p.conference.id, bridgePointId: p.point.id, expiresAt: this.links.expiryOf('bridge_point', p.conference.endsAt) })));
      materialPoints.forEach((p, i) => issued.set(p.row.id, { confirm: pointLinks[i].token }));
      const personLinks = await this.links.issueMany(m, 'attendee', materialPeople.map((p) => ({ conferenceId: p.conference.id, attendeeId: p.attendee!.id, expiresAt: expiry(p.conference) })));
      materialPeople.forEach((p, i) => issued.set(p.row.id, { rsvp: personLinks[i].token }));
      const pointTargets = plans.filter((p) => p.row.kind === 'bridge_point_link');
      const confirm = await this.links.issueMany(m, 'bridge_point', pointTargets.map((p) => ({ conferenceId: p.conference.id, bridgePointId: p.point.id, expiresAt: this.links.expiryOf('bridge_point', p.conference.endsAt) })));
      pointTargets.forEach((p, i) => issued.set(p.row.id, { confirm: confirm[i].token }));
      const registrationRows = plans.filter((p) => p.row.kind === 'registration_confirmation').map((p) => p.row);
      const registrations = await this.registrationLinks.issue(m, registrationRows.map(requestIdOf));
      for (const row of registrationRows) {
        const confirmation = registrations.get(requestIdOf(row));
        if (confirmation) issued.set(row.id, { registration: confirmation });
      }
      return issued;
    });
  }

  /** The certificates the certificate mails are about (one revoked, or gone, since it was queued is not sent). */
  private async certificatesOf(plans: MailPlan[]): Promise<Map<string, Certificate>> {
    const certificateIds = plans.filter((p) => p.row.kind === 'certificate').map((p) => certificateIdOf(p.row));
    return new Map((certificateIds.length ? await this.dataSource.manager.findBy(Certificate, { id: In(certificateIds) }) : []).map((c) => [c.id, c]));
  }

  /** Every material of the conferences that material mails are about, oldest first. */
  private async materialsOf(plans: MailPlan[]): Promise<Material[]> {
    const materialConferences = [...new Set(plans.filter((p) => MATERIAL_KINDS.includes(p.row.kind)).map((p) => p.conference.id))];
    return materialConferences.length
      ? this.dataSource.manager.find(Material, { where: { conferenceId: In(materialConferences) }, order: { createdAt: 'ASC', id: 'ASC' } })
      : [];
  }

  /** One row's mail, by kind, from what was read and issued for the batch; null when not worth sending. */
  private compose({ row, conference, attendee, point }: MailPlan, token: IssuedLinks, sources: MailSources): OutgoingMail | null {
    if (row.kind === 'material_notice' || row.kind === 'material_reminder') {
      return this.materialMail(row, row.kind, conference, attendee, point, sources.materials, token);
    }
    if (row.kind === 'certificate') {
      const certificate = sources.certificates.get(certificateIdOf(row));
      const url = certificate && `${this.config.publicBaseUrl}/verify/${certificate.code}`;
      return certificate?.status === 'valid' ? this.mail(row, certificateMail(conference, certificate.holderName, certificate, url!)) : null;
    }
    if (row.kind === 'bridge_point_link') {
      return this.mail(row, bridgePointLinkMail(conference, point, this.links.url('bridge-points/confirm', token.confirm!)));
    }
    if (row.kind === 'registration_confirmation') {
      // Confirmed (or gone) since it was queued: nothing left to confirm.
      const issued = token.registration;
      const url = issued && this.links.url('registration/confirm', issued.token);
      return issued ? this.mail(row, registrationConfirmationMail(conference, point, issued.request, url!, issued.request.expiresAt)) : null;
    }
    if (row.kind === 'registration_exists') {
      return this.mail(row, registrationExistsMail(conference, attendee!, point, token.rsvp ? this.links.url('rsvp', token.rsvp) : null));
    }
    return this.calendarInvitation(row, row.kind, conference, attendee!, point, sources.agenda.get(conference.id) ?? [], token);
  }

  /** A calendar mail (invitation, update, cancellation, reminder): the letter and its .ics. */
  private calendarInvitation(
    row: OutboxMessage,
    kind: CalendarMailContext['kind'],
    conference: Conference,
    attendee: Attendee,
    point: BridgePoint,
    items: AgendaWithSpeakers[],
    token: IssuedLinks,
  ): OutgoingMail {
    const feedUrl = token.feed ? this.feeds.urls(token.feed).webcalUrl : null;
    const method = kind === 'cancellation' ? 'CANCEL' : 'REQUEST';
    const rendered = calendarMail({
      kind,
      conference,
      attendee,
      bridgePoint: point,
      agenda: items,
      rsvpUrl: token.rsvp ? this.links.url('rsvp', token.rsvp) : null,
      feedUrl,
    });
    const ics = this.calendar.invite(conference, attendee, point, items, method, { feedUrl });
    return { ...this.mail(row, rendered), icalEvent: { method, content: ics, filename: 'giay-moi.ics' } };
  }

  /**
   * New materials since the notice was queued (it took in every one added while it waited), or the
   * one material a reminder is about, among those the recipient's link may see; none left (all
   * removed), a cancelled conference or a person who dropped out: nothing to send.
   */
  private materialMail(
    row: OutboxMessage,
    kind: 'material_notice' | 'material_reminder',
    conference: Conference,
    attendee: Attendee | undefined,
    point: BridgePoint,
    all: Material[],
    token: { confirm?: string; rsvp?: string },
  ): OutgoingMail | null {
    if (conference.status === 'cancelled' || (attendee && DROPPED_OUT.includes(attendee.status))) return null;
    const payload = (row.payload ?? {}) as { since?: string; materialId?: string };
    const audiences: readonly string[] = attendee ? AUDIENCES_OF.attendee : AUDIENCES_OF.bridge_point;
    const since = payload.since ? new Date(payload.since).getTime() : 0;
    const listed = all.filter(
      (x) =>
        x.conferenceId === conference.id &&
        audiences.includes(x.audience) &&
        (kind === 'material_reminder' ? x.id === payload.materialId : x.createdAt.getTime() >= since),
    );
    if (listed.length === 0) return null;
    const url = attendee ? this.links.url('rsvp', token.rsvp!) : this.links.url('bridge-points/confirm', token.confirm!);
    const to = attendee ? { attendee } : { point };
    return this.mail(row, materialsMail(kind, conference, to, listed, url));
  }

  /** An update made stale by a newer revision, or mail to someone who dropped out. */
  private superseded(row: OutboxMessage, conference: Conference, attendee: Attendee): boolean {
    if (row.kind === 'cancellation') return false;
    if (conference.status === 'cancelled' || DROPPED_OUT.includes(attendee.status)) return true;
    const sequence = Number((row.payload as { sequence?: number } | null)?.sequence ?? conference.sequence);
    return row.kind === 'update' && sequence < conference.sequence;
  }

  private mail(row: OutboxMessage, rendered: Rendered): OutgoingMail {
    const host = new URL(this.config.publicBaseUrl).hostname;
    return {
      to: { name: row.recipientName, address: row.recipient },
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      messageId: `<${row.id}@${host}>`,
    };
  }

  /** Agenda items of these conferences with their speakers' names, in three queries. */
  private async agendaOf(conferenceIds: string[]): Promise<Map<string, AgendaWithSpeakers[]>> {
    const db = this.dataSource.manager;
    const items = conferenceIds.length ? await db.find(AgendaItem, { where: { conferenceId: In(conferenceIds) }, order: { startsAt: 'ASC', position: 'ASC' } }) : [];
    const links = items.length ? await db.find(AgendaItemSpeaker, { where: { agendaItemId: In(items.map((i) => i.id)) }, order: { position: 'ASC' } }) : [];
    const speakers = new Map(
      (links.length ? await db.findBy(Speaker, { id: In([...new Set(links.map((l) => l.speakerId))]) }) : []).map((s) => [s.id, s.fullName]),
    );
    const byConference = new Map<string, AgendaWithSpeakers[]>();
    for (const item of items) {
      const speakerNames = links.filter((l) => l.agendaItemId === item.id).map((l) => speakers.get(l.speakerId)!).filter(Boolean);
      byConference.set(item.conferenceId, [...(byConference.get(item.conferenceId) ?? []), { ...item, speakerNames }]);
    }
    return byConference;
  }
}
