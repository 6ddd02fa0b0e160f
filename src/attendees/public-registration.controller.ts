import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { ApiErrors } from '../common/api-errors.decorator';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RegistrationInfoResponseDto, RegistrationResultResponseDto, SelfRegistrationDto } from './registration.dto';
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
  @ApiOperation({
    summary: 'Register oneself',
    description:
      'Self-registration (tự đăng ký), without an account, when the organizer enabled it: between its opening and closing time, while the ' +
      'conference is published or ongoing. Within the capacity of the conference and of the bridge point the person is registered; past it ' +
      'they join the waiting list (danh sách chờ) and are promoted in order when a place frees up. An email address registers once per conference.',
  })
  @ApiCreatedResponse({ type: RegistrationResultResponseDto, description: 'registered, or on the waiting list when the places are taken' })
  @ApiErrors({
    400: "a field is wrong, or the bridge point is not one of this conference's (bridge_point_not_found)",
    403: 'registration is not open yet, or over (registration_closed); the message says which',
    404: 'the conference does not exist or is still a draft (conference_not_found), or takes no registrations (registration_not_enabled)',
    409: 'this email address has already registered (email_in_use)',
  })
  register(@Param('id', ParseUuidPipe) id: string, @Body() dto: SelfRegistrationDto): Promise<RegistrationResultResponseDto> {
    return this.registration.register(id, dto);
  }
}
