import { ReplyAnswer } from './calendar-reply-message';
import { CalendarReplyOutcome } from './calendar-reply.entity';

/** What the rules need of the conference and the delegate a reply names. */
export interface ReplyTarget {
  conference: { id: string; sequence: number } | null;
  attendee: { id: string; email: string | null } | null;
  /** When the delegate's latest answer was given (see `lastAnswerAt`); null: never. */
  lastAnswerAt: Date | null;
}

export type ReplyDecision =
  | { outcome: 'apply'; answer: 'accepted' | 'declined'; reason: string }
  | { outcome: Exclude<CalendarReplyOutcome, 'applied' | 'refused' | 'unparseable' | 'not_a_reply'>; reason: string };

const WORDS: Record<'accepted' | 'declined', string> = { accepted: 'nhận lời tham dự', declined: 'báo không tham dự' };

/**
 * Whether a calendar reply changes the delegate, by the rules of the RSVP page: ACCEPTED and
 * DECLINED answer the invitation; TENTATIVE is recorded and changes nothing (a tentative answer
 * neither takes a place nor frees one, so the delegate stays invited); a reply to an older
 * invitation (SEQUENCE below the conference's) or older than the answer already recorded
 * (DTSTAMP) is stale.
 */
export function decideReply(reply: ReplyAnswer, target: ReplyTarget): ReplyDecision {
  const { conference, attendee } = target;
  if (!conference) return { outcome: 'unknown_uid', reason: `Không có hội nghị nào mang UID "${reply.uid}".` };
  if (!attendee) {
    return {
      outcome: 'attendee_mismatch',
      reason: `${reply.attendeeEmail} không phải đại biểu được mời của hội nghị này (có thể giấy mời đã được chuyển tiếp).`,
    };
  }
  if (reply.sequence < conference.sequence) {
    return {
      outcome: 'stale',
      reason: `Trả lời cho giấy mời cũ (SEQUENCE ${reply.sequence}); giấy mời mới nhất có SEQUENCE ${conference.sequence}.`,
    };
  }
  if (target.lastAnswerAt && seconds(reply.dtstamp) < seconds(target.lastAnswerAt)) {
    return {
      outcome: 'stale',
      reason: `Trả lời lúc ${reply.dtstamp.toISOString()} cũ hơn câu trả lời đã ghi nhận lúc ${target.lastAnswerAt.toISOString()}.`,
    };
  }
  switch (reply.partstat) {
    case 'ACCEPTED':
    case 'DECLINED': {
      const answer = reply.partstat === 'ACCEPTED' ? 'accepted' : 'declined';
      return { outcome: 'apply', answer, reason: `Đại biểu ${WORDS[answer]} qua lịch.` };
    }
    case 'TENTATIVE':
      return { outcome: 'tentative', reason: 'Đại biểu trả lời "có thể tham dự"; trạng thái giữ nguyên.' };
    default:
      return { outcome: 'unsupported', reason: `Câu trả lời ${reply.partstat} không được hỗ trợ; trạng thái giữ nguyên.` };
  }
}

/**
 * The time of the delegate's latest answer. An answer applied from a calendar reply counts at its
 * DTSTAMP (when the person pressed the button), not when it was read: replies read out of order
 * must still let the newer one win. An answer recorded later another way (RSVP page, organizer)
 * counts at `respondedAt`.
 */
export function lastAnswerAt(respondedAt: Date | null, lastApplied: { dtstamp: Date | null; processedAt: Date } | null): Date | null {
  if (lastApplied?.dtstamp && (!respondedAt || lastApplied.processedAt.getTime() >= respondedAt.getTime())) return lastApplied.dtstamp;
  return respondedAt;
}

/** DTSTAMP has whole seconds; an answer in the same second is not older. */
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
