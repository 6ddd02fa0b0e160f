import { Attendee } from '../attendees/attendee.entity';
import { HOLDS_PLACE } from '../attendees/waitlist';

/** Whether a person in this attendee status may be marked: only those who hold a place. */
export function holdsPlace(attendee: Pick<Attendee, 'status'>): boolean {
  return HOLDS_PLACE.includes(attendee.status);
}

/** Why someone without a place is not marked (declined, waitlisted, cancelled, substituted). */
export function notHoldingPlaceMessage(attendee: Pick<Attendee, 'fullName' | 'code' | 'status'>): string {
  const why: Record<string, string> = {
    declined: 'đã báo không tham dự',
    waitlisted: 'đang trong danh sách chờ',
    cancelled: 'đã bị hủy khỏi danh sách',
    substituted: 'đã cử người đi thay',
  };
  return `Đại biểu ${attendee.fullName} (mã ${attendee.code}) ${why[attendee.status] ?? 'không có chỗ trong hội nghị'}; không điểm danh buổi học được.`;
}
