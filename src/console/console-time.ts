import { pad2, wallClock } from '../common/vietnamese-time';

/** How a time is typed and shown in the console: "15/07/2025 08:00", in the conference's time zone. */
export const TIME_EXAMPLE = '15/07/2025 08:00';

const TYPED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2})[:hg.](\d{2})$/i;

/** "15/07/2025 08:00": an instant as read on a clock in `timeZone`. */
export function formatWallTime(date: Date, timeZone: string): string {
  const w = wallClock(date, timeZone);
  return `${pad2(w.day)}/${pad2(w.month)}/${w.year} ${pad2(w.hour)}:${pad2(w.minute)}`;
}

const offsetText = (minutes: number): string => {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
};

/**
 * What was typed as "dd/mm/yyyy HH:mm" on a clock in `timeZone`, as the API takes it (ISO 8601
 * with that zone's offset then), or null when it is not such a time or names no real moment
 * (31/02, an hour skipped by a daylight-saving change).
 */
export function parseWallTime(text: string, timeZone: string): string | null {
  const m = TYPED.exec(text.trim());
  if (!m) return null;
  const [day, month, year, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  // The zone's offset at that moment; a second pass settles a guess made across an offset change.
  let offset = 0;
  for (let i = 0; i < 2; i++) {
    const w = wallClock(new Date(asUtc - offset * 60_000), timeZone);
    offset = (Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - (asUtc - offset * 60_000)) / 60_000;
  }
  const instant = new Date(asUtc - offset * 60_000);
  const back = wallClock(instant, timeZone);
  if (back.year !== year || back.month !== month || back.day !== day || back.hour !== hour || back.minute !== minute) return null;
  return `${year}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}:00${offsetText(offset)}`;
}

/** Whether the runtime knows `zone` as an IANA time zone. */
export function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
