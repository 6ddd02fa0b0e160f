import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { IsIsoInstant } from '../common/validators';

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

/** What every request issuing a signed link may say about it. */
export class LinkOptionsDto {
  @ApiPropertyOptional({
    description:
      'when the link stops working, ISO 8601 with offset (2025-08-30T23:59:00+07:00), after now and at most the kind\'s maximum after the ' +
      'conference ends (180 days for confirmation and RSVP links, 400 for calendar feeds); by default 30 days after the conference ends ' +
      '(a year for calendar feeds), or from now if later',
  })
  @IsOptional()
  @IsIsoInstant()
  expiresAt?: string;

  @ApiPropertyOptional({ default: false, description: 'revoke the live links of the same kind for the same point or person first, so only the new one opens' })
  @IsOptional()
  @IsBoolean()
  replace?: boolean;
}
