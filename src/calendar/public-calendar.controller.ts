import { Controller, Get, Header, Param, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
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
  @ApiProduces('text/calendar')
  async feed(@Param('token') token: string): Promise<StreamableFile> {
    return icsResponse(await this.files.feed(token));
  }
}
