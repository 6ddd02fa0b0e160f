import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { User } from '../auth/user.entity';
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
  @ApiCreatedResponse({ type: ActionItemResponseDto, description: 'the new action item' })
  create(@Param('id', ParseUuidPipe) id: string, @Body() dto: CreateActionItemDto, @CurrentUser() user: User): Promise<ActionItemResponseDto> {
    return this.items.create(id, dto, user);
  }

  /** Operators report progress (status, progressNote) on the items assigned to their own bridge points. */
  @Roles('admin', 'organizer', 'operator')
  @Patch(':itemId')
  @ApiOkResponse({ type: ActionItemResponseDto, description: 'the action item as changed' })
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
  @ApiPageResponse(ActionItemResponseDto, "the assignee's action items across conferences, by deadline (an operator: of their conferences only)")
  list(@Query() query: AssigneeActionItemsQueryDto, @CurrentUser() user: User): Promise<Page<ActionItemResponseDto>> {
    return this.items.listForAssignee(query, user);
  }
}
