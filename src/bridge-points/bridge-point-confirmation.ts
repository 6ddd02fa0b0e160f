import { ConflictException } from '@nestjs/common';
import { BridgePoint, ConfirmationStatus } from './bridge-point.entity';

export type ConfirmationAction = 'confirm' | 'decline' | 'reopen';

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
  throw new ConflictException({
    message: `bridge point "${point.name}" is already ${current}; an organizer must reopen it before it can ${action}`,
    details: [{ field: 'confirmationStatus', message: `is ${current}` }],
  });
}
