import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, MoreThan, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { TOKEN_SHAPE } from '../auth/signed-links.service';
import { TokenMaker } from '../auth/token-maker';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { Clock } from '../common/clock';
import { badField, conferenceNotFound, conflict, forbidden, gone, notFound } from '../common/errors';
import { newId } from '../common/ids';
import { Conference } from '../conferences/conference.entity';
import { AppConfig } from '../config/app-config';
import { TransactionRunner } from '../database/transaction-runner';
import { OutboxService } from '../outbox/outbox.service';
import { Attendee } from './attendee.entity';
import { AttendeesService } from './attendees.service';
import { personSearchKey } from '../common/text';
import { alreadyRegisteredKey, MAILS_PER_ADDRESS_PER_HOUR, mailWindowStart, PENDING_CONFIRMATION, requestState } from './registration-confirmation';
import { RegistrationRequest } from './registration-request.entity';
import { RegistrationInfo, RegistrationPending, RegistrationResult, resultOf, SelfRegistrationDto } from './registration.dto';
import { HOLDS_PLACE, Waitlist } from './waitlist';
import { forUpdate } from '../database/row-lock';
import { unknownLink } from '../auth/link-errors';

/** A conference without self-registration has no registration to show or to post to. */
const registrationNotEnabled = () => notFound('registration', 'registration_not_enabled', 'Hội nghị này không mở đăng ký trực tuyến.');

/**
 * Self-registration (tự đăng ký) when the organizer enables it: between its opening and closing
 * time, confirmed from a link mailed to the address given, then within the conference's and the
 * bridge point's capacity; past capacity people join the waiting list, promoted in order when a
 * place frees up.
 */
@Injectable()
export class RegistrationService {
  constructor(
    @InjectRepository(Conference) private readonly conferences: Repository<Conference>,
    @InjectRepository(BridgePoint) private readonly points: Repository<BridgePoint>,
    @InjectRepository(RegistrationRequest) private readonly requests: Repository<RegistrationRequest>,
    private readonly tx: TransactionRunner,
    private readonly waitlist: Waitlist,
    private readonly attendeesService: AttendeesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
    private readonly tokens: TokenMaker,
    private readonly config: AppConfig,
  ) {}

  async info(conferenceId: string): Promise<RegistrationInfo> {
    const conference = await this.conferences.findOneBy({ id: conferenceId });
    if (!conference || conference.status === 'draft') throw conferenceNotFound();
    if (!conference.registration?.enabled) throw registrationNotEnabled();
    const m = this.conferences.manager;
    const room = await this.waitlist.room(m, conference);
    const points = await this.points.find({ where: { conferenceId }, order: { position: 'ASC' } });
    const held = new Map<string, number>(
      (
        await m
          .createQueryBuilder(Attendee, 'a')
          .select('a.bridgePointId', 'id')
          .addSelect('COUNT(*)', 'n')
          .where('a.conferenceId = :conferenceId AND a.status IN (:...statuses)', { conferenceId, statuses: HOLDS_PLACE })
          .groupBy('a.bridgePointId')
          .getRawMany<{ id: string; n: string }>()
      ).map((r) => [r.id, Number(r.n)]),
    );
    const closed = this.closedReason(conference);
    const settings = conference.registration;
    return {
      conference: {
        id: conference.id,
        title: conference.title,
        startsAt: conference.startsAt.toISOString(),
        endsAt: conference.endsAt.toISOString(),
        timezone: conference.timezone,
        venue: conference.venue,
      },
      open: closed === null,
      reason: closed,
      opensAt: settings?.opensAt ?? null,
      closesAt: settings?.closesAt ?? null,
      placesLeft: room.conference,
      bridgePoints: points.map((p) => ({
        id: p.id,
        name: p.name,
        placesLeft: p.capacity === null ? null : Math.max(0, p.capacity - (held.get(p.id) ?? 0)),
      })),
    };
  }

