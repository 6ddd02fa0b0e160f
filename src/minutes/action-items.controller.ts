import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { User } from '../auth/user.entity';
import { ApiErrors } from '../common/api-errors.decorator';
import { ApiPageResponse } from '../common/page-response.decorator';
import { Page } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import {
  ActionItemListQueryDto,
  ActionItemResponseDto,
  AssigneeActionItemsQueryDto,
  CreateActionItemDto,
  UpdateActionItemDto,
} from './action-item.dto';
import { ActionItemsService } from './action-items.service';

@ApiTags('action-items')
@ApiBearerAuth()
@Controller('api/conferences/:id/action-items')
export class ActionItemsController {
  constructor(private readonly items: ActionItemsService) {}

  @Get()
  @ApiOperation({
    summary: "List a conference's action items",
    description:
      'One page of the action items (nhiệm vụ) the conference assigned, by deadline, those without one last, filtered by status, ' +
      'overdue, assignee (contains, ignoring case and diacritics), administrative unit or bridge point (điểm cầu). overdue is computed ' +
      "on every read: the deadline day has ended in the conference's time zone and the item is not done. include=carried_over also " +
      'lists, first, the items not done of the earlier conferences this one was cloned from. Any signed-in user may read them; an ' +
      'operator only for a conference with a bridge point in their scope.',
  })
  @ApiErrors({ 404: 'the conference does not exist or the caller may not see it (conference_not_found)' })
  @ApiPageResponse(ActionItemResponseDto, "the conference's action items by deadline, those without one last (include=carried_over: the earlier conferences' items not done come first)")
  list(
    @Param('id', ParseUuidPipe) id: string,
    @Query() query: ActionItemListQueryDto,
    @CurrentUser() user: User,
  ): Promise<Page<ActionItemResponseDto>> {
    return this.items.list(id, query, user);
  }

  @Roles('admin', 'organizer')
  @Post()
  @ApiOperation({
    summary: 'Assign an action item',
    description:
      'Records a task (nhiệm vụ) the conference assigned: what, to whom (as the minutes name the unit, and optionally a bridge point ' +
      'of this conference and an administrative unit of the catalogue in force on the conference day), by when. A bridge point with ' +
      'a unit gives the item that unit when none is named. Roles: admin, organizer. The conference must be published, ongoing or completed.',
  })
  @ApiCreatedResponse({ type: ActionItemResponseDto, description: 'the new action item' })
  @ApiErrors({
    400: 'a field is wrong, the bridge point is not of this conference (bridge_point_not_found) or the unit is not in the catalogue (administrative_unit_not_found)',
    403: 'the caller is neither admin nor organizer',
    404: 'the conference does not exist or the caller may not see it (conference_not_found)',
    409: 'the conference is a draft or cancelled (wrong_conference_status)',
  })
  create(@Param('id', ParseUuidPipe) id: string, @Body() dto: CreateActionItemDto, @CurrentUser() user: User): Promise<ActionItemResponseDto> {
    return this.items.create(id, dto, user);
  }

  /** Operators report progress (status, progressNote) on the items assigned to their own bridge points. */
  @Roles('admin', 'organizer', 'operator')
  @Patch(':itemId')
  @ApiOperation({
    summary: 'Change an action item',
    description:
      'Changes the fields given, at the version read. Admins and organizers may change any field; changing the bridge point without ' +
      "a unit takes the point's unit. An operator may report progress only (status and progressNote, kết quả thực hiện) and only on " +
      'items assigned to a bridge point in their scope; every other item answers 404 as if it did not exist. Marking an item done ' +
      'records when (doneAt). Roles: admin, organizer, operator.',
  })
  @ApiOkResponse({ type: ActionItemResponseDto, description: 'the action item as changed' })
  @ApiErrors({
    400: 'a field is wrong, the bridge point is not of this conference (bridge_point_not_found) or the unit is not in the catalogue (administrative_unit_not_found)',
    403: 'the caller is a viewer, or an operator tried to change more than status and progressNote (operator_cannot_change)',
    404: 'the conference does not exist or the caller may not see it (conference_not_found), or the item is not one of its items or not assigned to the operator (action_item_not_found)',
    409: 'the version is stale (stale_version)',
  })
  update(
    @Param('id', ParseUuidPipe) id: string,
    @Param('itemId', ParseUuidPipe) itemId: string,
    @Body() dto: UpdateActionItemDto,
    @CurrentUser() user: User,
  ): Promise<ActionItemResponseDto> {
    return this.items.update(id, itemId, dto, user);
  }
}

/** Action items across conferences, for one assignee (a unit code, a name, or both). */
@ApiTags('action-items')
@ApiBearerAuth()
@Controller('api/action-items')
export class AssigneeActionItemsController {
  constructor(private readonly items: ActionItemsService) {}

  @Get()
  @ApiOperation({
    summary: "List an assignee's action items across conferences",
    description:
      'One page of the action items of every conference for one assignee, by deadline: filter by administrative unit code, by name ' +
      '(assignee contains, ignoring case and diacritics), or both, and by status or overdue. Any signed-in user; an operator sees the ' +
      'items of the conferences with a bridge point in their scope only.',
  })
  @ApiErrors({ 400: 'a filter is wrong (for example a unit code that is not 2 or 5 digits); each detail names the query parameter with a code' })
  @ApiPageResponse(ActionItemResponseDto, "the assignee's action items across conferences, by deadline (an operator: of their conferences only)")
  list(@Query() query: AssigneeActionItemsQueryDto, @CurrentUser() user: User): Promise<Page<ActionItemResponseDto>> {
    return this.items.listForAssignee(query, user);
  }
}
