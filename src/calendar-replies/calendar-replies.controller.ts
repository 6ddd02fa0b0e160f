import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { ApiErrors } from '../common/api-errors.decorator';
import { ApiPageResponse } from '../common/page-response.decorator';
import { Page } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { CalendarRepliesService } from './calendar-replies.service';
import { CalendarReplyListQueryDto, CalendarReplyResponseDto } from './calendar-reply.dto';

@ApiTags('calendar')
@ApiBearerAuth()
@Roles('admin', 'organizer', 'viewer')
@Controller('api/conferences/:id/calendar-replies')
export class CalendarRepliesController {
  constructor(private readonly replies: CalendarRepliesService) {}

  @Get()
  @ApiOperation({
    summary: 'List calendar replies read from the organizer mailbox',
    description:
      'The Accept, Decline and Tentative answers that delegates (đại biểu) sent from Outlook, Gmail or Thunderbird (iTIP REPLY) and ' +
      'that were read from the organizer mailbox (IMAP_URL), latest first: who answered, the answer, when, and what it did — applied ' +
      'to the delegate like the RSVP page, or recorded with the reason it changed nothing. Admins, organizers and viewers.',
  })
  @ApiErrors({ 403: 'the caller is an operator', 404: 'the conference does not exist (conference_not_found)' })
  @ApiPageResponse(CalendarReplyResponseDto, 'the calendar replies of the conference, latest first')
  list(@Param('id', ParseUuidPipe) id: string, @Query() query: CalendarReplyListQueryDto): Promise<Page<CalendarReplyResponseDto>> {
    return this.replies.list(id, query);
  }
}
