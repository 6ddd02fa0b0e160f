import { CompletionRule } from '../conferences/conference.entity';
import { SessionAttendanceStatus } from './session-attendance.entity';

/**
 * Marks that count as attending a session. Excused (vắng có phép) does not: an excused absence
 * is still an absence, and "tham gia học tập đầy đủ" means being there.
 */
export const ATTENDED_STATUSES: readonly SessionAttendanceStatus[] = ['present', 'late'];

/** One attendee's figures, as counted. */
export interface CompletionFigures {
  sessionsRequired: number;
  sessionsAttended: number;
  evaluationSubmitted: boolean;
}

export interface Completion extends CompletionFigures {
  /** Whole percent, rounded down: 2 sessions of 3 is 66, so it never reaches a threshold it falls short of. */
  attendancePercent: number;
  completed: boolean;
}

/** The share attended as a whole percent, rounded down; 0 when there are no sessions. */
export function attendancePercent(sessionsAttended: number, sessionsRequired: number): number {
  return sessionsRequired > 0 ? Math.floor((sessionsAttended * 100) / sessionsRequired) : 0;
}

/**
 * The fewest sessions attended that complete the training under `rule`, or null when nobody can
 * complete it: no sessions, or the evaluation is required and `evaluationSubmitted` is false.
 * With a whole-percent threshold, floor(attended · 100 / required) ≥ min exactly when
 * attended ≥ ⌈min · required / 100⌉, so a list can filter on this count in SQL.
 */
export function sessionsNeeded(rule: CompletionRule, sessionsRequired: number, evaluationSubmitted: boolean): number | null {
  if (sessionsRequired <= 0) return null;
  if (rule.requireEvaluation && !evaluationSubmitted) return null;
  return Math.ceil((rule.minAttendancePercent * sessionsRequired) / 100);
}

/** hoàn thành khóa học: at least one session, the share attended reaches the rule's minimum, and the evaluation if the rule asks for it. */
export function completionOf(rule: CompletionRule, figures: CompletionFigures): Completion {
  const percent = attendancePercent(figures.sessionsAttended, figures.sessionsRequired);
  const completed =
    figures.sessionsRequired > 0 && percent >= rule.minAttendancePercent && (!rule.requireEvaluation || figures.evaluationSubmitted);
  return { ...figures, attendancePercent: percent, completed };
}
