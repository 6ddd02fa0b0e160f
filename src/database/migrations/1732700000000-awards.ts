import { MigrationInterface, QueryRunner } from 'typeorm';

/** Award decisions (quyết định khen thưởng) and their recipients. */
export class Awards1732700000000 implements MigrationInterface {
  name = 'Awards1732700000000';

  async up(_runner: QueryRunner): Promise<void> {}

  async down(_runner: QueryRunner): Promise<void> {}
}
