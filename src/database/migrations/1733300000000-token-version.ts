import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `token_version` ends a user's sessions: every token carries the version it was issued at, and
 * changing the password, deactivating the user or signing out raises it, so older tokens are
 * refused. Tokens issued before this migration carry none and count as version 0.
 */
export class TokenVersion1733300000000 implements MigrationInterface {
  name = 'TokenVersion1733300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 0');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE users DROP COLUMN token_version');
  }
}
