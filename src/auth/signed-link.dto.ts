import { ApiProperty } from '@nestjs/swagger';

/** DELETE …/links: how many links were still valid and are now revoked. */
export class RevokedLinksResponseDto {
  @ApiProperty({ description: 'links revoked by this request (those not revoked before)' }) revoked!: number;
}

/** A signed link as issued: the raw token exists only in this answer (and in the mail that carries it). */
export class IssuedLinkResponseDto {
  @ApiProperty({ description: 'shown once; only its hash is stored' }) token!: string;
  @ApiProperty({ description: 'the page the link opens' }) url!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}
