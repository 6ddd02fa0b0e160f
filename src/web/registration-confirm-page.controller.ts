import { Controller, Get, Param, Post, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { PageExceptionFilter } from './page-exception.filter';
import { sendPage } from './page-result';
import { RegistrationConfirmPageService } from './registration-confirm-page.service';

/** The page a self-registration's confirmation link opens (`/registration/confirm/:token`), and its button. */
@ApiExcludeController()
@Public()
@UseFilters(PageExceptionFilter)
@Controller('registration/confirm/:token')
export class RegistrationConfirmPageController {
  constructor(private readonly pages: RegistrationConfirmPageService) {}

  @Get()
  show(@Param('token') token: string, @Res() reply: FastifyReply): void {
    sendPage(reply, this.pages.show(token));
  }

  @Post()
  async confirm(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    sendPage(reply, await this.pages.confirm(token));
  }
}
