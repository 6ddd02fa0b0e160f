import { DataSource } from 'typeorm';
import { sqliteConnectionOf } from './sqlite-connection';

describe('sqliteConnectionOf (the one reach into TypeORM internals)', () => {
  it('finds the node-sqlite3 database under the installed TypeORM, and statements prepared on it run', async () => {
    const db = new DataSource({ type: 'sqlite', database: ':memory:' });
    await db.initialize();
    try {
      await db.query('CREATE TABLE t (n integer)');
      const insert = sqliteConnectionOf(db).prepare('INSERT INTO t (n) VALUES (?1)');
      await new Promise<void>((resolve, reject) => insert.run([7], (error) => (error ? reject(error) : resolve())));
      await new Promise<void>((resolve) => insert.finalize(resolve));
      // The same connection TypeORM queries through: it sees the row at once.
      expect(await db.query('SELECT n FROM t')).toEqual([{ n: 7 }]);
    } finally {
      await db.destroy();
    }
  });

  it('fails loudly, naming its file, when the driver no longer holds the database where it did', () => {
    const changed = { driver: {} } as unknown as DataSource;
    expect(() => sqliteConnectionOf(changed)).toThrow('src/database/sqlite-connection.ts');
  });
});
