import { Body, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { ExportFile } from '../common/spreadsheet-export';
import { FormFields } from '../web/form-body';
import { ConsoleAttendeesService } from './console-attendees.service';
import { Caller, ConsoleCaller } from './console-caller';
import { ConferenceId, ConsoleIdPipe } from './console-id.pipe';
import { sendConsole } from './console-reply';
import { ConsoleUpload } from './console-upload';
import { ConsoleScreens } from './console-screens.decorator';

const sendFile = (reply: FastifyReply, file: ExportFile) =>
  void reply.header('cache-control', 'no-store').header('content-type', file.contentType).header('content-disposition', file.disposition).send(file.body);

/** `/console/conferences/:id/attendees` and the check-in desk: a conference's delegates. */
@ConsoleScreens('console', 'admin', 'organizer')
export class ConsoleAttendeesController {
  constructor(private readonly pages: ConsoleAttendeesService) {}

  @Roles('admin', 'organizer', 'viewer')
  @Get('conferences/:id/attendees')
  async list(@ConferenceId() id: string, @Query() query: Record<string, unknown>, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.pages.list(id, query, caller));
  }

  @Get('conferences/:id/attendees/new')
  async newForm(@ConferenceId() id: string, @Query() query: Record<string, unknown>, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.pages.newForm(id, query, caller));
  }

  @Post('conferences/:id/attendees')
  async create(@ConferenceId() id: string, @Body() body: FormFields, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.pages.create(id, body, caller));
  }

  @Get('conferences/:id/attendees/import')
  async importForm(@ConferenceId() id: string, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.pages.importForm(id, caller));
  }

  @ConsoleUpload()
  @Post('conferences/:id/attendees/import')
  async import(@ConferenceId() id: string, @Req() request: FastifyRequest, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.pages.import(id, request, caller));
  }

  @Get('conferences/:id/attendees/import-jobs/:jobId')
  async importJob(
    @ConferenceId() id: string,
    @Param('jobId', ConsoleIdPipe) jobId: string,
    @Caller() caller: ConsoleCaller,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendConsole(reply, await this.pages.importJob(id, jobId, caller));
  }

  @Roles('admin', 'organizer', 'viewer')
  @Get('conferences/:id/attendees/export.csv')
  async exportCsv(@ConferenceId() id: string, @Query() query: Record<string, unknown>, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendFile(reply, await this.pages.export(id, 'csv', query, caller));
  }

  @Roles('admin', 'organizer', 'viewer')
  @Get('conferences/:id/attendees/export.xlsx')
  async exportXlsx(@ConferenceId() id: string, @Query() query: Record<string, unknown>, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendFile(reply, await this.pages.export(id, 'xlsx', query, caller));
  }

  @Get('conferences/:id/attendees/:attendeeId/edit')
  async editForm(
    @ConferenceId() id: string,
    @Param('attendeeId', ConsoleIdPipe) attendeeId: string,
    @Caller() caller: ConsoleCaller,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendConsole(reply, await this.pages.editForm(id, attendeeId, caller));
  }

  @Post('conferences/:id/attendees/:attendeeId/edit')
  async update(
    @ConferenceId() id: string,
    @Param('attendeeId', ConsoleIdPipe) attendeeId: string,
    @Body() body: FormFields,
    @Caller() caller: ConsoleCaller,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendConsole(reply, await this.pages.update(id, attendeeId, body, caller));
  }

  @Get('conferences/:id/attendees/:attendeeId/remove')
  async removeForm(
    @ConferenceId() id: string,
    @Param('attendeeId', ConsoleIdPipe) attendeeId: string,
    @Caller() caller: ConsoleCaller,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendConsole(reply, await this.pages.removeForm(id, attendeeId, caller));
  }

  @Post('conferences/:id/attendees/:attendeeId/remove')
  async remove(
    @ConferenceId() id: string,
    @Param('attendeeId', ConsoleIdPipe) attendeeId: string,
    @Caller() caller: ConsoleCaller,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendConsole(reply, await this.pages.remove(id, attendeeId, caller));
  }

  @Get('conferences/:id/check-in')
  async desk(@ConferenceId() id: string, @Query() query: Record<string, unknown>, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.pages.checkInDesk(id, query, caller));
  }

  @Post('conferences/:id/check-in')
  async checkIn(@ConferenceId() id: string, @Body() body: FormFields, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.pages.checkIn(id, body, caller));
  }
}
