import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { instant } from '../migration-columns';

/** A running import's sign of life, so another instance can tell a live job from one cut off by a crash. */
export class ImportHeartbeat1732900000000 implements MigrationInterface {
  name = 'ImportHeartbeat1732900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumn('import_jobs', new TableColumn(instant(runner, 'heartbeat_at')));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropColumn('import_jobs', 'heartbeat_at');
  }
}
