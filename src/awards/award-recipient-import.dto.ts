import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { ImportRowError, ImportRowErrorDto } from '../common/import-rows';

const BOOLEAN_TEXT = ['true', 'false'] as const;

/** `?dryRun=&agendaItemId=`, or the same as fields of the multipart form. */
export class RecipientImportOptionsDto {
  @ApiPropertyOptional({ enum: BOOLEAN_TEXT, default: 'false', description: 'check the file and report what would happen; write nothing' })
  @IsOptional()
  @IsIn(BOOLEAN_TEXT, { message: 'dryRun must be true or false' })
  dryRun?: 'true' | 'false';

  @ApiPropertyOptional({ description: 'the agenda item (usually the award ceremony) where every recipient of the file is presented' })
  @IsOptional()
  @IsUUID('all', { message: 'agendaItemId must be a UUID' })
  agendaItemId?: string;
}

/** The report of a recipient import: the delegate import's counts and row errors. */
export class RecipientImportReportDto {
  @ApiProperty({ enum: ['done', 'failed'] }) status!: 'done' | 'failed';
  @ApiProperty() dryRun!: boolean;
  @ApiProperty({ nullable: true, type: String }) fileName!: string | null;
  @ApiProperty({ description: 'data rows in the file (blank rows not counted)' }) totalRows!: number;
  @ApiProperty({ description: 'new recipients (in a dry run: that would be added)' }) created!: number;
  @ApiProperty({ description: 'recipients already on the decision (same kind, name and organization) whose details changed' }) updated!: number;
  @ApiProperty({ description: 'recipients already on the decision with the same details' }) unchanged!: number;
  @ApiProperty({ description: 'rows with at least one error; any makes the import write nothing' }) rejected!: number;
  @ApiProperty({ type: [ImportRowErrorDto] }) errors!: ImportRowError[];
  @ApiPropertyOptional({ description: 'why nothing was imported' }) message?: string;
}

export class RejectedRowDetailDto {
  @ApiProperty({ example: 'rows.3.name' }) field!: string;
  @ApiProperty() message!: string;
}

/** 400 when a row is rejected: the error envelope and the report in one body (nothing was imported). */
export class RecipientImportRejectionDto extends RecipientImportReportDto {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'Bad Request' }) error!: string;
  @ApiProperty({ description: 'why nothing was imported' }) declare message: string;
  @ApiProperty({ type: [RejectedRowDetailDto], description: 'one per row error, the field named rows.<row>.<field>' })
  details!: RejectedRowDetailDto[];
}
