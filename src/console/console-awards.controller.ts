import { Body, Get, Post, Query, Req, Res } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { FormFields } from '../web/form-body';
import { ConsoleAwardsService } from './console-awards.service';
import { Caller, ConsoleCaller } from './console-caller';
import { ConferenceId } from './console-id.pipe';
import { sendConsole } from './console-reply';
import { ItemId, sendFile } from './console-screen-kit';
import { ConsoleUpload } from './console-upload';
import { ConsoleScreens } from './console-screens.decorator';

/** `/console/conferences/:id/awards`: award decisions (added, edited, removed after a confirmation), their recipients and the award list's files. */
@ConsoleScreens('console/conferences/:id', 'admin', 'organizer', 'viewer')
export class ConsoleAwardsController {
  constructor(private readonly awards: ConsoleAwardsService) {}

  @Get('awards')
  async page(@ConferenceId() id: string, @Query('xong') done: unknown, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.awards.page(id, caller, done));
  }

  @Roles('admin', 'organizer')
  @Post('awards')
  async createDecision(@ConferenceId() id: string, @Body() body: FormFields, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.awards.createDecision(id, body, caller));
  }

  @Roles('admin', 'organizer')
  @Get('awards/:decisionId/edit')
  async editForm(@ConferenceId() id: string, @ItemId('decisionId') decisionId: string, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.awards.editForm(id, decisionId, caller));
  }

  @Roles('admin', 'organizer')
  @Post('awards/:decisionId/edit')
  async update(
    @ConferenceId() id: string,
    @ItemId('decisionId') decisionId: string,
    @Body() body: FormFields,
    @Caller() caller: ConsoleCaller,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendConsole(reply, await this.awards.update(id, decisionId, body, caller));
  }

  @Roles('admin', 'organizer')
  @Get('awards/:decisionId/remove')
  async removeForm(@ConferenceId() id: string, @ItemId('decisionId') decisionId: string, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.awards.removeForm(id, decisionId, caller));
  }

  @Roles('admin', 'organizer')
  @Post('awards/:decisionId/remove')
  async remove(@ConferenceId() id: string, @ItemId('decisionId') decisionId: string, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.awards.remove(id, decisionId, caller));
  }

  @Roles('admin', 'organizer')
  @Post('awards/:decisionId/recipients')
  async addRecipient(
    @ConferenceId() id: string,
    @ItemId('decisionId') decisionId: string,
    @Body() body: FormFields,
    @Caller() caller: ConsoleCaller,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendConsole(reply, await this.awards.addRecipient(id, decisionId, body, caller));
  }

  @Roles('admin', 'organizer')
  @ConsoleUpload()
  @Post('awards/:decisionId/import')
  async import(
    @ConferenceId() id: string,
    @ItemId('decisionId') decisionId: string,
    @Req() request: FastifyRequest,
    @Caller() caller: ConsoleCaller,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendConsole(reply, await this.awards.import(id, decisionId, request, caller));
  }

  @Get('awards.docx')
  async docx(@ConferenceId() id: string, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendFile(reply, await this.awards.file(id, 'docx', caller));
  }

  @Get('awards.xlsx')
  async xlsx(@ConferenceId() id: string, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendFile(reply, await this.awards.file(id, 'xlsx', caller));
  }

  @Get('awards.csv')
  async csv(@ConferenceId() id: string, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendFile(reply, await this.awards.file(id, 'csv', caller));
  }
}
