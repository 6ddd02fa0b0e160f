import { attendancePercent, ATTENDED_STATUSES, completionOf, sessionsNeeded } from './completion';

const FULL = { minAttendancePercent: 100, requireEvaluation: false };

describe('completion of a training (hoàn thành khóa học)', () => {
  it('counts present and late as attended, not excused or absent', () => {
    expect([...ATTENDED_STATUSES].sort()).toEqual(['late', 'present']);
  });

  it('needs every session under the default rule', () => {
    expect(completionOf(FULL, { sessionsRequired: 3, sessionsAttended: 3, evaluationSubmitted: false })).toEqual({
      sessionsRequired: 3,
      sessionsAttended: 3,
      evaluationSubmitted: false,
      attendancePercent: 100,
      completed: true,
    });
    expect(completionOf(FULL, { sessionsRequired: 3, sessionsAttended: 2, evaluationSubmitted: false })).toMatchObject({ attendancePercent: 66, completed: false });
  });

  it('rounds the percent down, so a share just under the minimum does not reach it', () => {
    expect(attendancePercent(2, 3)).toBe(66);
    expect(attendancePercent(1, 3)).toBe(33);
    expect(attendancePercent(199, 200)).toBe(99);
    expect(attendancePercent(7, 7)).toBe(100);
    const twoThirds = { minAttendancePercent: 67, requireEvaluation: false };
    expect(completionOf(twoThirds, { sessionsRequired: 3, sessionsAttended: 2, evaluationSubmitted: false }).completed).toBe(false);
    const sixtySix = { minAttendancePercent: 66, requireEvaluation: false };
    expect(completionOf(sixtySix, { sessionsRequired: 3, sessionsAttended: 2, evaluationSubmitted: false }).completed).toBe(true);
  });

  it('completes nobody when the conference has no sessions', () => {
    expect(completionOf({ minAttendancePercent: 1, requireEvaluation: false }, { sessionsRequired: 0, sessionsAttended: 0, evaluationSubmitted: true })).toEqual({
      sessionsRequired: 0,
      sessionsAttended: 0,
      evaluationSubmitted: true,
      attendancePercent: 0,
      completed: false,
    });
    expect(sessionsNeeded(FULL, 0, true)).toBeNull();
  });

  it('requires the evaluation only when the rule says so', () => {
    const withEvaluation = { minAttendancePercent: 50, requireEvaluation: true };
    expect(completionOf(withEvaluation, { sessionsRequired: 2, sessionsAttended: 2, evaluationSubmitted: false }).completed).toBe(false);
    expect(completionOf(withEvaluation, { sessionsRequired: 2, sessionsAttended: 1, evaluationSubmitted: true }).completed).toBe(true);
    expect(sessionsNeeded(withEvaluation, 2, false)).toBeNull();
    expect(sessionsNeeded(withEvaluation, 2, true)).toBe(1);
  });

  it('agrees with sessionsNeeded (the count a list filters on) for every rule and up to 40 sessions', () => {
    const disagreements: string[] = [];
    for (let min = 1; min <= 100; min++) {
      const rule = { minAttendancePercent: min, requireEvaluation: false };
      for (let required = 1; required <= 40; required++) {
        const needed = sessionsNeeded(rule, required, false)!;
        for (let attended = 0; attended <= required; attended++) {
          const { completed } = completionOf(rule, { sessionsRequired: required, sessionsAttended: attended, evaluationSubmitted: false });
          if (completed !== attended >= needed) disagreements.push(`${min} %: ${attended}/${required}`);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });
});
