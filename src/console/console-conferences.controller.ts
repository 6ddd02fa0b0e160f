import { Body, Get, Post, Query, Res } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { FormFields } from '../web/form-body';
import { Caller, ConsoleCaller } from './console-caller';
import { ConsoleConferencesService } from './console-conferences.service';
import { ConferenceId } from './console-id.pipe';
import { sendConsole } from './console-reply';
import { ConsoleScreens } from './console-screens.decorator';

/** `/console` and `/console/conferences/…`: the conference list, its forms and each conference's overview and actions. */
@ConsoleScreens('console', 'admin', 'organizer', 'viewer')
export class ConsoleConferencesController {
  constructor(private readonly pages: ConsoleConferencesService) {}

  @Get()
  async list(@Query() query: Record<string, unknown>, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.pages.list(query, caller));
  }

  @Roles('admin', 'organizer')
  @Get('conferences/new')
  newForm(@Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): void {
    sendConsole(reply, this.pages.newForm(caller));
  }

  @Roles('admin', 'organizer')
  @Post('conferences')
  async create(@Body() body: FormFields, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.pages.create(body, caller));
  }

  @Get('conferences/:id')
  async overview(@ConferenceId() id: string, @Query('xong') done: unknown, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.pages.overview(id, caller, done));
  }

  @Roles('admin', 'organizer')
  @Get('conferences/:id/edit')
  async editForm(@ConferenceId() id: string, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.pages.editForm(id, caller));
  }

  @Roles('admin', 'organizer')
  @Post('conferences/:id/edit')
  async update(@ConferenceId() id: string, @Body() body: FormFields, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.pages.update(id, body, caller));
  }

  @Roles('admin', 'organizer')
  @Post('conferences/:id/publish')
  async publish(@ConferenceId() id: string, @Body() body: FormFields, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.pages.transition(id, 'publish', body, caller));
  }

  @Roles('admin', 'organizer')
  @Post('conferences/:id/start')
  async start(@ConferenceId() id: string, @Body() body: FormFields, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.pages.transition(id, 'start', body, caller));
  }

  @Roles('admin', 'organizer')
  @Post('conferences/:id/complete')
  async complete(@ConferenceId() id: string, @Body() body: FormFields, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.pages.transition(id, 'complete', body, caller));
  }

  @Roles('admin', 'organizer')
  @Post('conferences/:id/cancel')
  async cancel(@ConferenceId() id: string, @Body() body: FormFields, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.pages.transition(id, 'cancel', body, caller));
  }

  @Roles('admin', 'organizer')
  @Post('conferences/:id/clone')
  async clone(@ConferenceId() id: string, @Body() body: FormFields, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.pages.clone(id, body, caller));
  }
}
