import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { ImportRowError, ImportRowErrorDto } from '../common/import-rows';
import { IMPORT_JOB_STATUSES, ImportJob, ImportJobReport, ImportJobStatus } from './import-job.entity';

const BOOLEAN_TEXT = ['true', 'false'] as const;

/** `?dryRun=&atomic=&bridgePointId=`, or the same as fields of the multipart form. */
export class ImportOptionsDto {
  @ApiPropertyOptional({ enum: BOOLEAN_TEXT, default: 'false', description: 'true: check the file and report what would happen; write nothing' })
  @IsOptional()
  @IsIn(BOOLEAN_TEXT)
  dryRun?: 'true' | 'false';

  @ApiPropertyOptional({ enum: BOOLEAN_TEXT, default: 'false', description: 'true: write nothing if any row is rejected' })
  @IsOptional()
  @IsIn(BOOLEAN_TEXT)
  atomic?: 'true' | 'false';

  @ApiPropertyOptional({ description: 'UUID of the bridge point (điểm cầu) of rows that name none (and of files without a Điểm cầu column)' })
  @IsOptional()
  @IsUUID('all')
  bridgePointId?: string;
}

/** What an import did (or, in a dry run, would do), row by row. */
export class ImportReportDto {
  @ApiProperty({ description: 'UUID of the import job; follow a background import at import-jobs/{jobId}' }) jobId!: string;
  @ApiProperty({ enum: IMPORT_JOB_STATUSES, description: 'running (in the background), done, or failed (nothing written: see message)' })
  status!: ImportJobStatus;
  @ApiProperty({ description: 'true when the file was only checked (dryRun=true): nothing was written' }) dryRun!: boolean;
  @ApiProperty({ description: 'true when asked to write nothing if any row is rejected (atomic=true)' }) atomic!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'the name of the file sent' }) fileName!: string | null;
  @ApiProperty({ description: 'data rows in the file (blank rows not counted)' }) totalRows!: number;
  @ApiProperty({ description: 'rows handled so far; equals totalRows once the import is over' }) processedRows!: number;
  @ApiProperty({ description: 'new delegates (in a dry run: that would be created)' }) created!: number;
  @ApiProperty({ description: 'delegates matched by email whose details changed' }) updated!: number;
  @ApiProperty({ description: 'delegates matched by email whose details were already the same' }) unchanged!: number;
  @ApiProperty({ description: 'rows with at least one error' }) rejected!: number;
  @ApiProperty({
    type: [ImportRowErrorDto],
    description: 'every problem of the rejected rows, with its row, field, code (invalid_email, duplicate_email, invalid_phone, unknown_role, unknown_point, ambiguous_point, required, formula …) and a message in Vietnamese',
  })
  errors!: ImportRowError[];
  @ApiProperty({
    type: [ImportRowErrorDto],
    description: 'rows imported as read differently from how they are written, e.g. a province of vn-63 as the vn-34 province it became (code former_province)',
  })
  warnings!: ImportRowError[];
  @ApiPropertyOptional({ description: 'why the whole import failed, in Vietnamese' }) message?: string;
  @ApiProperty({ format: 'date-time', description: 'when the import started (ISO 8601, UTC)' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'when it ended (ISO 8601, UTC); null while it runs' })
  finishedAt!: string | null;
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
