import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ConnectionResult } from './bridge-point.entity';

/** One test of a bridge point's line: the latest one is the point's connection state. */
@Entity('connection_checks')
export class ConnectionCheck {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  bridgePointId!: string;

  @Column({ type: 'varchar', length: 16 })
  result!: ConnectionResult;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note!: string | null;

  @Column({ type: 'timestamptz' })
  checkedAt!: Date;

  /** The user's email, or `link:<id>`. */
  @Column({ type: 'varchar', length: 300 })
  checkedBy!: string;
}
