import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { AttendeeResponseDto, DeclineRsvpDto, PersonDto } from './attendee.dto';
import { PublicRsvpService, RsvpView } from './public-rsvp.service';

@ApiTags('public')
@Public()
@Controller('api/public/rsvp/:token')
export class PublicRsvpController {
  constructor(private readonly rsvp: PublicRsvpService) {}

  @Get()
  view(@Param('token') token: string): Promise<RsvpView> {
    return this.rsvp.view(token);
  }

  @Post('accept')
  @HttpCode(200)
  accept(@Param('token') token: string): Promise<AttendeeResponseDto> {
    return this.rsvp.accept(token);
  }

  @Post('decline')
  @HttpCode(200)
  decline(@Param('token') token: string, @Body() dto: DeclineRsvpDto): Promise<AttendeeResponseDto> {
    return this.rsvp.decline(token, dto.reason);
  }

  @Post('substitute')
  @HttpCode(200)
  substitute(@Param('token') token: string, @Body() dto: PersonDto): Promise<AttendeeResponseDto> {
    return this.rsvp.substitute(token, dto);
  }
}
