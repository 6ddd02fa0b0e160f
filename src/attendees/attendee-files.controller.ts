import { Controller, Get, Header, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { User } from '../auth/user.entity';
import { ApiErrors } from '../common/api-errors.decorator';
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
  @ApiOperation({
    summary: 'Import a delegate list',
    description:
      'Reads a delegate list (danh sách đại biểu) from a CSV or XLSX file: one row per person, with the columns Họ và tên, Chức vụ, Đơn vị, ' +
      'Email, Số điện thoại, Điểm cầu, Vai trò and Ghi chú (headers in Vietnamese, with or without diacritics, or in English). Roles: admin, ' +
      'organizer. A row whose email is already on the list updates that delegate; blank cells keep what is there. Each rejected row is ' +
      'reported with its row, field, code and a Vietnamese message; formulas are never imported. dryRun=true only checks; atomic=true ' +
      'writes nothing if a row is rejected. Up to 2,000 rows the answer is the report (201); above, the import runs in the background ' +
      '(202) and import-jobs/{jobId} follows it. A file that cannot be read is refused whole (400) and leaves no trace.',
  })  @ApiImportUpload({
    ...DRY_RUN_FIELD,
    atomic: { type: 'string', enum: ['true', 'false'], description: 'true: import nothing when a row is refused' },
    bridgePointId: { type: 'string', format: 'uuid', description: 'the point of rows that name none' },
  })
  @ApiResponse({ status: 201, type: ImportReportDto, description: 'imported (or checked, with dryRun)' })
  @ApiResponse({ status: 202, type: ImportReportDto, description: 'a large file: importing in the background' })
  @ApiErrors({
    400: 'the file cannot be read, lacks a required column or has no rows (field file), an option is wrong, or bridgePointId is not a point of this conference (bridge_point_not_found)',
    403: 'the caller is neither admin nor organizer',
    404: 'the conference does not exist (conference_not_found)',
    409: 'the conference is completed or cancelled (conference_closed)',
    413: 'the file is larger than 20 MB (file_too_large)',
  })
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
  @ApiOperation({
    summary: 'Follow an import',
    description:
      'The report of one delegate import of this conference: live counts while a background import runs, then the final report. ' +
      'Roles: admin, organizer. An import cut short by a server stop is reported failed, with nothing written.',
  })
  @ApiErrors({
    403: 'the caller is neither admin nor organizer',
    404: 'no import job of this conference has this id (import_job_not_found)',
  })  @ApiOkResponse({ type: ImportReportDto, description: 'the import as it stands' })
  job(@Param('id', ParseUuidPipe) id: string, @Param('jobId', ParseUuidPipe) jobId: string): Promise<ImportReportDto> {
    return this.imports.job(id, jobId);
  }

  @Get('export.csv')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Export the delegate list as CSV',
    description:
      'The delegate list as a CSV file (UTF-8 with a byte order mark, so Excel shows Vietnamese correctly), ordered by bridge point then ' +
      'name, with the columns Mã (check-in code), Họ và tên, Chức vụ, Đơn vị, Email, Số điện thoại, Điểm cầu, Vai trò, Trạng thái and ' +
      'Giờ điểm danh (check-in time); the file can be imported back. Any signed-in user who may see the conference; ' +
      'an operator gets only the delegates of their bridge points. separator=semicolon suits Excel with Vietnamese regional settings.',
  })
  @ApiErrors({
    404: 'the conference does not exist or the caller may not see it (conference_not_found), or bridgePointId is not a point of it the caller may see (bridge_point_not_found)',
  })
  @ApiFileResponse(CSV_CONTENT_TYPE, 'the delegate list as CSV (UTF-8 with a byte order mark)')
  async exportCsv(@Param('id', ParseUuidPipe) id: string, @Query() query: AttendeeExportQueryDto, @CurrentUser() user: User) {
    const file = await this.exports.export(id, 'csv', query, user);
    return new StreamableFile(file.body, { type: file.contentType, disposition: file.disposition });
  }

  @Get('export.xlsx')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Export the delegate list as XLSX',
    description:
      'The delegate list as an Excel workbook, ordered by bridge point then name, with the same columns as the CSV export. Any signed-in ' +
      'user who may see the conference; an operator gets only the delegates of their bridge points.',
  })
  @ApiErrors({
    404: 'the conference does not exist or the caller may not see it (conference_not_found), or bridgePointId is not a point of it the caller may see (bridge_point_not_found)',
  })
  @ApiFileResponse(XLSX_CONTENT_TYPE, 'the delegate list as an Excel workbook')
  async exportXlsx(@Param('id', ParseUuidPipe) id: string, @Query() query: AttendeeExportQueryDto, @CurrentUser() user: User) {
    const file = await this.exports.export(id, 'xlsx', query, user);
    return new StreamableFile(file.body, { type: file.contentType, disposition: file.disposition });
  }
}
