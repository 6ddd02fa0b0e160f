import { Body, Controller, Get, Header, Param, Patch, Post, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { User } from '../auth/user.entity';
import { ApiErrors } from '../common/api-errors.decorator';
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
  @ApiOperation({
    summary: 'Draft the conclusion notice',
    description:
      'Drafts the conclusion notice (thông báo kết luận) of a conference once, from its approved minutes: the header, a title and ' +
      'opening paragraph naming the conference and its chair, the conclusions and the action items, dated today in the conference ' +
      'time zone. The serial number may be given now or later. Roles: admin, organizer. The minutes must be approved.',
  })
  @ApiCreatedResponse({ type: ConclusionNoticeResponseDto, description: 'the notice, drafted from the approved minutes' })
  @ApiErrors({
    403: 'the caller is neither admin nor organizer',
    404: 'the conference does not exist or the caller may not see it (conference_not_found), or it has no minutes yet (minutes_not_found)',
    409: 'the minutes are still a draft (minutes_draft), or the notice is already drafted (conclusion_notice_already_drafted)',
  })
  draft(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: DraftConclusionNoticeDto,
    @CurrentUser() user: User,
  ): Promise<ConclusionNoticeResponseDto> {
    return this.notices.draft(id, dto, user);
  }

  @Get('conclusion-notice')
  @ApiOperation({
    summary: 'Read the conclusion notice',
    description:
      'The conclusion notice of a conference as it is now, every section present. Any signed-in user may read it; an operator only ' +
      'for a conference with a bridge point in their scope.',
  })
  @ApiOkResponse({ type: ConclusionNoticeResponseDto, description: 'the notice, every section present' })
  @ApiErrors({ 404: 'the conference does not exist or the caller may not see it (conference_not_found), or it has no conclusion notice yet (conclusion_notice_not_found)' })
  get(@Param('id', ParseUuidPipe) id: string, @CurrentUser() user: User): Promise<ConclusionNoticeResponseDto> {
    return this.notices.get(id, user);
  }

  @Roles('admin', 'organizer')
  @Patch('conclusion-notice')
  @ApiOperation({
    summary: 'Edit the conclusion notice',
    description:
      'Replaces the sections given, each whole, at the version read; the document number follows the header. The notice stays ' +
      'editable after it is drafted (it is not sealed like the minutes). Roles: admin, organizer.',
  })
  @ApiOkResponse({ type: ConclusionNoticeResponseDto, description: 'the notice as changed' })
  @ApiErrors({
    403: 'the caller is neither admin nor organizer',
    404: 'the conference does not exist or the caller may not see it (conference_not_found), or it has no conclusion notice yet (conclusion_notice_not_found)',
    409: 'the version is stale (stale_version)',
  })
  update(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: UpdateConclusionNoticeDto,
    @CurrentUser() user: User,
  ): Promise<ConclusionNoticeResponseDto> {
    return this.notices.update(id, dto, user);
  }

  @Get('conclusion-notice.docx')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Download the conclusion notice as DOCX',
    description:
      'The conclusion notice as a Word document in the layout of Decree 30/2020/NĐ-CP (Nghị định 30), named ' +
      '"Thông báo kết luận - <conference title>.docx". Any signed-in user who may see the conference.',
  })
  @ApiFileResponse(DOCX_CONTENT_TYPE, 'the conclusion notice as a Word document (Decree 30 layout)')
  @ApiErrors({ 404: 'the conference does not exist or the caller may not see it (conference_not_found), or it has no conclusion notice yet (conclusion_notice_not_found)' })
  async docx(@Param('id', ParseUuidPipe) id: string, @CurrentUser() user: User): Promise<StreamableFile> {
    const file = await this.documents.noticeFile(id, 'docx', user);
    return new StreamableFile(file.body, { type: file.contentType, disposition: file.disposition });
  }

  @Get('conclusion-notice.pdf')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Download the conclusion notice as PDF',
    description:
      'The conclusion notice as a PDF in the layout of Decree 30/2020/NĐ-CP, named "Thông báo kết luận - <conference title>.pdf". ' +
      'Any signed-in user who may see the conference.',
  })
  @ApiFileResponse(PDF_CONTENT_TYPE, 'the conclusion notice as a PDF (Decree 30 layout)')
  @ApiErrors({ 404: 'the conference does not exist or the caller may not see it (conference_not_found), or it has no conclusion notice yet (conclusion_notice_not_found)' })
  async pdf(@Param('id', ParseUuidPipe) id: string, @CurrentUser() user: User): Promise<StreamableFile> {
    const file = await this.documents.noticeFile(id, 'pdf', user);
    return new StreamableFile(file.body, { type: file.contentType, disposition: file.disposition });
  }
}
