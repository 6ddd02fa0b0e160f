import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { createdAt, createIndicesInTurn, idColumn, instant, int, text, uuidRef } from '../migration-columns';

/**
 * Certificates (giấy chứng nhận) of a training and the issuing offices' registers (sổ cấp): one
 * row per office and year holding the last number given, locked and raised in the transaction
 * that issues, so numbers are serial and never given twice. One certificate per attendee and
 * conference; verification codes are unique.
 */
export class Certificates1733900000000 implements MigrationInterface {
  name = 'Certificates1733900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'certificate_registers',
        columns: [
          { ...text('office', { length: '200' }), isPrimary: true },
          { ...int('year'), isPrimary: true },
          int('last_number'),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'certificates',
        columns: [
          idColumn(),
          uuidRef('conference_id'),
          uuidRef('attendee_id'),
          text('holder_name', { length: '200' }),
          text('number', { length: '40' }),
          int('serial'),
          int('year'),
          text('code', { length: '20' }),
          text('issuer_office', { length: '200' }),
          text('signer_name', { length: '200' }),
          text('signer_title', { length: '200' }),
          text('place', { length: '100' }),
          instant(runner, 'issued_at', false),
          text('status', { length: '16' }),
          text('revoked_reason', { length: '500', isNullable: true }),
          instant(runner, 'revoked_at'),
          createdAt(runner),
        ],
        foreignKeys: [
          { columnNames: ['conference_id'], referencedTableName: 'conferences', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['attendee_id'], referencedTableName: 'attendees', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );
    await createIndicesInTurn(runner, 'certificates', [
      new TableIndex({ name: 'uq_certificates_conference_attendee', columnNames: ['conference_id', 'attendee_id'], isUnique: true }),
      new TableIndex({ name: 'uq_certificates_code', columnNames: ['code'], isUnique: true }),
      new TableIndex({ name: 'uq_certificates_office_year_serial', columnNames: ['issuer_office', 'year', 'serial'], isUnique: true }),
    ]);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('certificates');
    await runner.dropTable('certificate_registers');
  }
}
