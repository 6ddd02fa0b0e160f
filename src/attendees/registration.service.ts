import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { Clock } from '../common/clock';
import { badField, conferenceNotFound, conflict, forbidden, notFound } from '../common/errors';
import { newId } from '../common/ids';
import { Conference } from '../conferences/conference.entity';
import { TransactionRunner } from '../database/transaction-runner';
import { Attendee } from './attendee.entity';
import { attendeeSearchKey, AttendeesService } from './attendees.service';
import { RegistrationInfo, RegistrationResult, SelfRegistrationDto } from './registration.dto';
import { HOLDS_PLACE, Waitlist } from './waitlist';

/**
 * Self-registration (tự đăng ký) when the organizer enables it: between its opening and closing
 * time, within the conference's and the bridge point's capacity; past capacity people join the
 * waiting list, promoted in order when a place frees up.
 */
/** A conference without self-registration has no registration to show or to post to. */
const registrationNotEnabled = () => notFound('registration', 'registration_not_enabled', 'Hội nghị này không mở đăng ký trực tuyến.');

@Injectable()
export class RegistrationService {
  constructor(
    @InjectRepository(Conference) private readonly conferences: Repository<Conference>,
    @InjectRepository(BridgePoint) private readonly points: Repository<BridgePoint>,
    private readonly tx: TransactionRunner,
    private readonly waitlist: Waitlist,
    private readonly attendeesService: AttendeesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
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

  async register(conferenceId: string, dto: SelfRegistrationDto): Promise<RegistrationResult> {
    return this.tx.transaction(async (m) => {
      const conference = await this.lockConference(m, conferenceId);
      if (!conference.registration?.enabled) throw registrationNotEnabled();
      const closed = this.closedReason(conference);
      if (closed) throw forbidden('registration', 'registration_closed', closed);
      const point = await m.findOneBy(BridgePoint, { id: dto.bridgePointId, conferenceId });
      if (!point) throw badField('bridgePointId', 'bridge_point_not_found', 'Điểm cầu không thuộc hội nghị này.');
      if (await m.existsBy(Attendee, { conferenceId, email: dto.email })) {
        throw conflict('email', 'email_in_use', 'Địa chỉ email này đã đăng ký hội nghị.');
      }
      const room = await this.waitlist.room(m, conference);
      const atPoint = await room.point(point.id, point.capacity);
      const full = (room.conference !== null && room.conference <= 0) || (atPoint !== null && atPoint <= 0);
      const waitlistPosition = full ? await this.waitlist.nextPosition(m, conferenceId) : null;
      const attendee: Omit<Attendee, 'createdAt' | 'updatedAt'> = {
        id: newId(),
        conferenceId,
        bridgePointId: point.id,
        fullName: dto.fullName,
        title: dto.title ?? null,
        organization: dto.organization ?? null,
        email: dto.email,
        phone: dto.phone ?? null,
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
        searchKey: attendeeSearchKey(dto),
        substituteForId: null,
        version: 1,
      };
      await m.insert(Attendee, attendee);
      await this.audit.record(m, { label: `self:${dto.email}`, userId: null }, {
        conferenceId,
        entityType: 'attendee',
        entityId: attendee.id,
        action: 'self_register',
        after: { fullName: attendee.fullName, email: attendee.email, status: attendee.status, waitlistPosition },
      });
      return { attendeeId: attendee.id, code: attendee.code, status: full ? 'waitlisted' : 'registered', waitlistPosition };
    });
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
      ...(m.connection.options.type === 'postgres' && { lock: { mode: 'pessimistic_write' as const } }),
    });
    if (!conference || conference.status === 'draft') throw conferenceNotFound();
    return conference;
  }
}
