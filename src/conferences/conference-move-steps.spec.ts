import { EntityManager } from 'typeorm';
import { ConferenceMove, ConferenceMoveSteps } from './conference-move-steps';

describe('ConferenceMoveSteps', () => {
  const m = {} as EntityManager;
  const move: ConferenceMove = { conferenceId: 'c1', shiftMs: 3_600_000, startsAt: new Date('2030-01-01T01:00:00Z'), endsAt: new Date('2030-01-01T05:00:00Z') };

  it('tells every step the new window, in the order registered', async () => {
    const steps = new ConferenceMoveSteps();
    const seen: string[] = [];
    steps.register('agenda', async (_m, mv) => void seen.push(`agenda +${mv.shiftMs / 60_000} min`));
    steps.register('other', async (_m, mv) => void seen.push(`other ${mv.conferenceId}`));
    await steps.runAll(m, move);
    expect(seen).toEqual(['agenda +60 min', 'other c1']);
  });

  it('lets a step refuse the move, and asks no step after it', async () => {
    const steps = new ConferenceMoveSteps();
    const after = jest.fn(async () => undefined);
    steps.register('agenda', () => Promise.reject(new Error('item outside the window')));
    steps.register('after', after);
    await expect(steps.runAll(m, move)).rejects.toThrow('outside the window');
    expect(after).not.toHaveBeenCalled();
    expect(() => steps.register('agenda', async () => undefined)).toThrow('registered twice');
  });
});
