import { pad2, wallClock } from '../common/vietnamese-time';
import { ActionItemStatus } from './action-item.entity';

/** Today's date (YYYY-MM-DD) on the wall clock of a time zone. */
export function todayIn(now: Date, timeZone: string): string {
  const w = wallClock(now, timeZone);
  return `${w.year}-${pad2(w.month)}-${pad2(w.day)}`;
}

/**
 * An item is overdue once its deadline day has ended in the conference's time zone and it is
 * not done: due 2022-12-31 in Hà Nội is overdue from 2023-01-01 00:00 +07:00, not before.
 */
export function isOverdue(
  item: { deadline: string | null; status: ActionItemStatus },
  now: Date,
  timeZone: string,
): boolean {
  if (!item.deadline || item.status === 'done') return false;
  return item.deadline < todayIn(now, timeZone);
}

/** "31/12/2022": a deadline as Vietnamese documents write it. */
export function vnDeadline(deadline: string): string {
  const [y, m, d] = deadline.split('-');
  return `${d}/${m}/${y}`;
}
