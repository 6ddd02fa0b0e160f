import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { CONSOLE_CSS } from './assets/console-css';

/** The console's stylesheet, beside the pages' own under /assets (the CSP allows no inline style sheet to rely on). */
@ApiExcludeController()
@Public()
@Controller('assets')
export class ConsoleAssetsController {
  @Get('console.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  css(): string {
    return CONSOLE_CSS;
  }
}
