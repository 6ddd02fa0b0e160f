import { wallClock } from '../common/vietnamese-time';

const day = (date: Date, timeZone: string) => {
  const w = wallClock(date, timeZone);
  return `${w.day}/${w.month}/${w.year}`;
};

/** A course's dates on a certificate: "từ ngày 15/7/2030 đến ngày 16/7/2030", or "ngày 15/7/2030" for one day. */
export function courseDates(startsAt: Date, endsAt: Date, timeZone: string): string {
  const from = day(startsAt, timeZone);
  const to = day(endsAt, timeZone);
  return from === to ? `ngày ${from}` : `từ ngày ${from} đến ngày ${to}`;
}