  /**
   * Records a self-registration to be confirmed from the mail sent to its address (it takes no
   * place yet), or, when the address is already a delegate's, mails them that instead. The answer
   * is the same either way, so the form tells nobody which addresses are registered.
   */
  async request(conferenceId: string, dto: SelfRegistrationDto): Promise<RegistrationPending> {
    await this.tx.transaction(async (m) => {
      const conference = await m.findOneBy(Conference, { id: conferenceId });
      if (!conference || conference.status === 'draft') throw conferenceNotFound();
      await this.openPointOrFail(m, conference, dto.bridgePointId);
      const now = this.clock.now();
      const delegate = await m.findOneBy(Attendee, { conferenceId, email: dto.email });
      if (delegate) {
        await this.outbox.enqueue(m, [
          { kind: 'registration_exists', conferenceId, recipient: dto.email, recipientName: delegate.fullName, attendeeId: delegate.id, idempotencyKey: alreadyRegisteredKey(delegate.id, now) },
        ]);
        return;
      }
      const recent = await m.count(RegistrationRequest, { where: { conferenceId, email: dto.email, createdAt: MoreThan(mailWindowStart(now)) } });
      if (recent >= MAILS_PER_ADDRESS_PER_HOUR) return;
      const request: RegistrationRequest = {
        id: newId(),
        conferenceId,
        bridgePointId: dto.bridgePointId,
        fullName: dto.fullName,
        title: dto.title ?? null,
        organization: dto.organization ?? null,
        email: dto.email,
        phone: dto.phone ?? null,
        tokenHash: null,
        // Set again when the mail is written: the link lives from then.
        expiresAt: new Date(now.getTime() + this.config.selfRegistration.confirmationTtlMs),
        confirmedAt: null,
        attendeeId: null,
        createdAt: now,
      };
      await m.insert(RegistrationRequest, request);
      await this.outbox.enqueue(m, [
        {
          kind: 'registration_confirmation',
          conferenceId,
          recipient: dto.email,
          recipientName: dto.fullName,
          bridgePointId: dto.bridgePointId,
          idempotencyKey: `registration_confirmation:${request.id}`,
          payload: { requestId: request.id },
        },
      ]);
    });
    return PENDING_CONFIRMATION;
  }

  /**
   * Confirms a self-registration from its mailed link: the person is registered within the
   * conference's and the point's capacity, or put on the waiting list. Confirming again answers
   * the same attendee; an expired link answers 410.
   */
  async confirm(token: string): Promise<RegistrationResult> {
    return (await this.confirmOnce(token)).result;
  }

  /** Like `confirm`, and whether this call was the one that confirmed (`first`) or a later one. */
  async confirmOnce(token: string): Promise<{ result: RegistrationResult; first: boolean }> {
    const found = TOKEN_SHAPE.test(token) ? await this.requests.findOneBy({ tokenHash: this.tokens.hash(token) }) : null;
    if (!found) throw unknownLink();
    return this.tx.transaction(async (m) => {
      const conference = await this.lockConference(m, found.conferenceId);
      // Read again behind the conference's lock: two clicks on one link take turns, and the second sees the first.
      const request = await m.findOneByOrFail(RegistrationRequest, { id: found.id });
      const state = requestState(request, this.clock.now());
      if (state === 'confirmed') return { result: await this.confirmedResult(m, conference, request), first: false };
      if (state === 'expired') {
        throw gone('token', 'expired', 'Liên kết xác nhận đăng ký đã hết hạn. Vui lòng đăng ký lại để nhận liên kết mới.');
      }
      const point = await this.openPointOrFail(m, conference, request.bridgePointId);
      if (await m.existsBy(Attendee, { conferenceId: conference.id, email: request.email })) {
        throw conflict('email', 'email_in_use', 'Địa chỉ email này đã có trong danh sách đại biểu của hội nghị; không cần xác nhận lại.');
      }
      const attendee = await this.register(m, conference, point, request);
      await m.update(RegistrationRequest, { id: request.id }, { confirmedAt: this.clock.now(), attendeeId: attendee.id });
      return { result: resultOf(conference, attendee), first: true };
    });
  }

