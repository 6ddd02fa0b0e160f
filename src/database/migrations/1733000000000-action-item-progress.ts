import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { longText } from '../migration-columns';

/** What the unit assigned an action item reports about its progress (kết quả thực hiện), beside its status. */
export class ActionItemProgress1733000000000 implements MigrationInterface {
  name = 'ActionItemProgress1733000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumn('action_items', new TableColumn(longText('progress_note')));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropColumn('action_items', 'progress_note');
  }
}
