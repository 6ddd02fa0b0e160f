import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { createdAt, createIndicesInTurn, idColumn, instant, text, uuidRef } from '../migration-columns';

/**
 * Self-registrations waiting for the confirmation mailed to the address they gave: the submitted
 * fields, the hash of the mailed token, its expiry, and once confirmed, when and which attendee.
 */
export class RegistrationRequests1733500000000 implements MigrationInterface {
  name = 'RegistrationRequests1733500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'registration_requests',
        columns: [
          idColumn(),
          uuidRef('conference_id'),
          uuidRef('bridge_point_id'),
          text('full_name', { length: '200' }),
          text('title', { length: '300', isNullable: true }),
          text('organization', { length: '300', isNullable: true }),
          text('email', { length: '254' }),
          text('phone', { length: '32', isNullable: true }),
          text('token_hash', { length: '64', isNullable: true }),
          instant(runner, 'expires_at', false),
          instant(runner, 'confirmed_at'),
          // No foreign key: the request remembers its attendee after an organizer removed them.
          uuidRef('attendee_id', true),
          createdAt(runner),
        ],
        foreignKeys: [
          { columnNames: ['conference_id'], referencedTableName: 'conferences', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['bridge_point_id'], referencedTableName: 'bridge_points', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );
    await createIndicesInTurn(runner, 'registration_requests', [
      // NULLs (mail not written yet) do not collide.
      new TableIndex({ name: 'uq_registration_requests_token', columnNames: ['token_hash'], isUnique: true }),
      new TableIndex({ name: 'ix_registration_requests_email', columnNames: ['conference_id', 'email', 'created_at'] }),
      new TableIndex({ name: 'ix_registration_requests_point', columnNames: ['bridge_point_id'] }),
    ]);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('registration_requests');
  }
}
