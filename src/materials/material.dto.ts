import { ApiProperty } from '@nestjs/swagger';
import { Material, MATERIAL_AUDIENCES, MaterialAudience } from './material.entity';

export class MaterialResponseDto {
  @ApiProperty({ format: 'uuid', description: 'UUID of the material' }) id!: string;
  @ApiProperty({ example: 'Báo cáo sơ kết công tác dân vận 6 tháng đầu năm', description: 'the title (tên tài liệu)' }) title!: string;
  @ApiProperty({ example: 'Báo cáo sơ kết.pdf', description: 'the name it downloads under' }) fileName!: string;
  @ApiProperty({ example: 'application/pdf', description: 'the type found from the content (PDF, DOCX, XLSX, PPTX, ZIP, PNG, JPEG)' }) contentType!: string;
  @ApiProperty({ type: 'integer', description: 'size in bytes' }) size!: number;
  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', description: 'SHA-256 of the file, hex (also its ETag)' }) sha256!: string;
  @ApiProperty({ enum: MATERIAL_AUDIENCES, description: 'who gets it: all, bridge_points (the points only) or attendees (the delegates only)' }) audience!: MaterialAudience;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'the agenda item it belongs to; null when none' }) agendaItemId!: string | null;
  @ApiProperty({ format: 'date-time', description: 'when it was uploaded' }) createdAt!: string;
}

export class MaterialListDto {
  @ApiProperty({ type: [MaterialResponseDto], description: 'the materials, oldest first' }) items!: MaterialResponseDto[];
}

/** A material as a link holder sees it, with where to download it. */
export class PublicMaterialDto extends MaterialResponseDto {
  @ApiProperty({ example: '/api/public/bridge-points/…/materials/…/file', description: 'the path that downloads it through the same link' }) downloadPath!: string;
}

export class PublicMaterialListDto {
  @ApiProperty({ type: [PublicMaterialDto], description: 'the materials this link may see, oldest first' }) items!: PublicMaterialDto[];
}

export class PointDownloadDto {
  @ApiProperty({ format: 'uuid', description: 'UUID of the bridge point' }) bridgePointId!: string;
  @ApiProperty({ description: 'its name' }) name!: string;
  @ApiProperty({ format: 'date-time', description: 'its first download through its link' }) firstAt!: string;
  @ApiProperty({ type: 'integer', description: 'how many downloads through its link' }) count!: number;
}

export class PointNotDownloadedDto {
  @ApiProperty({ format: 'uuid', description: 'UUID of the bridge point' }) bridgePointId!: string;
  @ApiProperty({ description: 'its name' }) name!: string;
}

export class MaterialDownloadsDto {
  @ApiProperty({ type: [PointDownloadDto], description: 'points that downloaded it through their link, by name' }) downloaded!: PointDownloadDto[];
  @ApiProperty({ type: [PointNotDownloadedDto], description: 'points (other than those that declined) that have not, by name' }) notDownloaded!: PointNotDownloadedDto[];
}

export class ResendResultDto {
  @ApiProperty({ type: 'integer', description: 'mails queued now, one per point that has not downloaded it and has a contact email' }) queued!: number;
  @ApiProperty({ type: 'integer', description: 'points that have not downloaded it (declined points not counted)' }) notDownloaded!: number;
  @ApiProperty({ type: 'integer', description: 'of those, points without a contact email: nobody to mail' }) withoutEmail!: number;
  @ApiProperty({ type: 'integer', description: 'of those, points with such a mail still waiting to go: not queued twice' }) alreadyQueued!: number;
}

export const toMaterialResponse = (m: Material): MaterialResponseDto => ({
  id: m.id,
  title: m.title,
  fileName: m.fileName,
  contentType: m.contentType,
  size: m.size,
  sha256: m.sha256,
  audience: m.audience,
  agendaItemId: m.agendaItemId,
  createdAt: m.createdAt.toISOString(),
});

/** Which audiences a bridge point's link, and which a delegate's, may see. */
export const AUDIENCES_OF = {
  bridge_point: ['all', 'bridge_points'],
  attendee: ['all', 'attendees'],
} as const satisfies Record<string, readonly MaterialAudience[]>;
