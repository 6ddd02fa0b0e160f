/** What a user may do: admins manage users; organizers run conferences; operators act for their own bridge points; viewers read. */
export const ROLES = ['admin', 'organizer', 'operator', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** How each role is named to a user (in refusals and pages). */
export const ROLE_WORDS: Record<Role, string> = {
  admin: 'quản trị hệ thống',
  organizer: 'Ban Tổ chức',
  operator: 'cán bộ điểm cầu',
  viewer: 'người xem',
};
