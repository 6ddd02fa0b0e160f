const WEEKDAYS = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];

/** The wall-clock reading of an instant in a time zone (month 1–12, weekday 0 = Sunday). */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

/** Building an Intl.DateTimeFormat costs far more than using one: one per time zone, kept. */
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      weekday: 'short',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/**
 * Readings already made: every invitation of a conference writes the same few instants (its
 * start, end and programme), and formatToParts is the costly step. Emptied when full.
 */
const readings = new Map<string, WallClock>();
const MAX_READINGS = 10_000;

export function wallClock(date: Date, timeZone: string): WallClock {
  const key = `${timeZone} ${date.getTime()}`;
  let reading = readings.get(key);
  if (!reading) {
    if (readings.size >= MAX_READINGS) readings.clear();
    reading = readWallClock(date, timeZone);
    readings.set(key, reading);
  }
  return { ...reading };
}

function readWallClock(date: Date, timeZone: string): WallClock {
  const parts = Object.fromEntries(
    formatFor(timeZone)
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday),
  };
}

export const pad2 = (n: number): string => String(n).padStart(2, '0');

/** "08:00" in the given time zone. */
export function vnClock(date: Date, timeZone: string): string {
  const w = wallClock(date, timeZone);
  return `${pad2(w.hour)}:${pad2(w.minute)}`;
}

/** "thứ Sáu, ngày 15/7/2022" in the given time zone. */
export function vnDate(date: Date, timeZone: string): string {
  const w = wallClock(date, timeZone);
  return `${WEEKDAYS[w.weekday]}, ngày ${w.day}/${w.month}/${w.year}`;
}

/** "08:00, thứ Sáu, ngày 15/7/2022": how a time is written in a Vietnamese invitation. */
export function vnDateTime(date: Date, timeZone: string): string {
  return `${vnClock(date, timeZone)}, ${vnDate(date, timeZone)}`;
}

/** "từ 08:00 đến 11:30, thứ Sáu, ngày 15/7/2022" (or with both dates when it spans days). */
export function vnRange(start: Date, end: Date, timeZone: string): string {
  const sameDay = vnDate(start, timeZone) === vnDate(end, timeZone);
  return sameDay
    ? `từ ${vnClock(start, timeZone)} đến ${vnClock(end, timeZone)}, ${vnDate(start, timeZone)}`
    : `từ ${vnDateTime(start, timeZone)} đến ${vnDateTime(end, timeZone)}`;
}
