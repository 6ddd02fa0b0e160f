import { MigrationInterface, QueryRunner } from 'typeorm';

/** Minutes (biên bản) with their revisions, action items (nhiệm vụ) and conclusion notices. */
export class Minutes1732800000000 implements MigrationInterface {
  name = 'Minutes1732800000000';

  async up(_runner: QueryRunner): Promise<void> {}

  async down(_runner: QueryRunner): Promise<void> {}
}