  /** The attendee a confirmed request made; 410 when the organizers removed them since. */
  private async confirmedResult(m: EntityManager, conference: Conference, request: RegistrationRequest): Promise<RegistrationResult> {
    const attendee = request.attendeeId ? await m.findOneBy(Attendee, { id: request.attendeeId }) : null;
    if (!attendee) {
      throw gone('token', 'revoked', 'Đăng ký này đã được Ban Tổ chức gỡ khỏi danh sách đại biểu. Vui lòng liên hệ Ban Tổ chức.');
    }
    return resultOf(conference, attendee);
  }

  /** Registration is enabled and open now, and the point is one of the conference's. */
  private async openPointOrFail(m: EntityManager, conference: Conference, bridgePointId: string): Promise<BridgePoint> {
    if (!conference.registration?.enabled) throw registrationNotEnabled();
    const closed = this.closedReason(conference);
    if (closed) throw forbidden('registration', 'registration_closed', closed);
    const point = await m.findOneBy(BridgePoint, { id: bridgePointId, conferenceId: conference.id });
    if (!point) throw badField('bridgePointId', 'bridge_point_not_found', 'Điểm cầu không thuộc hội nghị này.');
    return point;
  }

  /** The attendee of a confirmed request, in the caller's transaction (behind the conference's lock). */
  private async register(m: EntityManager, conference: Conference, point: BridgePoint, person: RegistrationRequest): Promise<Attendee> {
    const conferenceId = conference.id;
    const room = await this.waitlist.room(m, conference);
    const atPoint = await room.point(point.id, point.capacity);
    const full = (room.conference !== null && room.conference <= 0) || (atPoint !== null && atPoint <= 0);
    const waitlistPosition = full ? await this.waitlist.nextPosition(m, conferenceId) : null;
    const attendee: Omit<Attendee, 'createdAt' | 'updatedAt'> = {
      id: newId(),
      conferenceId,
      bridgePointId: point.id,
      fullName: person.fullName,
      title: person.title,
      organization: person.organization,
      email: person.email,
      phone: person.phone,
      role: 'delegate',
      status: full ? 'waitlisted' : 'registered',
      source: 'self',
      code: await this.attendeesService.freeCode(m, conferenceId),
      notes: null,
      declineReason: null,
      waitlistPosition,
      invitedAt: null,
      respondedAt: this.clock.now(),
      checkedInAt: null,
      checkedInBy: null,
      searchKey: personSearchKey(person),
      substituteForId: null,
      version: 1,
    };
    await m.insert(Attendee, attendee);
    await this.audit.record(m, { label: `self:${person.email}`, userId: null }, {
      conferenceId,
      entityType: 'attendee',
      entityId: attendee.id,
      action: 'self_register',
      after: { fullName: attendee.fullName, email: attendee.email, status: attendee.status, waitlistPosition },
    });
    return attendee as Attendee;
  }

  /** Null when registration is open; otherwise why not, for the person registering (it is enabled: see registrationNotEnabled). */
  private closedReason(conference: Conference): string | null {
    const settings = conference.registration!;
    const now = this.clock.now().getTime();
    if (conference.status !== 'published' && conference.status !== 'ongoing') return 'Hội nghị hiện không nhận đăng ký.';
    if (settings.opensAt && now < new Date(settings.opensAt).getTime()) return 'Chưa đến thời gian mở đăng ký.';
    if (settings.closesAt && now >= new Date(settings.closesAt).getTime()) return 'Đã hết thời gian đăng ký.';
    return null;
  }

  /** Registrations of one conference take turns, so two people never take the last place. */
  private async lockConference(m: EntityManager, conferenceId: string): Promise<Conference> {
    const conference = await m.findOne(Conference, {
      where: { id: conferenceId },
      ...forUpdate(m),
    });
    if (!conference || conference.status === 'draft') throw conferenceNotFound();
    return conference;
  }
}
