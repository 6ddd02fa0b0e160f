import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RegistrationInfo, RegistrationResult, SelfRegistrationDto } from './registration.dto';
import { RegistrationService } from './registration.service';

@ApiTags('public')
@Public()
@Controller('api/public/conferences/:id/registration')
export class PublicRegistrationController {
  constructor(private readonly registration: RegistrationService) {}

  @Get()
  info(@Param('id', ParseUuidPipe) id: string): Promise<RegistrationInfo> {
    return this.registration.info(id);
  }

  @Post()
  register(@Param('id', ParseUuidPipe) id: string, @Body() dto: SelfRegistrationDto): Promise<RegistrationResult> {
    return this.registration.register(id, dto);
  }
}
