import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuditEntryResponseDto } from '../audit/audit-entry.dto';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { User } from '../auth/user.entity';
import { ApiPageResponse } from '../common/page-response.decorator';
import { Page, PageQueryDto } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import {
  CancelConferenceDto,
  CloneConferenceDto,
  ConferenceListQueryDto,
  ConferenceResponseDto,
  CreateConferenceDto,
  TimedTransitionDto,
  TransitionDto,
  UpdateConferenceDto,
} from './conference.dto';
import { ConferencesService } from './conferences.service';

@ApiTags('conferences')
@ApiBearerAuth()
@Controller('api/conferences')
export class ConferencesController {
  constructor(private readonly conferences: ConferencesService) {}

  @Roles('admin', 'organizer')
  @Post()
  @ApiCreatedResponse({ type: ConferenceResponseDto, description: 'the new conference, in draft' })
  create(@Body() dto: CreateConferenceDto, @CurrentUser() user: User): Promise<ConferenceResponseDto> {
    return this.conferences.create(dto, user);
  }

  @Get()
  @ApiPageResponse(ConferenceResponseDto, 'the conferences the caller may see, latest start first')
  list(@Query() query: ConferenceListQueryDto, @CurrentUser() user: User): Promise<Page<ConferenceResponseDto>> {
    return this.conferences.list(query, user);
  }

  @Get(':id')
  @ApiOkResponse({ type: ConferenceResponseDto })
  get(@Param('id', ParseUuidPipe) id: string, @CurrentUser() user: User): Promise<ConferenceResponseDto> {
    return this.conferences.get(id, user);
  }

  @Roles('admin', 'organizer')
  @Patch(':id')
  @ApiOkResponse({ type: ConferenceResponseDto, description: 'the conference as changed' })
  update(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: UpdateConferenceDto,
    @CurrentUser() user: User,
  ): Promise<ConferenceResponseDto> {
    return this.conferences.update(id, dto, user);
  }

  @Roles('admin', 'organizer')
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'deleted' })
  remove(@Param('id', ParseUuidPipe) id: string, @CurrentUser() user: User): Promise<void> {
    return this.conferences.remove(id, user);
  }

  @Roles('admin', 'organizer')
  @Post(':id/publish')
  @HttpCode(200)
  @ApiOkResponse({ type: ConferenceResponseDto, description: 'the conference, published' })
  publish(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: TransitionDto,
    @CurrentUser() user: User,
  ): Promise<ConferenceResponseDto> {
    return this.conferences.transition(id, 'publish', dto, user);
  }

  @Roles('admin', 'organizer')
  @Post(':id/start')
  @HttpCode(200)
  @ApiOkResponse({ type: ConferenceResponseDto, description: 'the conference, ongoing' })
  start(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: TimedTransitionDto,
    @CurrentUser() user: User,
  ): Promise<ConferenceResponseDto> {
    return this.conferences.transition(id, 'start', dto, user);
  }

  @Roles('admin', 'organizer')
  @Post(':id/complete')
  @HttpCode(200)
  @ApiOkResponse({ type: ConferenceResponseDto, description: 'the conference, completed' })
  complete(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: TimedTransitionDto,
    @CurrentUser() user: User,
  ): Promise<ConferenceResponseDto> {
    return this.conferences.transition(id, 'complete', dto, user);
  }

  @Roles('admin', 'organizer')
  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: ConferenceResponseDto, description: 'the conference, cancelled' })
  cancel(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: CancelConferenceDto,
    @CurrentUser() user: User,
  ): Promise<ConferenceResponseDto> {
    return this.conferences.transition(id, 'cancel', dto, user);
  }

  @Roles('admin', 'organizer')
  @Post(':id/clone')
  @ApiCreatedResponse({ type: ConferenceResponseDto, description: 'the copy, in draft' })
  clone(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: CloneConferenceDto,
    @CurrentUser() user: User,
  ): Promise<ConferenceResponseDto> {
    return this.conferences.clone(id, dto, user);
  }

  @Roles('admin', 'organizer')
  @Get(':id/audit')
  @ApiPageResponse(AuditEntryResponseDto, 'the audit trail, latest first')
  audit(
    @Param('id', ParseUuidPipe) id: string,
    @Query() query: PageQueryDto,
    @CurrentUser() user: User,
  ): Promise<Page<AuditEntryResponseDto>> {
    return this.conferences.auditTrail(id, query, user);
  }
}
