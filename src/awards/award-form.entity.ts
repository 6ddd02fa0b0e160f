import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const AWARD_FORM_KINDS = ['order', 'title', 'flag', 'certificate'] as const;
export const AWARD_FORM_LEVELS = ['state', 'ministry', 'province', 'commune', 'unit'] as const;

/** hình thức khen thưởng: e.g. Bằng khen của Thủ tướng Chính phủ, Giấy khen. */
@Entity('award_forms')
export class AwardForm {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** order (huân chương), title (danh hiệu), flag (cờ thi đua), certificate (bằng khen, giấy khen). */
  @Column({ type: 'varchar', length: 16 })
  kind!: (typeof AWARD_FORM_KINDS)[number];

  @Column({ type: 'varchar', length: 16 })
  level!: (typeof AWARD_FORM_LEVELS)[number];

  @Column({ type: 'varchar', length: 200 })
  issuingAuthority!: string;

  /** The usual suffix of its decision number: "TTg" in 123/QĐ-TTg. */
  @Column({ type: 'varchar', length: 16 })
  decisionSuffix!: string;

  /** `individual`, `collective` or both, `;`-separated. */
  @Column({ type: 'varchar', length: 32 })
  recipientKinds!: string;

  /** Orders the catalogue from the highest award down. */
  @Column({ type: 'integer', default: 100 })
  rank!: number;

  /** Added by an organizer rather than seeded from the catalogue. */
  @Column({ type: 'boolean', default: false })
  custom!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
