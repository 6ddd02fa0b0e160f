import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One change to a conference or a bridge point: who, what, when, before and after. */
@Entity('audit_entries')
export class AuditEntry {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  conferenceId!: string | null;

  /** conference | bridge_point | agenda_item | attendee | award_decision | award_recipient | minutes | action_item */
  @Column({ type: 'varchar', length: 32 })
  entityType!: string;

  @Column({ type: 'varchar', length: 36 })
  entityId!: string;

  /** create, update, delete, publish, confirm, … */
  @Column({ type: 'varchar', length: 32 })
  action!: string;

  /** The user's email, or `link:<id>` for someone acting through a signed link. */
  @Column({ type: 'varchar', length: 300 })
  actor!: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  actorId!: string | null;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'simple-json', nullable: true })
  before!: Record<string, unknown> | null;

  @Column({ type: 'simple-json', nullable: true })
  after!: Record<string, unknown> | null;
}
