import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditEntryResponseDto } from '../audit/audit-entry.dto';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { User } from '../auth/user.entity';
import { ApiErrors } from '../common/api-errors.decorator';
import { ApiPageResponse } from '../common/page-response.decorator';
import { Page, PageQueryDto } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import {
  CancelConferenceDto,
  CloneConferenceDto,
  ConferenceListQueryDto,
  ConferenceResponseDto,
  CreateConferenceDto,
  TimedTransitionDto,
  TransitionDto,
  UpdateConferenceDto,
} from './conference.dto';
import { ConferencesService } from './conferences.service';

const ORGANIZERS = 'the caller is neither an admin nor an organizer (Ban Tổ chức)';
const NO_CONFERENCE = 'the conference does not exist (conference_not_found)';
const STALE = 'the version sent is not the current one (stale_version)';
const CLOSED = 'the conference is completed or cancelled (conference_closed)';

@ApiTags('conferences')
@ApiBearerAuth()
@Controller('api/conferences')
export class ConferencesController {
  constructor(private readonly conferences: ConferencesService) {}

  @Roles('admin', 'organizer')
  @Post()
  @ApiOperation({
    summary: 'Create a conference (hội nghị)',
    description:
      'Creates a conference in the draft state (bản nháp) with its time, place, chair, self-registration settings and completion rule (when a training attendee has completed). ' +
      'Admins and organizers only. endsAt must be after startsAt. Recorded in the audit trail.',
  })
  @ApiErrors({ 400: 'a field is wrong, or endsAt is not after startsAt (ends_before_start)', 403: ORGANIZERS })
  @ApiCreatedResponse({ type: ConferenceResponseDto, description: 'the new conference, in draft' })
  create(@Body() dto: CreateConferenceDto, @CurrentUser() user: User): Promise<ConferenceResponseDto> {
    return this.conferences.create(dto, user);
  }

