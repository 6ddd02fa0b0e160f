import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type SignedLinkKind = 'bridge_point' | 'attendee' | 'calendar';

/** A link that lets someone without an account act for exactly one bridge point or attendee. */
@Entity('signed_links')
export class SignedLink {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** SHA-256 of the token, hex; the token itself is never stored. */
  @Column({ type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: SignedLinkKind;

  @Column({ type: 'varchar', length: 36 })
  conferenceId!: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  bridgePointId!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  attendeeId!: string | null;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
