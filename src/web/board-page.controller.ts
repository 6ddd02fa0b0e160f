import { Controller, Get, Param, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { conferenceNotFound } from '../common/errors';
import { boardPage } from './board-page';
import { PageExceptionFilter } from './page-exception.filter';
import { sendPage } from './page-result';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `/board/:conferenceId`: the page itself holds no data, so it needs no token; its script signs in. */
@ApiExcludeController()
@Public()
@UseFilters(PageExceptionFilter)
@Controller('board')
export class BoardPageController {
  @Get(':conferenceId')
  show(@Param('conferenceId') conferenceId: string, @Res() reply: FastifyReply): void {
    if (!UUID.test(conferenceId)) throw conferenceNotFound('conferenceId');
    sendPage(reply, { status: 200, html: boardPage(conferenceId.toLowerCase()) });
  }
}
