import { EntityManager } from 'typeorm';
import { OperatorPoints } from './operator-points';

describe('OperatorPoints', () => {
  const m = {} as EntityManager;

  it('answers which ids are points with the look-up registered', async () => {
    const points = new OperatorPoints();
    points.register(async (_m, ids) => ids.filter((id) => id.startsWith('p')));
    await expect(points.existing(m, ['p1', 'x', 'p2'])).resolves.toEqual(['p1', 'p2']);
  });

  it('refuses a second registration, and says so when asked before any', () => {
    const points = new OperatorPoints();
    expect(() => points.existing(m, ['p1'])).toThrow('no bridge points module has registered');
    points.register(async () => []);
    expect(() => points.register(async () => [])).toThrow('registered twice');
  });
});
