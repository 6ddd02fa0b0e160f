import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * `registration_confirmation`: the link that confirms a self-registration; `registration_exists`: "you are already on the list";
 * `certificate`: a training certificate with its verification link; `material_notice`: new conference materials, with the
 * recipient's link (one mail covers every material added until it goes); `material_reminder`: a material not fetched yet.
 */
export const MESSAGE_KINDS = [
  'invitation',
  'update',
  'cancellation',
  'reminder',
  'bridge_point_link',
  'registration_confirmation',
  'registration_exists',
  'certificate',
  'material_notice',
  'material_reminder',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'failed', 'skipped'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One email to send, written in the same transaction as the change that causes it. */
@Entity('outbox_messages')
export class OutboxMessage {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  conferenceId!: string | null;

  @Column({ type: 'varchar', length: 32 })
  kind!: MessageKind;

  @Column({ type: 'varchar', length: 254 })
  recipient!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  recipientName!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  attendeeId!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  bridgePointId!: string | null;

  /** e.g. `invitation:<attendeeId>:<sequence>`: queueing the same thing twice sends it once. */
  @Column({ type: 'varchar', length: 200 })
  idempotencyKey!: string;

  /** What the composer needs beyond the rows it reads at sending time (e.g. a link's token). */
  @Column({ type: 'simple-json', nullable: true })
  payload!: Record<string, unknown> | null;

  /** `skipped`: superseded before it was sent (e.g. an update made stale by a newer one). */
  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: DeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  lastError!: string | null;

  @Column({ type: 'timestamptz' })
  nextAttemptAt!: Date;

  /** While `sending`: the claim expires then, so a crashed sender's rows are picked up again. */
  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  messageId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
