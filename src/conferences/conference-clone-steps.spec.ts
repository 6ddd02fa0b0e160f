import { EntityManager } from 'typeorm';
import { CloneContext, ConferenceCloneSteps } from './conference-clone-steps';

describe('ConferenceCloneSteps', () => {
  const context: CloneContext = { manager: {} as EntityManager, sourceId: 'a', copyId: 'b', agendaItemIds: new Map([['i1', 'i2']]) };

  it('runs every step in the order registered, with the clone context, and names them', async () => {
    const steps = new ConferenceCloneSteps();
    const ran: string[] = [];
    steps.register('first', async (c) => void ran.push(`first ${c.sourceId}→${c.copyId}`));
    steps.register('second', async (c) => void ran.push(`second ${c.agendaItemIds.get('i1')}`));
    expect(await steps.runAll(context)).toEqual(['first', 'second']);
    expect(ran).toEqual(['first a→b', 'second i2']);
  });

  it('lets a failing step fail the clone, and runs no step after it', async () => {
    const steps = new ConferenceCloneSteps();
    const after = jest.fn();
    steps.register('broken', () => Promise.reject(new Error('disk full')));
    steps.register('after', after);
    await expect(steps.runAll(context)).rejects.toThrow('disk full');
    expect(after).not.toHaveBeenCalled();
  });

  it('refuses a name registered twice (a module started twice would copy its rows twice)', () => {
    const steps = new ConferenceCloneSteps();
    steps.register('form', async () => undefined);
    expect(() => steps.register('form', async () => undefined)).toThrow('registered twice');
  });
});
