import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { conflict } from '../common/errors';
import { vnDateTime } from '../common/vietnamese-time';
import { AppConfig } from '../config/app-config';
import { STATUS_WORDS } from '../conferences/conference-lifecycle';
import { ConferenceStatus } from '../conferences/conference.entity';
import { SessionAttendanceStatus } from './session-attendance.entity';

export interface WindowSession {
  title: string;
  startsAt: Date;
  endsAt: Date;
}

export interface WindowConference {
  status: ConferenceStatus;
  timezone: string;
}

/** How each status reads in a Vietnamese sentence and on a sign-in sheet. */
export const SESSION_STATUS_WORDS: Record<SessionAttendanceStatus, string> = {
  present: 'có mặt',
  late: 'đi muộn',
  excused: 'vắng có phép',
  absent: 'vắng',
};

/**
 * When a session's attendance can be taken, the session-sized twin of the conference's
 * AttendanceWindow. Marking someone as there (a roll call by code, the code shown in the hall)
 * is open from SESSION_ATTENDANCE_OPENS_MINUTES before the session starts until it ends, while
 * the conference is published or ongoing; after the end it is a record, not an arrival, and is
 * entered by status or from the paper sheet. Recording a status by hand or by import is possible
 * once the session's attendance has opened, also after the conference was completed (the paper
 * sheets come back after the event); only `excused` may be recorded in advance. A draft or
 * cancelled conference takes no attendance. Someone arriving more than SESSION_LATE_AFTER_MINUTES
 * after the start is late.
 */
@Injectable()
export class SessionWindow {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  opensAt(session: Pick<WindowSession, 'startsAt'>): Date {
    return new Date(session.startsAt.getTime() - this.config.sessionAttendance.opensMinutes * 60_000);
  }

  /** present, or late when `at` is past the start plus the grace. */
  arrivalStatus(session: Pick<WindowSession, 'startsAt'>, at: Date): 'present' | 'late' {
    return at.getTime() > session.startsAt.getTime() + this.config.sessionAttendance.lateAfterMinutes * 60_000 ? 'late' : 'present';
  }

  /** 409 unless people can be marked as arriving now: by a roll call of codes or the code shown in the hall. */
  assertLive(conference: WindowConference, session: WindowSession): void {
    this.assertLiveConference(conference);
    this.assertOpened(conference, session);
    if (this.clock.now().getTime() > session.endsAt.getTime()) {
      throw conflict(
        'endsAt',
        'session_ended',
        `Buổi "${session.title}" đã kết thúc lúc ${vnDateTime(session.endsAt, conference.timezone)}; ` +
          'không điểm danh bằng mã được nữa. Hãy ghi trạng thái từng người hoặc nhập danh sách ký tên.',
      );
    }
  }

  /** 409 unless the conference takes roll calls at all: published or ongoing. */
  assertLiveConference(conference: WindowConference): void {
    this.assertTakesAttendance(conference);
    if (conference.status === 'completed') {
      throw conflict(
        'status',
        'conference_closed',
        'Hội nghị đã kết thúc; không điểm danh bằng mã được nữa. Hãy ghi trạng thái từng người hoặc nhập danh sách ký tên.',
      );
    }
  }

  /** 409 unless `status` can be recorded now by hand or from a sheet. */
  assertRecordable(conference: WindowConference, session: WindowSession, status: SessionAttendanceStatus): void {
    this.assertTakesAttendance(conference);
    if (status !== 'excused') this.assertOpened(conference, session);
  }

  private assertTakesAttendance(conference: WindowConference): void {
    if (conference.status === 'draft') {
      throw conflict('status', 'conference_not_published', 'Hội nghị còn là bản nháp; chưa thể điểm danh các buổi học.');
    }
    if (conference.status === 'cancelled') {
      throw conflict('status', 'conference_closed', `Hội nghị ${STATUS_WORDS.cancelled}; không thể điểm danh nữa.`);
    }
  }

  private assertOpened(conference: WindowConference, session: WindowSession): void {
    const opensAt = this.opensAt(session);
    if (this.clock.now().getTime() < opensAt.getTime()) {
      throw conflict(
        'startsAt',
        'session_not_open',
        `Chưa đến giờ: điểm danh buổi "${session.title}" mở từ ${vnDateTime(opensAt, conference.timezone)} ` +
          `(${this.config.sessionAttendance.opensMinutes} phút trước giờ bắt đầu).`,
      );
    }
  }
}
