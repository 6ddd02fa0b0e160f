import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { ApiErrors } from '../common/api-errors.decorator';
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

const LINK_404 = 'the token is not a link of a bridge point (unknown)';
const LINK_410 = 'the link was revoked (revoked) or has expired (expired)';
const CLOSED = 'the conference is completed or cancelled (conference_closed)';

/** What bridge-point staff without an account do through their signed link. */
@ApiTags('public')
@Public()
@Controller('api/public/bridge-points/:token')
export class PublicBridgePointsController {
  constructor(private readonly points: PublicBridgePointsService) {}

  @Get()
  @ApiOperation({
    summary: "Open a bridge point's signed link",
    description:
      'What the staff of a bridge point (điểm cầu) see through the signed link they were sent, without an account: the ' +
      'conference, their point, the agenda and the connection checks recorded. No token needed: the link is the credential.',
  })
  @ApiErrors({ 404: LINK_404, 410: LINK_410 })
  @ApiOkResponse({ type: PublicBridgePointViewDto, description: 'the conference, the point and the agenda' })
  view(@Param('token') token: string): Promise<PublicBridgePointViewDto> {
    return this.points.view(token);
  }

  @Post('confirm')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Confirm through the signed link (xác nhận)',
    description:
      "Records that the link's point takes part, with its chair and contacts if given, as the authenticated confirm does. " +
      'A point that declined must be reopened by the organizers first.',
  })
  @ApiErrors({
    404: LINK_404,
    409: `${CLOSED}, the version is stale (stale_version), or the point declined (already_declined)`,
    410: LINK_410,
  })
  @ApiOkResponse({ type: BridgePointResponseDto, description: 'the point, confirmed' })
  confirm(@Param('token') token: string, @Body() dto: ConfirmBridgePointDto): Promise<BridgePointResponseDto> {
    return this.points.confirm(token, dto);
  }

  @Post('decline')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Decline through the signed link (từ chối)',
    description: "Records that the link's point does not take part, with the reason. A point that confirmed must be reopened by the organizers first.",
  })
  @ApiErrors({
    404: LINK_404,
    409: `${CLOSED}, the version is stale (stale_version), or the point confirmed (already_confirmed)`,
    410: LINK_410,
  })
  @ApiOkResponse({ type: BridgePointResponseDto, description: 'the point, declined' })
  decline(@Param('token') token: string, @Body() dto: DeclineBridgePointDto): Promise<BridgePointResponseDto> {
    return this.points.decline(token, dto);
  }

  @Post('connection-checks')
  @ApiOperation({
    summary: 'Record a connection check through the signed link',
    description: "Records the result of a test of the point's video link; the latest check becomes the point's connection state.",
  })
  @ApiErrors({ 404: LINK_404, 409: CLOSED, 410: LINK_410 })
  @ApiCreatedResponse({ type: ConnectionCheckResultDto, description: "the check, and the point with the check's result as its connection state" })
  connectionCheck(@Param('token') token: string, @Body() dto: ConnectionCheckDto): Promise<ConnectionCheckResultDto> {
    return this.points.connectionCheck(token, dto);
  }

  @Post('attendance')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Report the headcount through the signed link',
    description:
      'Records how many delegates are actually at the point (số đại biểu thực tế). Accepted from CHECKIN_OPENS_MINUTES before ' +
      'the start until the conference is completed.',
  })
  @ApiErrors({ 404: LINK_404, 409: `${CLOSED}, or attendance is not open yet (attendance_not_open)`, 410: LINK_410 })
  @ApiOkResponse({ type: BridgePointResponseDto, description: 'the point with its actual attendance' })
  attendance(@Param('token') token: string, @Body() dto: AttendanceDto): Promise<BridgePointResponseDto> {
    return this.points.attendance(token, dto);
  }
}
