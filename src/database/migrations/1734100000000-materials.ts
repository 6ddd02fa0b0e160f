import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { createdAt, createIndicesInTurn, idColumn, instant, int, text, uuidRef } from '../migration-columns';

/**
 * Conference materials (tài liệu hội nghị) and who fetched them through a signed link. A
 * material's file lives in the material storage under `storage_key`; the row keeps its name,
 * type, size and SHA-256. A download names the bridge point or the delegate whose link it came
 * through (one of the two), and goes with its material.
 */
export class Materials1734100000000 implements MigrationInterface {
  name = 'Materials1734100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'materials',
        columns: [
          idColumn(),
          uuidRef('conference_id'),
          uuidRef('agenda_item_id', true),
          text('title', { length: '300' }),
          text('file_name', { length: '300' }),
          text('content_type', { length: '100' }),
          int('size'),
          text('sha256', { length: '64' }),
          text('audience', { length: '16' }),
          text('storage_key', { length: '200' }),
          uuidRef('created_by', true),
          createdAt(runner),
        ],
        foreignKeys: [
          { columnNames: ['conference_id'], referencedTableName: 'conferences', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['agenda_item_id'], referencedTableName: 'agenda_items', referencedColumnNames: ['id'], onDelete: 'SET NULL' },
        ],
      }),
    );
    await createIndicesInTurn(runner, 'materials', [new TableIndex({ name: 'ix_materials_conference', columnNames: ['conference_id', 'created_at'] })]);
    await runner.createTable(
      new Table({
        name: 'material_downloads',
        columns: [
          idColumn(),
          uuidRef('conference_id'),
          uuidRef('material_id'),
          uuidRef('bridge_point_id', true),
          uuidRef('attendee_id', true),
          uuidRef('link_id'),
          instant(runner, 'at', false),
        ],
        foreignKeys: [
          { columnNames: ['material_id'], referencedTableName: 'materials', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['bridge_point_id'], referencedTableName: 'bridge_points', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['attendee_id'], referencedTableName: 'attendees', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );
    await createIndicesInTurn(runner, 'material_downloads', [
      new TableIndex({ name: 'ix_material_downloads_material', columnNames: ['material_id', 'bridge_point_id'] }),
      new TableIndex({ name: 'ix_material_downloads_conference', columnNames: ['conference_id', 'bridge_point_id'] }),
    ]);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('material_downloads');
    await runner.dropTable('materials');
  }
}
