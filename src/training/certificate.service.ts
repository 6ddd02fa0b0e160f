import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { Attendee } from '../attendees/attendee.entity';
import { userActor } from '../audit/actor';
import { AuditService } from '../audit/audit.service';
import { User } from '../auth/user.entity';
import { Clock } from '../common/clock';
import { notFound } from '../common/errors';
import { contentDisposition, ExportFile, shortTitle } from '../common/spreadsheet-export';
import { wallClock } from '../common/vietnamese-time';
import { AppConfig } from '../config/app-config';
import { Conference } from '../conferences/conference.entity';
import { conferenceOrFail } from '../bridge-points/conference-visibility';
import { forUpdate } from '../database/row-lock';
import { TransactionRunner } from '../database/transaction-runner';
import type { CertificatePrint } from '../documents/certificate-pdf';
import { PDF_CONTENT_TYPE } from '../documents/document-files';
import { OutboxService } from '../outbox/outbox.service';
import { CompletionRepository } from './completion.repository';
import { normalizeCode } from './certificate-numbers';
import { issueCertificates } from './certificate-register';
import { CertificateListDto, CertificateResponseDto, IssueCertificatesDto, IssueResultDto, PublicCertificateDto } from './certificate.dto';
import { Certificate } from './certificate.entity';

export const certificateNotFound = (field = 'certId') => notFound(field, 'certificate_not_found', 'Không tìm thấy giấy chứng nhận.');

/** The public answer for a code: one verdict, whatever the code looks like. */
export interface VerifiedCertificate extends PublicCertificateDto {
  timeZone: string;
}

/**
 * Certificates (giấy chứng nhận hoàn thành khóa học): issued to the people who completed, numbered
 * from the issuing office's register, printed as A4 landscape PDFs, verified by their public code.
 */
