import { Body, Controller, Get, Header, Param, Patch, Post, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { User } from '../auth/user.entity';
import { ApiFileResponse } from '../common/file-response.decorator';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { DOCX_CONTENT_TYPE, PDF_CONTENT_TYPE } from '../documents/document-files';
import { ConclusionNoticeResponseDto, DraftConclusionNoticeDto, UpdateConclusionNoticeDto } from './conclusion-notice.dto';
import { ConclusionNoticeService } from './conclusion-notice.service';
import { MinutesDocumentsService } from './minutes-documents.service';

/** The conclusion notice (thông báo kết luận): drafted from approved minutes, edited, exported. */
@ApiTags('minutes')
@ApiBearerAuth()
@Controller('api/conferences/:id')
export class ConclusionNoticeController {
  constructor(
    private readonly notices: ConclusionNoticeService,
    private readonly documents: MinutesDocumentsService,
  ) {}

  @Roles('admin', 'organizer')
  @Post('conclusion-notice')
  @ApiCreatedResponse({ type: ConclusionNoticeResponseDto, description: 'the notice, drafted from the approved minutes' })
  draft(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: DraftConclusionNoticeDto,
    @CurrentUser() user: User,
  ): Promise<ConclusionNoticeResponseDto> {
    return this.notices.draft(id, dto, user);
  }

  @Get('conclusion-notice')
  @ApiOkResponse({ type: ConclusionNoticeResponseDto })
  get(@Param('id', ParseUuidPipe) id: string, @CurrentUser() user: User): Promise<ConclusionNoticeResponseDto> {
    return this.notices.get(id, user);
  }

  @Roles('admin', 'organizer')
  @Patch('conclusion-notice')
  @ApiOkResponse({ type: ConclusionNoticeResponseDto, description: 'the notice as changed' })
  update(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: UpdateConclusionNoticeDto,
    @CurrentUser() user: User,
  ): Promise<ConclusionNoticeResponseDto> {
    return this.notices.update(id, dto, user);
  }

  @Get('conclusion-notice.docx')
  @Header('Cache-Control', 'no-store')
  @ApiFileResponse(DOCX_CONTENT_TYPE, 'the conclusion notice as a Word document (Decree 30 layout)')
  async docx(@Param('id', ParseUuidPipe) id: string, @CurrentUser() user: User): Promise<StreamableFile> {
    const file = await this.documents.noticeFile(id, 'docx', user);
    return new StreamableFile(file.body, { type: file.contentType, disposition: file.disposition });
  }

  @Get('conclusion-notice.pdf')
  @Header('Cache-Control', 'no-store')
  @ApiFileResponse(PDF_CONTENT_TYPE, 'the conclusion notice as a PDF (Decree 30 layout)')
  async pdf(@Param('id', ParseUuidPipe) id: string, @CurrentUser() user: User): Promise<StreamableFile> {
    const file = await this.documents.noticeFile(id, 'pdf', user);
    return new StreamableFile(file.body, { type: file.contentType, disposition: file.disposition });
  }
}
