import { AttendeeStatus } from '../attendees/attendee.entity';
import { ConfirmationStatus, ConnectionStatus } from '../bridge-points/bridge-point.entity';
import { STATUS_WORDS } from '../conferences/conference-lifecycle';
import { ConferenceFormat, ConferenceStatus } from '../conferences/conference.entity';

/** How the pages name states, in Vietnamese. */
export const CONFIRMATION_LABELS: Record<ConfirmationStatus, string> = {
  pending: 'Chưa xác nhận',
  confirmed: 'Đã xác nhận tham dự',
  declined: 'Không tham dự',
};

export const CONNECTION_LABELS: Record<ConnectionStatus, string> = {
  untested: 'Chưa kiểm tra kết nối',
  ok: 'Kết nối tốt',
  failed: 'Kết nối lỗi',
  degraded: 'Kết nối chập chờn',
};

export const ATTENDEE_STATUS_LABELS: Record<AttendeeStatus, string> = {
  // The person reads this on their own invitation page: not answered yet, whether or not mail went out.
  added: 'Chưa trả lời',
  invited: 'Chưa trả lời',
  registered: 'Đã đăng ký, chưa trả lời',
  waitlisted: 'Trong danh sách chờ',
  accepted: 'Đã nhận lời tham dự',
  declined: 'Đã báo vắng',
  cancelled: 'Lời mời đã được hủy',
  attended: 'Đã điểm danh',
  substituted: 'Đã cử người đi thay',
};

export const CONFERENCE_STATUS_LABELS = Object.fromEntries(
  Object.entries(STATUS_WORDS).map(([status, words]) => [status, words.charAt(0).toLocaleUpperCase('vi') + words.slice(1)]),
) as Record<ConferenceStatus, string>;

export const FORMAT_LABELS: Record<ConferenceFormat, string> = {
  in_person: 'Trực tiếp',
  online: 'Trực tuyến',
  hybrid: 'Trực tiếp kết hợp trực tuyến',
};

/** "1.234": Vietnamese digit grouping. */
export const vnNumber = (n: number): string => n.toLocaleString('vi-VN');
