import { Body, Get, Post, Query, Res } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { FormFields } from '../web/form-body';
import { ConsoleAgendaSpeakersService } from './console-agenda-speakers.service';
import { ConsoleAgendaService } from './console-agenda.service';
import { Caller, ConsoleCaller } from './console-caller';
import { ConferenceId } from './console-id.pipe';
import { sendConsole } from './console-reply';
import { ItemId } from './console-screen-kit';
import { ConsoleScreens } from './console-screens.decorator';

/** `/console/conferences/:id/agenda` (the programme) and `/console/speakers` (the speaker directory). */
@ConsoleScreens('console', 'admin', 'organizer', 'viewer')
export class ConsoleAgendaController {
  constructor(private readonly agenda: ConsoleAgendaService, private readonly speakers: ConsoleAgendaSpeakersService  ) {}

  @Get('conferences/:id/agenda')
  async page(@ConferenceId() id: string, @Query('xong') done: unknown, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.agenda.page(id, caller, done));
  }

  @Roles('admin', 'organizer')
  @Post('conferences/:id/agenda')
  async create(@ConferenceId() id: string, @Body() body: FormFields, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.agenda.create(id, body, caller));
  }

  @Roles('admin', 'organizer')
  @Get('conferences/:id/agenda/:itemId/edit')
  async editForm(@ConferenceId() id: string, @ItemId('itemId') itemId: string, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply  ): Promise<void> {
    sendConsole(reply, await this.agenda.editForm(id, itemId, caller));
  }

  @Roles('admin', 'organizer')
  @Post('conferences/:id/agenda/:itemId/edit')
  async update(
    @ConferenceId() id: string,
    @ItemId('itemId') itemId: string,
    @Body() body: FormFields,
    @Caller() caller: ConsoleCaller,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendConsole(reply, await this.agenda.update(id, itemId, body, caller));
  }

  @Roles('admin', 'organizer')
  @Post('conferences/:id/agenda/:itemId/remove')
  async remove(
    @ConferenceId() id: string,
    @ItemId('itemId') itemId: string,
    @Body() body: FormFields,
    @Caller() caller: ConsoleCaller,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendConsole(reply, await this.agenda.remove(id, itemId, body, caller));
  }

  @Get('speakers')
  async speakerList(@Query() query: Record<string, unknown>, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.speakers.list(query, caller));
  }

  @Roles('admin', 'organizer')
  @Post('speakers')
  async speakerCreate(@Body() body: FormFields, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.speakers.create(body, caller));
  }

  @Roles('admin', 'organizer')
  @Get('speakers/:speakerId/edit')
  async speakerEditForm(@ItemId('speakerId') speakerId: string, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.speakers.editForm(speakerId, caller));
  }

  @Roles('admin', 'organizer')
  @Get('speakers/:speakerId/remove')
  async speakerRemoveForm(@ItemId('speakerId') speakerId: string, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.speakers.removeForm(speakerId, caller));
  }

  @Roles('admin', 'organizer')
  @Post('speakers/:speakerId/remove')
  async speakerRemove(@ItemId('speakerId') speakerId: string, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.speakers.remove(speakerId, caller));
  }

  @Roles('admin', 'organizer')
  @Post('speakers/:speakerId/edit')
  async speakerUpdate(@ItemId('speakerId') speakerId: string, @Body() body: FormFields, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply  ): Promise<void> {
    sendConsole(reply, await this.speakers.update(speakerId, body, caller));
  }
}
