import { ConflictException, NotFoundException } from '@nestjs/common';
import { ConferenceStatus } from '../conferences/conference.entity';
import { MinutesStatus } from './minutes.entity';

/** Conference states in which minutes, action items and notices may be written. */
export const MINUTES_STAGES: ConferenceStatus[] = ['published', 'ongoing', 'completed'];

/** 409 naming the state when the conference is a draft or cancelled. */
export function assertMinutesStage(conference: { id: string; status: ConferenceStatus }, what: string): void {
  if (MINUTES_STAGES.includes(conference.status)) return;
  throw new ConflictException({
    message: `Không thể ${what}: hội nghị đang ở trạng thái ${conference.status} (cần published, ongoing hoặc completed)`,
    details: [{ field: 'status', message: `conference is ${conference.status}; needs ${MINUTES_STAGES.join(', ')}` }],
  });
}

export function noMinutes(conferenceId: string): NotFoundException {
  return new NotFoundException({
    message: `Hội nghị ${conferenceId} chưa có biên bản; hãy lập biên bản trước (POST /api/conferences/${conferenceId}/minutes)`,
    details: [{ field: 'minutes', message: 'not drafted yet' }],
  });
}

export function minutesIn(status: MinutesStatus, action: string, expected: MinutesStatus): ConflictException {
  const state = status === 'approved' ? 'đã được phê duyệt' : 'đang là bản dự thảo';
  return new ConflictException({
    message: `Không thể ${action}: biên bản ${state} (status ${status}, cần ${expected})`,
    details: [{ field: 'status', message: `minutes are ${status}; needs ${expected}` }],
  });
}
