import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { conflict } from '../common/errors';
import { vnDateTime } from '../common/vietnamese-time';
import { AppConfig } from '../config/app-config';
import { STATUS_WORDS } from './conference-lifecycle';
import { ConferenceStatus } from './conference.entity';

/** What the window is read from: a conference's state and its start. */
export interface WindowConference {
  status: ConferenceStatus;
  startsAt: Date;
  timezone: string;
}

/**
 * When attendance can be taken (check-in, a point's headcount report, the point page's
 * attendance form): from `CHECKIN_OPENS_MINUTES` before the conference starts, or as soon as it
 * is started, until it is completed or cancelled. Outside it people could record attendance of
 * an event that has not happened, which the records would then state as fact.
 */
@Injectable()
export class AttendanceWindow {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  opensAt(conference: Pick<WindowConference, 'startsAt'>): Date {
    return new Date(conference.startsAt.getTime() - this.config.checkInOpensMinutes * 60_000);
  }

  isOpen(conference: WindowConference): boolean {
    if (conference.status === 'completed' || conference.status === 'cancelled') return false;
    return conference.status === 'ongoing' || this.clock.now().getTime() >= this.opensAt(conference).getTime();
  }

  /** "Điểm danh mở từ 06:00, thứ Ba, ngày 15/7/2025 (120 phút trước giờ khai mạc)." for the page and the 409. */
  opensNote(conference: WindowConference, what: string): string {
    return `${what} mở từ ${vnDateTime(this.opensAt(conference), conference.timezone)} (${this.config.checkInOpensMinutes} phút trước giờ khai mạc).`;
  }

  /** 409 outside the window: naming when it opens, or that the conference has ended. `what` starts the sentence ("Điểm danh"). */
  assertOpen(conference: WindowConference, what: string): void {
    if (this.isOpen(conference)) return;
    if (conference.status === 'completed' || conference.status === 'cancelled') {
      throw conflict('status', 'conference_closed', `Hội nghị ${STATUS_WORDS[conference.status]}; không thể ${what.toLocaleLowerCase('vi')} nữa.`);
    }
    throw conflict('startsAt', 'attendance_not_open', `Chưa đến giờ: ${this.opensNote(conference, what).replace(/^./, (c) => c.toLocaleLowerCase('vi'))}`);
  }
}
