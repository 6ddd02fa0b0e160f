import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { RevokedLinksResponseDto } from '../auth/signed-link.dto';
import { User } from '../auth/user.entity';
import { ApiPageResponse } from '../common/page-response.decorator';
import { Page } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import {
  AttendeeListQueryDto,
  AttendeeResponseDto,
  CheckInBatchDto,
  CheckInDto,
  CheckInBatchResponseDto,
  CheckInResultDto,
  CreateAttendeeDto,
  IssueRsvpLinkDto,
  RsvpLinkResponseDto,
  UpdateAttendeeDto,
} from './attendee.dto';
import { AttendeesService } from './attendees.service';

@ApiTags('attendees')
@ApiBearerAuth()
@Controller('api/conferences/:id/attendees')
export class AttendeesController {
  constructor(private readonly attendees: AttendeesService) {}

  @Get()
  @ApiPageResponse(AttendeeResponseDto, "the conference's attendees (an operator: those at their points)")
  async list(
    @Param('id', ParseUuidPipe) id: string,
    @Query() query: AttendeeListQueryDto,
    @CurrentUser() user: User,
  ): Promise<Page<AttendeeResponseDto>> {
    return this.attendees.list(id, query, await this.attendees.actorFor(user));
  }

  @Roles('admin', 'organizer', 'operator')
  @Post()
  @ApiCreatedResponse({ type: AttendeeResponseDto, description: 'the new attendee, with a check-in code' })
  async create(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: CreateAttendeeDto,
    @CurrentUser() user: User,
  ): Promise<AttendeeResponseDto> {
    return this.attendees.create(id, dto, await this.attendees.actorFor(user));
  }

  @Roles('admin', 'organizer', 'operator')
  @Post('check-in')
  @HttpCode(200)
  @ApiOkResponse({ type: CheckInBatchResponseDto, description: 'the codes sorted into checked in now, checked in before, declined, and unknown' })
  async checkInBatch(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: CheckInBatchDto,
    @CurrentUser() user: User,
  ): Promise<CheckInBatchResponseDto> {
    return this.attendees.checkInBatch(id, dto, await this.attendees.actorFor(user));
  }

  @Get(':attendeeId')
  @ApiOkResponse({ type: AttendeeResponseDto })
  async get(
    @Param('id', ParseUuidPipe) id: string,
    @Param('attendeeId', ParseUuidPipe) attendeeId: string,
    @CurrentUser() user: User,
  ): Promise<AttendeeResponseDto> {
    return this.attendees.get(id, attendeeId, await this.attendees.actorFor(user));
  }

  @Roles('admin', 'organizer', 'operator')
  @Patch(':attendeeId')
  @ApiOkResponse({ type: AttendeeResponseDto, description: 'the attendee as changed' })
  async update(
    @Param('id', ParseUuidPipe) id: string,
    @Param('attendeeId', ParseUuidPipe) attendeeId: string,
    @Body() dto: UpdateAttendeeDto,
    @CurrentUser() user: User,
  ): Promise<AttendeeResponseDto> {
    return this.attendees.update(id, attendeeId, dto, await this.attendees.actorFor(user));
  }

  @Roles('admin', 'organizer', 'operator')
  @Delete(':attendeeId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'removed' })
  async remove(
    @Param('id', ParseUuidPipe) id: string,
    @Param('attendeeId', ParseUuidPipe) attendeeId: string,
    @CurrentUser() user: User,
  ): Promise<void> {
    return this.attendees.remove(id, attendeeId, await this.attendees.actorFor(user));
  }

  @Roles('admin', 'organizer', 'operator')
  @Post(':attendeeId/check-in')
  @HttpCode(200)
  @ApiOkResponse({ type: CheckInResultDto, description: 'the attendee, checked in (a second check-in answers the first time)' })
  async checkIn(
    @Param('id', ParseUuidPipe) id: string,
    @Param('attendeeId', ParseUuidPipe) attendeeId: string,
    @Body() dto: CheckInDto,
    @CurrentUser() user: User,
  ): Promise<CheckInResultDto> {
    return this.attendees.checkIn(id, attendeeId, dto, await this.attendees.actorFor(user));
  }

  @Roles('admin', 'organizer')
  @Post(':attendeeId/links')
  @ApiCreatedResponse({ type: RsvpLinkResponseDto, description: 'a new RSVP link (earlier ones stay valid until revoked)' })
  issueLink(
    @Param('id', ParseUuidPipe) id: string,
    @Param('attendeeId', ParseUuidPipe) attendeeId: string,
    @Body() dto: IssueRsvpLinkDto,
    @CurrentUser() user: User,
  ): Promise<RsvpLinkResponseDto> {
    return this.attendees.issueLink(id, attendeeId, dto, user);
  }

  @Roles('admin', 'organizer')
  @Delete(':attendeeId/links')
  @ApiOkResponse({ type: RevokedLinksResponseDto, description: 'every RSVP link of the attendee revoked' })
  revokeLinks(
    @Param('id', ParseUuidPipe) id: string,
    @Param('attendeeId', ParseUuidPipe) attendeeId: string,
    @CurrentUser() user: User,
  ): Promise<RevokedLinksResponseDto> {
    return this.attendees.revokeLinks(id, attendeeId, user);
  }
}
