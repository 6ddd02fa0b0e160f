import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { longText } from '../migration-columns';

/**
 * A conference's completion rule (JSON, like its registration settings): the least share of the
 * sessions to attend and whether the evaluation must be submitted. Null reads as the default.
 */
export class CompletionRule1733800000000 implements MigrationInterface {
  name = 'CompletionRule1733800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumn('conferences', new TableColumn(longText('completion_rule')));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropColumn('conferences', 'completion_rule');
  }
}
