import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { MinutesSections } from './minutes-sections';

export const REVISION_REASONS = ['draft', 'edit', 'reopen'] as const;
export type RevisionReason = (typeof REVISION_REASONS)[number];

/** One saved state of the minutes: who saved it, when, and the full content. Never changed. */
@Entity('minutes_revisions')
export class MinutesRevision {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  minutesId!: string;

  @Column({ type: 'integer' })
  chain!: number;

  @Column({ type: 'integer' })
  revision!: number;

  @Column({ type: 'varchar', length: 32 })
  reason!: RevisionReason;

  @Column({ type: 'varchar', length: 64, nullable: true })
  number!: string | null;

  @Column({ type: 'simple-json' })
  sections!: MinutesSections;

  @Column({ type: 'varchar', length: 36, nullable: true })
  authorId!: string | null;

  @Column({ type: 'varchar', length: 300 })
  author!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
