import { CertificatePrint, renderCertificates } from './certificate-pdf';

const pages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;

const base: CertificatePrint = {
  holderName: 'Nguyễn Thị Ánh Tuyết',
  courseTitle: 'Hội nghị tập huấn, bồi dưỡng chuyên môn nghiệp vụ công tác dân vận năm 2022',
  startsAt: new Date('2022-10-21T00:30:00Z'),
  endsAt: new Date('2022-10-21T04:30:00Z'),
  timeZone: 'Asia/Ho_Chi_Minh',
  venue: 'Hội trường Tỉnh ủy Hà Tĩnh',
  issuerOffice: 'Ban Dân vận Tỉnh ủy Hà Tĩnh',
  signerName: 'Trương Thanh Huyền',
  signerTitle: 'Trưởng ban',
  place: 'Hà Tĩnh',
  number: '12/2022/GCN',
  issuedAt: new Date('2022-10-21T08:00:00Z'),
  verifyUrl: 'https://hoinghi.example.vn/verify/ABCDEFGHJKMN',
};

describe('certificate PDF', () => {
  it('keeps each certificate on one page, also with the longest texts the API accepts', async () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `chuyên đề ${i + 1}`).join(', ').slice(0, n);
    const longest: CertificatePrint = {
      ...base,
      holderName: 'Tôn Nữ Hoàng Thị Minh Nguyệt Ánh Dương Phương Thảo',
      courseTitle: words(500),
      venue: words(500),
      issuerOffice: words(200),
      signerTitle: words(200),
      place: words(100),
    };
    const long = { ...base, courseTitle: words(250), venue: words(200), issuerOffice: words(100), signerTitle: words(60) };
    const counts: number[] = [];
    for (const c of [base, long, longest]) counts.push(pages(await renderCertificates([c], 'một')));
    expect(counts).toEqual([1, 1, 1]);
    expect(pages(await renderCertificates([base, longest, base], 'ba'))).toBe(3);
  });
});
