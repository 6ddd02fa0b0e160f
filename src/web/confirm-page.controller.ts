import { Body, Controller, Get, Param, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { CONFIRM_ACTIONS, ConfirmAction } from './confirm-page';
import { ConfirmPageService } from './confirm-page.service';
import { FormFields } from './form-body';
import { PageExceptionFilter } from './page-exception.filter';
import { sendPage } from './page-result';

const doneAction = (value: unknown): ConfirmAction | undefined =>
  CONFIRM_ACTIONS.find((action) => action === value);

/** The page a bridge point's signed link opens (`/bridge-points/confirm/:token`), and its forms. */
@ApiExcludeController()
@Public()
@UseFilters(PageExceptionFilter)
@Controller('bridge-points/confirm/:token')
export class ConfirmPageController {
  constructor(private readonly pages: ConfirmPageService) {}

  @Get()
  async show(@Param('token') token: string, @Query('xong') done: unknown, @Res() reply: FastifyReply): Promise<void> {
    sendPage(reply, await this.pages.show(token, doneAction(done)));
  }

  @Post('confirm')
  async confirm(@Param('token') token: string, @Body() body: FormFields, @Res() reply: FastifyReply): Promise<void> {
    sendPage(reply, await this.pages.submit(token, 'confirm', body));
  }

  @Post('decline')
  async decline(@Param('token') token: string, @Body() body: FormFields, @Res() reply: FastifyReply): Promise<void> {
    sendPage(reply, await this.pages.submit(token, 'decline', body));
  }

  @Post('connection-check')
  async connectionCheck(@Param('token') token: string, @Body() body: FormFields, @Res() reply: FastifyReply): Promise<void> {
    sendPage(reply, await this.pages.submit(token, 'connection-check', body));
  }

  @Post('attendance')
  async attendance(@Param('token') token: string, @Body() body: FormFields, @Res() reply: FastifyReply): Promise<void> {
    sendPage(reply, await this.pages.submit(token, 'attendance', body));
  }
}
