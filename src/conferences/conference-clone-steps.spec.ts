import { EntityManager } from 'typeorm';
import { CloneContext, ConferenceCloneSteps } from './conference-clone-steps';

describe('ConferenceCloneSteps', () => {
  const context = (): CloneContext => ({ manager: {} as EntityManager, sourceId: 'a', copyId: 'b', shiftMs: 0, pointIds: new Map(), agendaItemIds: new Map() });

  it('runs the steps by their order, then as registered, sharing the context, and counts what each copied', async () => {
    const steps = new ConferenceCloneSteps();
    const ran: string[] = [];
    steps.register('form', async (c) => {
      ran.push(`form sees item ${c.agendaItemIds.get('i1')}`);
      return 1;
    }, 30);
    steps.register('agenda', async (c) => {
      c.agendaItemIds.set('i1', `i2 at ${c.pointIds.get('p1')}`);
      ran.push('agenda');
      return 4;
    }, 20);
    steps.register('points', async (c) => {
      c.pointIds.set('p1', 'p2');
      ran.push(`points ${c.sourceId}→${c.copyId}`);
      return 63;
    }, 10);
    steps.register('late', async () => 0);
    expect(await steps.runAll(context())).toEqual({ points: 63, agenda: 4, form: 1, late: 0 });
    expect(ran).toEqual(['points a→b', 'agenda', 'form sees item i2 at p2']);
  });

  it('lets a failing step fail the clone, and runs no step after it', async () => {
    const steps = new ConferenceCloneSteps();
    const after = jest.fn(async () => 0);
    steps.register('broken', () => Promise.reject(new Error('disk full')));
    steps.register('after', after);
    await expect(steps.runAll(context())).rejects.toThrow('disk full');
    expect(after).not.toHaveBeenCalled();
  });

  it('refuses a name registered twice (a module started twice would copy its rows twice)', () => {
    const steps = new ConferenceCloneSteps();
    steps.register('form', async () => 0);
    expect(() => steps.register('form', async () => 0)).toThrow('registered twice');
  });
});
