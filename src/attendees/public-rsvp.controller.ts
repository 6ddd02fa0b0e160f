import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { AttendeeResponseDto, DeclineRsvpDto, PersonDto, RsvpViewResponseDto } from './attendee.dto';
import { PublicRsvpService } from './public-rsvp.service';

@ApiTags('public')
@Public()
@Controller('api/public/rsvp/:token')
export class PublicRsvpController {
  constructor(private readonly rsvp: PublicRsvpService) {}

  @Get()
  @ApiOkResponse({ type: RsvpViewResponseDto, description: 'the invitation: the conference, the attendee and their bridge point' })
  view(@Param('token') token: string): Promise<RsvpViewResponseDto> {
    return this.rsvp.view(token);
  }

  @Post('accept')
  @HttpCode(200)
  @ApiOkResponse({ type: AttendeeResponseDto, description: 'the attendee, accepted' })
  accept(@Param('token') token: string): Promise<AttendeeResponseDto> {
    return this.rsvp.accept(token);
  }

  @Post('decline')
  @HttpCode(200)
  @ApiOkResponse({ type: AttendeeResponseDto, description: 'the attendee, declined' })
  decline(@Param('token') token: string, @Body() dto: DeclineRsvpDto): Promise<AttendeeResponseDto> {
    return this.rsvp.decline(token, dto.reason);
  }

  @Post('substitute')
  @HttpCode(200)
  @ApiOkResponse({ type: AttendeeResponseDto, description: 'the attendee of record, now the substitute (with a new check-in code)' })
  substitute(@Param('token') token: string, @Body() dto: PersonDto): Promise<AttendeeResponseDto> {
    return this.rsvp.substitute(token, dto);
  }
}
