import { ConflictException } from '@nestjs/common';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { AttendanceWindow, WindowConference } from './attendance-window';

const STARTS = new Date('2025-07-15T01:00:00Z'); // 08:00 in Hà Nội

function windowAt(now: string, opensMinutes = 120): AttendanceWindow {
  const config = { checkInOpensMinutes: opensMinutes } as AppConfig;
  const clock = { now: () => new Date(now) } as Clock;
  return new AttendanceWindow(config, clock);
}

const conference = (status: WindowConference['status']): WindowConference => ({ status, startsAt: STARTS, timezone: 'Asia/Ho_Chi_Minh' });

function refusal(fn: () => void): { status: number; body: { details: { code?: string; message: string }[] } } {
  try {
    fn();
  } catch (error) {
    const e = error as ConflictException;
    return { status: e.getStatus(), body: e.getResponse() as never };
  }
  throw new Error('expected a refusal');
}

describe('the attendance window', () => {
  it('opens CHECKIN_OPENS_MINUTES before the start of a published conference', () => {
    expect(windowAt('2025-07-14T22:59:59Z').isOpen(conference('published'))).toBe(false);
    expect(windowAt('2025-07-14T23:00:00Z').isOpen(conference('published'))).toBe(true);
    expect(windowAt('2025-07-14T20:00:00Z', 300).isOpen(conference('published'))).toBe(true);
  });

  it('is open as soon as the conference is started, and closed once it is completed or cancelled', () => {
    expect(windowAt('2025-07-14T12:00:00Z').isOpen(conference('ongoing'))).toBe(true);
    expect(windowAt('2025-07-15T02:00:00Z').isOpen(conference('completed'))).toBe(false);
    expect(windowAt('2025-07-15T02:00:00Z').isOpen(conference('cancelled'))).toBe(false);
  });

  it('answers 409 saying in Vietnamese when it opens, with a stable code', () => {
    const r = refusal(() => windowAt('2025-07-14T12:00:00Z').assertOpen(conference('published'), 'Điểm danh'));
    expect(r.status).toBe(409);
    expect(r.body.details).toEqual([
      {
        field: 'startsAt',
        code: 'attendance_not_open',
        message: 'Chưa đến giờ: điểm danh mở từ 06:00, thứ Ba, ngày 15/7/2025 (120 phút trước giờ khai mạc).',
      },
    ]);
  });

  it('answers 409 saying the conference has ended', () => {
    const r = refusal(() => windowAt('2025-07-15T05:00:00Z').assertOpen(conference('completed'), 'Điểm danh'));
    expect(r.body.details[0]).toMatchObject({ code: 'conference_closed', message: 'Hội nghị đã kết thúc; không thể điểm danh nữa.' });
  });
});
