import { MigrationInterface, QueryRunner } from 'typeorm';
import { isPostgres } from '../migration-columns';

/**
 * A delegate is `invited` only once an invitation was sent: before that they are `added`, and
 * people marked `invited` who were never sent one become `added`. A substitute (người đi thay)
 * is an attendee of their own: `substitute_for_id` names the person replaced, who becomes
 * `substituted`. Plain `ALTER TABLE … ADD COLUMN` runs on SQLite and PostgreSQL alike.
 */
export class AttendeeStatuses1733200000000 implements MigrationInterface {
  name = 'AttendeeStatuses1733200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE attendees ADD COLUMN substitute_for_id varchar(36) NULL');
    await runner.query("UPDATE attendees SET status = 'added' WHERE status = 'invited' AND invited_at IS NULL");
    // SQLite cannot change a column's default in place; the app always writes the status there.
    if (isPostgres(runner)) await runner.query("ALTER TABLE attendees ALTER COLUMN status SET DEFAULT 'added'");
  }

  async down(runner: QueryRunner): Promise<void> {
    if (isPostgres(runner)) await runner.query("ALTER TABLE attendees ALTER COLUMN status SET DEFAULT 'invited'");
    await runner.query("UPDATE attendees SET status = 'invited' WHERE status = 'added'");
    await runner.query("UPDATE attendees SET status = 'cancelled' WHERE status = 'substituted'");
    await runner.query('ALTER TABLE attendees DROP COLUMN substitute_for_id');
  }
}
