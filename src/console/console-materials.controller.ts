import { Get, Post, Query, Req, Res } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { Caller, ConsoleCaller } from './console-caller';
import { ConferenceId } from './console-id.pipe';
import { ConsoleMaterialsService } from './console-materials.service';
import { sendConsole } from './console-reply';
import { ItemId } from './console-screen-kit';
import { ConsoleUpload } from './console-upload';
import { ConsoleScreens } from './console-screens.decorator';

/** `/console/conferences/:id/materials`: the conference's materials, their downloads per point and reminders. */
@ConsoleScreens('console/conferences/:id', 'admin', 'organizer', 'viewer')
export class ConsoleMaterialsController {
  constructor(private readonly materials: ConsoleMaterialsService) {}

  @Get('materials')
  async page(@ConferenceId() id: string, @Query() query: Record<string, unknown>, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.materials.page(id, caller, query));
  }

  @Roles('admin', 'organizer')
  @ConsoleUpload()
  @Post('materials')
  async upload(
    @ConferenceId() id: string,
    @Query() query: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Caller() caller: ConsoleCaller,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendConsole(reply, await this.materials.upload(id, request, query, caller));
  }

  @Roles('admin', 'organizer')
  @Post('materials/:materialId/resend')
  async resend(@ConferenceId() id: string, @ItemId('materialId') materialId: string, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply  ): Promise<void> {
    sendConsole(reply, await this.materials.resend(id, materialId, caller));
  }

  @Roles('admin', 'organizer')
  @Get('materials/:materialId/remove')
  async removeForm(@ConferenceId() id: string, @ItemId('materialId') materialId: string, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.materials.removeForm(id, materialId, caller));
  }

  @Roles('admin', 'organizer')
  @Post('materials/:materialId/remove')
  async remove(@ConferenceId() id: string, @ItemId('materialId') materialId: string, @Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.materials.remove(id, materialId, caller));
  }

  @Get('materials/:materialId/file')
  async file(
    @ConferenceId() id: string,
    @ItemId('materialId') materialId: string,
    @Caller() caller: ConsoleCaller,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.materials.download(id, materialId, caller, request, reply);
  }
}
