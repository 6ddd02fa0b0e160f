import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { User } from '../auth/user.entity';
import { ApiPageResponse } from '../common/page-response.decorator';
import { Page, PageQueryDto } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import {
  CreateSpeakerDto,
  SpeakerAgendaItemResponseDto,
  SpeakerListQueryDto,
  SpeakerResponseDto,
  UpdateSpeakerDto,
} from './speaker.dto';
import { SpeakersService } from './speakers.service';

@ApiTags('speakers')
@ApiBearerAuth()
@Controller('api/speakers')
export class SpeakersController {
  constructor(private readonly speakers: SpeakersService) {}

  @Get()
  @ApiPageResponse(SpeakerResponseDto, 'the speaker directory')
  list(@Query() query: SpeakerListQueryDto): Promise<Page<SpeakerResponseDto>> {
    return this.speakers.list(query);
  }

  @Roles('admin', 'organizer')
  @Post()
  @ApiCreatedResponse({ type: SpeakerResponseDto, description: 'the new speaker' })
  create(@Body() dto: CreateSpeakerDto): Promise<SpeakerResponseDto> {
    return this.speakers.create(dto);
  }

  @Get(':id')
  @ApiOkResponse({ type: SpeakerResponseDto })
  get(@Param('id', ParseUuidPipe) id: string): Promise<SpeakerResponseDto> {
    return this.speakers.get(id);
  }

  @Roles('admin', 'organizer')
  @Patch(':id')
  @ApiOkResponse({ type: SpeakerResponseDto, description: 'the speaker as changed' })
  update(@Param('id', ParseUuidPipe) id: string, @Body() dto: UpdateSpeakerDto): Promise<SpeakerResponseDto> {
    return this.speakers.update(id, dto);
  }

  @Roles('admin', 'organizer')
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'removed' })
  remove(@Param('id', ParseUuidPipe) id: string): Promise<void> {
    return this.speakers.remove(id);
  }

  @Get(':id/agenda-items')
  @ApiPageResponse(SpeakerAgendaItemResponseDto, "the speaker's agenda items across the conferences the caller may see, in order of time")
  agenda(
    @Param('id', ParseUuidPipe) id: string,
    @Query() query: PageQueryDto,
    @CurrentUser() user: User,
  ): Promise<Page<SpeakerAgendaItemResponseDto>> {
    return this.speakers.agendaOf(id, query, user);
  }
}
