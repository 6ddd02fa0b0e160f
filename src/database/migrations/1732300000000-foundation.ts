import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import {
  bool,
  createdAt,
  idColumn,
  int,
  text,
  updatedAt,
  version,
} from '../migration-columns';

export class Foundation1732300000000 implements MigrationInterface {
  name = 'Foundation1732300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'users',
        columns: [
          idColumn(),
          text('email', { length: '254' }),
          text('password_hash', { length: '255' }),
          text('full_name', { length: '200' }),
          text('role', { length: '16' }),
          text('administrative_unit_code', { length: '8', isNullable: true }),
          bool('active', true),
          version(),
          createdAt(runner),
          updatedAt(runner),
        ],
        uniques: [{ name: 'uq_users_email', columnNames: ['email'] }],
      }),
    );

    await runner.createTable(
      new Table({
        name: 'administrative_units',
        columns: [
          text('unit_set', { length: '8', isPrimary: true }),
          text('code', { length: '8', isPrimary: true }),
          text('name', { length: '200' }),
          text('level', { length: '16' }),
          text('type', { length: '16' }),
          text('region', { length: '100', isNullable: true }),
          text('parent_code', { length: '8', isNullable: true }),
          text('successor_code', { length: '8', isNullable: true }),
          text('merged_from', { length: '200', isNullable: true }),
          text('search_key', { length: '200' }),
        ],
      }),
    );
    await runner.createIndex(
      'administrative_units',
      new TableIndex({ name: 'ix_administrative_units_set_level_parent', columnNames: ['unit_set', 'level', 'parent_code'] }),
    );

    await runner.createTable(
      new Table({
        name: 'award_forms',
        columns: [
          text('code', { length: '64', isPrimary: true }),
          text('name', { length: '200' }),
          text('kind', { length: '16' }),
          text('level', { length: '16' }),
          text('issuing_authority', { length: '200' }),
          text('decision_suffix', { length: '16' }),
          text('recipient_kinds', { length: '32' }),
          int('rank', { default: 100 }),
          bool('custom', false),
          createdAt(runner),
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('award_forms');
    await runner.dropTable('administrative_units');
    await runner.dropTable('users');
  }
}
