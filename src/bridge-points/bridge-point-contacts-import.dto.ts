import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ImportRowError, ImportRowErrorDto } from '../common/import-rows';
import { ImportRejectionDetailDto } from '../common/import-upload';
import { CONTACT_FIELDS, ContactField } from './bridge-point-contacts-import-columns';

const BOOLEAN_TEXT = ['true', 'false'] as const;

/** `?dryRun=`, or the same as a field of the multipart form. */
export class ContactsImportOptionsDto {
  @ApiPropertyOptional({ enum: BOOLEAN_TEXT, default: 'false', description: 'check the file and report what would change; write nothing' })
  @IsOptional()
  @IsIn(BOOLEAN_TEXT)
  dryRun?: 'true' | 'false';
}

export class ContactFieldChangeDto {
  @ApiProperty({ enum: CONTACT_FIELDS, description: "the point's field the row changes" }) field!: ContactField;
  @ApiProperty({ nullable: true, type: String, description: 'the value stored before' }) from!: string | null;
  @ApiProperty({ description: 'the value of the file (emails lower-case, phones as +84…)' }) to!: string;
}

/** What one accepted row does to its point. */
export class ContactRowReportDto {
  @ApiProperty({ description: 'the row in the file as a person sees it; the header is row 1' }) row!: number;
  @ApiProperty({ format: 'uuid', description: 'UUID of the bridge point the row names' }) bridgePointId!: string;
  @ApiProperty({ example: 'Điểm cầu tỉnh Bắc Ninh', description: "the point's name" }) name!: string;
  @ApiProperty({ type: [ContactFieldChangeDto], description: 'empty when the row gives what is stored already' })
  changes!: ContactFieldChangeDto[];
}

/** The report of a contacts import: per row what changes (or would, in a dry run), the rows refused and the warnings. */
export class ContactsImportReportDto {
  @ApiProperty({ enum: ['done', 'failed'], description: 'done: every row accepted (and written, unless a dry run); failed: a row was refused and nothing written' })
  status!: 'done' | 'failed';
  @ApiProperty({ description: 'true when the file was only checked' }) dryRun!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'the name of the file as uploaded' }) fileName!: string | null;
  @ApiProperty({ description: 'data rows in the file (blank rows not counted)' }) totalRows!: number;
  @ApiProperty({ description: 'points whose contacts changed (in a dry run: would change)' }) updated!: number;
  @ApiProperty({ description: 'points the file gives what they have already' }) unchanged!: number;
  @ApiProperty({ description: 'rows with at least one error; any makes the import write nothing' }) rejected!: number;
  @ApiProperty({ type: [ImportRowErrorDto], description: 'every problem of the rows refused, each with its code' }) errors!: ImportRowError[];
  @ApiProperty({
    type: [ImportRowErrorDto],
    description: 'rows read differently from how they are written, e.g. a province of vn-63 as the vn-34 province it became (code former_province)',
  })
  warnings!: ImportRowError[];
  @ApiProperty({ type: [ContactRowReportDto], description: 'one per accepted row, in file order' }) points!: ContactRowReportDto[];
  @ApiPropertyOptional({ description: 'why nothing was imported, in Vietnamese (only when rows were refused)' }) message?: string;
}

/** 400 when a row is refused: the error envelope and the report in one body (nothing was written). */
export class ContactsImportRejectionDto extends ContactsImportReportDto {
  @ApiProperty({ example: 400, description: 'the HTTP status again' }) statusCode!: number;
  @ApiProperty({ example: 'Bad Request', description: 'the HTTP reason phrase' }) error!: string;
  @ApiProperty({ description: 'why nothing was imported, in Vietnamese' }) declare message: string;
  @ApiProperty({ type: [ImportRejectionDetailDto], description: 'one per row error, the field named rows.<row>.<field>' })
  details!: ImportRejectionDetailDto[];
}