@Injectable()
export class CertificateService {
  constructor(
    @InjectRepository(Certificate) private readonly certificates: Repository<Certificate>,
    private readonly completions: CompletionRepository,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  verifyUrl(code: string): string {
    return `${this.config.publicBaseUrl}/verify/${code}`;
  }

  /**
   * Issues a certificate to everyone who completed and has none (a revoked one counts: it is
   * not issued again). Numbers are taken from the office's register for the year of issue, its
   * row locked for the transaction, so they are serial and never reused.
   */
  async issue(conferenceId: string, dto: IssueCertificatesDto, user: User): Promise<IssueResultDto> {
    const known = await conferenceOrFail(this.certificates.manager, conferenceId, null);
    const completed = await this.completedOf(this.certificates.manager, known);
    return this.tx.transaction(async (m) => {
      // Two issues of the same conference one after the other: the second sees the first's certificates.
      const conference = await conferenceOrFail(m, conferenceId, null, (id) => m.findOne(Conference, { where: { id }, ...forUpdate(m) }));
      const existing = new Set(
        (await m.find(Certificate, { select: { attendeeId: true }, where: { conferenceId } })).map((c) => c.attendeeId),
      );
      const fresh = completed.filter((a) => !existing.has(a.id));
      if (fresh.length === 0) return { issued: 0, alreadyIssued: completed.length };
      const now = this.clock.now();
      const terms = { conferenceId, office: dto.office, signerName: dto.signerName, signerTitle: dto.signerTitle, place: dto.place, issuedAt: now };
      const rows = await issueCertificates(m, fresh, { ...terms, year: wallClock(now, conference.timezone).year });
      await this.audit.record(
        m,
        userActor(user),
        ...rows.map((c) => ({
          conferenceId,
          entityType: 'certificate' as const,
          entityId: c.id,
          action: 'certificate.issue',
          after: { attendeeId: c.attendeeId, holderName: c.holderName, number: c.number, issuerOffice: c.issuerOffice, signerName: c.signerName },
        })),
      );
      if (dto.send) {
        const emails = new Map(fresh.map((a) => [a.id, a.email]));
        await this.outbox.enqueue(
          m,
          rows
            .filter((c) => emails.get(c.attendeeId))
            .map((c) => ({
              kind: 'certificate' as const,
              conferenceId,
              recipient: emails.get(c.attendeeId)!,
              recipientName: c.holderName,
              attendeeId: c.attendeeId,
              idempotencyKey: `certificate:${c.id}`,
              payload: { certificateId: c.id },
            })),
        );
      }
      return { issued: rows.length, alreadyIssued: completed.length - rows.length };
    });
  }

  async list(conferenceId: string): Promise<CertificateListDto> {
    await conferenceOrFail(this.certificates.manager, conferenceId, null);
    const rows = await this.certificates.find({ where: { conferenceId }, order: { year: 'ASC', issuerOffice: 'ASC', serial: 'ASC' } });
    return { items: rows.map((c) => this.response(c)) };
  }

  async revoke(conferenceId: string, certId: string, reason: string, user: User): Promise<CertificateResponseDto> {
    return this.tx.transaction(async (m) => {
      await conferenceOrFail(m, conferenceId, null);
      const cert = await m.findOne(Certificate, { where: { id: certId, conferenceId }, ...forUpdate(m) });
      if (!cert) throw certificateNotFound();
      if (cert.status === 'revoked' && cert.revokedReason === reason) return this.response(cert);
      const before = { status: cert.status, revokedReason: cert.revokedReason };
      cert.status = 'revoked';
      cert.revokedReason = reason;
      cert.revokedAt = this.clock.now();
      await m.update(Certificate, { id: cert.id }, { status: cert.status, revokedReason: reason, revokedAt: cert.revokedAt });
      await this.audit.record(m, userActor(user), {
        conferenceId,
        entityType: 'certificate',
        entityId: cert.id,
        action: 'certificate.revoke',
        before,
        after: { status: cert.status, revokedReason: reason },
      });
      return this.response(cert);
    });
  }

  /** One certificate, or all of the conference (one per page), as a PDF. */
  async pdf(conferenceId: string, certId: string | null): Promise<ExportFile> {
    const conference = await conferenceOrFail(this.certificates.manager, conferenceId, null);
    let rows: Certificate[];
    if (certId) {
      const cert = await this.certificates.findOneBy({ id: certId, conferenceId });
      if (!cert) throw certificateNotFound();
      rows = [cert];
    } else {
      rows = await this.certificates.find({ where: { conferenceId }, order: { year: 'ASC', issuerOffice: 'ASC', serial: 'ASC' } });
    }
    const { renderCertificates } = await import('../documents/certificate-pdf');
    const title = certId ? `Giấy chứng nhận ${rows[0].number} - ${rows[0].holderName}` : `Giấy chứng nhận - ${shortTitle(conference.title)}`;
    const body = await renderCertificates(rows.map((c) => this.print(c, conference)), title);
    return { contentType: PDF_CONTENT_TYPE, disposition: contentDisposition(`${title.replace(/\//g, '-')}.pdf`), body };
  }

  print(c: Certificate, conference: Conference): CertificatePrint {
    return {
      holderName: c.holderName,
      courseTitle: conference.title,
      startsAt: conference.startsAt,
      endsAt: conference.endsAt,
      timeZone: conference.timezone,
      venue: conference.venue,
      issuerOffice: c.issuerOffice,
      signerName: c.signerName,
      signerTitle: c.signerTitle,
      place: c.place,
      number: c.number,
      issuedAt: c.issuedAt,
      verifyUrl: this.verifyUrl(c.code),
    };
  }

  /** The public verdict for a code: unknown and malformed codes alike answer the same 404. */
  async verify(input: string): Promise<VerifiedCertificate> {
    const code = normalizeCode(input);
    const cert = code ? await this.certificates.findOneBy({ code }) : null;
    const conference = cert ? await this.certificates.manager.findOneBy(Conference, { id: cert.conferenceId }) : null;
    if (!cert || !conference) throw certificateNotFound('code');
    return {
      status: cert.status,
      holderName: cert.holderName,
      conferenceTitle: conference.title,
      startsAt: conference.startsAt.toISOString(),
      endsAt: conference.endsAt.toISOString(),
      number: cert.number,
      issuedAt: cert.issuedAt.toISOString(),
      issuer: cert.issuerOffice,
      revokedReason: cert.status === 'revoked' ? cert.revokedReason : null,
      timeZone: conference.timezone,
    };
  }

  /** Who completed (the completion list's judgement, evaluation included), with what a certificate and its mail need. */
  private async completedOf(m: EntityManager, conference: Conference): Promise<Attendee[]> {
    const ids = (await this.completions.completed(conference, m)).map((r) => r.attendeeId);
    const people: Attendee[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      people.push(...(await m.find(Attendee, { select: { id: true, fullName: true, email: true, searchKey: true }, where: { id: In(ids.slice(i, i + 500)) } })));
    }
    const order = new Map(ids.map((id, i) => [id, i]));
    return people.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  }

  private response(c: Certificate): CertificateResponseDto {
    return {
      id: c.id,
      conferenceId: c.conferenceId,
      attendeeId: c.attendeeId,
      holderName: c.holderName,
      number: c.number,
      code: c.code,
      issuedAt: c.issuedAt.toISOString(),
      status: c.status,
      revokedReason: c.revokedReason,
      issuerOffice: c.issuerOffice,
      signerName: c.signerName,
      signerTitle: c.signerTitle,
      place: c.place,
      verifyUrl: this.verifyUrl(c.code),
    };
  }
}
