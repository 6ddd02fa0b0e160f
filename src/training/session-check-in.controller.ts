import { Body, Controller, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public, Roles } from '../auth/auth.decorators';
import { User } from '../auth/user.entity';
import { ApiErrors } from '../common/api-errors.decorator';
import { ApiFileResponse } from '../common/file-response.decorator';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { SelfCheckInDto, SelfCheckInResponseDto, SessionCheckInCodeDto } from './session-attendance.dto';
import { CODE_STEP_SECONDS } from './session-codes';
import { SessionSelfCheckInService } from './session-self-check-in.service';

const CONFERENCE_409 = 'the item is not a session (not_a_session); the conference is a draft (conference_not_published), completed or cancelled (conference_closed)';
const LIVE_409 = `${CONFERENCE_409}; or the session's roll call is not open yet (session_not_open) or ended (session_ended)`;

@ApiTags('training')
@ApiBearerAuth()
@Controller('api/conferences/:id/agenda-items/:itemId')
export class SessionCheckInCodeController {
  constructor(private readonly selfCheckIn: SessionSelfCheckInService) {}

  @Roles('admin', 'organizer', 'operator')
  @Get('check-in-code')
  @ApiOperation({
    summary: "The session's current check-in code",
    description:
      `The code the hall screen shows (mã điểm danh buổi học): six characters that change every ${CODE_STEP_SECONDS} seconds, the same on ` +
      'every instance sharing JWT_SECRET; the code of the period before is accepted too. People enter it on the page of their RSVP link to ' +
      "check themselves in, only while the session's roll call is open (opensAt to closesAt; a screen may show the code earlier). Roles: " +
      "admin, organizer, operator (a point's screen).",
  })
  @ApiOkResponse({ type: SessionCheckInCodeDto, description: "the code, when the next one replaces it, and the session's roll-call window" })
  @ApiErrors({
    403: 'the caller is a viewer',
    404: 'the conference does not exist or an operator may not see it (conference_not_found), or the item is not one of its (agenda_item_not_found)',
    409: CONFERENCE_409,
  })
  code(@Param('id', ParseUuidPipe) id: string, @Param('itemId', ParseUuidPipe) itemId: string, @CurrentUser() user: User): Promise<SessionCheckInCodeDto> {
    return this.selfCheckIn.currentCode(id, itemId, user);
  }

  @Roles('admin', 'organizer', 'operator')
  @Get('check-in-code.svg')
  @Header('Content-Type', 'image/svg+xml; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: "The session's current check-in code as a QR code",
    description:
      'The QR code the hall screen shows (SVG): it encodes PUBLIC_BASE_URL/s/{itemId}/{code} with the current code, a page a phone ' +
      "camera opens to check its holder in with the RSVP link it remembers. Same code, rotation and roles as check-in-code.",
  })
  @ApiFileResponse('image/svg+xml', 'the QR code of the check-in page of the current code, as SVG')
  @ApiErrors({
    403: 'the caller is a viewer',
    404: 'the conference does not exist or an operator may not see it (conference_not_found), or the item is not one of its (agenda_item_not_found)',
    409: CONFERENCE_409,
  })
  codeQr(@Param('id', ParseUuidPipe) id: string, @Param('itemId', ParseUuidPipe) itemId: string, @CurrentUser() user: User): Promise<string> {
    return this.selfCheckIn.currentCodeQr(id, itemId, user);
  }
}

@ApiTags('public')
@Public()
@Controller('api/public/rsvp/:token/sessions/:itemId/check-in')
export class PublicSessionCheckInController {
  constructor(private readonly selfCheckIn: SessionSelfCheckInService) {}

  @Post()
  @HttpCode(200)
  @ApiParam({ name: 'itemId', description: 'id (UUID) of the session (an agenda item with attendanceRequired) of the conference the link is for' })
  @ApiOperation({
    summary: 'Check oneself in to a session with the hall code',
    description:
      "The holder of an RSVP link enters the code shown on the session's hall screen: they are marked present, or late past the grace " +
      '(SESSION_LATE_AFTER_MINUTES), audited under the link. A second entry changes nothing (alreadyMarked). Refused outside the ' +
      "session's roll call, for someone without a place, and for a code that is expired, wrong, or another session's.",
  })
  @ApiOkResponse({ type: SelfCheckInResponseDto, description: "the person's attendance of the session" })
  @ApiErrors({
    400: 'the code is missing, expired (code_expired), wrong (code_wrong) or the current code of another session (code_of_another_session)',
    404: "the link is unknown, the attendee was removed (attendee_not_found), or the item is not one of the link's conference (agenda_item_not_found)",
    409: `${LIVE_409}; or the person does not hold a place (not_holding_place)`,
    410: 'the link was revoked or has expired (revoked, expired)',
  })
  checkIn(@Param('token') token: string, @Param('itemId', ParseUuidPipe) itemId: string, @Body() dto: SelfCheckInDto): Promise<SelfCheckInResponseDto> {
    return this.selfCheckIn.checkIn(token, itemId, dto.code);
  }
}
