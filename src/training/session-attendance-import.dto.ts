import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ImportRowError, ImportRowErrorDto } from '../common/import-rows';
import { ImportRejectionDetailDto } from '../common/import-upload';
import { SESSION_ATTENDANCE_STATUSES, SessionAttendanceStatus } from './session-attendance.entity';

const BOOLEAN_TEXT = ['true', 'false'] as const;

/** `?dryRun=`, or the same as a field of the multipart form. */
export class SheetImportOptionsDto {
  @ApiPropertyOptional({ enum: BOOLEAN_TEXT, default: 'false', description: 'check the sheet and report what would be recorded; write nothing' })
  @IsOptional()
  @IsIn(BOOLEAN_TEXT)
  dryRun?: 'true' | 'false';
}

/** What one accepted row records. */
export class SheetRowReportDto {
  @ApiProperty({ description: 'the row in the file as a person sees it; the header is row 1' }) row!: number;
  @ApiProperty({ format: 'uuid', description: 'UUID of the attendee the row names' }) attendeeId!: string;
  @ApiProperty({ description: "the attendee's full name" }) fullName!: string;
  @ApiProperty({ enum: SESSION_ATTENDANCE_STATUSES, nullable: true, description: 'their status before the import; null when not marked' })
  from!: SessionAttendanceStatus | null;
  @ApiProperty({ enum: SESSION_ATTENDANCE_STATUSES, description: 'the status of the row' }) status!: SessionAttendanceStatus;
}

/** The report of a sign-in sheet import: per row what is recorded (or would be, in a dry run), and the rows refused. */
export class SheetImportReportDto {
  @ApiProperty({ enum: ['done', 'failed'], description: 'done: every row accepted (and recorded, unless a dry run); failed: a row was refused and nothing recorded' })
  status!: 'done' | 'failed';
  @ApiProperty({ description: 'true when the file was only checked' }) dryRun!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'the name of the file as uploaded' }) fileName!: string | null;
  @ApiProperty({ description: 'data rows in the file (blank rows not counted)' }) totalRows!: number;
  @ApiProperty({ description: 'people marked for the first time (in a dry run: would be)' }) marked!: number;
  @ApiProperty({ description: 'people whose status changes (in a dry run: would change)' }) updated!: number;
  @ApiProperty({ description: 'people who have this status already' }) unchanged!: number;
  @ApiProperty({ description: 'rows with at least one error; any makes the import record nothing' }) rejected!: number;
  @ApiProperty({ type: [ImportRowErrorDto], description: 'every problem of the rows refused, each with its code' }) errors!: ImportRowError[];
  @ApiProperty({ type: [SheetRowReportDto], description: 'one per accepted row, in file order' }) rows!: SheetRowReportDto[];
  @ApiPropertyOptional({ description: 'why nothing was recorded, in Vietnamese (only when rows were refused)' }) message?: string;
}

/** 400 when a row is refused: the error envelope and the report in one body (nothing was recorded). */
export class SheetImportRejectionDto extends SheetImportReportDto {
  @ApiProperty({ example: 400, description: 'the HTTP status again' }) statusCode!: number;
  @ApiProperty({ example: 'Bad Request', description: 'the HTTP reason phrase' }) error!: string;
  @ApiProperty({ description: 'why nothing was recorded, in Vietnamese' }) declare message: string;
  @ApiProperty({ type: [ImportRejectionDetailDto], description: 'one per row error, the field named rows.<row>.<field>' })
  details!: ImportRejectionDetailDto[];
}
