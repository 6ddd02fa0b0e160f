import { EntityManager } from 'typeorm';
import { newId } from '../common/ids';
import { forUpdate } from '../database/row-lock';
import { certificateNumber, newVerificationCode } from './certificate-numbers';
import { Certificate, CertificateRegister } from './certificate.entity';

/** Who a certificate is for: an attendee, named as at issue. */
export interface CertificateHolder {
  id: string;
  fullName: string;
}

/** What an issue says of every certificate it gives: the office and its signer, where and when. */
export interface IssueTerms {
  conferenceId: string;
  office: string;
  signerName: string;
  signerTitle: string;
  place: string;
  issuedAt: Date;
  /** The register's year: the year of issue in the conference's zone. */
  year: number;
}

/**
 * Takes `count` numbers from the office's register (sổ cấp) for `year`: its row is locked (made
 * first when the office issues its first certificate of the year; two first issues meet on the
 * primary key) and raised in the caller's transaction. Answers the last number given before these,
 * so they are that + 1 … that + count; a number is never given twice.
 */
export async function takeNumbers(m: EntityManager, office: string, year: number, count: number): Promise<number> {
  let register = await m.findOne(CertificateRegister, { where: { office, year }, ...forUpdate(m) });
  if (!register) {
    await m.createQueryBuilder().insert().into(CertificateRegister).values({ office, year, lastNumber: 0 }).orIgnore().execute();
    register = await m.findOneOrFail(CertificateRegister, { where: { office, year }, ...forUpdate(m) });
  }
  await m.update(CertificateRegister, { office, year }, { lastNumber: register.lastNumber + count });
  return register.lastNumber;
}

/**
 * Numbers `holders` in order from the office's register and writes their certificates, each with
 * a random verification code. Answers the rows written.
 */
export async function issueCertificates(m: EntityManager, holders: CertificateHolder[], terms: IssueTerms): Promise<Certificate[]> {
  if (holders.length === 0) return [];
  const before = await takeNumbers(m, terms.office, terms.year, holders.length);
  const rows: Certificate[] = holders.map((holder, i) => ({
    id: newId(),
    conferenceId: terms.conferenceId,
    attendeeId: holder.id,
    holderName: holder.fullName,
    number: certificateNumber(before + i + 1, terms.year),
    serial: before + i + 1,
    year: terms.year,
    code: newVerificationCode(),
    issuerOffice: terms.office,
    signerName: terms.signerName,
    signerTitle: terms.signerTitle,
    place: terms.place,
    issuedAt: terms.issuedAt,
    status: 'valid',
    revokedReason: null,
    revokedAt: null,
    createdAt: terms.issuedAt,
  }));
  for (let i = 0; i < rows.length; i += 100) await m.insert(Certificate, rows.slice(i, i + 100));
  return rows;
}
