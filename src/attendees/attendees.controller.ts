import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { User } from '../auth/user.entity';
import { Page } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import {
  AttendeeListQueryDto,
  AttendeeResponseDto,
  CheckInBatchDto,
  CreateAttendeeDto,
  IssueRsvpLinkDto,
  UpdateAttendeeDto,
} from './attendee.dto';
import { AttendeesService, CheckInResult } from './attendees.service';

@ApiTags('attendees')
@ApiBearerAuth()
@Controller('api/conferences/:id/attendees')
export class AttendeesController {
  constructor(private readonly attendees: AttendeesService) {}

  @Get()
  async list(
    @Param('id', ParseUuidPipe) id: string,
    @Query() query: AttendeeListQueryDto,
    @CurrentUser() user: User,
  ): Promise<Page<AttendeeResponseDto>> {
    return this.attendees.list(id, query, await this.attendees.actorFor(user));
  }

  @Roles('admin', 'organizer', 'operator')
  @Post()
  async create(@Param('id', ParseUuidPipe) id: string, @Body() dto: CreateAttendeeDto, @CurrentUser() user: User) {
    return this.attendees.create(id, dto, await this.attendees.actorFor(user));
  }

  @Roles('admin', 'organizer', 'operator')
  @Post('check-in')
  @HttpCode(200)
  async checkInBatch(@Param('id', ParseUuidPipe) id: string, @Body() dto: CheckInBatchDto, @CurrentUser() user: User) {
    return this.attendees.checkInBatch(id, dto, await this.attendees.actorFor(user));
  }

  @Get(':attendeeId')
  async get(
    @Param('id', ParseUuidPipe) id: string,
    @Param('attendeeId', ParseUuidPipe) attendeeId: string,
    @CurrentUser() user: User,
  ): Promise<AttendeeResponseDto> {
    return this.attendees.get(id, attendeeId, await this.attendees.actorFor(user));
  }

  @Roles('admin', 'organizer', 'operator')
  @Patch(':attendeeId')
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
  async checkIn(
    @Param('id', ParseUuidPipe) id: string,
    @Param('attendeeId', ParseUuidPipe) attendeeId: string,
    @CurrentUser() user: User,
  ): Promise<CheckInResult> {
    return this.attendees.checkIn(id, attendeeId, await this.attendees.actorFor(user));
  }

  @Roles('admin', 'organizer')
  @Post(':attendeeId/links')
  issueLink(
    @Param('id', ParseUuidPipe) id: string,
    @Param('attendeeId', ParseUuidPipe) attendeeId: string,
    @Body() dto: IssueRsvpLinkDto,
    @CurrentUser() user: User,
  ) {
    return this.attendees.issueLink(id, attendeeId, dto, user);
  }

  @Roles('admin', 'organizer')
  @Delete(':attendeeId/links')
  revokeLinks(
    @Param('id', ParseUuidPipe) id: string,
    @Param('attendeeId', ParseUuidPipe) attendeeId: string,
    @CurrentUser() user: User,
  ) {
    return this.attendees.revokeLinks(id, attendeeId, user);
  }
}
