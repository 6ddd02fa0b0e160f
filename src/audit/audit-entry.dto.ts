import { ApiProperty } from '@nestjs/swagger';

/** One entry of a conference's audit trail (GET /api/conferences/:id/audit). */
export class AuditEntryResponseDto {
  @ApiProperty({ description: 'UUID of the entry' }) id!: string;
  @ApiProperty({
    example: 'bridge_point',
    description:
      'what kind of record changed: conference, bridge_point, agenda_item, attendee, award_decision, award_recipient, minutes, action_item or conclusion_notice',
  })
  entityType!: string;
  @ApiProperty({ description: 'UUID of the record that changed' }) entityId!: string;
  @ApiProperty({ example: 'confirm', description: 'what was done: create, update, delete, or a named step such as publish or confirm' })
  action!: string;
  @ApiProperty({ description: "who did it: a user's email, or link:<id> for a person acting through a signed link", example: 'admin@hoinghi.local' })
  actor!: string;
  @ApiProperty({ format: 'date-time', description: 'when the change was made (ISO 8601, UTC)' }) at!: string;
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
