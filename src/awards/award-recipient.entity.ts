import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const RECIPIENT_KINDS = ['individual', 'collective'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

/** người/tập thể được khen: one person or collective named in an award decision. */
@Entity('award_recipients')
export class AwardRecipient {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  decisionId!: string;

  /** The decision's conference, kept here so a conference's recipients are one indexed read. */
  @Column({ type: 'varchar', length: 36 })
  conferenceId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: RecipientKind;

  /** The person's full name, or the collective's name. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  name!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  title!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  organization!: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  administrativeUnitCode!: string | null;

  /** Thành tích: what the award is for. */
  @Column({ type: 'text', nullable: true })
  achievement!: string | null;

  /** Order of presentation within the decision. */
  @Column({ type: 'integer', default: 0 })
  position!: number;

  @Column({ type: 'varchar', length: 36, nullable: true })
  agendaItemId!: string | null;

  /** Where it is handed over (often a provincial bridge point). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  bridgePointId!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  presenterName!: string | null;

  /** kind + name + organization without diacritics: how an import recognises a recipient already there. */
  @Column({ type: 'varchar', length: 700 })
  searchKey!: string;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
