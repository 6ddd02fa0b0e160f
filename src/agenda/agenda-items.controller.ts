import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { User } from '../auth/user.entity';
import { ApiPageResponse } from '../common/page-response.decorator';
import { Page, PageQueryDto } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { AgendaItemResponseDto, CreateAgendaItemDto, UpdateAgendaItemDto } from './agenda-item.dto';
import { AgendaItemsService } from './agenda-items.service';

@ApiTags('agenda')
@ApiBearerAuth()
@Controller('api/conferences/:id/agenda-items')
export class AgendaItemsController {
  constructor(private readonly agenda: AgendaItemsService) {}

  @Get()
  @ApiPageResponse(AgendaItemResponseDto, "the conference's agenda, in order of time")
  list(
    @Param('id', ParseUuidPipe) id: string,
    @Query() query: PageQueryDto,
    @CurrentUser() user: User,
  ): Promise<Page<AgendaItemResponseDto>> {
    return this.agenda.list(id, query, user);
  }

  @Roles('admin', 'organizer')
  @Post()
  @ApiCreatedResponse({ type: AgendaItemResponseDto, description: 'the new agenda item' })
  create(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: CreateAgendaItemDto,
    @CurrentUser() user: User,
  ): Promise<AgendaItemResponseDto> {
    return this.agenda.create(id, dto, user);
  }

  @Roles('admin', 'organizer')
  @Patch(':itemId')
  @ApiOkResponse({ type: AgendaItemResponseDto, description: 'the agenda item as changed' })
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
  @ApiNoContentResponse({ description: 'removed' })
  remove(
    @Param('id', ParseUuidPipe) id: string,
    @Param('itemId', ParseUuidPipe) itemId: string,
    @CurrentUser() user: User,
  ): Promise<void> {
    return this.agenda.remove(id, itemId, user);
  }
}
