import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import {
  AttendanceDto,
  BridgePointResponseDto,
  ConfirmBridgePointDto,
  ConnectionCheckDto,
  DeclineBridgePointDto,
} from './bridge-point.dto';
import { PublicBridgePointsService, PublicBridgePointView } from './public-bridge-points.service';

/** What bridge-point staff without an account do through their signed link. */
@ApiTags('public')
@Public()
@Controller('api/public/bridge-points/:token')
export class PublicBridgePointsController {
  constructor(private readonly points: PublicBridgePointsService) {}

  @Get()
  view(@Param('token') token: string): Promise<PublicBridgePointView> {
    return this.points.view(token);
  }

  @Post('confirm')
  @HttpCode(200)
  confirm(@Param('token') token: string, @Body() dto: ConfirmBridgePointDto): Promise<BridgePointResponseDto> {
    return this.points.confirm(token, dto);
  }

  @Post('decline')
  @HttpCode(200)
  decline(@Param('token') token: string, @Body() dto: DeclineBridgePointDto): Promise<BridgePointResponseDto> {
    return this.points.decline(token, dto);
  }

  @Post('connection-checks')
  connectionCheck(@Param('token') token: string, @Body() dto: ConnectionCheckDto) {
    return this.points.connectionCheck(token, dto);
  }

  @Post('attendance')
  @HttpCode(200)
  attendance(@Param('token') token: string, @Body() dto: AttendanceDto): Promise<BridgePointResponseDto> {
    return this.points.attendance(token, dto);
  }
}
