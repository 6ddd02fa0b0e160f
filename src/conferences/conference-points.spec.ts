import { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { User } from '../auth/user.entity';
import { ConferencePoints, PointQueries } from './conference-points';

describe('ConferencePoints', () => {
  const m = {} as EntityManager;
  const operator = { id: 'u1', role: 'operator' } as User;
  const admin = { id: 'u2', role: 'admin' } as User;
  const ids = { getQuery: () => 'SELECT "bp"."conference_id" FROM bridge_points bp', getParameters: () => ({ scopeIds: ['p1'] }) };
  const queries: PointQueries = {
    visibleIds: async (_m, user) => (user.role === 'operator' ? (ids as unknown as SelectQueryBuilder<ObjectLiteral>) : null),
    sees: async (_m, conferenceId) => conferenceId === 'c1',
    mainCount: async (_m, conferenceId) => (conferenceId === 'c1' ? 1 : 0),
    has: async (_m, conferenceId, pointId) => conferenceId === 'c1' && pointId === 'p1',
  };
  const outer = () => ({ andWhere: jest.fn() }) as unknown as SelectQueryBuilder<ObjectLiteral> & { andWhere: jest.Mock };

  it('restricts a query to the conferences a restricted user sees, and leaves it whole for the others', async () => {
    const points = new ConferencePoints();
    points.register(queries);
    const restricted = outer();
    await points.whereVisible(m, restricted, 'c.id', operator);
    expect(restricted.andWhere).toHaveBeenCalledWith('c.id IN (SELECT "bp"."conference_id" FROM bridge_points bp)', { scopeIds: ['p1'] });
    const whole = outer();
    await points.whereVisible(m, whole, 'c.id', admin);
    expect(whole.andWhere).not.toHaveBeenCalled();
  });

  it('answers with the queries registered', async () => {
    const points = new ConferencePoints();
    points.register(queries);
    expect([await points.sees(m, 'c1', operator), await points.sees(m, 'c2', operator)]).toEqual([true, false]);
    expect([await points.mainCount(m, 'c1'), await points.mainCount(m, 'c2')]).toEqual([1, 0]);
    expect([await points.has(m, 'c1', 'p1'), await points.has(m, 'c2', 'p1')]).toEqual([true, false]);
  });

  it('refuses a second registration, and says so when asked before any', async () => {
    const points = new ConferencePoints();
    expect(() => points.sees(m, 'c1', operator)).toThrow('no bridge points module has registered');
    points.register(queries);
    expect(() => points.register(queries)).toThrow('registered twice');
  });
});
