import { Controller, Get, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { Caller, ConsoleCaller } from './console-caller';
import { ConsoleExceptionFilter } from './console-exception.filter';
import { ConsolePointsService } from './console-points.service';
import { sendConsole } from './console-reply';
import { ConsoleGuard } from './console.guard';

/** `/console/points`: where an operator lands: the bridge points they act for. */
@ApiExcludeController()
@Public()
@UseGuards(ConsoleGuard)
@UseFilters(ConsoleExceptionFilter)
@Controller('console')
export class ConsolePointsController {
  constructor(private readonly pages: ConsolePointsService) {}

  @Get('points')
  async show(@Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.pages.show(caller));
  }
}
