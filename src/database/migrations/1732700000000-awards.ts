import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { createdAt, createIndicesInTurn, idColumn, int, longText, text, updatedAt, uuidRef, version } from '../migration-columns';

/**
 * Award decisions (quyết định khen thưởng) and their recipients. References to the award form,
 * the agenda item and the administrative unit are checked by the service; deleting a conference
 * or a decision takes its awards with it, and a deleted agenda item or bridge point leaves the
 * recipient without one.
 */
export class Awards1732700000000 implements MigrationInterface {
  name = 'Awards1732700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'award_decisions',
        columns: [
          idColumn(),
          uuidRef('conference_id'),
          text('number', { length: '64' }),
          text('number_key', { length: '64' }),
          text('signed_at', { length: '10' }),
          text('issuing_authority', { length: '300' }),
          text('signer_name', { length: '200', isNullable: true }),
          text('signer_title', { length: '300', isNullable: true }),
          text('award_form_code', { length: '64' }),
          version(),
          createdAt(runner),
          updatedAt(runner),
        ],
        foreignKeys: [
          { columnNames: ['conference_id'], referencedTableName: 'conferences', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );
    await createIndicesInTurn(runner, 'award_decisions', [
      new TableIndex({ name: 'uq_award_decisions_number', columnNames: ['conference_id', 'number_key'], isUnique: true }),
      new TableIndex({ name: 'ix_award_decisions_conference', columnNames: ['conference_id', 'signed_at'] }),
    ]);

    await runner.createTable(
      new Table({
        name: 'award_recipients',
        columns: [
          idColumn(),
          uuidRef('decision_id'),
          uuidRef('conference_id'),
          text('kind', { length: '16' }),
          text('name', { length: '300', isNullable: true }),
          text('title', { length: '300', isNullable: true }),
          text('organization', { length: '300', isNullable: true }),
          text('administrative_unit_code', { length: '8', isNullable: true }),
          longText('achievement'),
          int('position', { default: 0 }),
          uuidRef('agenda_item_id', true),
          uuidRef('bridge_point_id', true),
          text('presenter_name', { length: '200', isNullable: true }),
          text('search_key', { length: '700' }),
          version(),
          createdAt(runner),
          updatedAt(runner),
        ],
        foreignKeys: [
          { columnNames: ['decision_id'], referencedTableName: 'award_decisions', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['conference_id'], referencedTableName: 'conferences', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['agenda_item_id'], referencedTableName: 'agenda_items', referencedColumnNames: ['id'], onDelete: 'SET NULL' },
          { columnNames: ['bridge_point_id'], referencedTableName: 'bridge_points', referencedColumnNames: ['id'], onDelete: 'SET NULL' },
        ],
      }),
    );
    await createIndicesInTurn(runner, 'award_recipients', [
      new TableIndex({ name: 'ix_award_recipients_decision', columnNames: ['decision_id', 'position'] }),
      new TableIndex({ name: 'ix_award_recipients_conference', columnNames: ['conference_id', 'bridge_point_id'] }),
      new TableIndex({ name: 'ix_award_recipients_agenda_item', columnNames: ['agenda_item_id'] }),
    ]);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('award_recipients');
    await runner.dropTable('award_decisions');
  }
}
