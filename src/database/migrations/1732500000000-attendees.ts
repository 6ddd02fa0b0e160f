import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { createdAt, createIndicesInTurn, idColumn, instant, int, longText, text, updatedAt, uuidRef, version } from '../migration-columns';

/** Delegates (đại biểu) of a conference, each at one bridge point; import jobs. */
export class Attendees1732500000000 implements MigrationInterface {
  name = 'Attendees1732500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'attendees',
        columns: [
          idColumn(),
          uuidRef('conference_id'),
          uuidRef('bridge_point_id'),
          text('full_name', { length: '200' }),
          text('title', { length: '300', isNullable: true }),
          text('organization', { length: '300', isNullable: true }),
          text('email', { length: '254', isNullable: true }),
          text('phone', { length: '32', isNullable: true }),
          text('role', { length: '16', default: "'delegate'" }),
          text('status', { length: '16', default: "'invited'" }),
          text('source', { length: '16', default: "'manual'" }),
          text('code', { length: '12' }),
          longText('notes'),
          text('decline_reason', { length: '1000', isNullable: true }),
          int('waitlist_position', { isNullable: true }),
          instant(runner, 'invited_at'),
          instant(runner, 'responded_at'),
          instant(runner, 'checked_in_at'),
          text('checked_in_by', { length: '300', isNullable: true }),
          text('search_key', { length: '900' }),
          version(),
          createdAt(runner),
          updatedAt(runner),
        ],
        foreignKeys: [
          { columnNames: ['conference_id'], referencedTableName: 'conferences', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['bridge_point_id'], referencedTableName: 'bridge_points', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );
    await createIndicesInTurn(runner, 'attendees', [
      // Unique per conference ignoring case: the email is stored lower-case. NULLs do not collide.
      new TableIndex({ name: 'uq_attendees_email', columnNames: ['conference_id', 'email'], isUnique: true }),
      new TableIndex({ name: 'uq_attendees_code', columnNames: ['conference_id', 'code'], isUnique: true }),
      new TableIndex({ name: 'ix_attendees_bridge_point', columnNames: ['bridge_point_id', 'status'] }),
      new TableIndex({ name: 'ix_attendees_waitlist', columnNames: ['conference_id', 'waitlist_position'] }),
    ]);
    // Per-point capacity for self-registration (the conference's total is in its registration settings).
    await runner.addColumn('bridge_points', new TableColumn({ name: 'capacity', type: 'integer', isNullable: true }));

    await runner.createTable(
      new Table({
        name: 'import_jobs',
        columns: [
          idColumn(),
          uuidRef('conference_id'),
          text('kind', { length: '32' }),
          text('status', { length: '16' }),
          text('file_name', { length: '300', isNullable: true }),
          int('total_rows', { default: 0 }),
          int('processed_rows', { default: 0 }),
          int('created', { default: 0 }),
          int('updated', { default: 0 }),
          int('rejected', { default: 0 }),
          longText('report'),
          uuidRef('created_by', true),
          createdAt(runner),
          instant(runner, 'finished_at'),
        ],
        foreignKeys: [
          { columnNames: ['conference_id'], referencedTableName: 'conferences', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('import_jobs');
    await runner.dropColumn('bridge_points', 'capacity');
    await runner.dropTable('attendees');
  }
}
