import { googleCalendarTime, googleCalendarUrl } from './google-calendar';

describe('googleCalendarUrl', () => {
  it('writes the times in UTC and carries title, details and location, encoded', () => {
    const url = new URL(
      googleCalendarUrl({
        title: 'Hội nghị sơ kết & triển khai',
        startsAt: new Date('2025-07-15T08:00:00+07:00'),
        endsAt: new Date('2025-07-15T11:30:00+07:00'),
        details: 'Mã đại biểu: K7Q4ZP',
        location: 'Điểm cầu tỉnh Bắc Ninh',
      }),
    );
    expect(url.origin + url.pathname).toBe('https://calendar.google.com/calendar/render');
    expect(url.searchParams.get('action')).toBe('TEMPLATE');
    expect(url.searchParams.get('dates')).toBe('20250715T010000Z/20250715T043000Z');
    expect(url.searchParams.get('text')).toBe('Hội nghị sơ kết & triển khai');
    expect(url.searchParams.get('details')).toBe('Mã đại biểu: K7Q4ZP');
    expect(url.searchParams.get('location')).toBe('Điểm cầu tỉnh Bắc Ninh');
  });

  it('leaves out details and location when there are none', () => {
    const url = new URL(googleCalendarUrl({ title: 'x', startsAt: new Date(0), endsAt: new Date(3600_000) }));
    expect([...url.searchParams.keys()]).toEqual(['action', 'text', 'dates']);
    expect(googleCalendarTime(new Date('2022-07-15T01:00:00.123Z'))).toBe('20220715T010000Z');
  });
});
