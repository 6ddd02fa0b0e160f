import { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { User } from '../auth/user.entity';
import { conferenceNotFound } from '../common/errors';
import { Conference } from '../conferences/conference.entity';
import { BridgePoint } from './bridge-point.entity';
import { OperatorScope, scopeOf, whereInScope } from './bridge-point-scope';

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

/** Whether the viewer sees the conference: no restriction, or one of its points is in their scope. */
export async function hasPointInScope(m: EntityManager, conferenceId: string, viewer: ConferenceViewer): Promise<boolean> {
  const scope = viewer && 'role' in viewer ? await scopeOf(m, viewer) : viewer;
  if (!scope) return true;
  const points = m.createQueryBuilder(BridgePoint, 'bp').where('bp.conferenceId = :conferenceId', { conferenceId });
  return whereInScope(points, 'bp', scope).getExists();
}

/** `null` when the user sees every conference; else a query of the ids of those with a point in their scope. */
export async function conferenceIdsVisibleTo(m: EntityManager, user: User): Promise<SelectQueryBuilder<ObjectLiteral> | null> {
  const scope = await scopeOf(m, user);
  return scope && whereInScope(m.createQueryBuilder(BridgePoint, 'bp').select('bp.conferenceId'), 'bp', scope);
}
