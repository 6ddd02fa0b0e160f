import { Body, Controller, Get, Header, Param, Post, Query, Res, StreamableFile, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { icsResponse } from '../calendar/ics-file';
import { FormFields } from './form-body';
import { PageExceptionFilter } from './page-exception.filter';
import { sendPage } from './page-result';
import { RSVP_ACTIONS, RsvpAction } from './rsvp-page';
import { EVALUATION_DONE_KEY } from './rsvp-evaluation';
import { RsvpPageService } from './rsvp-page.service';

const doneAction = (value: unknown): RsvpAction | undefined => RSVP_ACTIONS.find((action) => action === value);

/** The page an attendee's RSVP link opens (`/rsvp/:token`), its answers and calendar links. */
@ApiExcludeController()
@Public()
@UseFilters(PageExceptionFilter)
@Controller('rsvp/:token')
export class RsvpPageController {
  constructor(private readonly pages: RsvpPageService) {}

  @Get()
  async show(
    @Param('token') token: string,
    @Query('xong') done: unknown,
    @Query('lich') feed: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.pages.show(token, doneAction(done), typeof feed === 'string' ? feed : undefined, done === EVALUATION_DONE_KEY));
  }

  @Get('invite.ics')
  @Header('Cache-Control', 'private, no-store')
  async invite(@Param('token') token: string): Promise<StreamableFile> {
    return icsResponse(await this.pages.invite(token));
  }

  @Post('accept')
  async accept(@Param('token') token: string, @Body() body: FormFields, @Res() reply: FastifyReply): Promise<void> {
    sendPage(reply, await this.pages.submit(token, 'accept', body));
  }

  @Post('decline')
  async decline(@Param('token') token: string, @Body() body: FormFields, @Res() reply: FastifyReply): Promise<void> {
    sendPage(reply, await this.pages.submit(token, 'decline', body));
  }

  @Post('substitute')
  async substitute(@Param('token') token: string, @Body() body: FormFields, @Res() reply: FastifyReply): Promise<void> {
    sendPage(reply, await this.pages.submit(token, 'substitute', body));
  }

  @Post('evaluation')
  async evaluation(@Param('token') token: string, @Body() body: FormFields, @Res() reply: FastifyReply): Promise<void> {
    sendPage(reply, await this.pages.evaluate(token, body));
  }

  @Post('calendar-feed')
  async calendarFeed(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    sendPage(reply, await this.pages.issueFeed(token));
  }
}
