import { Body, Controller, Get, Header, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { User } from '../auth/user.entity';
import { ApiErrors } from '../common/api-errors.decorator';
import { ApiFileResponse } from '../common/file-response.decorator';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { CalendarFilesService } from './calendar-files.service';
import { CalendarLinkResponseDto, ConferenceCalendarQueryDto, InviteQueryDto, IssueCalendarLinkDto } from './calendar.dto';
import { icsResponse } from './ics-file';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('api/conferences/:id')
export class CalendarController {
  constructor(private readonly files: CalendarFilesService) {}

  @Get('calendar.ics')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'The conference as a calendar file',
    description:
      'The conference as an iCalendar (.ics) event to add to a calendar (METHOD:PUBLISH), its description in Vietnamese with the programme; ' +
      'with agenda=true each agenda item except breaks is an event of its own. Any signed-in user who may see the conference (an operator: ' +
      'a conference with a bridge point in their scope).',
  })
  @ApiErrors({ 404: 'the conference does not exist, or the caller may not see it (conference_not_found)' })
  @ApiFileResponse('text/calendar', 'the conference as an iCalendar event (with its agenda items, if asked)')
  async conferenceCalendar(
    @Param('id', ParseUuidPipe) id: string,
    @Query() query: ConferenceCalendarQueryDto,
    @CurrentUser() user: User,
  ): Promise<StreamableFile> {
    return icsResponse(await this.files.conferenceCalendar(id, query.agenda === 'true', user));
  }

  @Roles('admin', 'organizer', 'operator')
  @Get('attendees/:attendeeId/invite.ics')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: "An attendee's calendar invitation",
    description:
      'The invitation of one attendee as it is emailed (METHOD:REQUEST, with the attendee and their bridge point), or its withdrawal ' +
      '(METHOD:CANCEL) once the conference is cancelled or the person cancelled or replaced by a substitute. Roles: admin, organizer, ' +
      'operator (an operator only for attendees of their bridge points). The attendee needs an email address.',
  })
  @ApiErrors({
    403: 'the caller is a viewer',
    404: 'the conference does not exist or the caller may not see it (conference_not_found), or the attendee is not one of its or not at an operator\'s points (attendee_not_found)',
    409: 'the attendee has no email address, to which an invitation is addressed (no_email)',
  })
  @ApiFileResponse('text/calendar', "the attendee's invitation as emailed (METHOD:REQUEST, or CANCEL once cancelled)")
  async invite(
    @Param('id', ParseUuidPipe) id: string,
    @Param('attendeeId', ParseUuidPipe) attendeeId: string,
    @Query() query: InviteQueryDto,
    @CurrentUser() user: User,
  ): Promise<StreamableFile> {
    return icsResponse(await this.files.invite(id, attendeeId, query.alarmMinutes ?? null, user));
  }

  @Roles('admin', 'organizer')
  @Post('attendees/:attendeeId/calendar-link')
  @ApiOperation({
    summary: 'Issue a calendar feed link',
    description:
      "Issues a signed link to the attendee's personal calendar feed (webcal://), which a calendar app subscribes to: every conference " +
      'their email address is invited to, at their own bridge point, refreshed hourly. Roles: admin, organizer. The token is shown once; ' +
      'by default the link works until a year after the conference ends.',
  })
  @ApiErrors({
    400: 'a field is wrong, or expiresAt is not after now (expires_in_past) or too long after the conference (expires_too_late)',
    403: 'the caller is neither admin nor organizer',
    404: 'the conference does not exist (conference_not_found), or the attendee is not one of its (attendee_not_found)',
  })
  @ApiCreatedResponse({ type: CalendarLinkResponseDto, description: "a new link to the attendee's personal calendar feed" })
  issueLink(
    @Param('id', ParseUuidPipe) id: string,
    @Param('attendeeId', ParseUuidPipe) attendeeId: string,
    @Body() dto: IssueCalendarLinkDto,
    @CurrentUser() user: User,
  ): Promise<CalendarLinkResponseDto> {
    return this.files.issueLink(id, attendeeId, dto, user);
  }
}
