import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { User } from '../auth/user.entity';
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
  list(
    @Param('id', ParseUuidPipe) id: string,
    @Query() query: ActionItemListQueryDto,
    @CurrentUser() user: User,
  ): Promise<Page<ActionItemResponseDto>> {
    return this.items.list(id, query, user);
  }

  @Roles('admin', 'organizer')
  @Post()
  create(@Param('id', ParseUuidPipe) id: string, @Body() dto: CreateActionItemDto, @CurrentUser() user: User): Promise<ActionItemResponseDto> {
    return this.items.create(id, dto, user);
  }

  /** Operators report progress (status, progressNote) on the items assigned to their own bridge points. */
  @Roles('admin', 'organizer', 'operator')
  @Patch(':itemId')
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
  list(@Query() query: AssigneeActionItemsQueryDto, @CurrentUser() user: User): Promise<Page<ActionItemResponseDto>> {
    return this.items.listForAssignee(query, user);
  }
}
