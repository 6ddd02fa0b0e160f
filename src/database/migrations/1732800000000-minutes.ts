import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { createdAt, createIndicesInTurn, idColumn, instant, int, longText, text, updatedAt, uuidRef, version } from '../migration-columns';

const conferenceKey = {
  columnNames: ['conference_id'],
  referencedTableName: 'conferences',
  referencedColumnNames: ['id'],
  onDelete: 'CASCADE',
};

/** Minutes (biên bản) with their revisions, action items (nhiệm vụ) and conclusion notices. */
export class Minutes1732800000000 implements MigrationInterface {
  name = 'Minutes1732800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'minutes',
        columns: [
          idColumn(),
          uuidRef('conference_id'),
          text('status', { length: '16', default: "'draft'" }),
          text('number', { length: '64', isNullable: true }),
          longText('sections', false),
          int('chain', { default: 1 }),
          int('revision', { default: 1 }),
          text('content_hash', { length: '64', isNullable: true }),
          instant(runner, 'approved_at'),
          uuidRef('approved_by', true),
          text('approved_by_name', { length: '300', isNullable: true }),
          uuidRef('created_by', true),
          version(),
          createdAt(runner),
          updatedAt(runner),
        ],
        uniques: [{ name: 'uq_minutes_conference', columnNames: ['conference_id'] }],
        foreignKeys: [conferenceKey],
      }),
    );

    await runner.createTable(
      new Table({
        name: 'minutes_revisions',
        columns: [
          idColumn(),
          uuidRef('minutes_id'),
          int('chain'),
          int('revision'),
          text('reason', { length: '32' }),
          text('number', { length: '64', isNullable: true }),
          longText('sections', false),
          uuidRef('author_id', true),
          text('author', { length: '300' }),
          createdAt(runner),
        ],
        uniques: [{ name: 'uq_minutes_revisions_number', columnNames: ['minutes_id', 'chain', 'revision'] }],
        foreignKeys: [
          { columnNames: ['minutes_id'], referencedTableName: 'minutes', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );

    await runner.createTable(
      new Table({
        name: 'action_items',
        columns: [
          idColumn(),
          uuidRef('conference_id'),
          longText('description', false),
          text('assignee', { length: '300' }),
          text('assignee_search_key', { length: '300' }),
          uuidRef('assignee_bridge_point_id', true),
          text('assignee_administrative_unit_set', { length: '8', isNullable: true }),
          text('assignee_administrative_unit_code', { length: '8', isNullable: true }),
          // An ISO calendar date (YYYY-MM-DD): a deadline is a day, not an instant.
          text('deadline', { length: '10', isNullable: true }),
          text('status', { length: '16', default: "'open'" }),
          int('position', { default: 0 }),
          instant(runner, 'done_at'),
          uuidRef('created_by', true),
          version(),
          createdAt(runner),
          updatedAt(runner),
        ],
        foreignKeys: [
          conferenceKey,
          {
            columnNames: ['assignee_bridge_point_id'],
            referencedTableName: 'bridge_points',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          },
        ],
      }),
    );
    await createIndicesInTurn(runner, 'action_items', [
      new TableIndex({ name: 'ix_action_items_conference', columnNames: ['conference_id', 'position'] }),
      new TableIndex({ name: 'ix_action_items_unit', columnNames: ['assignee_administrative_unit_code', 'status'] }),
      new TableIndex({ name: 'ix_action_items_deadline', columnNames: ['status', 'deadline'] }),
    ]);

    await runner.createTable(
      new Table({
        name: 'conclusion_notices',
        columns: [
          idColumn(),
          uuidRef('conference_id'),
          uuidRef('minutes_id'),
          text('number', { length: '64', isNullable: true }),
          longText('sections', false),
          uuidRef('created_by', true),
          version(),
          createdAt(runner),
          updatedAt(runner),
        ],
        uniques: [{ name: 'uq_conclusion_notices_conference', columnNames: ['conference_id'] }],
        foreignKeys: [
          conferenceKey,
          { columnNames: ['minutes_id'], referencedTableName: 'minutes', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('conclusion_notices');
    await runner.dropTable('action_items');
    await runner.dropTable('minutes_revisions');
    await runner.dropTable('minutes');
  }
}
