import { ApiProperty } from '@nestjs/swagger';

/** DELETE …/links: how many links were still valid and are now revoked. */
export class RevokedLinksResponseDto {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'links revoked by this request (those not revoked before); 0 when none was live' })
  revoked!: number;
}

/** A signed link as issued: the raw token exists only in this answer (and in the mail that carries it). */
export class IssuedLinkResponseDto {
  @ApiProperty({ description: 'the random token of the link, URL-safe; shown once, only its SHA-256 hash is stored' }) token!: string;
  @ApiProperty({ description: 'the full address of the page the link opens (the public base URL, the page path and the token)' })
  url!: string;
  @ApiProperty({ format: 'date-time', description: 'when the link stops working (ISO 8601, UTC); afterwards it answers 410' })
  expiresAt!: string;
}
