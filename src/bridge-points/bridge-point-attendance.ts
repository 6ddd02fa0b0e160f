/**
 * What "actual attendance" (số đại biểu thực tế) of a bridge point means, everywhere it is shown
 * or filed (API, summary, board, minutes, exports): the headcount the point's operator reported
 * when there is one, otherwise the number of its delegates checked in. A point with neither has
 * no figure (null), rather than a zero nobody stated.
 */
export function actualAttendees(point: { reportedAttendees: number | null; checkedInAttendees: number }): number | null {
  if (point.reportedAttendees !== null) return point.reportedAttendees;
  return point.checkedInAttendees > 0 ? point.checkedInAttendees : null;
}

/** The same rule as SQL over a `bridge_points` row, for sums computed in the database (null counts as 0 in a SUM). */
export const ACTUAL_ATTENDEES_SQL = 'COALESCE(reported_attendees, checked_in_attendees)';
