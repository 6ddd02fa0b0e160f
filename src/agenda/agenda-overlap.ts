import { badField, conflict } from '../common/errors';
import { pad2, WallClock, wallClock } from '../common/vietnamese-time';

/** An agenda item's time and place, as the scheduling rules see it. */
export interface Slot {
  id?: string;
  title?: string;
  startsAt: Date;
  endsAt: Date;
  /** null: the main hall, a place of its own. */
  bridgePointId: string | null;
}

/** The conference an item must fit into. */
export interface ConferenceWindow {
  startsAt: Date;
  endsAt: Date;
  timezone: string;
}

const localDay = (w: WallClock) => `${pad2(w.day)}/${pad2(w.month)}/${w.year}`;
const localTime = (w: WallClock) => `${pad2(w.hour)}:${pad2(w.minute)}`;

/** True when the window starts and ends on the same calendar day in its time zone. */
export function isSingleDay(window: ConferenceWindow): boolean {
  const last = new Date(window.endsAt.getTime() - 1);
  return localDay(wallClock(window.startsAt, window.timezone)) === localDay(wallClock(last, window.timezone));
}

/**
 * A time span in `timezone` as people read it: `08:30–09:15`, or with the date
 * (`15/07/2025 08:30–09:15`, `15/07/2025 14:00 – 16/07/2025 11:00`) when `withDate`.
 */
export function formatSpan(startsAt: Date, endsAt: Date, timezone: string, withDate: boolean): string {
  const start = wallClock(startsAt, timezone);
  const end = wallClock(endsAt, timezone);
  if (!withDate) return `${localTime(start)}–${localTime(end)}`;
  if (localDay(start) === localDay(end)) return `${localDay(start)} ${localTime(start)}–${localTime(end)}`;
  return `${localDay(start)} ${localTime(start)} – ${localDay(end)} ${localTime(end)}`;
}

/** 400 unless the item ends after it starts and lies inside the conference window (both ends included). */
export function assertWithinConference(item: Pick<Slot, 'startsAt' | 'endsAt'>, conference: ConferenceWindow): void {
  if (item.endsAt.getTime() <= item.startsAt.getTime()) {
    throw badField('endsAt', 'ends_before_start', 'Thời điểm kết thúc phải sau thời điểm bắt đầu.');
  }
  const window = `${formatSpan(conference.startsAt, conference.endsAt, conference.timezone, true)} (${conference.timezone})`;
  if (item.startsAt < conference.startsAt || item.startsAt >= conference.endsAt) {
    throw badField('startsAt', 'outside_conference_window', `Thời điểm bắt đầu phải nằm trong thời gian diễn ra hội nghị: ${window}.`);
  }
  if (item.endsAt > conference.endsAt) {
    throw badField('endsAt', 'outside_conference_window', `Thời điểm kết thúc phải nằm trong thời gian diễn ra hội nghị: ${window}.`);
  }
}

/** Items share a place when both are at the same bridge point, or both in the main hall. */
export const samePlace = (a: Slot, b: Slot): boolean => a.bridgePointId === b.bridgePointId;

/** Half-open spans: an item may start the minute the previous one ends. */
export const overlaps = (a: Slot, b: Slot): boolean => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

/** The earliest other item at the same place whose time overlaps `item`'s, if any. */
export function findOverlap<T extends Slot>(item: Slot, others: readonly T[]): T | undefined {
  return others
    .filter((other) => (item.id === undefined || other.id !== item.id) && samePlace(item, other) && overlaps(item, other))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
}

/** 409 naming the colliding item by title and time (in the conference's time zone) when `item` overlaps one. */
export function assertNoOverlap(item: Slot, others: readonly Slot[], conference: ConferenceWindow): void {
  const collision = findOverlap(item, others);
  if (!collision) return;
  const span = formatSpan(collision.startsAt, collision.endsAt, conference.timezone, !isSingleDay(conference));
  const place = item.bridgePointId === null ? 'tại hội trường chính' : 'tại cùng điểm cầu';
  throw conflict('startsAt', 'time_overlap', `Trùng thời gian với mục "${collision.title ?? ''}" (${span}) ${place}.`);
}
