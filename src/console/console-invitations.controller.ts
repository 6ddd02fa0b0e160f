import { Body, Controller, Get, Param, Post, Query, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Public, Roles } from '../auth/auth.decorators';
import { FormFields } from '../web/form-body';
import { Caller, ConsoleCaller } from './console-caller';
import { ConsoleExceptionFilter } from './console-exception.filter';
import { ConsoleIdPipe } from './console-id.pipe';
import { ConsoleInvitationsService } from './console-invitations.service';
import { sendConsole } from './console-reply';
import { ConsoleGuard } from './console.guard';

/** `/console/conferences/:id/invitations`: sending invitations and the delivery log (admins and organizers, as in the API). */
@ApiExcludeController()
@Public()
@UseGuards(ConsoleGuard)
@UseFilters(ConsoleExceptionFilter)
@Roles('admin', 'organizer')
@Controller('console')
export class ConsoleInvitationsController {
  constructor(private readonly pages: ConsoleInvitationsService) {}

  @Get('conferences/:id/invitations')
  async show(@Param('id', ConsoleIdPipe) id: string, @Query() query: Record<string, unknown>, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.pages.show(id, query, caller));
  }

  @Post('conferences/:id/invitations')
  async send(@Param('id', ConsoleIdPipe) id: string, @Body() body: FormFields, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.pages.send(id, body, caller));
  }

  @Get('conferences/:id/invitations/progress')
  async progress(@Param('id', ConsoleIdPipe) id: string, @Query() query: Record<string, unknown>, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.pages.progress(id, query, caller));
  }

  @Post('conferences/:id/deliveries/:deliveryId/resend')
  async resend(
    @Param('id', ConsoleIdPipe) id: string,
    @Param('deliveryId', ConsoleIdPipe) deliveryId: string,
    @Caller() caller: ConsoleCaller,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendConsole(reply, await this.pages.resend(id, deliveryId, caller));
  }
}
