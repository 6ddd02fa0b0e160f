import { isOverdue, todayIn, vnDeadline } from './action-item-deadline';

const HN = 'Asia/Ho_Chi_Minh';

describe('action item deadlines (hạn hoàn thành)', () => {
  it('reads today on the conference wall clock', () => {
    expect(todayIn(new Date('2022-12-31T16:59:59Z'), HN)).toBe('2022-12-31');
    expect(todayIn(new Date('2022-12-31T17:00:00Z'), HN)).toBe('2023-01-01');
  });

  it('is overdue only after the deadline day has ended in the conference time zone', () => {
    const item = { deadline: '2022-12-31', status: 'open' as const };
    expect(isOverdue(item, new Date('2022-12-31T16:59:59Z'), HN)).toBe(false);
    expect(isOverdue(item, new Date('2022-12-31T17:00:00Z'), HN)).toBe(true);
    // The same instant is still 31 December in UTC.
    expect(isOverdue(item, new Date('2022-12-31T17:00:00Z'), 'UTC')).toBe(false);
  });

  it('is never overdue when done or without a deadline', () => {
    const late = new Date('2030-01-01T00:00:00Z');
    expect(isOverdue({ deadline: '2022-12-31', status: 'done' }, late, HN)).toBe(false);
    expect(isOverdue({ deadline: '2022-12-31', status: 'in_progress' }, late, HN)).toBe(true);
    expect(isOverdue({ deadline: null, status: 'open' }, late, HN)).toBe(false);
  });

  it('writes a deadline the Vietnamese way', () => {
    expect(vnDeadline('2022-09-30')).toBe('30/09/2022');
  });
});
