import { Body, Controller, Get, Header, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { User } from '../auth/user.entity';
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
