import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import {
  AttendanceDto,
  BridgePointResponseDto,
  ConfirmBridgePointDto,
  ConnectionCheckDto,
  ConnectionCheckResultDto,
  DeclineBridgePointDto,
  PublicBridgePointViewDto,
} from './bridge-point.dto';
import { PublicBridgePointsService } from './public-bridge-points.service';

/** What bridge-point staff without an account do through their signed link. */
@ApiTags('public')
@Public()
@Controller('api/public/bridge-points/:token')
export class PublicBridgePointsController {
  constructor(private readonly points: PublicBridgePointsService) {}

  @Get()
  @ApiOkResponse({ type: PublicBridgePointViewDto, description: 'the conference, the point and the agenda' })
  view(@Param('token') token: string): Promise<PublicBridgePointViewDto> {
    return this.points.view(token);
  }

  @Post('confirm')
  @HttpCode(200)
  @ApiOkResponse({ type: BridgePointResponseDto, description: 'the point, confirmed' })
  confirm(@Param('token') token: string, @Body() dto: ConfirmBridgePointDto): Promise<BridgePointResponseDto> {
    return this.points.confirm(token, dto);
  }

  @Post('decline')
  @HttpCode(200)
  @ApiOkResponse({ type: BridgePointResponseDto, description: 'the point, declined' })
  decline(@Param('token') token: string, @Body() dto: DeclineBridgePointDto): Promise<BridgePointResponseDto> {
    return this.points.decline(token, dto);
  }

  @Post('connection-checks')
  @ApiCreatedResponse({ type: ConnectionCheckResultDto, description: "the check, and the point with the check's result as its connection state" })
  connectionCheck(@Param('token') token: string, @Body() dto: ConnectionCheckDto): Promise<ConnectionCheckResultDto> {
    return this.points.connectionCheck(token, dto);
  }

  @Post('attendance')
  @HttpCode(200)
  @ApiOkResponse({ type: BridgePointResponseDto, description: 'the point with its actual attendance' })
  attendance(@Param('token') token: string, @Body() dto: AttendanceDto): Promise<BridgePointResponseDto> {
    return this.points.attendance(token, dto);
  }
}
