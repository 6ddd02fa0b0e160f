import { EntityManager } from 'typeorm';
import { ConferenceRemovalSteps } from './conference-removal-steps';

describe('ConferenceRemovalSteps', () => {
  const m = {} as EntityManager;

  it('reads every step inside the transaction, and does their after-commit work only when asked', async () => {
    const steps = new ConferenceRemovalSteps();
    const done: string[] = [];
    steps.register('files', async (_m, id) => async () => void done.push(`files of ${id}`));
    steps.register('nothing', async () => null);
    const afterCommit = await steps.prepare(m, 'c1');
    expect(done).toEqual([]);
    await afterCommit();
    expect(done).toEqual(['files of c1']);
  });

  it('does the rest of the after-commit work when one part fails (the conference is gone either way)', async () => {
    const steps = new ConferenceRemovalSteps();
    const done: string[] = [];
    steps.register('broken', async () => () => Promise.reject(new Error('disk gone')));
    steps.register('files', async () => async () => void done.push('files'));
    await expect((await steps.prepare(m, 'c1'))()).resolves.toBeUndefined();
    expect(done).toEqual(['files']);
  });

  it('lets a step that fails while reading fail the deletion', async () => {
    const steps = new ConferenceRemovalSteps();
    steps.register('broken', () => Promise.reject(new Error('cannot read')));
    await expect(steps.prepare(m, 'c1')).rejects.toThrow('cannot read');
  });
});
