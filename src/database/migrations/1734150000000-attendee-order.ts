import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * Delegate lists are ordered by name (search_key, then id) within a conference: with this index a
 * page of a 30,000-delegate conference reads its rows in order instead of sorting them all.
 */
export class AttendeeOrder1734150000000 implements MigrationInterface {
  name = 'AttendeeOrder1734150000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createIndex('attendees', new TableIndex({ name: 'ix_attendees_conference_name', columnNames: ['conference_id', 'search_key', 'id'] }));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropIndex('attendees', 'ix_attendees_conference_name');
  }
}
