import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsUUID, ValidateIf } from 'class-validator';
import { PageQueryDto } from '../common/pagination';
import { DELIVERY_STATUSES, DeliveryStatus, MESSAGE_KINDS, MessageKind, OutboxMessage } from '../outbox/outbox-message.entity';

export class QueueInvitationsDto {
  @ApiProperty({
    enum: ['all', 'not_invited', 'ids'],
    description: 'who gets an invitation: every delegate who can be reached, those not invited yet, or the delegates listed in ids',
  })
  @IsIn(['all', 'not_invited', 'ids'])
  scope!: 'all' | 'not_invited' | 'ids';

  @ApiPropertyOptional({ type: [String], description: 'UUIDs of the delegates (đại biểu) to invite, with scope "ids"; 1 to 50,000' })
  @ValidateIf((dto: QueueInvitationsDto) => dto.scope === 'ids' || dto.ids !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50000)
  @IsUUID('all', { each: true })
  ids?: string[];
}

export class QueueResultDto {
  @ApiProperty({ description: 'invitations newly queued' }) queued!: number;
  @ApiProperty({ description: 'already queued for this calendar revision (sent once)' }) alreadyQueued!: number;
  @ApiProperty({ description: 'attendees without an email address' }) withoutEmail!: number;
}

export class DeliveryListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES, description: 'only mails in this state' }) @IsOptional() @IsIn(DELIVERY_STATUSES) status?: DeliveryStatus;
  @ApiPropertyOptional({ enum: MESSAGE_KINDS, description: 'only mails of this kind' }) @IsOptional() @IsIn(MESSAGE_KINDS) kind?: MessageKind;
  @ApiPropertyOptional({ format: 'uuid', description: 'only the mails to this delegate (UUID)' }) @IsOptional() @IsUUID() attendeeId?: string;
}

export class DeliveryAttemptDto {
  @ApiProperty({ description: 'the attempt number, from 1' }) attempt!: number;
  @ApiProperty({ format: 'date-time', description: 'when it was made (ISO 8601, UTC)' }) at!: string;
  @ApiProperty({ enum: ['sent', 'failed', 'skipped'], description: 'what the attempt came to' }) outcome!: string;
  @ApiProperty({ nullable: true, type: String, description: 'why it failed or was skipped' }) error!: string | null;
  @ApiProperty({ description: 'how long the attempt took, in milliseconds' }) durationMs!: number;
}

export class DeliveryResponseDto {
  @ApiProperty({ format: 'uuid', description: 'UUID of the delivery (one outgoing mail)' }) id!: string;
  @ApiProperty({
    enum: MESSAGE_KINDS,
    description: "invitation (giấy mời), update (changed time or place), cancellation, reminder, or bridge_point_link (a point's confirmation link)",
  })
  kind!: MessageKind;
  @ApiProperty({ description: 'the email address it is sent to' }) recipient!: string;
  @ApiProperty({ nullable: true, type: String, description: "the recipient's name" }) recipientName!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'UUID of the delegate it is for, if any' }) attendeeId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'UUID of the bridge point it is for, if any' }) bridgePointId!: string | null;
  @ApiProperty({
    enum: DELIVERY_STATUSES,
    description: 'pending (waiting to be sent), sending, sent, failed (refused for good, or every attempt failed) or skipped (superseded or no longer relevant)',
  })
  status!: DeliveryStatus;
  @ApiProperty({ description: 'attempts made so far' }) attempts!: number;
  @ApiProperty({ nullable: true, type: String, description: 'why the latest attempt failed' }) lastError!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'when it was sent (ISO 8601, UTC)' }) sentAt!: string | null;
  @ApiProperty({ format: 'date-time', description: 'when it was queued (ISO 8601, UTC)' }) createdAt!: string;
  @ApiPropertyOptional({ type: [DeliveryAttemptDto], description: 'every delivery attempt, oldest first (one delivery only, not in lists)' })
  log?: DeliveryAttemptDto[];
}

export const toDeliveryResponse = (row: OutboxMessage): DeliveryResponseDto => ({
  id: row.id,
  kind: row.kind,
  recipient: row.recipient,
  recipientName: row.recipientName,
  attendeeId: row.attendeeId,
  bridgePointId: row.bridgePointId,
  status: row.status,
  attempts: row.attempts,
  lastError: row.lastError,
  sentAt: row.sentAt ? row.sentAt.toISOString() : null,
  createdAt: row.createdAt.toISOString(),
});
