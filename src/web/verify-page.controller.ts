import { Controller, Get, Param, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { CertificateService } from '../training/certificate.service';
import { PageExceptionFilter } from './page-exception.filter';
import { sendPage } from './page-result';
import { verifyNotFoundPage, verifyPage } from './verify-page';

/** The page the certificate's QR code opens (`/verify/:code`). */
@ApiExcludeController()
@Public()
@UseFilters(PageExceptionFilter)
@Controller('verify/:code')
export class VerifyPageController {
  constructor(private readonly certificates: CertificateService) {}

  @Get()
  async show(@Param('code') code: string, @Res() reply: FastifyReply): Promise<void> {
    const verified = await this.certificates.verify(code).catch(() => null);
    sendPage(reply, verified ? { status: 200, html: verifyPage(verified) } : { status: 404, html: verifyNotFoundPage() });
  }
}
