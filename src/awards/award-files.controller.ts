import { Controller, Get, Header, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOperation, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { User } from '../auth/user.entity';
import { ApiErrors } from '../common/api-errors.decorator';
import { ApiFileResponse } from '../common/file-response.decorator';
import { ApiImportUpload, DRY_RUN_FIELD, readUpload, replyWithImportReport } from '../common/import-upload';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE } from '../common/spreadsheet-export';
import { DOCX_CONTENT_TYPE } from '../documents/document-files';
import { AwardListFormat, AwardListService } from './award-list.service';
import { AwardRecipientImportService } from './award-recipient-import.service';
import { RecipientImportRejectionDto, RecipientImportReportDto } from './award-recipient-import.dto';

export class AwardListQueryDto {
  @ApiPropertyOptional({
    enum: ['comma', 'semicolon'],
    default: 'comma',
    description: 'the CSV field separator (awards.csv only): semicolon suits Excel set to Vietnamese',
  })
  @IsOptional()
  @IsIn(['comma', 'semicolon'])
  separator?: 'comma' | 'semicolon';
}

/** Award lists as files: recipients imported from CSV/XLSX, the list exported as CSV, XLSX and DOCX. */
@ApiTags('awards')
@ApiBearerAuth()
@ApiExtraModels(RecipientImportRejectionDto)
@Controller('api/conferences/:id')
export class AwardFilesController {
  constructor(
    private readonly imports: AwardRecipientImportService,
    private readonly lists: AwardListService,
  ) {}

  /** 201 with the report (also for a dry run); 400 with the same report when a row is rejected, and nothing written. */
  @Roles('admin', 'organizer')
  @Post('award-decisions/:decisionId/recipients/import')
  @ApiImportUpload({ ...DRY_RUN_FIELD, agendaItemId: { type: 'string', format: 'uuid', description: 'the agenda item where they are presented' } })
  @ApiOperation({
    summary: 'Import award recipients from a file',
    description:
      'Reads an award list (danh sách khen thưởng) as CSV (UTF-8) or XLSX, at most 20 MB, sent as multipart/form-data in the field ' +
      '"file", and adds its rows to the decision as recipients. Headers are matched in Vietnamese or English: Cá nhân/Tập thể, ' +
      'Họ và tên / Tên tập thể, Chức vụ, Đơn vị, Tỉnh, thành phố, Thành tích, Thứ tự trao, Nơi trao (a bridge point, điểm cầu), ' +
      'Người trao. The kind column may be left out when the award form takes one kind only. A row naming a recipient the decision ' +
      'already has (same kind, name and organization, ignoring case and diacritics) updates it; blank cells keep what is stored. ' +
      'All or nothing: one rejected row and nothing is written, and the answer is a 400 whose body is the error envelope together ' +
      'with the report (RecipientImportRejectionDto), each row error a detail named rows.<row>.<field>. dryRun=true checks the file ' +
      'and reports without writing. agendaItemId sets where every recipient of the file is presented. Roles: admin, organizer.',
  })
  @ApiResponse({ status: 201, type: RecipientImportReportDto, description: 'imported (or checked, with dryRun)' })
  @ApiErrors({
    400: {
      description:
        'a row was rejected and nothing was written: the envelope with the report (RecipientImportRejectionDto), each detail naming rows.<row>.<field> ' +
        'with a code; or the file cannot be read, lacks a needed column, or dryRun or agendaItemId is wrong (agenda_item_not_found)',
      or: RecipientImportRejectionDto,
    },
    403: 'the caller is neither admin nor organizer',
    404: 'the conference does not exist (conference_not_found), or the decision is not one of its decisions (award_decision_not_found)',
    409: 'the conference is cancelled (conference_cancelled)',
    413: 'the file is larger than 20 MB',
  })
  async import(
    @Param('id', ParseUuidPipe) id: string,
    @Param('decisionId', ParseUuidPipe) decisionId: string,
    @Query() query: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentUser() user: User,
  ): Promise<void> {
    await replyWithImportReport(reply, await this.imports.import(id, decisionId, () => readUpload(request), query, user));
  }

  @Get('awards.csv')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Download the award list as CSV',
    description:
      'The award list (danh sách khen thưởng) of the conference as CSV, UTF-8 with a byte order mark: decision by decision in ' +
      'award-list order, each headed by its award title and decision line, then I. TẬP THỂ and II. CÁ NHÂN in order of presentation, ' +
      'with the columns STT, Họ và tên / Tên tập thể, Chức vụ, Đơn vị, Thành tích, Nơi trao, Người trao. separator=semicolon suits ' +
      'Excel set to Vietnamese. Any ' +
      'signed-in user; an operator gets the awards presented at bridge points in their scope only.',
  })
  @ApiFileResponse(CSV_CONTENT_TYPE, 'the award list as CSV (UTF-8 with a byte order mark)')
  @ApiErrors({ 404: 'the conference does not exist or the caller may not see it (conference_not_found)' })
  csv(@Param('id', ParseUuidPipe) id: string, @Query() query: AwardListQueryDto, @CurrentUser() user: User) {
    return this.file(id, 'csv', query, user);
  }

  @Get('awards.xlsx')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Download the award list as XLSX',
    description:
      'The award list of the conference as one Excel worksheet laid out like the CSV (decision by decision in award-list order, ' +
      'collectives then individuals). Any signed-in user; an operator gets the awards presented at bridge points in their scope ' +
      'only. separator is ignored.',
  })
  @ApiFileResponse(XLSX_CONTENT_TYPE, 'the award list as an Excel workbook')
  @ApiErrors({ 404: 'the conference does not exist or the caller may not see it (conference_not_found)' })
  xlsx(@Param('id', ParseUuidPipe) id: string, @Query() query: AwardListQueryDto, @CurrentUser() user: User) {
    return this.file(id, 'xlsx', query, user);
  }

  @Get('awards.docx')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Download the award list as DOCX',
    description:
      'The award list of the conference as a Word document in the layout of Decree 30/2020/NĐ-CP, decision by decision in ' +
      'award-list order, each headed by its award title. Any signed-in user; an operator gets the awards presented at bridge ' +
      'points in their scope only. separator is ignored.',
  })
  @ApiFileResponse(DOCX_CONTENT_TYPE, 'the award list as a Word document (Decree 30 layout)')
  @ApiErrors({ 404: 'the conference does not exist or the caller may not see it (conference_not_found)' })
  docx(@Param('id', ParseUuidPipe) id: string, @Query() query: AwardListQueryDto, @CurrentUser() user: User) {
    return this.file(id, 'docx', query, user);
  }

  private async file(id: string, format: AwardListFormat, query: AwardListQueryDto, user: User): Promise<StreamableFile> {
    const file = await this.lists.export(id, format, query.separator === 'semicolon' ? ';' : ',', user);
    return new StreamableFile(file.body, { type: file.contentType, disposition: file.disposition });
  }
}
