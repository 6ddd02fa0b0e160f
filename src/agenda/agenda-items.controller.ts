import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { User } from '../auth/user.entity';
import { ApiErrors } from '../common/api-errors.decorator';
import { ApiPageResponse } from '../common/page-response.decorator';
import { Page, PageQueryDto } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { AgendaItemResponseDto, CreateAgendaItemDto, RemoveAgendaItemQueryDto, UpdateAgendaItemDto } from './agenda-item.dto';
import { AgendaItemsService } from './agenda-items.service';

@ApiTags('agenda')
@ApiBearerAuth()
@Controller('api/conferences/:id/agenda-items')
export class AgendaItemsController {
  constructor(private readonly agenda: AgendaItemsService) {}

  @Get()
  @ApiOperation({
    summary: "List a conference's agenda",
    description:
      'One page of the programme (chương trình) of a conference, ordered by start time, then position. Any signed-in user may read it; ' +
      'an operator only for a conference that has a bridge point (điểm cầu) in their scope.',
  })
  @ApiPageResponse(AgendaItemResponseDto, "the conference's agenda, in order of time")
  @ApiErrors({ 404: 'the conference does not exist, or an operator may not see it' })
  list(
    @Param('id', ParseUuidPipe) id: string,
    @Query() query: PageQueryDto,
    @CurrentUser() user: User,
  ): Promise<Page<AgendaItemResponseDto>> {
    return this.agenda.list(id, query, user);
  }

  @Roles('admin', 'organizer')
  @Post()
  @ApiOperation({
    summary: 'Add an agenda item',
    description:
      'Adds an item (mục chương trình) to the programme, with its speakers (báo cáo viên) in speaking order. Roles: admin, organizer. ' +
      "The item must end after it starts and lie within the conference's time; it may not overlap another item in the same place " +
      '(the main hall, or one bridge point), though it may start the minute the previous one ends. The bridge point must belong to this ' +
      'conference and the speakers must be in the directory. Not possible once the conference is completed or cancelled.',
  })
  @ApiCreatedResponse({ type: AgendaItemResponseDto, description: 'the new agenda item' })
  @ApiErrors({
    400: 'a field is wrong, the times are outside the conference, or the bridge point or a speaker is unknown; each detail names the field with a code',
    403: 'the caller is neither admin nor organizer',
    404: 'the conference does not exist',
    409: 'the conference is completed or cancelled (conference_closed), or the item overlaps another in the same place (time_overlap)',
  })
  create(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: CreateAgendaItemDto,
    @CurrentUser() user: User,
  ): Promise<AgendaItemResponseDto> {
    return this.agenda.create(id, dto, user);
  }

  @Roles('admin', 'organizer')
  @Patch(':itemId')
  @ApiOperation({
    summary: 'Change an agenda item',
    description:
      'Changes the fields given, checked against the version read. Roles: admin, organizer. The item as changed must meet the same ' +
      'rules as a new one (times within the conference, no overlap in its place, known bridge point and speakers); speakerIds replaces ' +
      'the list. description and bridgePointId may be cleared with null. Not possible once the conference is completed or cancelled.',
  })
  @ApiOkResponse({ type: AgendaItemResponseDto, description: 'the agenda item as changed' })
  @ApiErrors({
    400: 'a field is wrong, the times are outside the conference, or the bridge point or a speaker is unknown; each detail names the field with a code',
    403: 'the caller is neither admin nor organizer',
    404: 'the conference does not exist, or the item is not one of its items (agenda_item_not_found)',
    409: 'the version is stale (stale_version), the conference is completed or cancelled (conference_closed), or the item would overlap another (time_overlap)',
  })
  update(
    @Param('id', ParseUuidPipe) id: string,
    @Param('itemId', ParseUuidPipe) itemId: string,
    @Body() dto: UpdateAgendaItemDto,
    @CurrentUser() user: User,
  ): Promise<AgendaItemResponseDto> {
    return this.agenda.update(id, itemId, dto, user);
  }

  @Roles('admin', 'organizer')
  @Delete(':itemId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Remove an agenda item',
    description:
      'Removes the item and its list of speakers (the speakers stay in the directory). Roles: admin, organizer. ' +
      'Not possible once the conference is completed or cancelled. A training session with attendance marks answers 409 ' +
      '(session_has_attendance) unless force=true, which deletes the marks with it and counts them in the audit entry.',
  })
  @ApiNoContentResponse({ description: 'removed' })
  @ApiErrors({
    403: 'the caller is neither admin nor organizer',
    404: 'the conference does not exist, or the item is not one of its items (agenda_item_not_found)',
    409: 'the conference is completed or cancelled (conference_closed), or the session has attendance marks and force is not true (session_has_attendance)',
  })
  remove(
    @Param('id', ParseUuidPipe) id: string,
    @Param('itemId', ParseUuidPipe) itemId: string,
    @Query() query: RemoveAgendaItemQueryDto,
    @CurrentUser() user: User,
  ): Promise<void> {
    return this.agenda.remove(id, itemId, user, query.force === 'true');
  }
}
