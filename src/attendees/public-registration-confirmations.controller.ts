import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { ApiErrors } from '../common/api-errors.decorator';
import { RegistrationResultResponseDto } from './registration.dto';
import { RegistrationService } from './registration.service';

@ApiTags('public')
@Public()
@Controller('api/public/registration-confirmations/:token')
export class PublicRegistrationConfirmationsController {
  constructor(private readonly registration: RegistrationService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Confirm a self-registration',
    description:
      'Confirms the self-registration (xác nhận đăng ký) whose link was mailed to the address given: the person is registered within the ' +
      'capacity of the conference and of their bridge point (điểm cầu), or put on the waiting list (danh sách chờ). Confirming again ' +
      'answers the same attendee and creates nothing. Registration must still be open. The link works REGISTRATION_CONFIRMATION_HOURS ' +
      '(48 by default) from when its mail was written.',
  })
  @ApiOkResponse({ type: RegistrationResultResponseDto, description: 'the attendee the confirmation made: registered or waitlisted' })
  @ApiErrors({
    400: 'the bridge point chosen is no longer one of the conference (bridge_point_not_found)',
    403: 'registration is not open any more (registration_closed); the message says why',
    404: 'the link is unknown (unknown), the conference takes no registrations any more (registration_not_enabled) or was removed (conference_not_found)',
    409: 'the address was put on the list of delegates meanwhile (email_in_use)',
    410: 'the link has expired (expired), or the attendee it made was removed by the organizers since (revoked)',
  })
  confirm(@Param('token') token: string): Promise<RegistrationResultResponseDto> {
    return this.registration.confirm(token);
  }
}
