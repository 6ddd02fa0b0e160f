import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attendance has one meaning. `bridge_points.actual_attendees` mixed two figures (a reported
 * headcount, with check-ins added on top). It becomes `reported_attendees`, and
 * `checked_in_attendees` counts check-ins on its own. Where the old figure equals the point's
 * check-ins it came from them (or from a report that agrees with them), so no report is kept;
 * otherwise the old figure stays as the report.
 *
 * Plain `ALTER TABLE … ADD/RENAME COLUMN` runs on SQLite and PostgreSQL alike, and on SQLite it
 * changes the table in place where the table API would copy every row into a new table.
 */
export class Attendance1733100000000 implements MigrationInterface {
  name = 'Attendance1733100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE bridge_points RENAME COLUMN actual_attendees TO reported_attendees');
    await runner.query('ALTER TABLE bridge_points ADD COLUMN checked_in_attendees integer NOT NULL DEFAULT 0');
    await runner.query(
      `UPDATE bridge_points SET checked_in_attendees =
         (SELECT COUNT(*) FROM attendees a WHERE a.bridge_point_id = bridge_points.id AND a.checked_in_at IS NOT NULL)`,
    );
    await runner.query('UPDATE bridge_points SET reported_attendees = NULL WHERE checked_in_attendees > 0 AND reported_attendees = checked_in_attendees');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('UPDATE bridge_points SET reported_attendees = COALESCE(reported_attendees, checked_in_attendees)');
    await runner.query('ALTER TABLE bridge_points DROP COLUMN checked_in_attendees');
    await runner.query('ALTER TABLE bridge_points RENAME COLUMN reported_attendees TO actual_attendees');
  }
}
