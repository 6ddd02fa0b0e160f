import { Body, Get, Post, Query, Res } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { FormFields } from '../web/form-body';
import { Caller, ConsoleCaller } from './console-caller';
import { ConferenceId } from './console-id.pipe';
import { sendConsole } from './console-reply';
import { ItemId, sendFile } from './console-screen-kit';
import { ConsoleTrainingService } from './console-training.service';
import { ConsoleScreens } from './console-screens.decorator';

/** `/console/conferences/:id/training`: session attendance, completions and certificates of a training. */
@ConsoleScreens('console/conferences/:id', 'admin', 'organizer', 'viewer')
export class ConsoleTrainingController {
  constructor(private readonly training: ConsoleTrainingService) {}

  @Get('training')
  async page(@ConferenceId() id: string, @Query() query: Record<string, unknown>, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.training.page(id, caller, query));
  }

  @Roles('admin', 'organizer')
  @Post('training/certificates')
  async issue(@ConferenceId() id: string, @Body() body: FormFields, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.training.issue(id, body, caller));
  }

  @Roles('admin', 'organizer')
  @Post('training/certificates/:certId/revoke')
  async revoke(
    @ConferenceId() id: string,
    @ItemId('certId') certId: string,
    @Body() body: FormFields,
    @Caller() caller: ConsoleCaller,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendConsole(reply, await this.training.revoke(id, certId, body, caller));
  }

  @Get('training/certificates.pdf')
  async pdf(@ConferenceId() id: string, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendFile(reply, await this.training.allPdf(id, caller));
  }

  @Get('training/certificates/:certId.pdf')
  async onePdf(@ConferenceId() id: string, @ItemId('certId') certId: string, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendFile(reply, await this.training.onePdf(id, certId, caller));
  }

  @Get('training/sessions/:itemId')
  async session(
    @ConferenceId() id: string,
    @ItemId('itemId') itemId: string,
    @Query() query: Record<string, unknown>,
    @Caller() caller: ConsoleCaller,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendConsole(reply, await this.training.session(id, itemId, caller, query));
  }

  @Roles('admin', 'organizer')
  @Post('training/sessions/:itemId')
  async mark(
    @ConferenceId() id: string,
    @ItemId('itemId') itemId: string,
    @Body() body: FormFields,
    @Caller() caller: ConsoleCaller,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendConsole(reply, await this.training.mark(id, itemId, body, caller));
  }

  @Roles('admin', 'organizer')
  @Post('training/sessions/:itemId/roll-call')
  async rollCall(
    @ConferenceId() id: string,
    @ItemId('itemId') itemId: string,
    @Body() body: FormFields,
    @Caller() caller: ConsoleCaller,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendConsole(reply, await this.training.rollCall(id, itemId, body, caller));
  }
}
