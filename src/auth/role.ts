/** What a user may do: admins manage users; organizers run conferences; operators act for their own bridge points; viewers read. */
export const ROLES = ['admin', 'organizer', 'operator', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
