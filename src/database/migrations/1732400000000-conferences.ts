import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { bool, createdAt, createIndicesInTurn, idColumn, instant, int, longText, text, updatedAt, uuidRef, version } from '../migration-columns';

/** Conferences, their bridge points (điểm cầu), connection checks, signed links, agenda, speakers, audit. */
export class Conferences1732400000000 implements MigrationInterface {
  name = 'Conferences1732400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'conferences',
        columns: [
          idColumn(),
          text('title', { length: '500' }),
          text('search_key', { length: '500' }),
          text('kind', { length: '16' }),
          text('format', { length: '16' }),
          text('status', { length: '16', default: "'draft'" }),
          longText('description'),
          text('host_organization', { length: '300', isNullable: true }),
          instant(runner, 'starts_at', false),
          instant(runner, 'ends_at', false),
          text('timezone', { length: '64', default: "'Asia/Ho_Chi_Minh'" }),
          text('venue', { length: '500', isNullable: true }),
          text('online_url', { length: '2000', isNullable: true }),
          text('chair_name', { length: '200', isNullable: true }),
          text('chair_title', { length: '300', isNullable: true }),
          text('cancel_reason', { length: '1000', isNullable: true }),
          longText('registration'),
          uuidRef('cloned_from_id', true),
          uuidRef('created_by', true),
          version(),
          int('sequence', { default: 0 }),
          createdAt(runner),
          updatedAt(runner),
        ],
      }),
    );
    await runner.createIndex('conferences', new TableIndex({ name: 'ix_conferences_starts_at', columnNames: ['starts_at'] }));
    await runner.createIndex('conferences', new TableIndex({ name: 'ix_conferences_status', columnNames: ['status'] }));

    await runner.createTable(
      new Table({
        name: 'bridge_points',
        columns: [
          idColumn(),
          uuidRef('conference_id'),
          text('name', { length: '300' }),
          text('search_key', { length: '300' }),
          text('level', { length: '16' }),
          bool('is_main', false),
          text('administrative_unit_set', { length: '8', isNullable: true }),
          text('administrative_unit_code', { length: '8', isNullable: true }),
          text('province_code', { length: '8', isNullable: true }),
          text('region', { length: '100', isNullable: true }),
          uuidRef('parent_id', true),
          text('address', { length: '500', isNullable: true }),
          text('chair_name', { length: '200', isNullable: true }),
          text('chair_title', { length: '300', isNullable: true }),
          text('contact_name', { length: '200', isNullable: true }),
          text('contact_phone', { length: '32', isNullable: true }),
          text('contact_email', { length: '254', isNullable: true }),
          int('expected_attendees', { isNullable: true }),
          int('actual_attendees', { isNullable: true }),
          text('confirmation_status', { length: '16', default: "'pending'" }),
          text('decline_reason', { length: '1000', isNullable: true }),
          instant(runner, 'confirmed_at'),
          text('connection_status', { length: '16', default: "'untested'" }),
          instant(runner, 'connection_checked_at'),
          longText('notes'),
          int('position', { default: 0 }),
          version(),
          createdAt(runner),
          updatedAt(runner),
        ],
        foreignKeys: [
          { columnNames: ['conference_id'], referencedTableName: 'conferences', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );
    await runner.createForeignKey(
      'bridge_points',
      new TableForeignKey({ columnNames: ['parent_id'], referencedTableName: 'bridge_points', referencedColumnNames: ['id'], onDelete: 'SET NULL' }),
    );
    await createIndicesInTurn(runner, 'bridge_points', [
      new TableIndex({
        name: 'uq_bridge_points_unit',
        columnNames: ['conference_id', 'administrative_unit_set', 'administrative_unit_code'],
        isUnique: true,
      }),
      // At most one main bridge point per conference (the service checks there is exactly one to publish).
      new TableIndex({ name: 'uq_bridge_points_main', columnNames: ['conference_id'], isUnique: true, where: 'is_main = true' }),
      new TableIndex({ name: 'ix_bridge_points_conference_province', columnNames: ['conference_id', 'province_code'] }),
      new TableIndex({ name: 'ix_bridge_points_parent', columnNames: ['parent_id'] }),
    ]);

    await runner.createTable(
      new Table({
        name: 'connection_checks',
        columns: [
          idColumn(),
          uuidRef('bridge_point_id'),
          text('result', { length: '16' }),
          text('note', { length: '1000', isNullable: true }),
          instant(runner, 'checked_at', false),
          text('checked_by', { length: '300' }),
        ],
        foreignKeys: [
          { columnNames: ['bridge_point_id'], referencedTableName: 'bridge_points', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
        indices: [{ name: 'ix_connection_checks_point', columnNames: ['bridge_point_id', 'checked_at'] }],
      }),
    );

    await runner.createTable(
      new Table({
        name: 'user_bridge_points',
        columns: [
          { ...uuidRef('user_id'), isPrimary: true },
          { ...uuidRef('bridge_point_id'), isPrimary: true },
        ],
        foreignKeys: [
          { columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['bridge_point_id'], referencedTableName: 'bridge_points', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );

    await runner.createTable(
      new Table({
        name: 'signed_links',
        columns: [
          idColumn(),
          text('token_hash', { length: '64' }),
          text('kind', { length: '16' }),
          uuidRef('conference_id'),
          uuidRef('bridge_point_id', true),
          uuidRef('attendee_id', true),
          instant(runner, 'expires_at', false),
          instant(runner, 'revoked_at'),
          instant(runner, 'last_used_at'),
          uuidRef('created_by', true),
          createdAt(runner),
        ],
        uniques: [{ name: 'uq_signed_links_token_hash', columnNames: ['token_hash'] }],
        foreignKeys: [
          { columnNames: ['conference_id'], referencedTableName: 'conferences', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['bridge_point_id'], referencedTableName: 'bridge_points', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
        indices: [{ name: 'ix_signed_links_bridge_point', columnNames: ['bridge_point_id'] }],
      }),
    );

    await runner.createTable(
      new Table({
        name: 'speakers',
        columns: [
          idColumn(),
          text('full_name', { length: '200' }),
          text('search_key', { length: '600' }),
          text('title', { length: '300', isNullable: true }),
          text('organization', { length: '300', isNullable: true }),
          text('email', { length: '254', isNullable: true }),
          text('phone', { length: '32', isNullable: true }),
          longText('bio'),
          version(),
          createdAt(runner),
          updatedAt(runner),
        ],
      }),
    );

    await runner.createTable(
      new Table({
        name: 'agenda_items',
        columns: [
          idColumn(),
          uuidRef('conference_id'),
          instant(runner, 'starts_at', false),
          instant(runner, 'ends_at', false),
          text('title', { length: '500' }),
          text('kind', { length: '16' }),
          longText('description'),
          uuidRef('bridge_point_id', true),
          int('position', { default: 0 }),
          version(),
          createdAt(runner),
          updatedAt(runner),
        ],
        foreignKeys: [
          { columnNames: ['conference_id'], referencedTableName: 'conferences', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['bridge_point_id'], referencedTableName: 'bridge_points', referencedColumnNames: ['id'], onDelete: 'SET NULL' },
        ],
        indices: [{ name: 'ix_agenda_items_conference', columnNames: ['conference_id', 'starts_at'] }],
      }),
    );

    await runner.createTable(
      new Table({
        name: 'agenda_item_speakers',
        columns: [
          { ...uuidRef('agenda_item_id'), isPrimary: true },
          { ...uuidRef('speaker_id'), isPrimary: true },
          int('position', { default: 0 }),
        ],
        foreignKeys: [
          { columnNames: ['agenda_item_id'], referencedTableName: 'agenda_items', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['speaker_id'], referencedTableName: 'speakers', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
        indices: [{ name: 'ix_agenda_item_speakers_speaker', columnNames: ['speaker_id'] }],
      }),
    );

    await runner.createTable(
      new Table({
        name: 'audit_entries',
        columns: [
          idColumn(),
          uuidRef('conference_id', true),
          text('entity_type', { length: '32' }),
          uuidRef('entity_id'),
          text('action', { length: '32' }),
          text('actor', { length: '300' }),
          uuidRef('actor_id', true),
          instant(runner, 'at', false),
          longText('before'),
          longText('after'),
        ],
        indices: [{ name: 'ix_audit_entries_conference', columnNames: ['conference_id', 'at'] }],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'audit_entries',
      'agenda_item_speakers',
      'agenda_items',
      'speakers',
      'signed_links',
      'user_bridge_points',
      'connection_checks',
      'bridge_points',
      'conferences',
    ]) {
      await runner.dropTable(table);
    }
  }
}
