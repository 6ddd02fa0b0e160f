import { EntityManager } from 'typeorm';
import { AgendaItemRecords, ItemRecordKind } from './agenda-item-records';

describe('AgendaItemRecords', () => {
  const m = {} as EntityManager;
  const kind = (name: string, counts: Record<string, number>): ItemRecordKind => ({
    name,
    code: `${name}_exists`,
    count: async (_m, itemId) => counts[itemId] ?? 0,
    describe: (n) => `${n} ${name}`,
  });

  it('answers only the kinds the item has records of, with their count and sentence', async () => {
    const records = new AgendaItemRecords();
    records.register(kind('marks', { a: 3 }));
    records.register(kind('photos', { b: 1 }));
    expect(await records.of(m, 'a')).toEqual([{ name: 'marks', code: 'marks_exists', count: 3, message: '3 marks' }]);
    expect(await records.of(m, 'c')).toEqual([]);
  });

  it('refuses a kind registered twice', () => {
    const records = new AgendaItemRecords();
    records.register(kind('marks', {}));
    expect(() => records.register(kind('marks', {}))).toThrow('registered twice');
  });
});
