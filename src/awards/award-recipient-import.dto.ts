import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { ImportRowError, ImportRowErrorDto } from '../common/import-rows';

const BOOLEAN_TEXT = ['true', 'false'] as const;

/** `?dryRun=&agendaItemId=`, or the same as fields of the multipart form. */
export class RecipientImportOptionsDto {
  @ApiPropertyOptional({ enum: BOOLEAN_TEXT, default: 'false', description: 'check the file and report what would happen; write nothing' })
  @IsOptional()
  @IsIn(BOOLEAN_TEXT)
  dryRun?: 'true' | 'false';

  @ApiPropertyOptional({ format: 'uuid', description: 'UUID of the agenda item (usually the award ceremony) of this conference where every recipient of the file is presented' })
  @IsOptional()
  @IsUUID('all')
  agendaItemId?: string;
}

/** The report of a recipient import: the delegate import's counts and row errors. */
export class RecipientImportReportDto {
  @ApiProperty({ enum: ['done', 'failed'], description: 'done: every row passed (and, unless a dry run, was written); failed: a row was rejected and nothing was written' })
  status!: 'done' | 'failed';
  @ApiProperty({ description: 'true when the file was only checked' }) dryRun!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'the uploaded file name, as sent' }) fileName!: string | null;
  @ApiProperty({ description: 'data rows in the file (blank rows not counted)' }) totalRows!: number;
  @ApiProperty({ description: 'new recipients (in a dry run: that would be added)' }) created!: number;
  @ApiProperty({ description: 'recipients already on the decision (same kind, name and organization) whose details changed' }) updated!: number;
  @ApiProperty({ description: 'recipients already on the decision with the same details' }) unchanged!: number;
  @ApiProperty({ description: 'rows with at least one error; any makes the import write nothing' }) rejected!: number;
  @ApiProperty({ type: [ImportRowErrorDto], description: 'every problem of every rejected row, with its row, field, code and Vietnamese message' })
  errors!: ImportRowError[];
  @ApiPropertyOptional({ description: 'why nothing was imported, in Vietnamese' }) message?: string;
}

export class RejectedRowDetailDto {
  @ApiProperty({ example: 'rows.3.name', description: 'rows.<row>.<field>: the row as a person sees it (the header is row 1) and the column' })
  field!: string;
  @ApiProperty({ example: 'duplicate_recipient', description: 'a stable machine code; rely on it, not on the wording' }) code!: string;
  @ApiProperty({ description: 'the problem in Vietnamese, as a page would show it' }) message!: string;
}

/** 400 when a row is rejected: the error envelope and the report in one body (nothing was imported). */
export class RecipientImportRejectionDto extends RecipientImportReportDto {
  @ApiProperty({ example: 400, description: 'the HTTP status again' }) statusCode!: number;
  @ApiProperty({ example: 'Bad Request', description: 'the HTTP reason phrase' }) error!: string;
  @ApiProperty({ description: 'why nothing was imported, in Vietnamese' }) declare message: string;
  @ApiProperty({ type: [RejectedRowDetailDto], description: 'one per row error, the field named rows.<row>.<field>' })
  details!: RejectedRowDetailDto[];
}
