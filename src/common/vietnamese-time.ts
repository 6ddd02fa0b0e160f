const WEEKDAYS = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: string;
  minute: string;
  weekday: number;
}

function partsIn(date: Date, timeZone: string): Parts {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      weekday: 'short',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday);
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: parts.hour, minute: parts.minute, weekday };
}

/** "08:00" in the given time zone. */
export function vnClock(date: Date, timeZone: string): string {
  const p = partsIn(date, timeZone);
  return `${p.hour}:${p.minute}`;
}

/** "thứ Sáu, ngày 15/7/2022" in the given time zone. */
export function vnDate(date: Date, timeZone: string): string {
  const p = partsIn(date, timeZone);
  return `${WEEKDAYS[p.weekday]}, ngày ${p.day}/${p.month}/${p.year}`;
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
