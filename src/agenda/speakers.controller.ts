import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { User } from '../auth/user.entity';
import { ApiErrors } from '../common/api-errors.decorator';
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
  @ApiOperation({
    summary: 'List the speaker directory',
    description:
      'One page of the speaker directory (báo cáo viên), shared by every conference, ordered by name without diacritics. ' +
      'q searches name, title and organization ignoring diacritics and case. Any signed-in user may read it.',
  })
  @ApiPageResponse(SpeakerResponseDto, 'the speaker directory')
  list(@Query() query: SpeakerListQueryDto): Promise<Page<SpeakerResponseDto>> {
    return this.speakers.list(query);
  }

  @Roles('admin', 'organizer')
  @Post()
  @ApiOperation({
    summary: 'Add a speaker',
    description:
      'Adds a person to the speaker directory (báo cáo viên), to be named on agenda items of any conference. Roles: admin, organizer. ' +
      'The phone is accepted in any usual Vietnamese writing and stored in +84 form; the email is stored lower-case.',
  })
  @ApiCreatedResponse({ type: SpeakerResponseDto, description: 'the new speaker' })
  @ApiErrors({ 403: 'the caller is neither admin nor organizer' })
  create(@Body() dto: CreateSpeakerDto): Promise<SpeakerResponseDto> {
    return this.speakers.create(dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read a speaker', description: 'One speaker of the directory (báo cáo viên). Any signed-in user may read it.' })
  @ApiOkResponse({ type: SpeakerResponseDto, description: 'the speaker' })
  @ApiErrors({ 404: 'no speaker has this id (speaker_not_found)' })
  get(@Param('id', ParseUuidPipe) id: string): Promise<SpeakerResponseDto> {
    return this.speakers.get(id);
  }

  @Roles('admin', 'organizer')
  @Patch(':id')
  @ApiOperation({
    summary: 'Change a speaker',
    description:
      'Changes the fields given, checked against the version read; every field but fullName may be cleared with null. ' +
      'The change shows on every agenda item that names the speaker. Roles: admin, organizer.',
  })
  @ApiOkResponse({ type: SpeakerResponseDto, description: 'the speaker as changed' })
  @ApiErrors({
    403: 'the caller is neither admin nor organizer',
    404: 'no speaker has this id (speaker_not_found)',
    409: 'the version is stale (stale_version)',
  })
  update(@Param('id', ParseUuidPipe) id: string, @Body() dto: UpdateSpeakerDto): Promise<SpeakerResponseDto> {
    return this.speakers.update(id, dto);
  }

  @Roles('admin', 'organizer')
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Remove a speaker',
    description:
      'Removes a speaker from the directory. A speaker still named on an agenda item of any conference is kept: take them off ' +
      'those items first. Roles: admin, organizer.',
  })
  @ApiNoContentResponse({ description: 'removed' })
  @ApiErrors({
    403: 'the caller is neither admin nor organizer',
    404: 'no speaker has this id (speaker_not_found)',
    409: 'the speaker is on at least one agenda item (speaker_in_use)',
  })
  remove(@Param('id', ParseUuidPipe) id: string): Promise<void> {
    return this.speakers.remove(id);
  }

  @Get(':id/agenda-items')
  @ApiOperation({
    summary: "List a speaker's agenda items",
    description:
      'One page of the agenda items (mục chương trình) that name the speaker, across conferences, ordered by start time, with each ' +
      "conference's title and state. Any signed-in user may read it; an operator sees only items of conferences that have a bridge point " +
      '(điểm cầu) in their scope.',
  })
  @ApiErrors({ 404: 'no speaker has this id (speaker_not_found)' })
  @ApiPageResponse(SpeakerAgendaItemResponseDto, "the speaker's agenda items across the conferences the caller may see, in order of time")
  agenda(
    @Param('id', ParseUuidPipe) id: string,
    @Query() query: PageQueryDto,
    @CurrentUser() user: User,
  ): Promise<Page<SpeakerAgendaItemResponseDto>> {
    return this.speakers.agendaOf(id, query, user);
  }
}
