import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Who a material is for: every link holder, bridge points only, or delegates only. */
export const MATERIAL_AUDIENCES = ['all', 'bridge_points', 'attendees'] as const;
export type MaterialAudience = (typeof MATERIAL_AUDIENCES)[number];

/**
 * Tài liệu hội nghị: a file sent to the bridge points and delegates of a conference (báo cáo, dự
 * thảo nghị quyết, chuyên đề, slides). The bytes live in the material storage under `storageKey`.
 */
@Entity('materials')
export class Material {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  conferenceId!: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  agendaItemId!: string | null;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  /** The name it is downloaded under (the uploaded name, NFC, with the extension of its type). */
  @Column({ type: 'varchar', length: 300 })
  fileName!: string;

  /** Found from the content, not the name. */
  @Column({ type: 'varchar', length: 100 })
  contentType!: string;

  @Column({ type: 'integer' })
  size!: number;

  /** SHA-256 of the bytes, hex; also the download's ETag. */
  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  @Column({ type: 'varchar', length: 16 })
  audience!: MaterialAudience;

  @Column({ type: 'varchar', length: 200 })
  storageKey!: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** One download of a material through a signed link: a bridge point's or a delegate's. */
@Entity('material_downloads')
export class MaterialDownload {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  conferenceId!: string;

  @Column({ type: 'varchar', length: 36 })
  materialId!: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  bridgePointId!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  attendeeId!: string | null;

  @Column({ type: 'varchar', length: 36 })
  linkId!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
