import { Body, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { FormFields } from '../web/form-body';
import { Caller, ConsoleCaller } from './console-caller';
import { ConferenceId } from './console-id.pipe';
import { ConsolePointsScreenService } from './console-points-screen.service';
import { sendConsole } from './console-reply';
import { ConsoleUpload } from './console-upload';
import { ConsoleScreens } from './console-screens.decorator';

/** `/console/conferences/:id/points`: a conference's bridge points, connecting them, their links and contacts. */
@ConsoleScreens('console', 'admin', 'organizer')
export class ConsolePointsScreenController {
  constructor(private readonly pages: ConsolePointsScreenService) {}

  @Roles('admin', 'organizer', 'viewer')
  @Get('conferences/:id/points')
  async list(@ConferenceId() id: string, @Query() query: Record<string, unknown>, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.pages.show(id, query, caller));
  }

  @Post('conferences/:id/points/connect')
  async connect(@ConferenceId() id: string, @Body() body: FormFields, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.pages.connect(id, body, caller));
  }

  @Post('conferences/:id/points/links')
  async links(@ConferenceId() id: string, @Body() body: FormFields, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.pages.links(id, body, caller));
  }

  @ConsoleUpload()
  @Post('conferences/:id/points/contacts')
  async contacts(@ConferenceId() id: string, @Req() request: FastifyRequest, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.pages.importContacts(id, request, caller));
  }

  @Get('conferences/:id/points/contacts/:key')
  async contactsReport(@ConferenceId() id: string, @Param('key') key: string, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.pages.contactsReport(id, key, caller));
  }
}
