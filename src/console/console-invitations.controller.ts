import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { FormFields } from '../web/form-body';
import { Caller, ConsoleCaller } from './console-caller';
import { ConferenceId, ConsoleIdPipe } from './console-id.pipe';
import { ConsoleInvitationsService } from './console-invitations.service';
import { sendConsole } from './console-reply';
import { ConsoleScreens } from './console-screens.decorator';

/** `/console/conferences/:id/invitations`: sending invitations and the delivery log (admins and organizers, as in the API). */
@ConsoleScreens('console', 'admin', 'organizer')
export class ConsoleInvitationsController {
  constructor(private readonly pages: ConsoleInvitationsService) {}

  @Get('conferences/:id/invitations')
  async show(@ConferenceId() id: string, @Query() query: Record<string, unknown>, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.pages.show(id, query, caller));
  }

  @Post('conferences/:id/invitations')
  async send(@ConferenceId() id: string, @Body() body: FormFields, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.pages.send(id, body, caller));
  }

  @Get('conferences/:id/invitations/progress')
  async progress(@ConferenceId() id: string, @Query() query: Record<string, unknown>, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.pages.progress(id, query, caller));
  }

  @Post('conferences/:id/deliveries/:deliveryId/resend')
  async resend(
    @ConferenceId() id: string,
    @Param('deliveryId', ConsoleIdPipe) deliveryId: string,
    @Caller() caller: ConsoleCaller,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendConsole(reply, await this.pages.resend(id, deliveryId, caller));
  }
}
