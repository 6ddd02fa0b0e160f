import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { SessionWindow, WindowConference } from './session-window';

describe('SessionWindow', () => {
  const session = { title: 'Chuyên đề 1', startsAt: new Date('2030-07-15T01:00:00Z'), endsAt: new Date('2030-07-15T02:30:00Z') };
  const published: WindowConference = { status: 'published', timezone: 'Asia/Ho_Chi_Minh' };
  const windowAt = (iso: string, opensMinutes = 30, lateAfterMinutes = 15) =>
    new SessionWindow({ sessionAttendance: { opensMinutes, lateAfterMinutes } } as AppConfig, { now: () => new Date(iso) } as Clock);
  const codeOf = (fn: () => void): string | undefined => {
    try {
      fn();
      return undefined;
    } catch (error) {
      return (error as { response: { details: { code: string }[] } }).response.details[0].code;
    }
  };

  it('marks present up to the grace after the start, and late past it', () => {
    const window = windowAt('2030-07-15T00:00:00Z');
    expect(window.arrivalStatus(session, new Date('2030-07-15T00:40:00Z'))).toBe('present');
    expect(window.arrivalStatus(session, new Date('2030-07-15T01:15:00Z'))).toBe('present');
    expect(window.arrivalStatus(session, new Date('2030-07-15T01:15:00.001Z'))).toBe('late');
    expect(windowAt('2030-07-15T00:00:00Z', 30, 0).arrivalStatus(session, new Date('2030-07-15T01:00:01Z'))).toBe('late');
  });

  it('opens a roll call SESSION_ATTENDANCE_OPENS_MINUTES before the start and closes it at the end', () => {
    expect(codeOf(() => windowAt('2030-07-15T00:29:59Z').assertLive(published, session))).toBe('session_not_open');
    expect(codeOf(() => windowAt('2030-07-15T00:30:00Z').assertLive(published, session))).toBeUndefined();
    expect(codeOf(() => windowAt('2030-07-15T02:30:00Z').assertLive({ ...published, status: 'ongoing' }, session))).toBeUndefined();
    expect(codeOf(() => windowAt('2030-07-15T02:30:01Z').assertLive(published, session))).toBe('session_ended');
  });

  it('takes no attendance in a draft or cancelled conference, and no roll call once it is completed', () => {
    const inside = windowAt('2030-07-15T01:10:00Z');
    expect(codeOf(() => inside.assertLive({ ...published, status: 'draft' }, session))).toBe('conference_not_published');
    expect(codeOf(() => inside.assertRecordable({ ...published, status: 'draft' }, session, 'excused'))).toBe('conference_not_published');
    expect(codeOf(() => inside.assertLive({ ...published, status: 'cancelled' }, session))).toBe('conference_closed');
    expect(codeOf(() => inside.assertLive({ ...published, status: 'completed' }, session))).toBe('conference_closed');
    expect(codeOf(() => inside.assertRecordable({ ...published, status: 'completed' }, session, 'absent'))).toBeUndefined();
  });

  it('records excused in advance, and any other status only once the session has opened', () => {
    const before = windowAt('2030-07-14T10:00:00Z');
    expect(codeOf(() => before.assertRecordable(published, session, 'excused'))).toBeUndefined();
    for (const status of ['present', 'late', 'absent'] as const) {
      expect(codeOf(() => before.assertRecordable(published, session, status))).toBe('session_not_open');
    }
    expect(codeOf(() => windowAt('2030-07-16T10:00:00Z').assertRecordable(published, session, 'present'))).toBeUndefined();
  });

  it('says in Vietnamese when the session opens, in the conference time zone', () => {
    try {
      windowAt('2030-07-15T00:00:00Z').assertLive(published, session);
      throw new Error('not refused');
    } catch (error) {
      expect((error as { response: { message: string } }).response.message).toMatch(/^Chưa đến giờ: điểm danh buổi "Chuyên đề 1" mở từ 07:30, .*\(30 phút trước giờ bắt đầu\)\.$/);
    }
  });
});
