import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { ImportRowError } from '../common/import-rows';

export const IMPORT_JOB_STATUSES = ['running', 'done', 'failed'] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];

/** What an import job keeps besides its counts. */
export interface ImportJobReport {
  dryRun: boolean;
  atomic: boolean;
  unchanged: number;
  errors: ImportRowError[];
  /** Why the whole job failed, when it did. */
  message?: string;
}

/** One upload of a delegate list (CSV or XLSX): its progress while it runs, then its report. */
@Entity('import_jobs')
export class ImportJob {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  conferenceId!: string;

  /** What is imported; `attendees` for now. */
  @Column({ type: 'varchar', length: 32 })
  kind!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: ImportJobStatus;

  @Column({ type: 'varchar', length: 300, nullable: true })
  fileName!: string | null;

  @Column({ type: 'integer', default: 0 })
  totalRows!: number;

  @Column({ type: 'integer', default: 0 })
  processedRows!: number;

  @Column({ type: 'integer', default: 0 })
  created!: number;

  @Column({ type: 'integer', default: 0 })
  updated!: number;

  @Column({ type: 'integer', default: 0 })
  rejected!: number;

  @Column({ type: 'simple-json', nullable: true })
  report!: ImportJobReport | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  /** Written every few seconds by the instance running the job (PostgreSQL; on SQLite one process owns the file). */
  @Column({ type: 'timestamptz', nullable: true })
  heartbeatAt!: Date | null;
}
