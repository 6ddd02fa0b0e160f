import { HttpException } from '@nestjs/common';
import { ConferenceStatus } from '../conferences/conference.entity';
import { refusal } from '../common/errors';
import { MinutesStatus } from './minutes.entity';

/** Conference states in which minutes, action items and notices may be written. */
export const MINUTES_STAGES: ConferenceStatus[] = ['published', 'ongoing', 'completed'];

/** 409 naming the state when the conference is a draft or cancelled. */
export function assertMinutesStage(conference: { id: string; status: ConferenceStatus }, what: string): void {
  if (MINUTES_STAGES.includes(conference.status)) return;
  throw refusal(
    409,
    [
      {
        field: 'status',
        code: 'wrong_conference_status',
        message: `Hội nghị đang ở trạng thái ${conference.status}; cần ${MINUTES_STAGES.join(', ')}.`,
      },
    ],
    `Không thể ${what}: hội nghị đang ở trạng thái ${conference.status} (cần published, ongoing hoặc completed).`,
  );
}

/** 404 when the conference has no minutes yet. */
export function noMinutes(conferenceId: string): HttpException {
  return refusal(
    404,
    [{ field: 'minutes', code: 'minutes_not_found', message: 'Hội nghị chưa có biên bản.' }],
    `Hội nghị ${conferenceId} chưa có biên bản; hãy lập biên bản trước (POST /api/conferences/${conferenceId}/minutes).`,
  );
}

/** 409 when the minutes are already drafted. */
export function minutesExist(conferenceId: string): HttpException {
  return refusal(
    409,
    [{ field: 'minutes', code: 'minutes_already_drafted', message: 'Hội nghị đã có biên bản.' }],
    `Hội nghị ${conferenceId} đã có biên bản; hãy sửa biên bản hiện có (PATCH).`,
  );
}

const MINUTES_STATE: Record<MinutesStatus, string> = { approved: 'đã được phê duyệt', draft: 'đang là bản dự thảo' };

/** 409 when the minutes are not in the state `action` needs; the code names the state they are in. */
export function minutesIn(status: MinutesStatus, action: string, expected: MinutesStatus): HttpException {
  return refusal(
    409,
    [{ field: 'status', code: `minutes_${status}`, message: `Biên bản ${MINUTES_STATE[status]} (status ${status}, cần ${expected}).` }],
    `Không thể ${action}: biên bản ${MINUTES_STATE[status]} (status ${status}, cần ${expected}).`,
  );
}

/** 404 when the conference has no conclusion notice yet. */
export function noNotice(conferenceId: string): HttpException {
  return refusal(
    404,
    [{ field: 'conclusionNotice', code: 'conclusion_notice_not_found', message: 'Hội nghị chưa có thông báo kết luận.' }],
    `Hội nghị ${conferenceId} chưa có thông báo kết luận; hãy lập thông báo sau khi biên bản được phê duyệt (POST /api/conferences/${conferenceId}/conclusion-notice).`,
  );
}

/** 409 when the conclusion notice is already drafted. */
export function noticeExists(conferenceId: string): HttpException {
  return refusal(
    409,
    [{ field: 'conclusionNotice', code: 'conclusion_notice_already_drafted', message: 'Hội nghị đã có thông báo kết luận.' }],
    `Hội nghị ${conferenceId} đã có thông báo kết luận; hãy sửa thông báo hiện có (PATCH).`,
  );
}
