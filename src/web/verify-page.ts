import { courseDates } from '../documents/certificate-pdf-dates';
import { html } from './html';
import { messagePage, page } from './layout';
import { notice } from './widgets';

/** What the verification page shows: the holder, the course, its dates, the issuer, the number and the status. Nothing else. */
export interface VerifiedView {
  status: 'valid' | 'revoked';
  holderName: string;
  conferenceTitle: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  number: string;
  issuer: string;
  revokedReason: string | null;
}

export function verifyPage(v: VerifiedView): string {
  const valid = v.status === 'valid';
  return page({
    title: 'Tra cứu giấy chứng nhận',
    body: html`<section class="card" aria-labelledby="tieu-de">
<h1 id="tieu-de">Tra cứu giấy chứng nhận</h1>
${notice(valid ? 'ok' : 'error', valid ? 'Giấy chứng nhận còn hiệu lực.' : `Giấy chứng nhận đã bị thu hồi. Lý do: ${v.revokedReason ?? '—'}`)}
<dl>
<dt>Họ và tên</dt><dd><strong>${v.holderName}</strong></dd>
<dt>Khóa học</dt><dd>${v.conferenceTitle}</dd>
<dt>Thời gian</dt><dd>${courseDates(new Date(v.startsAt), new Date(v.endsAt), v.timeZone)}</dd>
<dt>Cơ quan cấp</dt><dd>${v.issuer}</dd>
<dt>Số</dt><dd>${v.number}</dd>
</dl>
</section>`,
  });
}

/** One page for every code that names no certificate, whatever it looks like. */
export const verifyNotFoundPage = (): string =>
  messagePage('Không tìm thấy giấy chứng nhận', 'Mã tra cứu không đúng hoặc không tồn tại.', 'Hãy kiểm tra lại mã in trên giấy chứng nhận.');
