import { actualAttendees } from './bridge-point-attendance';

describe('actualAttendees', () => {
  it('is the reported headcount when the point reported one, whatever was checked in', () => {
    expect(actualAttendees({ reportedAttendees: 27, checkedInAttendees: 1 })).toBe(27);
    expect(actualAttendees({ reportedAttendees: 27, checkedInAttendees: 40 })).toBe(27);
  });

  it('is a reported zero when the point reported zero', () => {
    expect(actualAttendees({ reportedAttendees: 0, checkedInAttendees: 3 })).toBe(0);
  });

  it('is the number checked in when nothing was reported', () => {
    expect(actualAttendees({ reportedAttendees: null, checkedInAttendees: 12 })).toBe(12);
  });

  it('is null when nothing was reported and nobody checked in', () => {
    expect(actualAttendees({ reportedAttendees: null, checkedInAttendees: 0 })).toBeNull();
  });
});
