import { Controller, Get, Header, Param, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
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
  @ApiFileResponse('text/calendar', "the attendee's conferences as a calendar feed to subscribe to")
  async feed(@Param('token') token: string): Promise<StreamableFile> {
    return icsResponse(await this.files.feed(token));
  }
}
