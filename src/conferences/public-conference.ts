import { ConferenceResponseDto, toConferenceResponse } from './conference.dto';
import { Conference } from './conference.entity';

/**
 * The fields of a conference the public link pages show (a bridge point's staff through their
 * signed link), in the order their answers list them.
 */
export const PUBLIC_FIELDS = [
  'id',
  'title',
  'kind',
  'format',
  'status',
  'startsAt',
  'endsAt',
  'timezone',
  'venue',
  'onlineUrl',
  'hostOrganization',
  'chairName',
  'chairTitle',
] as const;

/** The part of them an invited person's RSVP link shows. */
export const INVITATION_FIELDS = ['id', 'title', 'status', 'startsAt', 'endsAt', 'timezone', 'venue', 'onlineUrl', 'hostOrganization'] as const;

/** The conference as the public link pages show it (times as ISO instants). */
export type PublicConference = Pick<ConferenceResponseDto, (typeof PUBLIC_FIELDS)[number]>;
export type InvitationConference = Pick<ConferenceResponseDto, (typeof INVITATION_FIELDS)[number]>;

function pick<T, K extends keyof T>(from: T, fields: readonly K[]): Pick<T, K> {
  return Object.fromEntries(fields.map((field) => [field, from[field]])) as Pick<T, K>;
}

export const toPublicConference = (c: Conference): PublicConference => pick(toConferenceResponse(c), PUBLIC_FIELDS);

export const toInvitationConference = (c: Conference): InvitationConference => pick(toConferenceResponse(c), INVITATION_FIELDS);