  @Get()
  @ApiOperation({
    summary: 'List conferences',
    description:
      'Conferences the caller may see, latest start first, filtered by state, kind, format, start time and title ' +
      '(ignoring diacritics). Every role may call it; an operator (cán bộ điểm cầu) sees only the conferences with a ' +
      'bridge point (điểm cầu) in their scope.',
  })
  @ApiPageResponse(ConferenceResponseDto, 'the conferences the caller may see, latest start first')
  list(@Query() query: ConferenceListQueryDto, @CurrentUser() user: User): Promise<Page<ConferenceResponseDto>> {
    return this.conferences.list(query, user);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Read a conference',
    description: 'One conference with all its settings. Every role may call it; an operator gets 404 for a conference without a bridge point in their scope.',
  })
  @ApiOkResponse({ type: ConferenceResponseDto, description: 'the conference' })
  @ApiErrors({ 404: 'the conference does not exist, or is not visible to this operator (conference_not_found)' })
  get(@Param('id', ParseUuidPipe) id: string, @CurrentUser() user: User): Promise<ConferenceResponseDto> {
    return this.conferences.get(id, user);
  }

  @Roles('admin', 'organizer')
  @Patch(':id')
  @ApiOperation({
    summary: 'Change a conference',
    description:
      'Changes the fields given, if `version` is still the current one. Moving startsAt shifts endsAt (unless given) and ' +
      'the whole agenda; a change of time, place, link or time zone sends an updated calendar invitation to everyone ' +
      'invited. Admins and organizers only; completed and cancelled conferences are read-only.',
  })
  @ApiOkResponse({ type: ConferenceResponseDto, description: 'the conference as changed' })
  @ApiErrors({
    400: 'a field is wrong, or the conference would end before it starts (ends_before_start)',
    403: ORGANIZERS,
    404: NO_CONFERENCE,
    409: `${CLOSED}, ${STALE}, or an agenda item would fall outside the new time (agenda_item_outside_window)`,
  })
  update(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: UpdateConferenceDto,
    @CurrentUser() user: User,
  ): Promise<ConferenceResponseDto> {
    return this.conferences.update(id, dto, user);
  }

  @Roles('admin', 'organizer')
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a draft conference',
    description: 'Deletes a conference that is still a draft, with its bridge points and agenda. Admins and organizers only; a published conference is cancelled instead.',
  })
  @ApiNoContentResponse({ description: 'deleted' })
  @ApiErrors({ 403: ORGANIZERS, 404: NO_CONFERENCE, 409: 'the conference is no longer a draft (not_a_draft)' })
  remove(@Param('id', ParseUuidPipe) id: string, @CurrentUser() user: User): Promise<void> {
    return this.conferences.remove(id, user);
  }

  @Roles('admin', 'organizer')
  @Post(':id/publish')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Publish a conference (công bố)',
    description:
      'Moves a draft to published, after which invitations can be sent. The conference needs exactly one main bridge ' +
      'point (điểm cầu chính, isMain). Admins and organizers only.',
  })
  @ApiErrors({
    400: 'a field is wrong, or the conference ends before it starts (ends_before_start)',
    403: ORGANIZERS,
    404: NO_CONFERENCE,
    409: `the conference is not a draft (transition_not_allowed), has no main bridge point (no_main_bridge_point), or ${STALE}`,
  })
  @ApiOkResponse({ type: ConferenceResponseDto, description: 'the conference, published' })
  publish(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: TransitionDto,
    @CurrentUser() user: User,
  ): Promise<ConferenceResponseDto> {
    return this.conferences.transition(id, 'publish', dto, user);
  }

  @Roles('admin', 'organizer')
  @Post(':id/start')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Start a conference (khai mạc)',
    description:
      'Moves a published conference to ongoing. Refused earlier than CHECKIN_OPENS_MINUTES before startsAt unless ' +
      '`force` is true (recorded in the audit trail). Admins and organizers only.',
  })
  @ApiErrors({
    403: ORGANIZERS,
    404: NO_CONFERENCE,
    409: `the conference is not published (transition_not_allowed), it is too early to start (too_early_to_start), or ${STALE}`,
  })
  @ApiOkResponse({ type: ConferenceResponseDto, description: 'the conference, ongoing' })
  start(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: TimedTransitionDto,
    @CurrentUser() user: User,
  ): Promise<ConferenceResponseDto> {
    return this.conferences.transition(id, 'start', dto, user);
  }

  @Roles('admin', 'organizer')
  @Post(':id/complete')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Complete a conference (bế mạc)',
    description:
      'Moves an ongoing conference to completed, after which it is read-only. Refused before startsAt unless `force` is ' +
      'true (recorded in the audit trail). Admins and organizers only.',
  })
  @ApiErrors({
    403: ORGANIZERS,
    404: NO_CONFERENCE,
    409: `the conference is not ongoing (transition_not_allowed), it has not started yet (not_started_yet), or ${STALE}`,
  })
  @ApiOkResponse({ type: ConferenceResponseDto, description: 'the conference, completed' })
  complete(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: TimedTransitionDto,
    @CurrentUser() user: User,
  ): Promise<ConferenceResponseDto> {
    return this.conferences.transition(id, 'complete', dto, user);
  }

  @Roles('admin', 'organizer')
  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel a conference (hủy)',
    description:
      'Cancels a conference that is not completed yet, with a reason; everyone invited gets a calendar cancellation with ' +
      'the reason. The conference becomes read-only. Admins and organizers only.',
  })
  @ApiErrors({
    403: ORGANIZERS,
    404: NO_CONFERENCE,
    409: `the conference is already completed or cancelled (transition_not_allowed), or ${STALE}`,
  })
  @ApiOkResponse({ type: ConferenceResponseDto, description: 'the conference, cancelled' })
  cancel(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: CancelConferenceDto,
    @CurrentUser() user: User,
  ): Promise<ConferenceResponseDto> {
    return this.conferences.transition(id, 'cancel', dto, user);
  }

  @Roles('admin', 'organizer')
  @Post(':id/clone')
  @ApiOperation({
    summary: 'Copy a conference',
    description:
      'Creates a new draft with the settings, bridge points (unconfirmed, untested, without attendance) and agenda of ' +
      'the conference, every time shifted so that the copy starts at `startsAt`. Delegates are not copied. Admins and organizers only.',
  })
  @ApiErrors({ 403: ORGANIZERS, 404: NO_CONFERENCE })
  @ApiCreatedResponse({ type: ConferenceResponseDto, description: 'the copy, in draft' })
  clone(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: CloneConferenceDto,
    @CurrentUser() user: User,
  ): Promise<ConferenceResponseDto> {
    return this.conferences.clone(id, dto, user);
  }

  @Roles('admin', 'organizer')
  @Get(':id/audit')
  @ApiOperation({
    summary: "Read a conference's audit trail",
    description: 'Who changed what in the conference and in its bridge points, delegates (đại biểu), agenda, awards and minutes, latest first. Admins and organizers only.',
  })
  @ApiErrors({ 403: ORGANIZERS, 404: NO_CONFERENCE })
  @ApiPageResponse(AuditEntryResponseDto, 'the audit trail, latest first')
  audit(
    @Param('id', ParseUuidPipe) id: string,
    @Query() query: PageQueryDto,
    @CurrentUser() user: User,
  ): Promise<Page<AuditEntryResponseDto>> {
    return this.conferences.auditTrail(id, query, user);
  }
}
