import { Controller, Get, Header, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { User } from '../auth/user.entity';
import { ApiFileResponse } from '../common/file-response.decorator';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE } from '../common/spreadsheet-export';
import { AttendeeExportQueryDto } from './attendee-export.dto';
import { AttendeeExportService } from './attendee-export.service';
import { ImportReportDto } from './attendee-import.dto';
import { AttendeeImportService } from './attendee-import.service';
import { ApiImportUpload, DRY_RUN_FIELD, readUpload } from '../common/import-upload';

/**
 * Delegate lists as files: import (CSV or XLSX) and export. Every path here has a static
 * segment (`import`, `import-jobs`, `export.csv`, `export.xlsx`), which Fastify's router prefers
 * to the `:attendeeId` routes of the same prefix.
 */
@ApiTags('attendees')
@ApiBearerAuth()
@Controller('api/conferences/:id/attendees')
export class AttendeeFilesController {
  constructor(
    private readonly imports: AttendeeImportService,
    private readonly exports: AttendeeExportService,
  ) {}

  /** Up to 2,000 rows: 201 with the report. More: 202 with the job, to follow at import-jobs/:jobId. */
  @Roles('admin', 'organizer')
  @Post('import')
  @ApiImportUpload({
    ...DRY_RUN_FIELD,
    atomic: { type: 'string', enum: ['true', 'false'], description: 'true: import nothing when a row is refused' },
    bridgePointId: { type: 'string', format: 'uuid', description: 'the point of rows that name none' },
  })
  @ApiResponse({ status: 201, type: ImportReportDto, description: 'imported (or checked, with dryRun)' })
  @ApiResponse({ status: 202, type: ImportReportDto, description: 'a large file: importing in the background' })
  async import(
    @Param('id', ParseUuidPipe) id: string,
    @Query() query: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentUser() user: User,
  ): Promise<void> {
    const { background, report } = await this.imports.start(id, () => readUpload(request), query, user);
    await reply.status(background ? 202 : 201).send(report);
  }

  @Roles('admin', 'organizer')
  @Get('import-jobs/:jobId')
  @ApiOkResponse({ type: ImportReportDto, description: 'the import as it stands' })
  job(@Param('id', ParseUuidPipe) id: string, @Param('jobId', ParseUuidPipe) jobId: string): Promise<ImportReportDto> {
    return this.imports.job(id, jobId);
  }

  @Get('export.csv')
  @Header('Cache-Control', 'no-store')
  @ApiFileResponse(CSV_CONTENT_TYPE, 'the delegate list as CSV (UTF-8 with a byte order mark)')
  async exportCsv(@Param('id', ParseUuidPipe) id: string, @Query() query: AttendeeExportQueryDto, @CurrentUser() user: User) {
    const file = await this.exports.export(id, 'csv', query, user);
    return new StreamableFile(file.body, { type: file.contentType, disposition: file.disposition });
  }

  @Get('export.xlsx')
  @Header('Cache-Control', 'no-store')
  @ApiFileResponse(XLSX_CONTENT_TYPE, 'the delegate list as an Excel workbook')
  async exportXlsx(@Param('id', ParseUuidPipe) id: string, @Query() query: AttendeeExportQueryDto, @CurrentUser() user: User) {
    const file = await this.exports.export(id, 'xlsx', query, user);
    return new StreamableFile(file.body, { type: file.contentType, disposition: file.disposition });
  }
}
