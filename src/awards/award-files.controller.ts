import { Controller, Get, Header, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { User } from '../auth/user.entity';
import { ApiFileResponse } from '../common/file-response.decorator';
import { ApiImportUpload, DRY_RUN_FIELD, readUpload, replyWithImportReport } from '../common/import-upload';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE } from '../common/spreadsheet-export';
import { DOCX_CONTENT_TYPE } from '../documents/document-files';
import { AwardListFormat, AwardListService } from './award-list.service';
import { AwardRecipientImportService } from './award-recipient-import.service';
import { RecipientImportRejectionDto, RecipientImportReportDto } from './award-recipient-import.dto';

export class AwardListQueryDto {
  @ApiPropertyOptional({ enum: ['comma', 'semicolon'], default: 'comma', description: 'CSV only: semicolon suits Excel set to Vietnamese' })
  @IsOptional()
  @IsIn(['comma', 'semicolon'], { message: 'separator must be comma or semicolon' })
  separator?: 'comma' | 'semicolon';
}

/** Award lists as files: recipients imported from CSV/XLSX, the list exported as CSV, XLSX and DOCX. */
@ApiTags('awards')
@ApiBearerAuth()
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
  @ApiResponse({ status: 201, type: RecipientImportReportDto, description: 'imported (or checked, with dryRun)' })
  @ApiResponse({ status: 400, type: RecipientImportRejectionDto, description: 'rows rejected: the error envelope with the report' })
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
  @ApiFileResponse(CSV_CONTENT_TYPE, 'the award list as CSV (UTF-8 with a byte order mark)')
  csv(@Param('id', ParseUuidPipe) id: string, @Query() query: AwardListQueryDto, @CurrentUser() user: User) {
    return this.file(id, 'csv', query, user);
  }

  @Get('awards.xlsx')
  @Header('Cache-Control', 'no-store')
  @ApiFileResponse(XLSX_CONTENT_TYPE, 'the award list as an Excel workbook')
  xlsx(@Param('id', ParseUuidPipe) id: string, @Query() query: AwardListQueryDto, @CurrentUser() user: User) {
    return this.file(id, 'xlsx', query, user);
  }

  @Get('awards.docx')
  @Header('Cache-Control', 'no-store')
  @ApiFileResponse(DOCX_CONTENT_TYPE, 'the award list as a Word document (Decree 30 layout)')
  docx(@Param('id', ParseUuidPipe) id: string, @Query() query: AwardListQueryDto, @CurrentUser() user: User) {
    return this.file(id, 'docx', query, user);
  }

  private async file(id: string, format: AwardListFormat, query: AwardListQueryDto, user: User): Promise<StreamableFile> {
    const file = await this.lists.export(id, format, query.separator === 'semicolon' ? ';' : ',', user);
    return new StreamableFile(file.body, { type: file.contentType, disposition: file.disposition });
  }
}
