import { conflict } from '../common/errors';
import { ConferenceStatus } from './conference.entity';

export type Transition = 'publish' | 'start' | 'complete' | 'cancel';

/** draft → published → ongoing → completed; cancelled from any state before completed. */
const allowed: Record<Transition, { from: ConferenceStatus[]; to: ConferenceStatus }> = {
  publish: { from: ['draft'], to: 'published' },
  start: { from: ['published'], to: 'ongoing' },
  complete: { from: ['ongoing'], to: 'completed' },
  cancel: { from: ['draft', 'published', 'ongoing'], to: 'cancelled' },
};

/** How the state reads in a Vietnamese sentence (pages capitalize it as a label). */
export const STATUS_WORDS: Record<ConferenceStatus, string> = {
  draft: 'bản nháp',
  published: 'đã công bố',
  ongoing: 'đang diễn ra',
  completed: 'đã kết thúc',
  cancelled: 'đã hủy',
};
const TRANSITION_WORDS: Record<Transition, string> = { publish: 'công bố', start: 'bắt đầu', complete: 'kết thúc', cancel: 'hủy' };

/** The state a transition leads to, or 409 naming the current state. */
export function nextStatus(current: ConferenceStatus, transition: Transition): ConferenceStatus {
  const rule = allowed[transition];
  if (!rule.from.includes(current)) {
    const message =
      `Không thể ${TRANSITION_WORDS[transition]} hội nghị ở trạng thái "${STATUS_WORDS[current]}" ` +
      `(chỉ ${TRANSITION_WORDS[transition]} được khi hội nghị ${rule.from.map((s) => `"${STATUS_WORDS[s]}"`).join(' hoặc ')}).`;
    throw conflict('status', 'transition_not_allowed', message);
  }
  return rule.to;
}

/** Completed and cancelled conferences are read-only (awards and minutes come later). */
export function isClosed(status: ConferenceStatus): boolean {
  return status === 'completed' || status === 'cancelled';
}

export function assertOpen(conference: { id: string; status: ConferenceStatus }): void {
  if (isClosed(conference.status)) {
    throw conflict('status', 'conference_closed', `Hội nghị ${STATUS_WORDS[conference.status]}; không thể thay đổi nữa.`);
  }
}
