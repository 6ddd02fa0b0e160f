import { ConflictException } from '@nestjs/common';
import { ConferenceStatus } from './conference.entity';

export type Transition = 'publish' | 'start' | 'complete' | 'cancel';

/** draft → published → ongoing → completed; cancelled from any state before completed. */
const allowed: Record<Transition, { from: ConferenceStatus[]; to: ConferenceStatus }> = {
  publish: { from: ['draft'], to: 'published' },
  start: { from: ['published'], to: 'ongoing' },
  complete: { from: ['ongoing'], to: 'completed' },
  cancel: { from: ['draft', 'published', 'ongoing'], to: 'cancelled' },
};

/** The state a transition leads to, or 409 naming the current state. */
export function nextStatus(current: ConferenceStatus, transition: Transition): ConferenceStatus {
  const rule = allowed[transition];
  if (!rule.from.includes(current)) {
    throw new ConflictException({
      message: `cannot ${transition} a conference that is ${current}`,
      details: [{ field: 'status', message: `is ${current}; ${transition} needs ${rule.from.join(' or ')}` }],
    });
  }
  return rule.to;
}

/** Completed and cancelled conferences are read-only (awards and minutes come later). */
export function isClosed(status: ConferenceStatus): boolean {
  return status === 'completed' || status === 'cancelled';
}

export function assertOpen(conference: { id: string; status: ConferenceStatus }): void {
  if (isClosed(conference.status)) {
    throw new ConflictException({
      message: `conference ${conference.id} is ${conference.status} and can no longer be changed`,
      details: [{ field: 'status', message: `is ${conference.status}` }],
    });
  }
}
