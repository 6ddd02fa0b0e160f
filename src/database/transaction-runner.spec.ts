import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { TransactionRunner } from './transaction-runner';
import { openWriteDataSource } from './write-connection';

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

describe('TransactionRunner on an SQLite file: reads outside a transaction', () => {
  let dir: string;
  let main: DataSource;
  let writer: DataSource;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'transaction-runner-'));
    main = new DataSource({ type: 'sqlite', database: join(dir, 'app.sqlite'), enableWAL: true, busyTimeout: 5_000, entities: [Note] });
    await main.initialize();
    await main.query('CREATE TABLE notes (id varchar PRIMARY KEY NOT NULL, text varchar NOT NULL UNIQUE)');
    writer = await openWriteDataSource(main);
  });
  afterEach(async () => {
    if (writer.isInitialized && writer !== main) await writer.destroy();
    await main.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs a transaction that writes a note, then reads through `main` while it is still open, then rolls it back. */
  async function readWhileOpen(tx: TransactionRunner): Promise<{ byRepository: number; byStatement: unknown[] }> {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let wrote!: () => void;
    const written = new Promise<void>((resolve) => (wrote = resolve));
    const running = tx.transaction(async (m) => {
      await m.insert(Note, { id: 'pending', text: 'not yet committed' });
      wrote();
      await gate;
      throw new Error('rolled back');
    });
    await written;
    const seen = {
      byRepository: await main.getRepository(Note).count(),
      byStatement: (await tx.sql(main.manager, 'SELECT id FROM notes', [])).rows,
    };
    release();
    await expect(running).rejects.toThrow('rolled back');
    expect(await main.getRepository(Note).count()).toBe(0);
    return seen;
  }

  it('never see the rows of a transaction still open (which may yet be rolled back)', async () => {
    expect(writer).not.toBe(main);
    const tx = new TransactionRunner(main, writer);
    try {
      expect(await readWhileOpen(tx)).toEqual({ byRepository: 0, byStatement: [] });
      // What is committed is read at once.
      await tx.transaction((m) => tx.sql(m, 'INSERT INTO notes (id, text) VALUES ($1, $2)', ['kept', 'committed']));
      expect((await tx.sql(main.manager, 'SELECT id FROM notes', [])).rows).toEqual([{ id: 'kept' }]);
      expect(await main.getRepository(Note).count()).toBe(1);
    } finally {
      await tx.onModuleDestroy();
    }
    expect(writer.isInitialized).toBe(false);
  });

  it('would see them with one connection for both (why writes have their own)', async () => {
    const tx = new TransactionRunner(main);
    try {
      expect(await readWhileOpen(tx)).toEqual({ byRepository: 1, byStatement: [{ id: 'pending' }] });
    } finally {
      await tx.onModuleDestroy();
    }
  });

  it('keeps one connection for an in-memory database, which cannot be opened twice', async () => {
    const memory = await new DataSource({ type: 'sqlite', database: ':memory:' }).initialize();
    try {
      expect(await openWriteDataSource(memory)).toBe(memory);
    } finally {
      await memory.destroy();
    }
  });
});
