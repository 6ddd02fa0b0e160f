import { ApiProperty } from '@nestjs/swagger';

/** DELETE …/links: how many links were still valid and are now revoked. */
export class RevokedLinksResponseDto {
  @ApiProperty({ description: 'links revoked by this request (those not revoked before)' }) revoked!: number;
}
