import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RegistrationInfoResponseDto, RegistrationResultResponseDto, SelfRegistrationDto } from './registration.dto';
import { RegistrationService } from './registration.service';

@ApiTags('public')
@Public()
@Controller('api/public/conferences/:id/registration')
export class PublicRegistrationController {
  constructor(private readonly registration: RegistrationService) {}

  @Get()
  @ApiOkResponse({ type: RegistrationInfoResponseDto })
  info(@Param('id', ParseUuidPipe) id: string): Promise<RegistrationInfoResponseDto> {
    return this.registration.info(id);
  }

  @Post()
  @ApiCreatedResponse({ type: RegistrationResultResponseDto, description: 'registered, or on the waiting list when the places are taken' })
  register(@Param('id', ParseUuidPipe) id: string, @Body() dto: SelfRegistrationDto): Promise<RegistrationResultResponseDto> {
    return this.registration.register(id, dto);
  }
}
