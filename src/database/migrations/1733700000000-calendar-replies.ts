import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { createIndicesInTurn, idColumn, instant, int, text, uuidRef } from '../migration-columns';

/**
 * Calendar replies (iTIP REPLY) read from the organizer mailbox. `message_id` is unique: a
 * message is processed once whatever restarts happen, and when two instances read the same
 * mailbox the second insert fails and that instance leaves the message to the first.
 */
export class CalendarReplies1733700000000 implements MigrationInterface {
  name = 'CalendarReplies1733700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'calendar_replies',
        columns: [
          idColumn(),
          text('message_id', { length: '500' }),
          uuidRef('conference_id', true),
          uuidRef('attendee_id', true),
          text('from_address', { length: '254', isNullable: true }),
          text('subject', { length: '300', isNullable: true }),
          text('uid', { length: '300', isNullable: true }),
          text('attendee_email', { length: '254', isNullable: true }),
          text('attendee_name', { length: '200', isNullable: true }),
          text('partstat', { length: '32', isNullable: true }),
          int('sequence', { isNullable: true }),
          instant(runner, 'dtstamp', true),
          text('comment', { length: '1000', isNullable: true }),
          text('outcome', { length: '24' }),
          text('reason', { length: '1000' }),
          instant(runner, 'received_at', false),
          instant(runner, 'processed_at', false),
        ],
        foreignKeys: [
          { columnNames: ['conference_id'], referencedTableName: 'conferences', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['attendee_id'], referencedTableName: 'attendees', referencedColumnNames: ['id'], onDelete: 'SET NULL' },
        ],
      }),
    );
    await createIndicesInTurn(runner, 'calendar_replies', [
      new TableIndex({ name: 'uq_calendar_replies_message_id', columnNames: ['message_id'], isUnique: true }),
      new TableIndex({ name: 'ix_calendar_replies_conference_received', columnNames: ['conference_id', 'received_at'] }),
      new TableIndex({ name: 'ix_calendar_replies_attendee_outcome', columnNames: ['attendee_id', 'outcome'] }),
    ]);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('calendar_replies');
  }
}
