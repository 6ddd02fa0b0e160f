import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** valid (còn hiệu lực) or revoked (đã thu hồi, with the reason). */
export const CERTIFICATE_STATUSES = ['valid', 'revoked'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/**
 * Giấy chứng nhận hoàn thành khóa học: one per attendee and conference. `number` comes from the
 * issuing office's register (sổ cấp) and is never reused, also after a revocation; `code` is the
 * public verification code (`/verify/:code`).
 */
@Entity('certificates')
export class Certificate {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  conferenceId!: string;

  @Column({ type: 'varchar', length: 36 })
  attendeeId!: string;

  /** The attendee's name as it was when the certificate was issued. */
  @Column({ type: 'varchar', length: 200 })
  holderName!: string;

  /** The printed number, e.g. "12/2026/GCN". */
  @Column({ type: 'varchar', length: 40 })
  number!: string;

  /** The place in the office's register for the year (1, 2, …). */
  @Column({ type: 'integer' })
  serial!: number;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'varchar', length: 20 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  issuerOffice!: string;

  @Column({ type: 'varchar', length: 200 })
  signerName!: string;

  @Column({ type: 'varchar', length: 200 })
  signerTitle!: string;

  /** Địa danh of the place-and-date line ("Hà Tĩnh"). */
  @Column({ type: 'varchar', length: 100 })
  place!: string;

  @Column({ type: 'timestamptz' })
  issuedAt!: Date;

  @Column({ type: 'varchar', length: 16 })
  status!: CertificateStatus;

  @Column({ type: 'varchar', length: 500, nullable: true })
  revokedReason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** Sổ cấp giấy chứng nhận: the last number an office gave in a year. */
@Entity('certificate_registers')
export class CertificateRegister {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  office!: string;

  @PrimaryColumn({ type: 'integer' })
  year!: number;

  @Column({ type: 'integer' })
  lastNumber!: number;
}
