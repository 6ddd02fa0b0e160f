import { pad2, wallClock } from '../common/vietnamese-time';

/**
 * Dates and times as the text of an administrative document writes them, in a time zone:
 * days below 10 and the months January and February with a leading zero, as placeAndDate().
 */

/** "15 tháng 7 năm 2022", "04 tháng 02 năm 2026". */
export function longDate(date: Date, timeZone: string): string {
  const w = wallClock(date, timeZone);
  return `${pad2(w.day)} tháng ${w.month < 3 ? pad2(w.month) : w.month} năm ${w.year}`;
}

/** "08 giờ 00 phút, ngày 15 tháng 7 năm 2022". */
export function hourMinuteDate(date: Date, timeZone: string): string {
  const w = wallClock(date, timeZone);
  return `${pad2(w.hour)} giờ ${pad2(w.minute)} phút, ngày ${longDate(date, timeZone)}`;
}

/** A calendar day (YYYY-MM-DD) as an instant at its noon UTC, which falls on that day in every Vietnamese zone. */
export const dayAsInstant = (day: string): Date => new Date(`${day}T05:00:00Z`);
