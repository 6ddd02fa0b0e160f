import { Controller, Get, Param, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { PageExceptionFilter } from './page-exception.filter';
import { sendPage } from './page-result';
import { SessionPagesService } from './session-pages.service';

/**
 * A session's hall screen (`/sessions/:itemId/screen`: its script signs staff in and shows the
 * rotating code as a QR code) and the page that QR code opens (`/s/:itemId/:code`). Neither
 * holds data of the session; the scripts read and write over the API.
 */
@ApiExcludeController()
@Public()
@UseFilters(PageExceptionFilter)
@Controller()
export class SessionPagesController {
  constructor(private readonly pages: SessionPagesService) {}

  @Get('sessions/:itemId/screen')
  async screen(@Param('itemId') itemId: string, @Res() reply: FastifyReply): Promise<void> {
    sendPage(reply, await this.pages.screen(itemId));
  }

  @Get('s/:itemId/:code')
  scan(@Param('itemId') itemId: string, @Param('code') code: string, @Res() reply: FastifyReply): void {
    sendPage(reply, this.pages.scan(itemId, code));
  }
}
