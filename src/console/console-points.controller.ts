import { Get, Res } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { Caller, ConsoleCaller } from './console-caller';
import { ConsolePointsService } from './console-points.service';
import { sendConsole } from './console-reply';
import { ConsoleScreens } from './console-screens.decorator';

/** `/console/points`: where an operator lands: the bridge points they act for. */
@ConsoleScreens('console')
export class ConsolePointsController {
  constructor(private readonly pages: ConsolePointsService) {}

  @Get('points')
  async show(@Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.pages.show(caller));
  }
}
