import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A self-registration waiting for its confirmation (tự đăng ký chờ xác nhận): what the person
 * submitted, kept until they open the link mailed to the address they gave. It holds no place;
 * confirming it creates the attendee, once.
 */
@Entity('registration_requests')
export class RegistrationRequest {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  conferenceId!: string;

  @Column({ type: 'varchar', length: 36 })
  bridgePointId!: string;

  @Column({ type: 'varchar', length: 200 })
  fullName!: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  title!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  organization!: string | null;

  /** Lower case, as the attendee's will be. */
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone!: string | null;

  /** SHA-256 of the token the confirmation mail carries, hex; null until that mail is written. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  tokenHash!: string | null;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;

  /** The attendee the confirmation created (kept when that attendee is removed later). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  attendeeId!: string | null;

  /** By the app's clock, as the hourly count of mails per address reads it. */
  @Column({ type: 'timestamptz' })
  createdAt!: Date;
}
