import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * Rate-limit windows shared by every instance on one database (login attempts per address and
 * per account): a hashed key, the hits of its current window and when that window ends (ms since
 * the epoch, so the arithmetic is the same on SQLite and PostgreSQL).
 */
export class RateLimits1733400000000 implements MigrationInterface {
  name = 'RateLimits1733400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'rate_limits',
        columns: [
          { name: 'key', type: 'varchar', length: '128', isPrimary: true },
          { name: 'hits', type: 'integer', isNullable: false },
          { name: 'expires_at_ms', type: 'bigint', isNullable: false },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('rate_limits');
  }
}
