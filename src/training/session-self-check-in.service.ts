import { Inject, Injectable } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import { InjectRepository } from '@nestjs/typeorm';
import { Not, Repository } from 'typeorm';
import { AgendaItem } from '../agenda/agenda-item.entity';
import { attendeeNotFound } from '../attendees/attendee-errors';
import { Attendee } from '../attendees/attendee.entity';
import { linkActor } from '../audit/actor';
import { SignedLinksService } from '../auth/signed-links.service';
import { User } from '../auth/user.entity';
import { Clock } from '../common/clock';
import { qrSvg } from '../common/qr-svg';
import { badField, conferenceNotFound, conflict, notFound, tooMany } from '../common/errors';
import { AppConfig } from '../config/app-config';
import { Conference } from '../conferences/conference.entity';
import { forUpdate } from '../database/row-lock';
import { TransactionRunner } from '../database/transaction-runner';
import { SelfCheckInResponseDto, SessionCheckInCodeDto, toSessionAttendanceResponse } from './session-attendance.dto';
import { SessionAttendance } from './session-attendance.entity';
import { SessionAttendanceRepository } from './session-attendance.repository';
import { SessionAttendanceService } from './session-attendance.service';
import { SessionCodes } from './session-codes';
import { sessionScanPath } from './session-scan-link';
import { holdsPlace, notHoldingPlaceMessage } from './session-eligibility';
import { SessionWindow } from './session-window';

/**
 * Checking oneself in to a session: the hall screen shows a code that rotates (SessionCodes), and
 * a person enters it on the page of their own RSVP link while the session's roll call is open.
 * Entering it again changes nothing.
 */
@Injectable()
export class SessionSelfCheckInService {
  constructor(
    @InjectRepository(SessionAttendance) private readonly rows: Repository<SessionAttendance>,
    private readonly attendance: SessionAttendanceService,
    private readonly reads: SessionAttendanceRepository,
    private readonly window: SessionWindow,
    private readonly codes: SessionCodes,
    private readonly links: SignedLinksService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    // The login limits' storage (memory, PostgreSQL or Redis): every instance counts together.
    @Inject(ThrottlerStorage) private readonly attempts: ThrottlerStorage,
  ) {}

  /**
   * The code to show now, with when the session's roll call opens and closes: a screen may show it
   * ahead of time (it stores nothing); it is accepted only inside that window.
   */
  async currentCode(conferenceId: string, itemId: string, user: User): Promise<SessionCheckInCodeDto> {
    const { conference, item } = await this.attendance.sessionOf(this.rows.manager, conferenceId, itemId, user);
    this.window.assertLiveConference(conference);
    const { code, expiresAt } = this.codes.current(item.id);
    return { code, expiresAt: expiresAt.toISOString(), opensAt: this.window.opensAt(item).toISOString(), closesAt: item.endsAt.toISOString() };
  }

  /** The current code as a QR code (SVG) of the page a phone opens to check in with it. */
  async currentCodeQr(conferenceId: string, itemId: string, user: User): Promise<string> {
    const { code } = await this.currentCode(conferenceId, itemId, user);
    return qrSvg(`${this.config.publicBaseUrl}${sessionScanPath(itemId, code)}`, `Mã QR điểm danh, mã ${code}`);
  }

  async checkIn(token: string, itemId: string, code: string): Promise<SelfCheckInResponseDto> {
    const link = await this.links.resolve(token, 'attendee');
    await this.countAttempt(link.id, itemId);
    return this.tx.transaction(async (m) => {
      const conference = await m.findOneBy(Conference, { id: link.conferenceId });
      if (!conference) throw conferenceNotFound('token');
      const item = await m.findOneBy(AgendaItem, { id: itemId, conferenceId: conference.id });
      if (!item) throw notFound('itemId', 'agenda_item_not_found', 'Không tìm thấy buổi học này trong hội nghị của bạn.');
      if (!item.attendanceRequired) throw conflict('itemId', 'not_a_session', `Mục chương trình "${item.title}" không phải là buổi học cần điểm danh.`);
      // Locked (PostgreSQL): a double tap sends two posts at once; the second waits and reads the first's mark.
      const attendee = link.attendeeId ? await m.findOne(Attendee, { where: { id: link.attendeeId }, ...forUpdate(m) }) : null;
      if (!attendee) throw attendeeNotFound('token');
      this.window.assertLive(conference, item);
      if (!holdsPlace(attendee)) throw conflict('token', 'not_holding_place', notHoldingPlaceMessage(attendee));
      const reading = this.codes.read(item.id, code);
      if (reading !== 'current') await this.refuseCode(conference.id, item, code, reading);
      const marks = await this.reads.marksOf(m, item.id, [attendee.id]);
      const mark = marks.get(attendee.id);
      if (mark && (mark.status === 'present' || mark.status === 'late')) return { ...toSessionAttendanceResponse(item.id, attendee, mark), alreadyMarked: true };
      const status = this.window.arrivalStatus(item, this.clock.now());
      const session = { conference, item, scope: null };
      const applied = await this.attendance.apply(m, session, [{ attendee, status, method: 'self_code' }], linkActor(link.id), 'self_check_in', marks);
      return { ...[...applied.created, ...applied.updated][0], alreadyMarked: false };
    });
  }

  /**
   * Every code entered under one link for one session counts, right or wrong, before it is read:
   * past SESSION_CHECK_IN_ATTEMPTS in the window, 429 until the window has passed, so the code
   * cannot be guessed from outside the hall.
   */
  private async countAttempt(linkId: string, itemId: string): Promise<void> {
    const { checkInAttempts, checkInWindowMs } = this.config.sessionAttendance;
    const hit = await this.attempts.increment(`session-check-in:${linkId}:${itemId}`, checkInWindowMs, checkInAttempts, checkInWindowMs, 'session-check-in');
    if (hit.isBlocked) {
      const minutes = Math.max(1, Math.ceil(hit.timeToBlockExpire / 60));
      throw tooMany('code', 'too_many_code_attempts', `Đồng chí đã nhập mã quá nhiều lần cho buổi này. Vui lòng thử lại sau ${minutes} phút hoặc báo cán bộ điểm danh tại hội trường.`);
    }
  }

  /** 400 naming why the code is not this session's current one: another session's, expired, or wrong. */
  private async refuseCode(conferenceId: string, item: AgendaItem, code: string, reading: 'expired' | 'wrong'): Promise<never> {
    if (reading === 'wrong') {
      const others = await this.rows.manager.find(AgendaItem, { where: { conferenceId, attendanceRequired: true, id: Not(item.id) } });
      const other = others.find((session) => this.codes.read(session.id, code) !== 'wrong');
      if (other) {
        throw badField('code', 'code_of_another_session', `Mã này là của buổi "${other.title}", không phải buổi "${item.title}". Hãy nhập mã đang hiện trên màn hình của buổi này.`);
      }
      throw badField('code', 'code_wrong', 'Mã không đúng. Hãy nhập mã đang hiện trên màn hình hội trường.');
    }
    throw badField('code', 'code_expired', 'Mã đã hết hạn. Hãy nhập mã đang hiện trên màn hình hội trường.');
  }
}
