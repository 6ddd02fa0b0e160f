import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { IsText } from '../common/validators';
import { CERTIFICATE_STATUSES, CertificateStatus } from './certificate.entity';

/** POST …/certificates: who issues (the office, the signer) and where; `send` mails each new certificate to its holder. */
export class IssueCertificatesDto {
  @ApiProperty({ maxLength: 200, example: 'Ban Dân vận Tỉnh ủy Hà Tĩnh', description: 'the issuing office (cơ quan cấp); its register (sổ cấp) numbers the certificates per year' })
  @IsText(200)
  office!: string;

  @ApiProperty({ maxLength: 200, example: 'Nguyễn Văn Hùng', description: 'who signs (người ký)' })
  @IsText(200)
  signerName!: string;

  @ApiProperty({ maxLength: 200, example: 'Trưởng ban', description: "the signer's title (chức vụ người ký)" })
  @IsText(200)
  signerTitle!: string;

  @ApiProperty({ maxLength: 100, example: 'Hà Tĩnh', description: 'the place name (địa danh) of the place-and-date line' })
  @IsText(100)
  place!: string;

  @ApiPropertyOptional({ description: 'true: mail each newly issued certificate to its holder (those with an email) through the outbox' })
  @IsOptional()
  @IsBoolean()
  send?: boolean;
}

export class RevokeCertificateDto {
  @ApiProperty({ maxLength: 500, example: 'Cấp nhầm người', description: 'why the certificate is revoked (lý do thu hồi); shown on the verification page' })
  @IsText(500)
  reason!: string;
}

export class IssueResultDto {
  @ApiProperty({ type: 'integer', description: 'certificates issued now (people who completed and had none)' }) issued!: number;
  @ApiProperty({ type: 'integer', description: 'people who completed and already had a certificate (valid or revoked): none issued again' }) alreadyIssued!: number;
}

export class CertificateResponseDto {
  @ApiProperty({ format: 'uuid', description: 'UUID of the certificate' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'UUID of the conference (the course)' }) conferenceId!: string;
  @ApiProperty({ format: 'uuid', description: 'UUID of the attendee who holds it' }) attendeeId!: string;
  @ApiProperty({ description: "the holder's name as it was at issue" }) holderName!: string;
  @ApiProperty({ example: '12/2026/GCN', description: "the number in the issuing office's register: serial/year/GCN" }) number!: string;
  @ApiProperty({ example: 'K7Q4ZP2MXR9T', description: 'the public verification code (/verify/:code)' }) code!: string;
  @ApiProperty({ format: 'date-time', description: 'when it was issued' }) issuedAt!: string;
  @ApiProperty({ enum: CERTIFICATE_STATUSES, description: 'valid (còn hiệu lực) or revoked (đã thu hồi)' }) status!: CertificateStatus;
  @ApiProperty({ type: String, nullable: true, description: 'why it was revoked; null while valid' }) revokedReason!: string | null;
  @ApiProperty({ description: 'the issuing office' }) issuerOffice!: string;
  @ApiProperty({ description: 'who signed it' }) signerName!: string;
  @ApiProperty({ description: "the signer's title" }) signerTitle!: string;
  @ApiProperty({ description: 'địa danh' }) place!: string;
  @ApiProperty({ description: 'the verification page (PUBLIC_BASE_URL/verify/:code)' }) verifyUrl!: string;
}

export class CertificateListDto {
  @ApiProperty({ type: [CertificateResponseDto], description: 'by number in the register' }) items!: CertificateResponseDto[];
}

/** What anybody with the code may read: nothing about the holder beyond the name. */
export class PublicCertificateDto {
  @ApiProperty({ enum: CERTIFICATE_STATUSES, description: 'valid (còn hiệu lực) or revoked (đã thu hồi)' }) status!: CertificateStatus;
  @ApiProperty({ description: "the holder's name as at issue" }) holderName!: string;
  @ApiProperty({ description: 'the course (the conference title)' }) conferenceTitle!: string;
  @ApiProperty({ format: 'date-time', description: 'when the course began' }) startsAt!: string;
  @ApiProperty({ format: 'date-time', description: 'when the course ended' }) endsAt!: string;
  @ApiProperty({ description: "the number in the issuing office's register, e.g. 12/2026/GCN" }) number!: string;
  @ApiProperty({ format: 'date-time', description: 'when it was issued' }) issuedAt!: string;
  @ApiProperty({ description: 'the issuing office' }) issuer!: string;
  @ApiProperty({ type: String, nullable: true, description: 'why it was revoked; null while valid' }) revokedReason!: string | null;
}
