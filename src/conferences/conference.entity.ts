import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const CONFERENCE_KINDS = ['review', 'training', 'thematic', 'launch', 'other'] as const;
export type ConferenceKind = (typeof CONFERENCE_KINDS)[number];
export const CONFERENCE_FORMATS = ['in_person', 'online', 'hybrid'] as const;
export type ConferenceFormat = (typeof CONFERENCE_FORMATS)[number];
export const CONFERENCE_STATUSES = ['draft', 'published', 'ongoing', 'completed', 'cancelled'] as const;
export type ConferenceStatus = (typeof CONFERENCE_STATUSES)[number];

/** Self-registration settings (đăng ký tham dự); the delegates module enforces them. */
export interface RegistrationSettings {
  enabled: boolean;
  opensAt: string | null;
  closesAt: string | null;
  capacity: number | null;
}

/**
 * When an attendee has completed a training (hoàn thành khóa học): the least share of the
 * sessions attended, and whether the evaluation form must be submitted. src/training/completion.ts applies it.
 */
export interface CompletionRule {
  minAttendancePercent: number;
  requireEvaluation: boolean;
}

/** hội nghị */
@Entity('conferences')
export class Conference {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 500 })
  title!: string;

  @Column({ type: 'varchar', length: 500 })
  searchKey!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: ConferenceKind;

  @Column({ type: 'varchar', length: 16 })
  format!: ConferenceFormat;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status!: ConferenceStatus;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  hostOrganization!: string | null;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'timestamptz' })
  endsAt!: Date;

  @Column({ type: 'varchar', length: 64, default: 'Asia/Ho_Chi_Minh' })
  timezone!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  venue!: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  onlineUrl!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  chairName!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  chairTitle!: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  cancelReason!: string | null;

  @Column({ type: 'simple-json', nullable: true })
  registration!: RegistrationSettings | null;

  /** null: the default rule (100 %, no evaluation required). */
  @Column({ type: 'simple-json', nullable: true })
  completionRule!: CompletionRule | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  clonedFromId!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  createdBy!: string | null;

  /** Bumped on every update; a stale one answers 409. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  /** The calendar revision (iCalendar SEQUENCE): bumped when time, place or link change, and on cancel. */
  @Column({ type: 'integer', default: 0 })
  sequence!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
