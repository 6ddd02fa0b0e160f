import { EntityManager } from 'typeorm';
import { User } from '../auth/user.entity';
import { BridgePoint } from '../bridge-points/bridge-point.entity';
import { conferenceNotFound } from '../common/errors';
import { OperatorScope, scopeOf, whereInScope } from '../bridge-points/bridge-point-scope';
import { Conference } from './conference.entity';

/**
 * Who asks for a conference: a user (an operator's scope is then read only once the conference
 * is found), an operator scope read already, or `null` for no restriction.
 */
export type ConferenceViewer = User | OperatorScope | null;

/**
 * The conference, or 404. An operator sees only conferences with a bridge point in their scope;
 * any other one answers the same 404 as a missing one, so its existence does not leak.
 * Every read goes through `m`, so inside a transaction it is that transaction's; `read`, if
 * given, replaces the ORM read of the conference row and should use the same manager.
 */
export async function conferenceOrFail(
  m: EntityManager,
  conferenceId: string,
  viewer: ConferenceViewer = null,
  read: (id: string) => Promise<Conference | null> = (id) => m.findOneBy(Conference, { id }),
): Promise<Conference> {
  const conference = await read(conferenceId);
  if (conference && (await hasPointInScope(m, conferenceId, viewer))) return conference;
  throw conferenceNotFound();
}

async function hasPointInScope(m: EntityManager, conferenceId: string, viewer: ConferenceViewer): Promise<boolean> {
  const scope = viewer && 'role' in viewer ? await scopeOf(m, viewer) : viewer;
  if (!scope) return true;
  const points = m.createQueryBuilder(BridgePoint, 'bp').where('bp.conferenceId = :conferenceId', { conferenceId });
  return whereInScope(points, 'bp', scope).getExists();
}
