import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UnitSet } from '../administrative-units/administrative-unit.entity';

export const ACTION_ITEM_STATUSES = ['open', 'in_progress', 'done'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

/** nhiệm vụ: a task the conference assigned to a unit, with a deadline. */
@Entity('action_items')
export class ActionItem {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  conferenceId!: string;

  @Column({ type: 'text' })
  description!: string;

  /** The unit responsible, as written in the minutes ("Tỉnh ủy Bắc Giang", "Các ban, bộ, ngành"). */
  @Column({ type: 'varchar', length: 300 })
  assignee!: string;

  @Column({ type: 'varchar', length: 300 })
  assigneeSearchKey!: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  assigneeBridgePointId!: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  assigneeAdministrativeUnitSet!: UnitSet | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  assigneeAdministrativeUnitCode!: string | null;

  /** YYYY-MM-DD, a day in the conference's time zone. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  deadline!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status!: ActionItemStatus;

  /** What the assignee reports about the work (kết quả thực hiện), written as progress is made. */
  @Column({ type: 'text', nullable: true })
  progressNote!: string | null;

  @Column({ type: 'integer', default: 0 })
  position!: number;

  @Column({ type: 'timestamptz', nullable: true })
  doneAt!: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  createdBy!: string | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
