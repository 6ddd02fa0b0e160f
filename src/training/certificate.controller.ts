import { Body, Controller, Get, Header, HttpCode, Param, Post, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public, Roles } from '../auth/auth.decorators';
import { User } from '../auth/user.entity';
import { ApiErrors } from '../common/api-errors.decorator';
import { ApiFileResponse } from '../common/file-response.decorator';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { PDF_CONTENT_TYPE } from '../documents/document-files';
import { CertificateListDto, CertificateResponseDto, IssueCertificatesDto, IssueResultDto, PublicCertificateDto, RevokeCertificateDto } from './certificate.dto';
import { CertificateService } from './certificate.service';

const NOT_FOUND = 'the conference does not exist (conference_not_found)';
const CERT_NOT_FOUND = `${NOT_FOUND}, or the certificate is not one of it (certificate_not_found)`;
const READERS = 'Admins, organizers and viewers; operators are refused (certificates are the issuing office’s register, not a point’s).';

@ApiTags('training')
@ApiBearerAuth()
@Controller('api/conferences/:id')
export class CertificateController {
  constructor(private readonly certificates: CertificateService) {}

  @Roles('admin', 'organizer')
  @Post('certificates')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Issue certificates to those who completed',
    description:
      'Issues a certificate (giấy chứng nhận hoàn thành khóa học) to every attendee who completed the training (as GET …/completions) ' +
      'and has none yet; calling again issues only the new ones (a revoked certificate is not issued again). Each gets the next number ' +
      "of the issuing office's register (sổ cấp) for the year of issue, printed serial/year/GCN, never reused, and a random " +
      'verification code. The holder name is the attendee\'s name at issue. With send: true, each new certificate is mailed to its ' +
      'holder (with an email) through the outbox with its number and verification link. Audited. Admins and organizers.',
  })
  @ApiOkResponse({ type: IssueResultDto, description: 'how many were issued now and how many completers already had one' })
  @ApiErrors({ 400: 'office, signerName, signerTitle or place missing, empty or too long, or send not a boolean', 403: 'the caller is an operator or a viewer', 404: NOT_FOUND })
  issue(@Param('id', ParseUuidPipe) id: string, @Body() dto: IssueCertificatesDto, @CurrentUser() user: User): Promise<IssueResultDto> {
    return this.certificates.issue(id, dto, user);
  }

  @Roles('admin', 'organizer', 'viewer')
  @Get('certificates')
  @ApiOperation({ summary: "List a training's certificates", description: `Every certificate of the conference, valid and revoked, by number. ${READERS}` })
  @ApiOkResponse({ type: CertificateListDto, description: 'the certificates' })
  @ApiErrors({ 403: 'the caller is an operator', 404: NOT_FOUND })
  list(@Param('id', ParseUuidPipe) id: string): Promise<CertificateListDto> {
    return this.certificates.list(id);
  }

  @Roles('admin', 'organizer', 'viewer')
  @Get('certificates.pdf')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Download all certificates as one PDF',
    description: `Every certificate of the conference, one A4 landscape page each, for printing (valid and revoked alike: a revoked one keeps its number). ${READERS}`,
  })
  @ApiFileResponse(PDF_CONTENT_TYPE, 'the certificates, one per page')
  @ApiErrors({ 403: 'the caller is an operator', 404: NOT_FOUND })
  async all(@Param('id', ParseUuidPipe) id: string): Promise<StreamableFile> {
    const file = await this.certificates.pdf(id, null);
    return new StreamableFile(file.body, { type: file.contentType, disposition: file.disposition });
  }

  @Roles('admin', 'organizer', 'viewer')
  @Get('certificates/:certId.pdf')
  @ApiParam({ name: 'certId', description: 'UUID of the certificate' })
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Download one certificate as PDF',
    description:
      'The certificate on A4 landscape: national header (Quốc hiệu, Tiêu ngữ), the issuing office and number, the holder, the course, ' +
      `its dates and place, place and date of issue, signer and title, and a QR code of its verification link printed beside it. ${READERS}`,
  })
  @ApiFileResponse(PDF_CONTENT_TYPE, 'the certificate as a PDF')
  @ApiErrors({ 403: 'the caller is an operator', 404: CERT_NOT_FOUND })
  async one(@Param('id', ParseUuidPipe) id: string, @Param('certId', ParseUuidPipe) certId: string): Promise<StreamableFile> {
    const file = await this.certificates.pdf(id, certId);
    return new StreamableFile(file.body, { type: file.contentType, disposition: file.disposition });
  }

  @Roles('admin', 'organizer')
  @Post('certificates/:certId/revoke')
  @ApiParam({ name: 'certId', description: 'UUID of the certificate' })
  @HttpCode(200)
  @ApiOperation({
    summary: 'Revoke a certificate',
    description: 'Marks the certificate revoked with the reason, shown on its verification page; its number stays taken. Audited. Admins and organizers.',
  })
  @ApiOkResponse({ type: CertificateResponseDto, description: 'the certificate, revoked' })
  @ApiErrors({ 400: 'reason missing, empty or too long', 403: 'the caller is an operator or a viewer', 404: CERT_NOT_FOUND })
  revoke(
    @Param('id', ParseUuidPipe) id: string,
    @Param('certId', ParseUuidPipe) certId: string,
    @Body() dto: RevokeCertificateDto,
    @CurrentUser() user: User,
  ): Promise<CertificateResponseDto> {
    return this.certificates.revoke(id, certId, dto.reason, user);
  }
}

@ApiTags('public')
@Public()
@Controller('api/public/certificates/:code')
export class PublicCertificateController {
  constructor(private readonly certificates: CertificateService) {}

  @Get()
  @ApiParam({ name: 'code', description: 'the verification code printed on the certificate (case, spaces and dashes ignored)' })
  @ApiOperation({
    summary: 'Verify a certificate',
    description:
      'With no account: whether the certificate with this verification code is valid or revoked (with the reason), its holder, course, ' +
      'number, date of issue and issuer. Nothing else about the holder. Any code that names no certificate, whatever its shape, answers the same 404.',
  })
  @ApiOkResponse({ type: PublicCertificateDto, description: 'the certificate as anybody may see it' })
  @ApiErrors({ 404: 'no certificate has this code (certificate_not_found)' })
  async verify(@Param('code') code: string): Promise<PublicCertificateDto> {
    const { timeZone: _timeZone, ...answer } = await this.certificates.verify(code);
    return answer;
  }
}
