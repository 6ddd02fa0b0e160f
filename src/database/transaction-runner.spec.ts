import { AsyncLocalStorage } from 'node:async_hooks';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { TransactionRunner } from './transaction-runner';

@Entity('notes')
class Note {
  @PrimaryColumn({ type: 'varchar' })
  id!: string;

  @Column({ type: 'varchar', unique: true })
  text!: string;
}

describe('TransactionRunner on SQLite', () => {
  let db: DataSource;
  let tx: TransactionRunner;

  beforeEach(async () => {
    db = new DataSource({ type: 'sqlite', database: ':memory:', entities: [Note] });
    await db.initialize();
    await db.query('CREATE TABLE notes (id varchar PRIMARY KEY NOT NULL, text varchar NOT NULL UNIQUE)');
    tx = new TransactionRunner(db);
  });
  afterEach(async () => {
    await tx.onModuleDestroy();
    await db.destroy();
  });

  const ids = async () => (await db.getRepository(Note).find({ order: { id: 'ASC' } })).map((n) => n.id);

  it('commits what queued up together, and a failed transaction among them leaves none of its writes', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        tx.transaction(async (m) => {
          await m.insert(Note, { id: `n${String(i).padStart(2, '0')}`, text: `note ${i}` });
          await m.insert(Note, { id: `m${String(i).padStart(2, '0')}`, text: `more ${i}` });
          if (i % 3 === 1) throw new Error(`refused ${i}`);
          return i;
        }),
      ),
    );
    const kept = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [i] : []));
    expect(kept).toEqual(Array.from({ length: 30 }, (_, i) => i).filter((i) => i % 3 !== 1));
    expect(outcomes.filter((o) => o.status === 'fulfilled').map((o) => (o as PromiseFulfilledResult<number>).value)).toEqual(kept);
    const expected = kept.flatMap((i) => [`m${String(i).padStart(2, '0')}`, `n${String(i).padStart(2, '0')}`]).sort();
    expect(await ids()).toEqual(expected);
  });

  it('rolls back a transaction whose statement fails in the middle of a group, and keeps the others', async () => {
    await tx.transaction((m) => m.insert(Note, { id: 'first', text: 'taken' }));
    const outcomes = await Promise.allSettled([
      tx.transaction((m) => m.insert(Note, { id: 'a', text: 'a' })),
      tx.transaction(async (m) => {
        await m.insert(Note, { id: 'b', text: 'b' });
        await m.insert(Note, { id: 'c', text: 'taken' });
      }),
      tx.transaction((m) => m.insert(Note, { id: 'd', text: 'd' })),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await ids()).toEqual(['a', 'd', 'first']);
  });

  it('runs each queued transaction in its caller’s async context', async () => {
    const request = new AsyncLocalStorage<string>();
    const seen = await Promise.all(
      ['r1', 'r2', 'r3', 'r4'].map((id) => request.run(id, () => tx.transaction(async () => request.getStore()))),
    );
    expect(seen).toEqual(['r1', 'r2', 'r3', 'r4']);
  });

  it('runs prepared statements inside the caller’s transaction: rolled back with it, committed with it', async () => {
    const insert = 'INSERT INTO notes (id, text) VALUES ($1, $2)';
    await expect(
      tx.transaction(async (m) => {
        expect((await tx.sql(m, insert, ['p1', 'first'])).affected).toBe(1);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    await tx.transaction(async (m) => {
      await tx.sql(m, insert, ['p2', 'second']);
    });
    expect(await ids()).toEqual(['p2']);
    const { rows } = await tx.sql(db.manager, 'SELECT text FROM notes WHERE id = $1', ['p2']);
    expect(rows).toEqual([{ text: 'second' }]);
  });

  it('binds $n by its number, not by where it first appears (SQLite alone would bind $2 here to the first value)', async () => {
    await tx.transaction(async (m) => {
      await tx.sql(m, 'INSERT INTO notes (text, id) VALUES ($2, $1)', ['n1', 'first']);
      await tx.sql(m, "UPDATE notes SET text = $2 || ' ' || $2 WHERE id = $1", ['n1', 'twice']);
    });
    expect(await db.query('SELECT id, text FROM notes')).toEqual([{ id: 'n1', text: 'twice twice' }]);
    const { rows } = await tx.sql(db.manager, 'SELECT id FROM notes WHERE text = $2 AND id = $1', ['n1', 'twice twice']);
    expect(rows).toEqual([{ id: 'n1' }]);
  });

  it('lets a transaction that calls the helper again join itself', async () => {
    await Promise.all(
      [1, 2, 3].map((i) =>
        tx.transaction(async (m) => {
          await m.insert(Note, { id: `o${i}`, text: `o${i}` });
          await tx.transaction((inner) => inner.insert(Note, { id: `i${i}`, text: `i${i}` }));
        }),
      ),
    );
    expect(await ids()).toEqual(['i1', 'i2', 'i3', 'o1', 'o2', 'o3']);
  });
});
