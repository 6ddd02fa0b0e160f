import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { MinutesSections } from './minutes-sections';

export const MINUTES_STATUSES = ['draft', 'approved'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];

/** biên bản hội nghị: one per conference; a draft is edited, an approved one is locked by its hash. */
@Entity('minutes')
export class Minutes {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  conferenceId!: string;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status!: MinutesStatus;

  /** "15/BB-BDVTW", kept in step with the header section (null while the serial is not given). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  number!: string | null;

  @Column({ type: 'simple-json' })
  sections!: MinutesSections;

  /** Revision chain: 1 for the first draft, bumped by every reopen. */
  @Column({ type: 'integer', default: 1 })
  chain!: number;

  /** The latest revision number within the chain. */
  @Column({ type: 'integer', default: 1 })
  revision!: number;

  /** SHA-256 (hex) of the canonical content, set on approval (see minutes-hash.ts). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  contentHash!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  approvedBy!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  approvedByName!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  createdBy!: string | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
