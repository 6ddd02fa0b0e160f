import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { createdAt, createIndicesInTurn, idColumn, instant, text, updatedAt, uuidRef, version } from '../migration-columns';

/**
 * Training sessions and their attendance (điểm danh). An agenda item with
 * `attendance_required` is a session (buổi học, chuyên đề); `session_attendances` holds one row
 * per session and person once someone marked them: present, late, excused or absent, when, how
 * (a code shown in the hall, a roll call, an imported sign-in sheet) and by whom. A person never
 * marked has no row.
 *
 * `ADD COLUMN` with a default runs on SQLite and PostgreSQL alike and leaves existing items
 * ordinary agenda items.
 */
export class SessionAttendance1733600000000 implements MigrationInterface {
  name = 'SessionAttendance1733600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE agenda_items ADD COLUMN attendance_required boolean NOT NULL DEFAULT false');
    await runner.createTable(
      new Table({
        name: 'session_attendances',
        columns: [
          idColumn(),
          uuidRef('conference_id'),
          uuidRef('agenda_item_id'),
          uuidRef('attendee_id'),
          text('status', { length: '16' }),
          instant(runner, 'at', false),
          text('method', { length: '16' }),
          text('marked_by', { length: '300' }),
          version(),
          createdAt(runner),
          updatedAt(runner),
        ],
        foreignKeys: [
          { columnNames: ['conference_id'], referencedTableName: 'conferences', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['agenda_item_id'], referencedTableName: 'agenda_items', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['attendee_id'], referencedTableName: 'attendees', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );
    await createIndicesInTurn(runner, 'session_attendances', [
      new TableIndex({ name: 'uq_session_attendances_item_attendee', columnNames: ['agenda_item_id', 'attendee_id'], isUnique: true }),
      new TableIndex({ name: 'ix_session_attendances_item_status', columnNames: ['agenda_item_id', 'status'] }),
      new TableIndex({ name: 'ix_session_attendances_attendee', columnNames: ['attendee_id'] }),
      new TableIndex({ name: 'ix_session_attendances_conference', columnNames: ['conference_id'] }),
    ]);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('session_attendances');
    await runner.query('ALTER TABLE agenda_items DROP COLUMN attendance_required');
  }
}
