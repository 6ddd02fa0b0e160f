import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { User } from '../auth/user.entity';
import { ApiErrors } from '../common/api-errors.decorator';
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
  @ApiOperation({
    summary: 'Draft the minutes',
    description:
      'Drafts the minutes (biên bản) of a conference once, from its data: the header, the opening, the bridge points (điểm cầu) and ' +
      'their attendance, the delegates who checked in, the proceedings along the agenda, the award decisions and the action items. ' +
      'What the conference cannot tell (the secretary, the issuing body, the number) may be given or filled in later. Roles: admin, ' +
      'organizer. The conference must be published, ongoing or completed; the draft is saved as revision 1 of chain 1.',
  })
  @ApiCreatedResponse({ type: MinutesResponseDto, description: "the first draft, from the conference's data" })
  @ApiErrors({
    403: 'the caller is neither admin nor organizer',
    404: 'the conference does not exist, or the caller may not see it (conference_not_found)',
    409: 'the conference is a draft or cancelled (wrong_conference_status), or its minutes are already drafted (minutes_already_drafted)',
  })
  draft(@Param('id', ParseUuidPipe) id: string, @Body() dto: DraftMinutesDto, @CurrentUser() user: User): Promise<MinutesResponseDto> {
    return this.minutes.draft(id, dto, user);
  }

  @Get('minutes')
  @ApiOperation({
    summary: 'Read the minutes',
    description:
      'The minutes of a conference as they are now, draft or approved, with every section. Any signed-in user may read them; an ' +
      'operator only for a conference with a bridge point in their scope.',
  })
  @ApiOkResponse({ type: MinutesResponseDto, description: 'the minutes, every section present' })
  @ApiErrors({ 404: 'the conference does not exist or the caller may not see it (conference_not_found), or it has no minutes yet (minutes_not_found)' })
  get(@Param('id', ParseUuidPipe) id: string, @CurrentUser() user: User): Promise<MinutesResponseDto> {
    return this.minutes.get(id, user);
  }

  @Roles('admin', 'organizer')
  @Patch('minutes')
  @ApiOperation({
    summary: 'Edit the draft minutes',
    description:
      'Replaces the sections given, each whole, and saves the result as a new revision; refreshActionItems copies the ' +
      "conference's action items (nhiệm vụ) as they are now into the actionItems section. Only a draft may be edited, and only at " +
      'the version read. The document number follows the header. Roles: admin, organizer.',
  })
  @ApiOkResponse({ type: MinutesResponseDto, description: 'the minutes as changed, one revision further' })
  @ApiErrors({
    400: 'a field is wrong, or nothing was given to change (nothing_to_change); each detail names the field with a code',
    403: 'the caller is neither admin nor organizer',
    404: 'the conference does not exist or the caller may not see it (conference_not_found), or it has no minutes yet (minutes_not_found)',
    409: 'the minutes are approved (minutes_approved), or the version is stale (stale_version)',
  })
  update(@Param('id', ParseUuidPipe) id: string, @Body() dto: UpdateMinutesDto, @CurrentUser() user: User): Promise<MinutesResponseDto> {
    return this.minutes.update(id, dto, user);
  }

  @Roles('admin', 'organizer')
  @Post('minutes/approve')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve the minutes',
    description:
      'Approves the draft at the version read (phê duyệt): seals it with the SHA-256 of its canonical content (contentHash) and records ' +
      'who approved it and when. Approved minutes can no longer be edited; the conclusion notice (thông báo kết luận) can then be ' +
      'drafted from them. Roles: admin, organizer.',
  })
  @ApiOkResponse({ type: MinutesResponseDto, description: 'the minutes, approved and sealed by their content hash' })
  @ApiErrors({
    403: 'the caller is neither admin nor organizer',
    404: 'the conference does not exist or the caller may not see it (conference_not_found), or it has no minutes yet (minutes_not_found)',
    409: 'the minutes are already approved (minutes_approved), or the version is stale (stale_version)',
  })
  approve(@Param('id', ParseUuidPipe) id: string, @Body() dto: ApproveMinutesDto, @CurrentUser() user: User): Promise<MinutesResponseDto> {
    return this.minutes.approve(id, dto, user);
  }

  @Roles('admin')
  @Post('minutes/reopen')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reopen approved minutes',
    description:
      'Turns approved minutes back into a draft, at the version read, with a reason kept in the audit trail. The seal (contentHash, ' +
      'approver) is cleared and a new revision chain starts, its first revision the content as approved. Role: admin only.',
  })
  @ApiOkResponse({ type: MinutesResponseDto, description: 'the minutes, a draft again, in a new revision chain' })
  @ApiErrors({
    403: 'the caller is not an admin',
    404: 'the conference does not exist or the caller may not see it (conference_not_found), or it has no minutes yet (minutes_not_found)',
    409: 'the minutes are a draft, not approved (minutes_draft), or the version is stale (stale_version)',
  })
  reopen(@Param('id', ParseUuidPipe) id: string, @Body() dto: ReopenMinutesDto, @CurrentUser() user: User): Promise<MinutesResponseDto> {
    return this.minutes.reopen(id, dto, user);
  }

  @Get('minutes/revisions')
  @ApiOperation({
    summary: 'List the revisions of the minutes',
    description:
      'One page of the saved revisions of the minutes, oldest first: the first draft, each edit, and the content as approved at ' +
      'the start of each chain a reopen began. Each holds the full content as saved and who saved it. Any signed-in user may read ' +
      'them; an operator only for a conference with a bridge point in their scope.',
  })
  @ApiPageResponse(MinutesRevisionResponseDto, 'the saved revisions, oldest first (by chain, then revision)')
  @ApiErrors({ 404: 'the conference does not exist or the caller may not see it (conference_not_found), or it has no minutes yet (minutes_not_found)' })
  revisions(
    @Param('id', ParseUuidPipe) id: string,
    @Query() query: PageQueryDto,
    @CurrentUser() user: User,
  ): Promise<Page<MinutesRevisionResponseDto>> {
    return this.minutes.listRevisions(id, query, user);
  }

  @Get('minutes.docx')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Download the minutes as DOCX',
    description:
      'The minutes as they are now (draft or approved) as a Word document in the layout of Decree 30/2020/NĐ-CP (Nghị định 30), ' +
      'named "Biên bản - <title>.docx". Any signed-in user who may see the conference.',
  })
  @ApiFileResponse(DOCX_CONTENT_TYPE, 'the minutes as a Word document (Decree 30 layout)')
  @ApiErrors({ 404: 'the conference does not exist or the caller may not see it (conference_not_found), or it has no minutes yet (minutes_not_found)' })
  async docx(@Param('id', ParseUuidPipe) id: string, @CurrentUser() user: User): Promise<StreamableFile> {
    const file = await this.documents.minutesFile(id, 'docx', user);
    return new StreamableFile(file.body, { type: file.contentType, disposition: file.disposition });
  }

  @Get('minutes.pdf')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Download the minutes as PDF',
    description:
      'The minutes as they are now (draft or approved) as a PDF in the layout of Decree 30/2020/NĐ-CP, named "Biên bản - <title>.pdf". ' +
      'Any signed-in user who may see the conference.',
  })
  @ApiFileResponse(PDF_CONTENT_TYPE, 'the minutes as a PDF (Decree 30 layout)')
  @ApiErrors({ 404: 'the conference does not exist or the caller may not see it (conference_not_found), or it has no minutes yet (minutes_not_found)' })
  async pdf(@Param('id', ParseUuidPipe) id: string, @CurrentUser() user: User): Promise<StreamableFile> {
    const file = await this.documents.minutesFile(id, 'pdf', user);
    return new StreamableFile(file.body, { type: file.contentType, disposition: file.disposition });
  }
}
