import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One try at sending an outbox message: the delivery log. */
@Entity('delivery_attempts')
export class DeliveryAttempt {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  messageId!: string;

  @Column({ type: 'integer' })
  attempt!: number;

  @Column({ type: 'timestamptz' })
  at!: Date;

  /** sent | failed | skipped */
  @Column({ type: 'varchar', length: 16 })
  outcome!: string;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  error!: string | null;

  @Column({ type: 'integer', default: 0 })
  durationMs!: number;
}
