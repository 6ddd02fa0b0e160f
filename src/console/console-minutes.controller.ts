import { Body, Get, Post, Query, Res } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { FormFields } from '../web/form-body';
import { Caller, ConsoleCaller } from './console-caller';
import { ConferenceId } from './console-id.pipe';
import { ConsoleMinutesActionsService } from './console-minutes-actions.service';
import { ConsoleMinutesService } from './console-minutes.service';
import { sendConsole } from './console-reply';
import { ItemId, sendFile } from './console-screen-kit';
import { ConsoleScreens } from './console-screens.decorator';

/** `/console/conferences/:id/minutes`: the minutes (biên bản) as a form, their approval, revisions and files; `…/action-items`: the tasks and their progress. */
@ConsoleScreens('console/conferences/:id', 'admin', 'organizer', 'viewer')
export class ConsoleMinutesController {
  constructor(private readonly minutes: ConsoleMinutesService, private readonly actions: ConsoleMinutesActionsService  ) {}

  @Get('minutes')
  async page(@ConferenceId() id: string, @Query('xong') done: unknown, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.minutes.page(id, caller, done));
  }

  @Roles('admin', 'organizer')
  @Post('minutes')
  async save(@ConferenceId() id: string, @Body() body: FormFields, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.minutes.save(id, body, caller));
  }

  @Roles('admin', 'organizer')
  @Post('minutes/draft')
  async draft(@ConferenceId() id: string, @Body() body: FormFields, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.minutes.draft(id, body, caller));
  }

  @Roles('admin', 'organizer')
  @Get('minutes/approve')
  async approveForm(@ConferenceId() id: string, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.minutes.approveForm(id, caller));
  }

  @Roles('admin', 'organizer')
  @Post('minutes/approve')
  async approve(@ConferenceId() id: string, @Body() body: FormFields, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.minutes.approve(id, body, caller));
  }

  @Roles('admin', 'organizer')
  @Post('minutes/refresh-action-items')
  async refresh(@ConferenceId() id: string, @Body() body: FormFields, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.minutes.refreshActionItems(id, body, caller));
  }

  @Roles('admin')
  @Post('minutes/reopen')
  async reopen(@ConferenceId() id: string, @Body() body: FormFields, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.minutes.reopen(id, body, caller));
  }

  @Get('minutes.docx')
  async docx(@ConferenceId() id: string, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendFile(reply, await this.minutes.file(id, 'docx', caller));
  }

  @Get('minutes.pdf')
  async pdf(@ConferenceId() id: string, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendFile(reply, await this.minutes.file(id, 'pdf', caller));
  }

  @Get('action-items')
  async actionItems(@ConferenceId() id: string, @Query('xong') done: unknown, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.actions.page(id, caller, done));
  }

  @Roles('admin', 'organizer')
  @Post('action-items')
  async addActionItem(@ConferenceId() id: string, @Body() body: FormFields, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.actions.create(id, body, caller));
  }

  @Roles('admin', 'organizer')
  @Post('action-items/:itemId')
  async actionItemProgress(
    @ConferenceId() id: string,
    @ItemId('itemId') itemId: string,
    @Body() body: FormFields,
    @Caller() caller: ConsoleCaller,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendConsole(reply, await this.actions.progress(id, itemId, body, caller));
  }
}
