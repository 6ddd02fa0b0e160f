import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { ApiErrors } from '../common/api-errors.decorator';
import { AttendeeResponseDto, DeclineRsvpDto, PersonDto, RsvpViewResponseDto } from './attendee.dto';
import { PublicRsvpService } from './public-rsvp.service';

/** What every RSVP route answers for its link. */
const LINK_404 = 'the link is unknown, or the attendee it was made for was removed (unknown; attendee_not_found)';
const LINK_410 = 'the link was revoked or has expired (revoked, expired)';
const ANSWER_409 =
  'the conference is completed or cancelled (conference_closed), the person can no longer answer: cancelled, checked in, waitlisted or ' +
  'substituted (cannot_answer), or the attendee changed meanwhile (stale_version)';

@ApiTags('public')
@Public()
@Controller('api/public/rsvp/:token')
export class PublicRsvpController {
  constructor(private readonly rsvp: PublicRsvpService) {}

  @Get()
  @ApiOperation({
    summary: 'Open an invitation (RSVP link)',
    description:
      'What the RSVP page (trang xác nhận tham dự) shows to the holder of a signed link, without an account: the conference, the person as ' +
      'on the list with their answer so far, their bridge point (điểm cầu), the programme, and their substitute once they sent one.',
  })
  @ApiOkResponse({ type: RsvpViewResponseDto, description: 'the invitation: the conference, the attendee and their bridge point' })
  @ApiErrors({ 404: 'the link is unknown, or the attendee it was made for was removed (unknown)', 410: LINK_410 })
  view(@Param('token') token: string): Promise<RsvpViewResponseDto> {
    return this.rsvp.view(token);
  }

  @Post('accept')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Accept the invitation',
    description: 'The holder of the RSVP link accepts to attend (đồng ý tham dự); audited under the link. Possible again after a decline.',
  })
  @ApiErrors({ 404: LINK_404, 409: ANSWER_409, 410: LINK_410 })
  @ApiOkResponse({ type: AttendeeResponseDto, description: 'the attendee, accepted' })
  accept(@Param('token') token: string): Promise<AttendeeResponseDto> {
    return this.rsvp.accept(token);
  }

  @Post('decline')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Decline the invitation',
    description:
      'The holder of the RSVP link declines (báo không tham dự) with a reason shown to the organizers; audited under the link. A place ' +
      'freed promotes people from the waiting list. A declined person is not checked in unless an organizer forces it.',
  })
  @ApiErrors({ 404: LINK_404, 409: ANSWER_409, 410: LINK_410 })
  @ApiOkResponse({ type: AttendeeResponseDto, description: 'the attendee, declined' })
  decline(@Param('token') token: string, @Body() dto: DeclineRsvpDto): Promise<AttendeeResponseDto> {
    return this.rsvp.decline(token, dto.reason);
  }

  @Post('substitute')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Send a substitute',
    description:
      'The holder of the RSVP link sends someone in their place (cử người đi thay). The substitute becomes an attendee of their own at the ' +
      'same bridge point, accepted, with their own check-in code; the person replaced becomes substituted. Once invitations have gone out, ' +
      'the substitute is mailed an invitation and the person replaced a cancellation. The substitute\'s email, if given, must not be on the list yet.',
  })
  @ApiErrors({
    404: LINK_404,
    409: `${ANSWER_409}, or the substitute's email is already on the list (email_in_use)`,
    410: LINK_410,
  })
  @ApiOkResponse({ type: AttendeeResponseDto, description: 'the substitute, a new attendee with their own check-in code' })
  substitute(@Param('token') token: string, @Body() dto: PersonDto): Promise<AttendeeResponseDto> {
    return this.rsvp.substitute(token, dto);
  }
}
