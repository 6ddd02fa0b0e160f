import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { createdAt, createIndicesInTurn, idColumn, instant, longText, updatedAt, uuidRef, version } from '../migration-columns';

/**
 * Evaluation (phiếu đánh giá): a conference's form (questions as JSON), the anonymous responses
 * (answers only: no attendee, no time) and, apart, who submitted (conference, attendee, when),
 * written in the same transaction so each person answers once without their answers being theirs.
 */
export class Evaluations1734000000000 implements MigrationInterface {
  name = 'Evaluations1734000000000';

  async up(runner: QueryRunner): Promise<void> {
    const conference = { columnNames: ['conference_id'], referencedTableName: 'conferences', referencedColumnNames: ['id'], onDelete: 'CASCADE' };
    await runner.createTable(
      new Table({
        name: 'evaluation_forms',
        columns: [{ ...uuidRef('conference_id'), isPrimary: true }, longText('questions', false), version(), createdAt(runner), updatedAt(runner)],
        foreignKeys: [conference],
      }),
    );
    await runner.createTable(
      new Table({ name: 'evaluation_responses', columns: [idColumn(), uuidRef('conference_id'), longText('answers', false)], foreignKeys: [conference] }),
    );
    await runner.createTable(
      new Table({
        name: 'evaluation_submissions',
        columns: [{ ...uuidRef('conference_id'), isPrimary: true }, { ...uuidRef('attendee_id'), isPrimary: true }, instant(runner, 'submitted_at', false)],
        foreignKeys: [
          conference,
          { columnNames: ['attendee_id'], referencedTableName: 'attendees', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );
    await createIndicesInTurn(runner, 'evaluation_responses', [new TableIndex({ name: 'ix_evaluation_responses_conference', columnNames: ['conference_id'] })]);
    await createIndicesInTurn(runner, 'evaluation_submissions', [new TableIndex({ name: 'ix_evaluation_submissions_attendee', columnNames: ['attendee_id'] })]);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('evaluation_submissions');
    await runner.dropTable('evaluation_responses');
    await runner.dropTable('evaluation_forms');
  }
}
