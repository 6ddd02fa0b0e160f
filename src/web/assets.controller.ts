import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { BOARD_JS } from './assets/board-js';
import { CHECK_IN_JS } from './assets/check-in-js';
import { SCREEN_JS } from './assets/screen-js';
import { SITE_CSS } from './assets/site-css';

const CACHE = 'public, max-age=3600';

/** The pages' stylesheet and scripts (board, hall screen, QR check-in), as files of their own so the CSP can forbid inline code. */
@ApiExcludeController()
@Public()
@Controller('assets')
export class AssetsController {
  @Get('site.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('Cache-Control', CACHE)
  css(): string {
    return SITE_CSS;
  }

  @Get('board.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('Cache-Control', CACHE)
  boardJs(): string {
    return BOARD_JS;
  }

  @Get('screen.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('Cache-Control', CACHE)
  screenJs(): string {
    return SCREEN_JS;
  }

  @Get('check-in.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('Cache-Control', CACHE)
  checkInJs(): string {
    return CHECK_IN_JS;
  }
}
