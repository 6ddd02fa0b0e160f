import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { ApiErrors } from '../common/api-errors.decorator';
import { ApiPageResponse } from '../common/page-response.decorator';
import { Page } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { DeliveriesService } from './deliveries.service';
import { DeliveryListQueryDto, DeliveryResponseDto, QueueInvitationsDto, QueueResultDto } from './mail.dto';

const ORGANIZERS = 'the caller is neither an admin nor an organizer (Ban Tổ chức)';
const NO_DELIVERY = 'no mail of this conference has this id (delivery_not_found)';

@ApiTags('mail')
@ApiBearerAuth()
@Roles('admin', 'organizer')
@Controller('api/conferences/:id')
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  /** Queues giấy mời with calendar invitations; queueing the same people twice sends once. */
  @Post('invitations')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Send invitations (giấy mời)',
    description:
      'Queues an invitation mail with a calendar invitation (.ics) and a personal RSVP link for every delegate (đại biểu) who can ' +
      'be reached, for those not invited yet, or for the delegates listed; the mail dispatcher sends them. Queueing the same ' +
      'people twice for the same calendar revision sends once. The conference must be published and not completed or ' +
      'cancelled. Admins and organizers only.',
  })
  @ApiErrors({
    403: ORGANIZERS,
    404: 'the conference does not exist (conference_not_found)',
    409: 'the conference is still a draft (not_published), or is completed or cancelled (conference_closed)',
  })
  @ApiAcceptedResponse({ type: QueueResultDto, description: 'queued; the dispatcher sends them' })
  queue(@Param('id', ParseUuidPipe) id: string, @Body() dto: QueueInvitationsDto): Promise<QueueResultDto> {
    return this.deliveries.queueInvitations(id, dto);
  }

  @Get('deliveries')
  @ApiOperation({
    summary: "List a conference's outgoing mail",
    description: 'Every mail of the conference (invitations, updates, cancellations, reminders, bridge-point links), latest first, filtered by state, kind and delegate. Admins and organizers only.',
  })
  @ApiErrors({ 403: ORGANIZERS, 404: 'the conference does not exist (conference_not_found)' })
  @ApiPageResponse(DeliveryResponseDto, "the conference's outgoing mail, latest first")
  list(@Param('id', ParseUuidPipe) id: string, @Query() query: DeliveryListQueryDto): Promise<Page<DeliveryResponseDto>> {
    return this.deliveries.list(id, query);
  }

  @Get('deliveries/:deliveryId')
  @ApiOperation({
    summary: 'Read one outgoing mail',
    description: 'One mail of the conference with the log of its delivery attempts. Admins and organizers only.',
  })
  @ApiErrors({ 403: ORGANIZERS, 404: NO_DELIVERY })
  @ApiOkResponse({ type: DeliveryResponseDto, description: 'the delivery with its attempts' })
  get(@Param('id', ParseUuidPipe) id: string, @Param('deliveryId', ParseUuidPipe) deliveryId: string): Promise<DeliveryResponseDto> {
    return this.deliveries.get(id, deliveryId);
  }

  @Post('deliveries/:deliveryId/resend')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Send a mail again',
    description:
      'A failed or skipped mail is retried from its first attempt; a sent one is queued anew as a copy. A mail still waiting or ' +
      'being sent is refused. Admins and organizers only.',
  })
  @ApiErrors({ 403: ORGANIZERS, 404: NO_DELIVERY, 409: 'the mail is still waiting or being sent (delivery_in_progress)' })
  @ApiAcceptedResponse({ type: DeliveryResponseDto, description: 'the delivery to be sent again (a failed one retried, a sent one queued anew)' })
  resend(@Param('id', ParseUuidPipe) id: string, @Param('deliveryId', ParseUuidPipe) deliveryId: string): Promise<DeliveryResponseDto> {
    return this.deliveries.resend(id, deliveryId);
  }
}
