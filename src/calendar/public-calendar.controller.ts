import { Controller, Get, Header, Param, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { ApiErrors } from '../common/api-errors.decorator';
import { ApiFileResponse } from '../common/file-response.decorator';
import { CalendarFilesService } from './calendar-files.service';
import { icsResponse } from './ics-file';

/** The personal feed calendar apps subscribe to (webcal://), opened by a signed link with no account. */
@ApiTags('public')
@Public()
@Controller('api/public/calendar')
export class PublicCalendarController {
  constructor(private readonly files: CalendarFilesService) {}

  @Get(':token.ics')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({
    summary: "A person's calendar feed",
    description:
      'The personal calendar feed a calendar app subscribes to, opened by a signed link without an account (METHOD:PUBLISH): every ' +
      'conference past the draft stage that the person\'s email address is invited to and that was not withdrawn, at their own bridge ' +
      'point: at most 500, the latest first. Clients are asked to fetch it again every hour.',
  })
  @ApiErrors({
    404: 'the link is unknown, or the attendee it was made for is gone (unknown)',
    410: 'the link was revoked or has expired (revoked, expired)',
  })
  @ApiFileResponse('text/calendar', "the attendee's conferences as a calendar feed to subscribe to")
  async feed(@Param('token') token: string): Promise<StreamableFile> {
    return icsResponse(await this.files.feed(token));
  }
}
