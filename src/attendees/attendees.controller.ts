import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { RevokedLinksResponseDto } from '../auth/signed-link.dto';
import { User } from '../auth/user.entity';
import { ApiErrors } from '../common/api-errors.decorator';
import { ApiPageResponse } from '../common/page-response.decorator';
import { Page } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import {
  AttendeeListQueryDto,
  AttendeeResponseDto,
  CheckInBatchDto,
  CheckInDto,
  CheckInBatchResponseDto,
  CheckInResultDto,
  CreateAttendeeDto,
  IssueRsvpLinkDto,
  RsvpLinkResponseDto,
  UpdateAttendeeDto,
} from './attendee.dto';
import { AttendeesService } from './attendees.service';

@ApiTags('attendees')
@ApiBearerAuth()
@Controller('api/conferences/:id/attendees')
export class AttendeesController {
  constructor(private readonly attendees: AttendeesService) {}

  @Get()
  @ApiOperation({
    summary: "List a conference's delegates",
    description:
      'One page of the delegates (đại biểu), guests and other attendees of a conference, ordered by name, filtered by bridge point (điểm cầu), ' +
      'role, status or a text that name, title or organization contains (ignoring diacritics). Any signed-in user may read it; an operator ' +
      'sees only the attendees of the bridge points in their scope, and only conferences that have one.',
  })
  @ApiPageResponse(AttendeeResponseDto, "the conference's attendees (an operator: those at their points)")
  @ApiErrors({ 404: 'the conference does not exist, or an operator may not see it (conference_not_found)' })
  async list(
    @Param('id', ParseUuidPipe) id: string,
    @Query() query: AttendeeListQueryDto,
    @CurrentUser() user: User,
  ): Promise<Page<AttendeeResponseDto>> {
    return this.attendees.list(id, query, await this.attendees.actorFor(user));
  }

  @Roles('admin', 'organizer', 'operator')
  @Post()
  @ApiOperation({
    summary: 'Add a delegate',
    description:
      'Adds one person to the list of a conference at a bridge point (điểm cầu), with a new check-in code (mã điểm danh). Roles: admin, ' +
      'organizer, operator (an operator only at the bridge points in their scope). An email address may be on the list once per ' +
      'conference. The status starts as added (no invitation sent) unless given. Not possible once the conference is completed or cancelled.',
  })
  @ApiCreatedResponse({ type: AttendeeResponseDto, description: 'the new attendee, with a check-in code' })
  @ApiErrors({
    400: "a field is wrong, or the bridge point is not one of this conference's (or not in an operator's scope: bridge_point_not_found)",
    403: 'the caller is a viewer',
    404: 'the conference does not exist, or an operator may not see it (conference_not_found)',
    409: 'the email is already on the list of this conference (email_in_use), or the conference is completed or cancelled (conference_closed)',
  })
  async create(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: CreateAttendeeDto,
    @CurrentUser() user: User,
  ): Promise<AttendeeResponseDto> {
    return this.attendees.create(id, dto, await this.attendees.actorFor(user));
  }

