import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { ImportRowError, ImportRowErrorDto } from '../common/import-rows';
import { IMPORT_JOB_STATUSES, ImportJob, ImportJobReport, ImportJobStatus } from './import-job.entity';

const BOOLEAN_TEXT = ['true', 'false'] as const;

/** `?dryRun=&atomic=&bridgePointId=`, or the same as fields of the multipart form. */
export class ImportOptionsDto {
  @ApiPropertyOptional({ enum: BOOLEAN_TEXT, default: 'false', description: 'check the file and report what would happen; write nothing' })
  @IsOptional()
  @IsIn(BOOLEAN_TEXT, { message: 'dryRun must be true or false' })
  dryRun?: 'true' | 'false';

  @ApiPropertyOptional({ enum: BOOLEAN_TEXT, default: 'false', description: 'write nothing if any row is rejected' })
  @IsOptional()
  @IsIn(BOOLEAN_TEXT, { message: 'atomic must be true or false' })
  atomic?: 'true' | 'false';

  @ApiPropertyOptional({ description: 'the bridge point of rows that name none (and of files without a Điểm cầu column)' })
  @IsOptional()
  @IsUUID('all', { message: 'bridgePointId must be a UUID' })
  bridgePointId?: string;
}

export class ImportReportDto {
  @ApiProperty() jobId!: string;
  @ApiProperty({ enum: IMPORT_JOB_STATUSES }) status!: ImportJobStatus;
  @ApiProperty() dryRun!: boolean;
  @ApiProperty() atomic!: boolean;
  @ApiProperty({ nullable: true, type: String }) fileName!: string | null;
  @ApiProperty({ description: 'data rows in the file (blank rows not counted)' }) totalRows!: number;
  @ApiProperty() processedRows!: number;
  @ApiProperty({ description: 'new delegates (in a dry run: that would be created)' }) created!: number;
  @ApiProperty({ description: 'delegates matched by email whose details changed' }) updated!: number;
  @ApiProperty({ description: 'delegates matched by email whose details were already the same' }) unchanged!: number;
  @ApiProperty({ description: 'rows with at least one error' }) rejected!: number;
  @ApiProperty({ type: [ImportRowErrorDto] }) errors!: ImportRowError[];
  @ApiProperty({
    type: [ImportRowErrorDto],
    description: 'rows imported as read differently from how they are written, e.g. a province of vn-63 as the vn-34 province it became (code former_province)',
  })
  warnings!: ImportRowError[];
  @ApiPropertyOptional({ description: 'why the whole import failed' }) message?: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) finishedAt!: string | null;
}

/** The stored report; jobs stored before warnings existed have none. */
type StoredReport = ImportJobReport & { warnings?: ImportRowError[] };

export function toImportReport(job: ImportJob): ImportReportDto {
  const report = job.report as StoredReport | null;
  return {
    jobId: job.id,
    status: job.status,
    dryRun: report?.dryRun ?? false,
    atomic: report?.atomic ?? false,
    fileName: job.fileName,
    totalRows: job.totalRows,
    processedRows: job.processedRows,
    created: job.created,
    updated: job.updated,
    unchanged: report?.unchanged ?? 0,
    rejected: job.rejected,
    errors: report?.errors ?? [],
    warnings: report?.warnings ?? [],
    ...(report?.message ? { message: report.message } : {}),
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt ? job.finishedAt.toISOString() : null,
  };
}
