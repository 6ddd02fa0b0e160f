import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Role } from './role';

@Entity('users')
export class User {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** Stored lower-case, so it is unique ignoring case. */
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  /** `scrypt$N$r$p$salt$hash`; the password itself is never stored. */
  @Column({ type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 200 })
  fullName!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: Role;

  /** An operator's scope: a province or commune code (vn-34). Bridge-point scopes come with bridge points. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  administrativeUnitCode!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Raised to end every token issued before: a password change, deactivation, or signing out. */
  @Column({ type: 'integer', default: 0 })
  tokenVersion!: number;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
