import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { NoticeSections } from './conclusion-notice-sections';

/** thông báo kết luận: drafted from the approved minutes, edited, exported. One per conference. */
@Entity('conclusion_notices')
export class ConclusionNotice {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  conferenceId!: string;

  @Column({ type: 'varchar', length: 36 })
  minutesId!: string;

  /** "20/TB-BDVTW" (null while the serial is not given). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  number!: string | null;

  @Column({ type: 'simple-json' })
  sections!: NoticeSections;

  @Column({ type: 'varchar', length: 36, nullable: true })
  createdBy!: string | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
