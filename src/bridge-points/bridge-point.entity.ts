import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UnitSet } from '../administrative-units/administrative-unit.entity';

export const BRIDGE_POINT_LEVELS = ['central', 'provincial', 'commune', 'other'] as const;
export type BridgePointLevel = (typeof BRIDGE_POINT_LEVELS)[number];
export const CONFIRMATION_STATUSES = ['pending', 'confirmed', 'declined'] as const;
export type ConfirmationStatus = (typeof CONFIRMATION_STATUSES)[number];
export const CONNECTION_RESULTS = ['ok', 'failed', 'degraded'] as const;
export type ConnectionResult = (typeof CONNECTION_RESULTS)[number];
export const CONNECTION_STATUSES = ['untested', ...CONNECTION_RESULTS] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

/** điểm cầu: one place connected to a conference (the main hall, a province, a commune). */
@Entity('bridge_points')
export class BridgePoint {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  conferenceId!: string;

  @Column({ type: 'varchar', length: 300 })
  name!: string;

  @Column({ type: 'varchar', length: 300 })
  searchKey!: string;

  @Column({ type: 'varchar', length: 16 })
  level!: BridgePointLevel;

  /** The main bridge point (điểm cầu chính), where the presiding chair sits; one per conference. */
  @Column({ type: 'boolean', default: false })
  isMain!: boolean;

  @Column({ type: 'varchar', length: 8, nullable: true })
  administrativeUnitSet!: UnitSet | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  administrativeUnitCode!: string | null;

  /** The province it counts under (its own code, or its commune's province), for summaries and scopes. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  provinceCode!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  region!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  parentId!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  address!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  chairName!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  chairTitle!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  contactName!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  contactPhone!: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  contactEmail!: string | null;

  @Column({ type: 'integer', nullable: true })
  expectedAttendees!: number | null;

  /** The headcount the point's operator reported (null until one is reported). */
  @Column({ type: 'integer', nullable: true })
  reportedAttendees!: number | null;

  /** How many of the point's delegates are checked in; kept by check-ins, never by a report. */
  @Column({ type: 'integer', default: 0 })
  checkedInAttendees!: number;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  confirmationStatus!: ConfirmationStatus;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  declineReason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;

  /** The result of the latest connection check. */
  @Column({ type: 'varchar', length: 16, default: 'untested' })
  connectionStatus!: ConnectionStatus;

  @Column({ type: 'timestamptz', nullable: true })
  connectionCheckedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  /** Self-registration places at this point (null: no limit of its own). */
  @Column({ type: 'integer', nullable: true })
  capacity!: number | null;

  @Column({ type: 'integer', default: 0 })
  position!: number;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
