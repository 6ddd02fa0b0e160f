import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { User } from '../auth/user.entity';
import { ApiErrors } from '../common/api-errors.decorator';
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
  @ApiOperation({
    summary: "List a conference's award decisions",
    description:
      'One page of the award decisions (quyết định khen thưởng) of a conference in award-list order (the rank of the authority ' +
      'that awards, Chủ tịch nước first; then the signing date; then the number), each with its award form, heading and recipients ' +
      '(collectives first, each in order of presentation). Any signed-in user; ' +
      'an operator sees only the recipients presented at bridge points (điểm cầu) in their scope, and only the decisions that have some.',
  })
  @ApiErrors({ 404: 'the conference does not exist or the caller may not see it (conference_not_found)' })
  @ApiPageResponse(AwardDecisionResponseDto, 'the award decisions in award-list order (an operator: those presented at their points)')
  list(@Param('id', ParseUuidPipe) id: string, @Query() query: PageQueryDto, @CurrentUser() user: User): Promise<Page<AwardDecisionResponseDto>> {
    return this.decisions.list(id, query, user);
  }

  @Roles('admin', 'organizer')
  @Post()
  @ApiOperation({
    summary: 'Record an award decision',
    description:
      'Records an award decision: its number (số quyết định, e.g. 123/QĐ-TTg; "QD" is read as "QĐ"), signing date, award form ' +
      "(hình thức khen thưởng) from GET /api/award-forms, issuing authority (the form's by default) and signer, with its recipients if " +
      'given, all or none. The number is unique in the conference. Roles: admin, organizer. Not possible once the conference is cancelled; ' +
      'a completed conference still takes decisions (they are often entered after the ceremony, for the minutes).',
  })
  @ApiCreatedResponse({ type: AwardDecisionResponseDto, description: 'the new decision with its recipients' })
  @ApiErrors({
    400: 'the award form is unknown (award_form_not_found), a field is wrong, or a recipient breaks a rule: neither name nor organization (name_or_organization_required), a kind the award form does not take (kind_not_allowed), an agenda item or bridge point not of this conference (agenda_item_not_found, bridge_point_not_found), a unit not in the catalogue (administrative_unit_not_found)',
    403: 'the caller is neither admin nor organizer',
    404: 'the conference does not exist (conference_not_found)',
    409: 'the conference is cancelled (conference_cancelled), or the number is already recorded in this conference (decision_number_taken)',
  })
  create(@Param('id', ParseUuidPipe) id: string, @Body() dto: CreateAwardDecisionDto, @CurrentUser() user: User): Promise<AwardDecisionResponseDto> {
    return this.decisions.create(id, dto, user);
  }

  @Get(':decisionId')
  @ApiOperation({
    summary: 'Read an award decision',
    description:
      'One award decision with its recipients in order of presentation. Any signed-in user; an operator sees only the recipients ' +
      'presented at bridge points in their scope, and a decision with none answers 404.',
  })
  @ApiOkResponse({ type: AwardDecisionResponseDto, description: 'the decision with its recipients' })
  @ApiErrors({
    404: 'the conference does not exist or the caller may not see it (conference_not_found), or the decision is not one of its decisions or has no recipient the operator may see (award_decision_not_found)',
  })
  get(
    @Param('id', ParseUuidPipe) id: string,
    @Param('decisionId', ParseUuidPipe) decisionId: string,
    @CurrentUser() user: User,
  ): Promise<AwardDecisionResponseDto> {
    return this.decisions.get(id, decisionId, user);
  }

  @Roles('admin', 'organizer')
  @Patch(':decisionId')
  @ApiOperation({
    summary: 'Change an award decision',
    description:
      'Changes the fields given, at the version read. A new number must be free in the conference; a new award form must take every ' +
      'kind of recipient (individual, collective) the decision already has. Roles: admin, organizer. Not possible once the conference is cancelled.',
  })
  @ApiOkResponse({ type: AwardDecisionResponseDto, description: 'the decision as changed' })
  @ApiErrors({
    400: 'a field is wrong, the award form is unknown (award_form_not_found) or does not take a kind of recipient the decision has (award_form_kind_mismatch)',
    403: 'the caller is neither admin nor organizer',
    404: 'the conference does not exist (conference_not_found), or the decision is not one of its decisions (award_decision_not_found)',
    409: 'the conference is cancelled (conference_cancelled), the number is taken (decision_number_taken), or the version is stale (stale_version)',
  })
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
  @ApiOperation({
    summary: 'Remove an award decision',
    description: 'Removes the decision and all its recipients. Roles: admin, organizer. Not possible once the conference is cancelled.',
  })
  @ApiNoContentResponse({ description: 'removed, with its recipients' })
  @ApiErrors({
    403: 'the caller is neither admin nor organizer',
    404: 'the conference does not exist (conference_not_found), or the decision is not one of its decisions (award_decision_not_found)',
    409: 'the conference is cancelled (conference_cancelled)',
  })
  remove(@Param('id', ParseUuidPipe) id: string, @Param('decisionId', ParseUuidPipe) decisionId: string, @CurrentUser() user: User): Promise<void> {
    return this.decisions.remove(id, decisionId, user);
  }

  /** One recipient (answers it) or `{ items }` (answers `{ items }`), all or none. */
  @Roles('admin', 'organizer')
  @Post(':decisionId/recipients')
  @ApiOperation({
    summary: 'Add recipients to an award decision',
    description:
      'Adds one recipient (người/tập thể được khen), or several as { items: [...] }, all or none: every recipient is checked first ' +
      'and a 400 lists every problem (fields of a batch named items.<index>.<field>). Recipients without a position follow the ' +
      "decision's last one. One recipient given answers the recipient; { items } given answers { items }. Roles: admin, organizer. " +
      'Not possible once the conference is cancelled.',
  })
  @ApiErrors({
    400: 'a field is wrong, or a recipient breaks a rule: neither name nor organization (name_or_organization_required), a kind the award form does not take (kind_not_allowed), an agenda item or bridge point not of this conference (agenda_item_not_found, bridge_point_not_found), a unit not in the catalogue (administrative_unit_not_found)',
    403: 'the caller is neither admin nor organizer',
    404: 'the conference does not exist (conference_not_found), or the decision is not one of its decisions (award_decision_not_found)',
    409: 'the conference is cancelled (conference_cancelled)',
  })
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
  @ApiOperation({
    summary: 'Change an award recipient',
    description:
      'Changes the fields given, at the version read; optional fields may be cleared with null. The recipient as changed must meet ' +
      'the same rules as a new one. Roles: admin, organizer. Not possible once the conference is cancelled.',
  })
  @ApiOkResponse({ type: AwardRecipientResponseDto, description: 'the recipient as changed' })
  @ApiErrors({
    400: 'a field is wrong, or a recipient breaks a rule: neither name nor organization (name_or_organization_required), a kind the award form does not take (kind_not_allowed), an agenda item or bridge point not of this conference (agenda_item_not_found, bridge_point_not_found), a unit not in the catalogue (administrative_unit_not_found)',
    403: 'the caller is neither admin nor organizer',
    404: 'the conference does not exist (conference_not_found), the decision is not one of its decisions (award_decision_not_found), or the recipient is not of this decision (award_recipient_not_found)',
    409: 'the conference is cancelled (conference_cancelled), or the version is stale (stale_version)',
  })
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
  @ApiOperation({
    summary: 'Remove an award recipient',
    description: 'Removes one recipient from the decision. Roles: admin, organizer. Not possible once the conference is cancelled.',
  })
  @ApiNoContentResponse({ description: 'removed' })
  @ApiErrors({
    403: 'the caller is neither admin nor organizer',
    404: 'the conference does not exist (conference_not_found), the decision is not one of its decisions (award_decision_not_found), or the recipient is not of this decision (award_recipient_not_found)',
    409: 'the conference is cancelled (conference_cancelled)',
  })
  removeRecipient(
    @Param('id', ParseUuidPipe) id: string,
    @Param('decisionId', ParseUuidPipe) decisionId: string,
    @Param('recipientId', ParseUuidPipe) recipientId: string,
    @CurrentUser() user: User,
  ): Promise<void> {
    return this.recipients.remove(id, decisionId, recipientId, user);
  }
}
