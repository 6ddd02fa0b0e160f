import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsUUID, ValidateIf } from 'class-validator';
import { PageQueryDto } from '../common/pagination';
import { DELIVERY_STATUSES, DeliveryStatus, MESSAGE_KINDS, MessageKind, OutboxMessage } from './outbox-message.entity';

export class QueueInvitationsDto {
  @ApiProperty({ enum: ['all', 'not_invited', 'ids'], description: 'who gets an invitation' })
  @IsIn(['all', 'not_invited', 'ids'])
  scope!: 'all' | 'not_invited' | 'ids';

  @ApiPropertyOptional({ type: [String], description: 'attendee ids, with scope "ids"' })
  @ValidateIf((dto: QueueInvitationsDto) => dto.scope === 'ids' || dto.ids !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50000)
  @IsUUID('all', { each: true, message: 'each of ids must be a UUID' })
  ids?: string[];
}

export class QueueResultDto {
  @ApiProperty({ description: 'invitations newly queued' }) queued!: number;
  @ApiProperty({ description: 'already queued for this calendar revision (sent once)' }) alreadyQueued!: number;
  @ApiProperty({ description: 'attendees without an email address' }) withoutEmail!: number;
}

export class DeliveryListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES }) @IsOptional() @IsIn(DELIVERY_STATUSES) status?: DeliveryStatus;
  @ApiPropertyOptional({ enum: MESSAGE_KINDS }) @IsOptional() @IsIn(MESSAGE_KINDS) kind?: MessageKind;
  @ApiPropertyOptional() @IsOptional() @IsUUID() attendeeId?: string;
}

export class DeliveryAttemptDto {
  @ApiProperty() attempt!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: ['sent', 'failed', 'skipped'] }) outcome!: string;
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
  @ApiProperty() durationMs!: number;
}

export class DeliveryResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: MESSAGE_KINDS }) kind!: MessageKind;
  @ApiProperty() recipient!: string;
  @ApiProperty({ nullable: true, type: String }) recipientName!: string | null;
  @ApiProperty({ nullable: true, type: String }) attendeeId!: string | null;
  @ApiProperty({ nullable: true, type: String }) bridgePointId!: string | null;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status!: DeliveryStatus;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) sentAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
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
