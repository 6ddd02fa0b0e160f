import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { createdAt, idColumn, instant, int, longText, text, updatedAt, uuidRef } from '../migration-columns';

/** The outbox of emails to send (written with the change that causes them) and every delivery attempt. */
export class Outbox1732600000000 implements MigrationInterface {
  name = 'Outbox1732600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'outbox_messages',
        columns: [
          idColumn(),
          uuidRef('conference_id', true),
          text('kind', { length: '32' }),
          text('recipient', { length: '254' }),
          text('recipient_name', { length: '200', isNullable: true }),
          uuidRef('attendee_id', true),
          uuidRef('bridge_point_id', true),
          text('idempotency_key', { length: '200' }),
          longText('payload'),
          text('status', { length: '16', default: "'pending'" }),
          int('attempts', { default: 0 }),
          text('last_error', { length: '2000', isNullable: true }),
          instant(runner, 'next_attempt_at', false),
          instant(runner, 'locked_until'),
          instant(runner, 'sent_at'),
          text('message_id', { length: '300', isNullable: true }),
          createdAt(runner),
          updatedAt(runner),
        ],
        uniques: [{ name: 'uq_outbox_idempotency_key', columnNames: ['idempotency_key'] }],
        indices: [
          { name: 'ix_outbox_due', columnNames: ['status', 'next_attempt_at'] },
          { name: 'ix_outbox_conference', columnNames: ['conference_id', 'created_at'] },
          { name: 'ix_outbox_attendee', columnNames: ['attendee_id'] },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'delivery_attempts',
        columns: [
          idColumn(),
          uuidRef('message_id'),
          int('attempt'),
          instant(runner, 'at', false),
          text('outcome', { length: '16' }),
          text('error', { length: '2000', isNullable: true }),
          int('duration_ms', { default: 0 }),
        ],
        foreignKeys: [
          { columnNames: ['message_id'], referencedTableName: 'outbox_messages', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );
    await runner.createIndex('delivery_attempts', new TableIndex({ name: 'ix_delivery_attempts_message', columnNames: ['message_id', 'attempt'] }));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('delivery_attempts');
    await runner.dropTable('outbox_messages');
  }
}
