import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** quyết định khen thưởng: one signed decision of a conference, awarding one form to its recipients. */
@Entity('award_decisions')
export class AwardDecision {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  conferenceId!: string;

  /** Số quyết định as written: "123/QĐ-TTg" (NFC). */
  @Column({ type: 'varchar', length: 64 })
  number!: string;

  /** The number compared for uniqueness: "01/QĐ-TTg" and "1/qd-ttg" are one decision. */
  @Column({ type: 'varchar', length: 64 })
  numberKey!: string;

  /** Ngày ký, an ISO date (YYYY-MM-DD): a decision is signed on a day, not at an instant. */
  @Column({ type: 'varchar', length: 10 })
  signedAt!: string;

  @Column({ type: 'varchar', length: 300 })
  issuingAuthority!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  signerName!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  signerTitle!: string | null;

  @Column({ type: 'varchar', length: 64 })
  awardFormCode!: string;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
