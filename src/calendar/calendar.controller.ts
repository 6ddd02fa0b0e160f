import { Body, Controller, Get, Header, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { User } from '../auth/user.entity';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { CalendarFilesService } from './calendar-files.service';
import { CalendarLink } from './calendar-links.service';
import { ConferenceCalendarQueryDto, InviteQueryDto, IssueCalendarLinkDto } from './calendar.dto';
import { icsResponse } from './ics-file';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('api/conferences/:id')
export class CalendarController {
  constructor(private readonly files: CalendarFilesService) {}

  @Get('calendar.ics')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/calendar')
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
  @ApiProduces('text/calendar')
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
  issueLink(
    @Param('id', ParseUuidPipe) id: string,
    @Param('attendeeId', ParseUuidPipe) attendeeId: string,
    @Body() dto: IssueCalendarLinkDto,
    @CurrentUser() user: User,
  ): Promise<CalendarLink> {
    return this.files.issueLink(id, attendeeId, dto, user);
  }
}
