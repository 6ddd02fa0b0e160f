import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { User } from '../auth/user.entity';
import { ApiPageResponse } from '../common/page-response.decorator';
import { Page, PageQueryDto } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { validateBody } from '../common/validate-body';
import {
  AwardDecisionResponseDto,
  AwardRecipientBatchDto,
  AwardRecipientListResponseDto,
  AwardRecipientResponseDto,
  CreateAwardDecisionDto,
  CreateAwardRecipientDto,
  UpdateAwardDecisionDto,
  UpdateAwardRecipientDto,
} from './award-decision.dto';
import { AwardDecisionsService } from './award-decisions.service';
import { AwardRecipientsService, isBatch } from './award-recipients.service';

/**
 * Award decisions of a conference and their recipients. Organizers write; everyone signed in
 * reads, an operator only the awards presented at their own bridge points.
 */
@ApiTags('awards')
@ApiBearerAuth()
@ApiExtraModels(CreateAwardRecipientDto, AwardRecipientBatchDto, AwardRecipientResponseDto, AwardRecipientListResponseDto)
@Controller('api/conferences/:id/award-decisions')
export class AwardDecisionsController {
  constructor(
    private readonly decisions: AwardDecisionsService,
    private readonly recipients: AwardRecipientsService,
  ) {}

  @Get()
  @ApiPageResponse(AwardDecisionResponseDto, 'the award decisions by signing date and number (an operator: those presented at their points)')
  list(@Param('id', ParseUuidPipe) id: string, @Query() query: PageQueryDto, @CurrentUser() user: User): Promise<Page<AwardDecisionResponseDto>> {
    return this.decisions.list(id, query, user);
  }

  @Roles('admin', 'organizer')
  @Post()
  @ApiCreatedResponse({ type: AwardDecisionResponseDto, description: 'the new decision with its recipients' })
  create(@Param('id', ParseUuidPipe) id: string, @Body() dto: CreateAwardDecisionDto, @CurrentUser() user: User): Promise<AwardDecisionResponseDto> {
    return this.decisions.create(id, dto, user);
  }

  @Get(':decisionId')
  @ApiOkResponse({ type: AwardDecisionResponseDto })
  get(
    @Param('id', ParseUuidPipe) id: string,
    @Param('decisionId', ParseUuidPipe) decisionId: string,
    @CurrentUser() user: User,
  ): Promise<AwardDecisionResponseDto> {
    return this.decisions.get(id, decisionId, user);
  }

  @Roles('admin', 'organizer')
  @Patch(':decisionId')
  @ApiOkResponse({ type: AwardDecisionResponseDto, description: 'the decision as changed' })
  update(
    @Param('id', ParseUuidPipe) id: string,
    @Param('decisionId', ParseUuidPipe) decisionId: string,
    @Body() dto: UpdateAwardDecisionDto,
    @CurrentUser() user: User,
  ): Promise<AwardDecisionResponseDto> {
    return this.decisions.update(id, decisionId, dto, user);
  }

  @Roles('admin', 'organizer')
  @Delete(':decisionId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'removed, with its recipients' })
  remove(@Param('id', ParseUuidPipe) id: string, @Param('decisionId', ParseUuidPipe) decisionId: string, @CurrentUser() user: User): Promise<void> {
    return this.decisions.remove(id, decisionId, user);
  }

  /** One recipient (answers it) or `{ items }` (answers `{ items }`), all or none. */
  @Roles('admin', 'organizer')
  @Post(':decisionId/recipients')
  @ApiBody({ schema: { oneOf: [{ $ref: getSchemaPath(CreateAwardRecipientDto) }, { $ref: getSchemaPath(AwardRecipientBatchDto) }] } })
  @ApiCreatedResponse({
    description: 'one recipient given: the recipient; `{ items }` given: `{ items }`',
    schema: { oneOf: [{ $ref: getSchemaPath(AwardRecipientResponseDto) }, { $ref: getSchemaPath(AwardRecipientListResponseDto) }] },
  })
  async addRecipients(
    @Param('id', ParseUuidPipe) id: string,
    @Param('decisionId', ParseUuidPipe) decisionId: string,
    @Body() body: unknown,
    @CurrentUser() user: User,
  ): Promise<AwardRecipientResponseDto | AwardRecipientListResponseDto> {
    if (isBatch(body)) {
      const dto = await validateBody(AwardRecipientBatchDto, body);
      return { items: await this.recipients.add(id, decisionId, dto.items, true, user) };
    }
    const dto = await validateBody(CreateAwardRecipientDto, body);
    const [created] = await this.recipients.add(id, decisionId, [dto], false, user);
    return created;
  }

  @Roles('admin', 'organizer')
  @Patch(':decisionId/recipients/:recipientId')
  @ApiOkResponse({ type: AwardRecipientResponseDto, description: 'the recipient as changed' })
  updateRecipient(
    @Param('id', ParseUuidPipe) id: string,
    @Param('decisionId', ParseUuidPipe) decisionId: string,
    @Param('recipientId', ParseUuidPipe) recipientId: string,
    @Body() dto: UpdateAwardRecipientDto,
    @CurrentUser() user: User,
  ): Promise<AwardRecipientResponseDto> {
    return this.recipients.update(id, decisionId, recipientId, dto, user);
  }

  @Roles('admin', 'organizer')
  @Delete(':decisionId/recipients/:recipientId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'removed' })
  removeRecipient(
    @Param('id', ParseUuidPipe) id: string,
    @Param('decisionId', ParseUuidPipe) decisionId: string,
    @Param('recipientId', ParseUuidPipe) recipientId: string,
    @CurrentUser() user: User,
  ): Promise<void> {
    return this.recipients.remove(id, decisionId, recipientId, user);
  }
}
