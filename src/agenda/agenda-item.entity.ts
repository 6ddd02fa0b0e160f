import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const AGENDA_ITEM_KINDS = [
  'opening',
  'report',
  'presentation',
  'discussion',
  'directive',
  'conclusion',
  'award_ceremony',
  'closing',
  'break',
] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

/** One item of a conference's programme (chương trình). */
@Entity('agenda_items')
export class AgendaItem {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  conferenceId!: string;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'timestamptz' })
  endsAt!: Date;

  @Column({ type: 'varchar', length: 500 })
  title!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: AgendaItemKind;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  /** The bridge point it is presented from (null: the main hall). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  bridgePointId!: string | null;

  @Column({ type: 'integer', default: 0 })
  position!: number;

  /** A session (buổi học, chuyên đề) of a training event: attendance is taken for it and counts toward completion. */
  @Column({ type: 'boolean', default: false })
  attendanceRequired!: boolean;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
