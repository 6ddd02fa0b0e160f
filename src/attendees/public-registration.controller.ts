import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { ApiErrors } from '../common/api-errors.decorator';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RegistrationThrottlerGuard } from './registration-throttler.guard';
import { RegistrationInfoResponseDto, RegistrationPendingResponseDto, SelfRegistrationDto } from './registration.dto';
import { RegistrationService } from './registration.service';

@ApiTags('public')
@Public()
@Controller('api/public/conferences/:id/registration')
export class PublicRegistrationController {
  constructor(private readonly registration: RegistrationService) {}

  @Get()
  @ApiOperation({
    summary: 'Registration details of a conference',
    description:
      'What the public registration page (trang đăng ký tham dự) shows, without an account: the conference, whether registration is open ' +
      '(and, when not, why, in Vietnamese), when it opens and closes, and the places left in the conference and at each bridge point (điểm cầu).',
  })
  @ApiOkResponse({ type: RegistrationInfoResponseDto, description: 'the conference, whether one may register, and where' })
  @ApiErrors({
    404: 'the conference does not exist or is still a draft (conference_not_found), or takes no registrations (registration_not_enabled)',
  })
  info(@Param('id', ParseUuidPipe) id: string): Promise<RegistrationInfoResponseDto> {
    return this.registration.info(id);
  }

  @Post()
  @HttpCode(202)
  @UseGuards(RegistrationThrottlerGuard)
  @ApiOperation({
    summary: 'Register oneself (to be confirmed by mail)',
    description:
      'Self-registration (tự đăng ký), without an account, when the organizer enabled it: between its opening and closing time, while the ' +
      'conference is published or ongoing. Nothing is registered yet and no place is taken: a link to confirm is mailed to the address ' +
      'given, and opening it (POST /api/public/registration-confirmations/{token}) registers the person within the capacity of the ' +
      'conference and of the bridge point, or puts them on the waiting list (danh sách chờ). The answer is the same whether or not the ' +
      'address is already registered; an address already on the list is mailed that instead of a link. Rate limited per client address.',
  })
  @ApiAcceptedResponse({ type: RegistrationPendingResponseDto, description: 'received; the next step is in the mail (always this answer)' })
  @ApiErrors({
    400: "a field is wrong, or the bridge point is not one of this conference's (bridge_point_not_found)",
    403: 'registration is not open yet, or over (registration_closed); the message says which',
    404: 'the conference does not exist or is still a draft (conference_not_found), or takes no registrations (registration_not_enabled)',
    429: 'too many registrations from this address (too_many_registrations); try again later',
  })
  register(@Param('id', ParseUuidPipe) id: string, @Body() dto: SelfRegistrationDto): Promise<RegistrationPendingResponseDto> {
    return this.registration.request(id, dto);
  }
}
