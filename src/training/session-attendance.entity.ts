import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** present (có mặt), late (đi muộn), excused (vắng có phép), absent (vắng). */
export const SESSION_ATTENDANCE_STATUSES = ['present', 'late', 'excused', 'absent'] as const;
export type SessionAttendanceStatus = (typeof SESSION_ATTENDANCE_STATUSES)[number];

/** self_code: the person entered the code shown in the hall; roll_call: an organizer or operator marked them; import: a paper sign-in sheet. */
export const SESSION_ATTENDANCE_METHODS = ['self_code', 'roll_call', 'import'] as const;
export type SessionAttendanceMethod = (typeof SESSION_ATTENDANCE_METHODS)[number];

/** điểm danh: one person's attendance of one session (an agenda item with attendanceRequired). No row: not marked yet. */
@Entity('session_attendances')
export class SessionAttendance {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  conferenceId!: string;

  @Column({ type: 'varchar', length: 36 })
  agendaItemId!: string;

  @Column({ type: 'varchar', length: 36 })
  attendeeId!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: SessionAttendanceStatus;

  /** When the status was recorded (for a code or a roll call: when the person was there). */
  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'varchar', length: 16 })
  method!: SessionAttendanceMethod;

  /** Who recorded it: a user's email, or `link:<id>` for a person's own RSVP link. */
  @Column({ type: 'varchar', length: 300 })
  markedBy!: string;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