  @Roles('admin', 'organizer', 'operator')
  @Post('check-in')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Check in several delegates by code',
    description:
      'Checks in (điểm danh) the attendees whose codes are given, typed loosely (case, spaces and dashes ignored), and sorts the codes into ' +
      'checked in now, checked in before, declined and unknown. Roles: admin, organizer, operator (an operator only for attendees of their ' +
      'bridge points; the others count as unknown). Someone who declined is not checked in unless force is true, which only admins and ' +
      'organizers may send (audited). Only while attendance is open: from CHECKIN_OPENS_MINUTES before the conference starts (or once it is ' +
      'started) until it is completed or cancelled.',
  })
  @ApiOkResponse({ type: CheckInBatchResponseDto, description: 'the codes sorted into checked in now, checked in before, declined, and unknown' })
  @ApiErrors({
    403: 'the caller is a viewer, or an operator sent force (force_not_allowed)',
    404: 'the conference does not exist, or an operator may not see it (conference_not_found)',
    409: 'attendance is not open yet (attendance_not_open), the conference is completed or cancelled (conference_closed), or a code is of someone cancelled, waitlisted or substituted (cannot_check_in)',
  })
  async checkInBatch(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: CheckInBatchDto,
    @CurrentUser() user: User,
  ): Promise<CheckInBatchResponseDto> {
    return this.attendees.checkInBatch(id, dto, await this.attendees.actorFor(user));
  }

  @Get(':attendeeId')
  @ApiOperation({
    summary: 'Read one delegate',
    description: 'One attendee of the conference with their status and check-in code. Any signed-in user; an operator only for attendees of their bridge points.',
  })
  @ApiOkResponse({ type: AttendeeResponseDto, description: 'the attendee' })
  @ApiErrors({ 404: "the attendee is not one of this conference's, or not at an operator's bridge points (attendee_not_found)" })
  async get(
    @Param('id', ParseUuidPipe) id: string,
    @Param('attendeeId', ParseUuidPipe) attendeeId: string,
    @CurrentUser() user: User,
  ): Promise<AttendeeResponseDto> {
    return this.attendees.get(id, attendeeId, await this.attendees.actorFor(user));
  }

  @Roles('admin', 'organizer', 'operator')
  @Patch(':attendeeId')
  @ApiOperation({
    summary: 'Change a delegate',
    description:
      'Changes the fields given, checked against the version read; null clears an optional field. Roles: admin, organizer, operator (an ' +
      'operator only for attendees of their bridge points, and only to move them to another of those points). Moving a checked-in person ' +
      'moves their check-in count with them; a status that frees a place promotes people from the waiting list (danh sách chờ). ' +
      'Not possible once the conference is completed or cancelled.',
  })
  @ApiOkResponse({ type: AttendeeResponseDto, description: 'the attendee as changed' })
  @ApiErrors({
    400: "a field is wrong, or the bridge point is not one of this conference's (or not in an operator's scope: bridge_point_not_found)",
    403: 'the caller is a viewer',
    404: 'the conference does not exist (conference_not_found), or the attendee is not one of its (attendee_not_found)',
    409: 'the version is stale (stale_version), the email is already on the list (email_in_use), or the conference is completed or cancelled (conference_closed)',
  })
  async update(
    @Param('id', ParseUuidPipe) id: string,
    @Param('attendeeId', ParseUuidPipe) attendeeId: string,
    @Body() dto: UpdateAttendeeDto,
    @CurrentUser() user: User,
  ): Promise<AttendeeResponseDto> {
    return this.attendees.update(id, attendeeId, dto, await this.attendees.actorFor(user));
  }

  @Roles('admin', 'organizer', 'operator')
  @Delete(':attendeeId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Remove a delegate',
    description:
      'Removes the attendee from the list (audited). Roles: admin, organizer, operator (an operator only for attendees of their bridge ' +
      'points). A check-in is taken off the bridge point count, and a place freed promotes people from the waiting list. Not possible once ' +
      'the conference is completed or cancelled.',
  })
  @ApiNoContentResponse({ description: 'removed' })
  @ApiErrors({
    403: 'the caller is a viewer',
    404: 'the conference does not exist (conference_not_found), or the attendee is not one of its (attendee_not_found)',
    409: 'the conference is completed or cancelled (conference_closed)',
  })
  async remove(
    @Param('id', ParseUuidPipe) id: string,
    @Param('attendeeId', ParseUuidPipe) attendeeId: string,
    @CurrentUser() user: User,
  ): Promise<void> {
    return this.attendees.remove(id, attendeeId, await this.attendees.actorFor(user));
  }

  @Roles('admin', 'organizer', 'operator')
  @Post(':attendeeId/check-in')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Check in one delegate',
    description:
      'Checks the attendee in (điểm danh) and counts them into their bridge point; a second check-in answers the first time and counts ' +
      'nothing. Roles: admin, organizer, operator (an operator only for attendees of their bridge points). Someone who declined is refused ' +
      'unless force is true, which only admins and organizers may send (audited). Only while attendance is open.',
  })
  @ApiOkResponse({ type: CheckInResultDto, description: 'the attendee, checked in (a second check-in answers the first time)' })
  @ApiErrors({
    403: 'the caller is a viewer, or an operator sent force (force_not_allowed)',
    404: 'the conference does not exist (conference_not_found), or the attendee is not one of its (attendee_not_found)',
    409: 'the attendee declined (declined), is cancelled, waitlisted or substituted (cannot_check_in), attendance is not open yet (attendance_not_open), or the conference is completed or cancelled (conference_closed)',
  })
  async checkIn(
    @Param('id', ParseUuidPipe) id: string,
    @Param('attendeeId', ParseUuidPipe) attendeeId: string,
    @Body() dto: CheckInDto,
    @CurrentUser() user: User,
  ): Promise<CheckInResultDto> {
    return this.attendees.checkIn(id, attendeeId, dto, await this.attendees.actorFor(user));
  }

  @Roles('admin', 'organizer')
  @Post(':attendeeId/links')
  @ApiOperation({
    summary: 'Issue an RSVP link',
    description:
      'Issues a signed link to the RSVP page (trang xác nhận tham dự) of one attendee, where they accept, decline or send a substitute ' +
      'without an account. Roles: admin, organizer. The token is shown once; earlier links stay valid until revoked. By default the link ' +
      'works until 30 days after the conference ends.',
  })
  @ApiCreatedResponse({ type: RsvpLinkResponseDto, description: 'a new RSVP link (earlier ones stay valid until revoked)' })
  @ApiErrors({
    400: 'a field is wrong, or expiresAt is not after now (expires_in_past) or too long after the conference (expires_too_late)',
    403: 'the caller is neither admin nor organizer',
    404: 'the conference does not exist (conference_not_found), or the attendee is not one of its (attendee_not_found)',
  })
  issueLink(
    @Param('id', ParseUuidPipe) id: string,
    @Param('attendeeId', ParseUuidPipe) attendeeId: string,
    @Body() dto: IssueRsvpLinkDto,
    @CurrentUser() user: User,
  ): Promise<RsvpLinkResponseDto> {
    return this.attendees.issueLink(id, attendeeId, dto, user);
  }

  @Roles('admin', 'organizer')
  @Delete(':attendeeId/links')
  @ApiOperation({
    summary: 'Revoke the RSVP links',
    description:
      "Revokes every live signed link of the attendee (RSVP links, and calendar feed links too); opening one then answers 410. Roles: admin, organizer.",
  })
  @ApiOkResponse({ type: RevokedLinksResponseDto, description: 'every live link of the attendee revoked' })
  @ApiErrors({
    403: 'the caller is neither admin nor organizer',
    404: 'the attendee is not one of this conference\'s (attendee_not_found)',
  })
  revokeLinks(
    @Param('id', ParseUuidPipe) id: string,
    @Param('attendeeId', ParseUuidPipe) attendeeId: string,
    @CurrentUser() user: User,
  ): Promise<RevokedLinksResponseDto> {
    return this.attendees.revokeLinks(id, attendeeId, user);
  }
}
