import { ApiProperty } from '@nestjs/swagger';

/** One entry of a conference's audit trail (GET /api/conferences/:id/audit). */
export class AuditEntryResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'bridge_point', description: 'conference, bridge_point, agenda_item, attendee, award_decision, …' })
  entityType!: string;
  @ApiProperty() entityId!: string;
  @ApiProperty({ example: 'confirm' }) action!: string;
  @ApiProperty({ description: "a user's email, or link:<id> for a signed link", example: 'admin@hoinghi.local' }) actor!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'the changed fields as they were (the whole record for a removal); null for a creation',
  })
  before!: Record<string, unknown> | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'the changed fields as they became (the whole record for a creation); null for a removal',
  })
  after!: Record<string, unknown> | null;
}
