import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { User } from '../auth/user.entity';
import { ApiFileResponse } from '../common/file-response.decorator';
import { ApiPageResponse } from '../common/page-response.decorator';
import { Page, PageQueryDto } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { DOCX_CONTENT_TYPE, PDF_CONTENT_TYPE } from '../documents/document-files';
import { MinutesDocumentsService } from './minutes-documents.service';
import {
  ApproveMinutesDto,
  DraftMinutesDto,
  MinutesResponseDto,
  MinutesRevisionResponseDto,
  ReopenMinutesDto,
  UpdateMinutesDto,
} from './minutes.dto';
import { MinutesService } from './minutes.service';

/** Minutes (biên bản) of a conference: draft, edit, approve, reopen, revisions, DOCX and PDF. */
@ApiTags('minutes')
@ApiBearerAuth()
@Controller('api/conferences/:id')
export class MinutesController {
  constructor(
    private readonly minutes: MinutesService,
    private readonly documents: MinutesDocumentsService,
  ) {}

  @Roles('admin', 'organizer')
  @Post('minutes')
  @ApiCreatedResponse({ type: MinutesResponseDto, description: "the first draft, from the conference's data" })
  draft(@Param('id', ParseUuidPipe) id: string, @Body() dto: DraftMinutesDto, @CurrentUser() user: User): Promise<MinutesResponseDto> {
    return this.minutes.draft(id, dto, user);
  }

  @Get('minutes')
  @ApiOkResponse({ type: MinutesResponseDto })
  get(@Param('id', ParseUuidPipe) id: string, @CurrentUser() user: User): Promise<MinutesResponseDto> {
    return this.minutes.get(id, user);
  }

  @Roles('admin', 'organizer')
  @Patch('minutes')
  @ApiOkResponse({ type: MinutesResponseDto, description: 'the minutes as changed, one revision further' })
  update(@Param('id', ParseUuidPipe) id: string, @Body() dto: UpdateMinutesDto, @CurrentUser() user: User): Promise<MinutesResponseDto> {
    return this.minutes.update(id, dto, user);
  }

  @Roles('admin', 'organizer')
  @Post('minutes/approve')
  @HttpCode(200)
  @ApiOkResponse({ type: MinutesResponseDto, description: 'the minutes, approved and sealed by their content hash' })
  approve(@Param('id', ParseUuidPipe) id: string, @Body() dto: ApproveMinutesDto, @CurrentUser() user: User): Promise<MinutesResponseDto> {
    return this.minutes.approve(id, dto, user);
  }

  @Roles('admin')
  @Post('minutes/reopen')
  @HttpCode(200)
  @ApiOkResponse({ type: MinutesResponseDto, description: 'the minutes, a draft again, in a new revision chain' })
  reopen(@Param('id', ParseUuidPipe) id: string, @Body() dto: ReopenMinutesDto, @CurrentUser() user: User): Promise<MinutesResponseDto> {
    return this.minutes.reopen(id, dto, user);
  }

  @Get('minutes/revisions')
  @ApiPageResponse(MinutesRevisionResponseDto, 'the saved revisions, oldest first (by chain, then revision)')
  revisions(
    @Param('id', ParseUuidPipe) id: string,
    @Query() query: PageQueryDto,
    @CurrentUser() user: User,
  ): Promise<Page<MinutesRevisionResponseDto>> {
    return this.minutes.listRevisions(id, query, user);
  }

  @Get('minutes.docx')
  @Header('Cache-Control', 'no-store')
  @ApiFileResponse(DOCX_CONTENT_TYPE, 'the minutes as a Word document (Decree 30 layout)')
  async docx(@Param('id', ParseUuidPipe) id: string, @CurrentUser() user: User): Promise<StreamableFile> {
    const file = await this.documents.minutesFile(id, 'docx', user);
    return new StreamableFile(file.body, { type: file.contentType, disposition: file.disposition });
  }

  @Get('minutes.pdf')
  @Header('Cache-Control', 'no-store')
  @ApiFileResponse(PDF_CONTENT_TYPE, 'the minutes as a PDF (Decree 30 layout)')
  async pdf(@Param('id', ParseUuidPipe) id: string, @CurrentUser() user: User): Promise<StreamableFile> {
    const file = await this.documents.minutesFile(id, 'pdf', user);
    return new StreamableFile(file.body, { type: file.contentType, disposition: file.disposition });
  }
}
