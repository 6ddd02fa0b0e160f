import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const ATTENDEE_ROLES = ['delegate', 'guest', 'speaker', 'chair', 'organizer', 'press'] as const;
export type AttendeeRole = (typeof ATTENDEE_ROLES)[number];
/**
 * `added`: on the list, no invitation sent yet; `invited`: an invitation was sent; `waitlisted`:
 * self-registered past capacity, promoted in order when a place frees up; `substituted`: sent a
 * substitute (người đi thay), who is an attendee of their own.
 */
export const ATTENDEE_STATUSES = [
  'added',
  'invited',
  'registered',
  'waitlisted',
  'accepted',
  'declined',
  'cancelled',
  'attended',
  'substituted',
] as const;
export type AttendeeStatus = (typeof ATTENDEE_STATUSES)[number];
export const ATTENDEE_SOURCES = ['manual', 'import', 'self'] as const;
export type AttendeeSource = (typeof ATTENDEE_SOURCES)[number];

/** đại biểu / khách mời / báo cáo viên: one person invited to a conference, at one bridge point. */
@Entity('attendees')
export class Attendee {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  conferenceId!: string;

  @Column({ type: 'varchar', length: 36 })
  bridgePointId!: string;

  @Column({ type: 'varchar', length: 200 })
  fullName!: string;

  /** chức vụ */
  @Column({ type: 'varchar', length: 300, nullable: true })
  title!: string | null;

  /** đơn vị */
  @Column({ type: 'varchar', length: 300, nullable: true })
  organization!: string | null;

  /** Lower-case, unique per conference. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  /** +84… (see common/phone.ts). */
  @Column({ type: 'varchar', length: 32, nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'delegate' })
  role!: AttendeeRole;

  @Column({ type: 'varchar', length: 16, default: 'added' })
  status!: AttendeeStatus;

  @Column({ type: 'varchar', length: 16, default: 'manual' })
  source!: AttendeeSource;

  /** A short code read out or scanned at check-in, unique per conference. */
  @Column({ type: 'varchar', length: 12 })
  code!: string;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  declineReason!: string | null;

  @Column({ type: 'integer', nullable: true })
  waitlistPosition!: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  invitedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  respondedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  checkedInAt!: Date | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  checkedInBy!: string | null;

  /** Name, title and organization without diacritics. */
  @Column({ type: 'varchar', length: 900 })
  searchKey!: string;

  /** The person this attendee stands in for (a substitute, người đi thay); null for everyone else. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  substituteForId!: string | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
