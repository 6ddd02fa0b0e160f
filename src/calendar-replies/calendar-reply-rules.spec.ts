import { ReplyAnswer } from './calendar-reply-message';
import { decideReply, lastAnswerAt, ReplyTarget } from './calendar-reply-rules';

const anAnswer = (overrides: Partial<ReplyAnswer> = {}): ReplyAnswer => ({
  uid: 'c@hoinghi.local',
  attendeeEmail: 'nhung@bacninh.gov.vn',
  attendeeName: 'Nguyễn Thị Nhung',
  partstat: 'ACCEPTED',
  sequence: 1,
  dtstamp: new Date('2025-07-01T03:00:00Z'),
  comment: null,
  ...overrides,
});

const aTarget = (overrides: Partial<ReplyTarget> = {}): ReplyTarget => ({
  conference: { id: 'c', sequence: 1 },
  attendee: { id: 'a', email: 'nhung@bacninh.gov.vn' },
  lastAnswerAt: null,
  ...overrides,
});

describe('decideReply', () => {
  it('applies an acceptance and a decline', () => {
    expect(decideReply(anAnswer(), aTarget())).toMatchObject({ outcome: 'apply', answer: 'accepted' });
    expect(decideReply(anAnswer({ partstat: 'DECLINED' }), aTarget())).toMatchObject({ outcome: 'apply', answer: 'declined' });
  });

  it('records a tentative answer without changing the delegate', () => {
    expect(decideReply(anAnswer({ partstat: 'TENTATIVE' }), aTarget()).outcome).toBe('tentative');
  });

  it('records an answer other than accepted, declined or tentative as unsupported', () => {
    expect(decideReply(anAnswer({ partstat: 'DELEGATED' }), aTarget()).outcome).toBe('unsupported');
  });

  it('calls a UID of no conference unknown', () => {
    expect(decideReply(anAnswer(), aTarget({ conference: null, attendee: null })).outcome).toBe('unknown_uid');
  });

  it('calls a reply from someone who is not a delegate of the conference (a forwarded invitation) a mismatch', () => {
    const decision = decideReply(anAnswer({ attendeeEmail: 'chanh.vp@bacninh.gov.vn' }), aTarget({ attendee: null }));
    expect(decision.outcome).toBe('attendee_mismatch');
    expect(decision.reason).toContain('chanh.vp@bacninh.gov.vn');
  });

  it('calls a reply to an older invitation stale', () => {
    expect(decideReply(anAnswer({ sequence: 0 }), aTarget({ conference: { id: 'c', sequence: 1 } })).outcome).toBe('stale');
    expect(decideReply(anAnswer({ sequence: 2 }), aTarget({ conference: { id: 'c', sequence: 1 } })).outcome).toBe('apply');
  });

  it('calls a reply older than the answer already recorded stale, and one of the same second not', () => {
    const recorded = new Date('2025-07-01T03:00:00.800Z');
    expect(decideReply(anAnswer({ dtstamp: new Date('2025-07-01T02:59:59Z') }), aTarget({ lastAnswerAt: recorded })).outcome).toBe('stale');
    expect(decideReply(anAnswer({ dtstamp: new Date('2025-07-01T03:00:00Z') }), aTarget({ lastAnswerAt: recorded })).outcome).toBe('apply');
  });
});

describe('lastAnswerAt', () => {
  const dtstamp = new Date('2025-07-01T03:00:00Z');
  const processedAt = new Date('2025-07-01T05:00:00Z');

  it('counts an answer applied from a calendar reply at its DTSTAMP, so a newer reply read later still wins', () => {
    expect(lastAnswerAt(new Date('2025-07-01T04:59:59Z'), { dtstamp, processedAt })).toEqual(dtstamp);
  });

  it('counts an answer given later on the RSVP page at its own time', () => {
    const later = new Date('2025-07-01T06:00:00Z');
    expect(lastAnswerAt(later, { dtstamp, processedAt })).toEqual(later);
    expect(lastAnswerAt(later, null)).toEqual(later);
    expect(lastAnswerAt(null, null)).toBeNull();
  });
});
