import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { columnValue, entityRows } from './entity-rows';

@Entity('samples')
class Sample {
  @PrimaryColumn({ type: 'varchar' })
  id!: string;

  @Column({ type: 'boolean', default: false })
  flag!: boolean;

  @Column({ type: 'datetime', nullable: true })
  at!: Date | null;

  @Column({ type: 'simple-json', nullable: true })
  settings!: { enabled: boolean } | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;
}

describe('entityRows', () => {
  let db: DataSource;

  beforeEach(async () => {
    db = new DataSource({ type: 'sqlite', database: ':memory:', entities: [Sample] });
    await db.initialize();
    await db.query(
      'CREATE TABLE samples (id varchar PRIMARY KEY NOT NULL, flag boolean NOT NULL DEFAULT (0), at datetime, settings text, version integer NOT NULL DEFAULT (1))',
    );
  });
  afterEach(() => db.destroy());

  it('reads back with a hand-written SELECT exactly what the ORM reads', async () => {
    const at = new Date('2026-12-15T01:02:03.456Z');
    await db.getRepository(Sample).insert({ id: 's1', flag: true, at, settings: { enabled: true }, version: 3 });
    const table = entityRows(db.manager, Sample);
    const [row] = await db.query(`SELECT ${table.columns} FROM ${table.table} WHERE id = $1`, ['s1']);
    const read = table.hydrate(row);
    expect(read).toBeInstanceOf(Sample);
    expect(read).toEqual(await db.getRepository(Sample).findOneByOrFail({ id: 's1' }));
    expect(read).toEqual({ id: 's1', flag: true, at, settings: { enabled: true }, version: 3 });
  });

  it('gives a column value in the form the ORM stores it', async () => {
    const at = new Date('2026-12-15T01:02:03.456Z');
    await db.getRepository(Sample).insert({ id: 's2', at, flag: true });
    const [stored] = await db.query("SELECT at, flag FROM samples WHERE id = 's2'");
    expect(columnValue(db.manager, Sample, 'at', at)).toBe(stored.at);
    expect(columnValue(db.manager, Sample, 'flag', true)).toBe(stored.flag);
  });

  it('inserts with a fixed statement exactly the row the ORM inserts', async () => {
    const at = new Date('2026-12-15T01:02:03.456Z');
    const fields = { flag: true, at, settings: { enabled: false }, version: 2 };
    await db.getRepository(Sample).insert({ id: 'orm', ...fields });
    const table = entityRows(db.manager, Sample);
    expect(table.insert).toBe('INSERT INTO "samples" ("id", "flag", "at", "settings", "version") VALUES ($1, $2, $3, $4, $5)');
    await db.query(table.insert, table.insertValues({ id: 'fixed', ...fields }));
    await db.query(table.insert, table.insertValues({ id: 'empty', flag: false, at: null, settings: null, version: 1 }));
    const stored = await db.query('SELECT id, flag, at, settings, version FROM samples ORDER BY id');
    const orm = stored.find((r: { id: string }) => r.id === 'orm');
    expect(stored.find((r: { id: string }) => r.id === 'fixed')).toEqual({ ...orm, id: 'fixed' });
    expect(stored.find((r: { id: string }) => r.id === 'empty')).toEqual({ id: 'empty', flag: 0, at: null, settings: null, version: 1 });
    expect(await db.getRepository(Sample).findOneByOrFail({ id: 'fixed' })).toEqual({ id: 'fixed', ...fields });
  });
});
