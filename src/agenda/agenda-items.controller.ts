import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { User } from '../auth/user.entity';
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
  list(
    @Param('id', ParseUuidPipe) id: string,
    @Query() query: PageQueryDto,
    @CurrentUser() user: User,
  ): Promise<Page<AgendaItemResponseDto>> {
    return this.agenda.list(id, query, user);
  }

  @Roles('admin', 'organizer')
  @Post()
  create(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: CreateAgendaItemDto,
    @CurrentUser() user: User,
  ): Promise<AgendaItemResponseDto> {
    return this.agenda.create(id, dto, user);
  }

  @Roles('admin', 'organizer')
  @Patch(':itemId')
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
  remove(
    @Param('id', ParseUuidPipe) id: string,
    @Param('itemId', ParseUuidPipe) itemId: string,
    @CurrentUser() user: User,
  ): Promise<void> {
    return this.agenda.remove(id, itemId, user);
  }
}
