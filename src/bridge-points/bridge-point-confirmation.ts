import { conflict } from '../common/errors';
import { BridgePoint, ConfirmationStatus } from './bridge-point.entity';

export type ConfirmationAction = 'confirm' | 'decline' | 'reopen';

/** How a settled state and the step it now refuses read in a sentence. */
const SETTLED_WORDS: Record<'confirmed' | 'declined', { state: string; refused: string }> = {
  confirmed: { state: 'đã xác nhận tham dự', refused: 'từ chối' },
  declined: { state: 'đã từ chối tham dự', refused: 'xác nhận' },
};

/**
 * pending → confirmed | declined; confirming or declining again is harmless; once declined a
 * point must be reopened by an organizer before it can confirm (and once confirmed, before
 * it can decline), so a change of mind is always seen by the organizers.
 */
export function confirmationAfter(point: Pick<BridgePoint, 'name' | 'confirmationStatus'>, action: ConfirmationAction): ConfirmationStatus {
  const current = point.confirmationStatus;
  if (action === 'reopen') return 'pending';
  const target: ConfirmationStatus = action === 'confirm' ? 'confirmed' : 'declined';
  if (current === 'pending' || current === target) return target;
  const words = SETTLED_WORDS[current];
  throw conflict(
    'confirmationStatus',
    `already_${current}`,
    `${point.name} ${words.state}; không thể ${words.refused} nữa cho đến khi Ban Tổ chức mở lại.`,
  );
}
