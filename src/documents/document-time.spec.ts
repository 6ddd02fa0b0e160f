import { dayAsInstant, hourMinuteDate, longDate } from './document-time';

const HN = 'Asia/Ho_Chi_Minh';

describe('document dates and times', () => {
  it('writes the long date with the decree padding', () => {
    expect(longDate(new Date('2022-07-15T01:00:00Z'), HN)).toBe('15 tháng 7 năm 2022');
    expect(longDate(new Date('2026-02-04T01:00:00Z'), HN)).toBe('04 tháng 02 năm 2026');
  });

  it('writes hours and minutes on the wall clock of the zone', () => {
    expect(hourMinuteDate(new Date('2022-07-15T01:00:00Z'), HN)).toBe('08 giờ 00 phút, ngày 15 tháng 7 năm 2022');
    expect(hourMinuteDate(new Date('2022-07-15T04:30:00Z'), HN)).toBe('11 giờ 30 phút, ngày 15 tháng 7 năm 2022');
  });

  it('keeps a calendar day on that day in Vietnam', () => {
    expect(longDate(dayAsInstant('2022-07-15'), HN)).toBe('15 tháng 7 năm 2022');
  });
});
