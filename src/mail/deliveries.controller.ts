import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { ApiPageResponse } from '../common/page-response.decorator';
import { Page } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { DeliveriesService } from './deliveries.service';
import { DeliveryListQueryDto, DeliveryResponseDto, QueueInvitationsDto, QueueResultDto } from './mail.dto';

@ApiTags('mail')
@ApiBearerAuth()
@Roles('admin', 'organizer')
@Controller('api/conferences/:id')
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  /** Queues giấy mời with calendar invitations; queueing the same people twice sends once. */
  @Post('invitations')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: QueueResultDto, description: 'queued; the dispatcher sends them' })
  queue(@Param('id', ParseUuidPipe) id: string, @Body() dto: QueueInvitationsDto): Promise<QueueResultDto> {
    return this.deliveries.queueInvitations(id, dto);
  }

  @Get('deliveries')
  @ApiPageResponse(DeliveryResponseDto, "the conference's outgoing mail, latest first")
  list(@Param('id', ParseUuidPipe) id: string, @Query() query: DeliveryListQueryDto): Promise<Page<DeliveryResponseDto>> {
    return this.deliveries.list(id, query);
  }

  @Get('deliveries/:deliveryId')
  @ApiOkResponse({ type: DeliveryResponseDto, description: 'the delivery with its attempts' })
  get(@Param('id', ParseUuidPipe) id: string, @Param('deliveryId', ParseUuidPipe) deliveryId: string): Promise<DeliveryResponseDto> {
    return this.deliveries.get(id, deliveryId);
  }

  @Post('deliveries/:deliveryId/resend')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: DeliveryResponseDto, description: 'the delivery to be sent again (a failed one retried, a sent one queued anew)' })
  resend(@Param('id', ParseUuidPipe) id: string, @Param('deliveryId', ParseUuidPipe) deliveryId: string): Promise<DeliveryResponseDto> {
    return this.deliveries.resend(id, deliveryId);
  }
}
