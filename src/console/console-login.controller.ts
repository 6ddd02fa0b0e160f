import { Body, Controller, Get, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { LoginThrottlerGuard } from '../auth/login-throttler.guard';
import { FormFields } from '../web/form-body';
import { Caller, ConsoleCaller } from './console-caller';
import { ConsoleExceptionFilter } from './console-exception.filter';
import { ConsoleLoginService } from './console-login.service';
import { sendConsole } from './console-reply';
import { ConsoleGuard } from './console.guard';

/** `/console/login` and `/console/logout`: the console's cookie session. */
@ApiExcludeController()
@Public()
@UseFilters(ConsoleExceptionFilter)
@Controller('console')
export class ConsoleLoginController {
  constructor(private readonly login: ConsoleLoginService) {}

  @Get('login')
  async show(@Req() request: FastifyRequest, @Query('next') next: unknown, @Query('xong') done: unknown, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.login.show(request.headers.cookie, next, done));
  }

  // The API's sign-in limits count these attempts too (LoginThrottlerGuard keys by address and email, not by route).
  @UseGuards(LoginThrottlerGuard)
  @Post('login')
  async submit(@Req() request: FastifyRequest, @Body() body: FormFields, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.login.submit(request.headers.cookie, body));
  }

  @UseGuards(ConsoleGuard)
  @Post('logout')
  async logout(@Caller() caller: ConsoleCaller, @Res() reply: FastifyReply): Promise<void> {
    sendConsole(reply, await this.login.signOut(caller));
  }
}
