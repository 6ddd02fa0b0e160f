import { Column, Entity, PrimaryColumn } from 'typeorm';

export const UNIT_SETS = ['vn-63', 'vn-34'] as const;
export type UnitSet = (typeof UNIT_SETS)[number];
export const UNIT_LEVELS = ['province', 'commune'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];
/** province | city (centrally-run) for a province; commune | ward | special_zone for a commune. */
export type UnitType = 'province' | 'city' | 'commune' | 'ward' | 'special_zone';

/** đơn vị hành chính: a province or commune of one catalogue (vn-63 before 2025-07-01, vn-34 since). */
@Entity('administrative_units')
export class AdministrativeUnit {
  /** Column `unit_set`: SET is an SQL keyword. */
  @PrimaryColumn({ name: 'unit_set', type: 'varchar', length: 8 })
  set!: UnitSet;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  level!: UnitLevel;

  @Column({ type: 'varchar', length: 16 })
  type!: UnitType;

  @Column({ type: 'varchar', length: 100, nullable: true })
  region!: string | null;

  /** A commune's province (same set). */
  @Column({ type: 'varchar', length: 8, nullable: true })
  parentCode!: string | null;

  /** In vn-63: the vn-34 province it became on 2025-07-01. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  successorCode!: string | null;

  /** In vn-34: the vn-63 codes it was formed from, `;`-separated. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  mergedFrom!: string | null;

  /** The name without diacritics, lower-case (see common/text.ts). */
  @Column({ type: 'varchar', length: 200 })
  searchKey!: string;
}
